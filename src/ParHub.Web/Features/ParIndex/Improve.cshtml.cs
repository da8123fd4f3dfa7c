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
public class ImproveModel(ParHubDbContext db, IndexQueries queries, ListWeakComponents weak) : PageModel
{
    public const string DefaultMap = DraftImprovementPlan.DefaultMap;
    public const string MapSetting = DraftImprovementPlan.MapSetting;

    public AssessmentCycle Cycle { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<LostPoints> Lost { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public int? AgencyId { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The SIPAS components below target of the cycle's agencies (null: no computed programme for the cycle).</summary>
    public WeakComponents? Weak { get; private set; }
    [BindProperty] public string Map { get; set; } = DefaultMap;

    public async Task<IActionResult> OnGetAsync(int id, int? agencyId, CancellationToken ct)
    {
        Map = await db.Settings.AsNoTracking().Where(x => x.Key == MapSetting).Select(x => x.Value).FirstOrDefaultAsync(ct) ?? DefaultMap;
        return await LoadAsync(id, agencyId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? agencyId, [FromServices] DraftImprovementPlan draft, CancellationToken ct)
    {
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
        Map = await db.Settings.AsNoTracking().Where(x => x.Key == MapSetting).Select(x => x.Value).FirstOrDefaultAsync(ct) ?? DefaultMap;
        return await LoadAsync(id, agencyId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, int? agencyId, CancellationToken ct)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return NotFound();
        Cycle = cycle;
        var (framework, results, names) = await queries.ResultsAsync(cycle, ct);
        Framework = framework;
        Agencies = names.Select(kv => (int.Parse(kv.Key, CultureInfo.InvariantCulture), kv.Value)).OrderBy(a => a.Value, Core.Text.VietnameseCollation.Comparer)
            .ToList();
        AgencyId = agencyId is { } asked && Agencies.Any(x => x.Id == asked) ? asked : null; // an agency outside the cycle: the whole province
        var chosen = AgencyId is { } a ? results.Where(r => r.Id == a.ToString(CultureInfo.InvariantCulture)) : results;
        Lost = ScoringEngine.Lost(framework, chosen);
        Weak = await weak.RunAsync(id, AgencyId, ct);
        return null;
    }
}
