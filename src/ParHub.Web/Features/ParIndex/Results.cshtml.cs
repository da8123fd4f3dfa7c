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
public class ResultsModel(ParHubDbContext db, IndexService index, Tasks.TaskReadCache cache) : PageModel
{
    /// <summary>One line of the ranking, formatted once and kept until the next change to the cycle's assessments.</summary>
    public sealed record RankingRow(string AgencyId, string Name, int? AssessmentId, int Rank, string Points, string Max, string Index, string? Band, string[] Fields);

    public List<RankingRow> Rows { get; private set; } = [];
    public AssessmentCycle Cycle { get; private set; } = null!;
    public IndexFramework FrameworkRow { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
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

    /// <summary>The ranking as XLSX: the decision's annex table (rank, agency, points, index, band, field sub-indices).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        var fields = Framework.Nodes.Where(n => !n.Code.Contains('.')).ToList();
        string[] header = ["Hạng", "Cơ quan, đơn vị", "Tổng điểm", "Điểm tối đa áp dụng", "Chỉ số (%)", "Xếp loại", .. fields.Select(f => $"{f.Code}. {f.Title} (%)")];
        var rows = Rows.Select(x => (IReadOnlyList<string?>)[x.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name, x.Points, x.Max, x.Index, x.Band, .. x.Fields]);
        return File(ParHub.Web.Shared.Office.Xlsx.Write("Kết quả Chỉ số CCHC", header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"chi-so-cchc-{Cycle.Year}-{Cycle.GroupCode}.xlsx");
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
        var (framework, _, _) = await index.ResultsAsync(cycle, ct);
        Framework = framework;
        Rows = await cache.GetOrAddAsync($"index-ranking:{id}", async () =>
        {
            var (f, results, _) = await index.ResultsAsync(cycle, ct);
            var ids = await db.Assessments.AsNoTracking().Where(a => a.CycleId == id)
                .ToDictionaryAsync(a => a.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Id, ct);
            var fields = f.Nodes.Where(n => !n.Code.Contains('.')).Select(n => n.Code).ToList();
            return results.OrderBy(r => r.Rank).ThenBy(r => r.Name, Core.Text.VietnameseCollation.Comparer)
                .Select(r => new RankingRow(r.Id, r.Name ?? r.Id, ids.TryGetValue(r.Id, out var aid) ? aid : null, r.Rank, Show(r.Points), Show(r.ApplicableMax),
                    Show(r.Index), r.Band, fields.Select(c => Show(SubIndex(r, c))).ToArray()))
                .ToList();
        });
        if (index.IsCoordinator) Assignments = await index.AssignmentsAsync(id, ct);
        return null;
    }

    public static string Show(decimal? v) => v is { } x ? ScoringEngine.Round(x).ToString("0.##", Core.Text.VietnameseCollation.Culture) : "—";

    /// <summary>A field's sub-index: its criteria's points over their applicable max, in percent.</summary>
    public static decimal? SubIndex(AgencyResult r, string field)
    {
        var c = r.Criteria.Where(x => !x.Exempt && (x.Code == field || x.Code.StartsWith(field + ".", StringComparison.Ordinal))).ToList();
        var max = c.Sum(x => x.Max);
        return max == 0 ? null : c.Sum(x => x.Points) / max * 100;
    }
}
