using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// The ranking of a cycle: points, index, band and rank within the group, with field sub-indices. Before publication only
/// the province-wide roles and appraisers see it; after, anyone may (also on the public page).
/// </summary>
[AllowAnonymous]
public class ResultsModel(ParHubDbContext db, IndexService index) : PageModel
{
    public AssessmentCycle Cycle { get; private set; } = null!;
    public IndexFramework FrameworkRow { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public List<AgencyResult> Results { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public Dictionary<string, int> AssessmentIds { get; private set; } = [];
    public bool CanPublish => index.IsCoordinator && Cycle.PublishedAt is null;
    public bool IsPublic { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public List<(string UserName, string Fields)> Assignments { get; private set; } = [];

    public async Task<IActionResult> OnPostAssignAsync(int id, string? appraiser, string? fields, CancellationToken ct)
    {
        try
        {
            await index.AssignAsync(id, appraiser, fields, ct);
            return Redirect($"/ParIndex/Results/{id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, string? decision, CancellationToken ct)
    {
        try
        {
            await index.PublishAsync(id, decision, ct);
            return Redirect($"/ParIndex/Results/{id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return NotFound();
        if (!index.CanSeeResults(cycle)) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        Cycle = cycle;
        IsPublic = User.Identity?.IsAuthenticated != true;
        FrameworkRow = await db.IndexFrameworks.AsNoTracking().FirstAsync(f => f.Id == cycle.FrameworkId, ct);
        var (framework, results, names) = await index.ResultsAsync(cycle, ct);
        (Framework, Names) = (framework, names);
        Results = results.OrderBy(r => r.Rank).ThenBy(r => r.Name, Core.Text.VietnameseCollation.Comparer).ToList();
        if (index.IsCoordinator) Assignments = await index.AssignmentsAsync(id, ct);
        if (!IsPublic)
            AssessmentIds = await db.Assessments.AsNoTracking().Where(a => a.CycleId == id)
                .ToDictionaryAsync(a => a.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Id, ct);
        return null;
    }

    /// <summary>A field's sub-index: its criteria's points over their applicable max, in percent.</summary>
    public static decimal? SubIndex(AgencyResult r, string field)
    {
        var c = r.Criteria.Where(x => !x.Exempt && (x.Code == field || x.Code.StartsWith(field + ".", StringComparison.Ordinal))).ToList();
        var max = c.Sum(x => x.Max);
        return max == 0 ? null : c.Sum(x => x.Points) / max * 100;
    }
}
