using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tasks;

/// <summary>
/// Tasks of a year as bars from their start month to their due month, coloured by status. Built from a slim
/// projection and plain CSS grid rows, so that 5,000 tasks render in one page without script.
/// </summary>
public class TimelineModel(ParHubDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxRows = 5000;
    public sealed record Row(int Id, string Label, string Content, int From, int To, DeadlineStatus Status);
    public int Year { get; private set; }
    public int? PlanId { get; private set; }
    public int? AgencyId { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public bool Truncated { get; private set; }

    public async Task OnGetAsync(int? year, int? planId, int? agencyId, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Year = year is >= 1990 and <= 2100 ? year.Value : today.Year;
        (PlanId, AgencyId) = (planId, agencyId);
        var first = new DateOnly(Year, 1, 1);
        var last = new DateOnly(Year, 12, 31);
        var q = db.PlanTasks.AsNoTracking().Where(t => t.SortDue >= first && t.SortDue <= last);
        if (planId is { } p) q = q.Where(t => t.PlanId == p);
        if (agencyId is { } a) q = q.Where(t => t.Assignments.Any(x => x.Role == AssignmentRole.Lead && x.AgencyId == a));
        var rows = await q.OrderBy(t => t.SortDue).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder).Take(MaxRows + 1)
            .Select(t => new { t.Id, t.No, t.Content, PlanNumber = t.Plan!.Number, t.Start, Due = t.SortDue, t.CompletedOn })
            .ToListAsync(ct);
        Truncated = rows.Count > MaxRows;
        var asOf = today;
        Rows = rows.Take(MaxRows).Select(t =>
        {
            var from = t.Start is { } s && s.Year == Year ? s.Month - 1 : t.Start is { } s2 && s2.Year < Year ? 0 : t.Due.Month - 1;
            var label = $"{t.PlanNumber} · {t.No}. {(t.Content.Length > 60 ? t.Content[..60] + "…" : t.Content)}";
            return new Row(t.Id, label, t.Content, from, t.Due.Month - 1, DeadlineStatuses.Of(t.Start, t.Due, t.CompletedOn, asOf));
        }).ToList();
    }
}
