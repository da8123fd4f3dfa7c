using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.Improvement;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// Where the points were lost (province-wide or for one agency), ranked by points lost × agencies affected; one click
/// drafts next year's improvement plan — a task per criterion, led by the agency the responsibility map names — that
/// is tracked like any plan.
/// </summary>
[Authorize(Roles = Roles.ProvinceWide)]
public class ImproveModel(ParHubDbContext db, IndexQueries queries, ListWeakComponents weak, ProvinceLeads leads) : PageModel
{
    public const string DefaultMap = DraftImprovementPlan.DefaultMap;
    public const string MapSetting = DraftImprovementPlan.MapSetting;

    public AssessmentCycle Cycle { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<LostPoints> Lost { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public int? AgencyId { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The points lost are the Ministry's appraisal of the province (its table imported), not the self-assessment.</summary>
    public bool National { get; private set; }
    /// <summary>The SIPAS components below target of the cycle's agencies (null: no computed programme for the cycle).</summary>
    public WeakComponents? Weak { get; private set; }
    [BindProperty] public string Map { get; set; } = DefaultMap;
    /// <summary>The responsibility map as picked: a field's code and its lead agency's code ("" for none), in pairs.</summary>
    [BindProperty] public List<string> MapField { get; set; } = [];
    [BindProperty] public List<string?> MapAgency { get; set; } = [];
    /// <summary>The directory's current agencies (code, name), for the responsibility map's pickers.</summary>
    public List<(string Code, string Name)> Directory { get; private set; } = [];

    /// <summary>The map's lines as field code → agency code (lines it cannot read are left out; the draft checks them).</summary>
    public IReadOnlyDictionary<string, string> MapEntries => Core.ParIndex.LeadMap.Parse(Map).Entries;

    public async Task<IActionResult> OnGetAsync(int id, int? agencyId, CancellationToken ct)
    {
        Map = (await leads.MapAsync(ct)).Write();
        return await LoadAsync(id, agencyId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? agencyId, [FromServices] DraftImprovementPlan draft, CancellationToken ct)
    {
        if (MapField.Count > 0)
        {
            // Picked: the stored map, with the fields of this framework as chosen (fields of other frameworks kept).
            var map = await leads.MapAsync(ct);
            foreach (var (field, agency) in MapField.Zip(MapAgency)) map = map.With(field, agency);
            Map = map.Write();
        }
        try
        {
            var planId = await draft.RunAsync(new DraftImprovementPlanRequest(id, agencyId, Map), ct);
            return Redirect($"/Plans/Details/{planId}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        return await LoadAsync(id, agencyId, ct) ?? Page();
    }

    /// <summary>Turns one weak SIPAS component of an agency into a task of next year's plan to raise satisfaction.</summary>
    public async Task<IActionResult> OnPostSipasTaskAsync(int id, int? agencyId, int agency, string? component, [FromServices] AddSipasTask add,
        CancellationToken ct)
    {
        try
        {
            var planId = await add.RunAsync(new AddSipasTaskRequest(id, agency, component ?? ""), ct);
            return Redirect($"/Plans/Details/{planId}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        Map = (await leads.MapAsync(ct)).Write();
        return await LoadAsync(id, agencyId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, int? agencyId, CancellationToken ct)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return NotFound();
        Cycle = cycle;
        var (framework, results, names, national) = await queries.ImprovementResultsAsync(cycle, ct);
        (Framework, National) = (framework, national);
        Agencies = names.Select(kv => (int.Parse(kv.Key, CultureInfo.InvariantCulture), kv.Value)).OrderBy(a => a.Value, Core.Text.VietnameseCollation.Comparer)
            .ToList();
        AgencyId = agencyId is { } asked && Agencies.Any(x => x.Id == asked) ? asked : null; // an agency outside the cycle: the whole province
        var chosen = AgencyId is { } a ? results.Where(r => r.Id == a.ToString(CultureInfo.InvariantCulture)) : results;
        Lost = ScoringEngine.Lost(framework, chosen);
        Directory = (await db.Agencies.AsNoTracking().Where(x => x.ValidTo == null).Select(x => new { x.Code, x.Name }).ToListAsync(ct))
            .OrderBy(x => x.Name, Core.Text.VietnameseCollation.Comparer).Select(x => (x.Code, x.Name)).ToList();
        Weak = await weak.RunAsync(id, AgencyId, ct);
        return null;
    }
}
