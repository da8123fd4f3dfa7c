using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Tasks;

/// <summary>
/// Tasks of a year as bars from their start month to their due month, coloured by status, a page of
/// <see cref="DefaultPageSize"/> at a time (<c>size</c>, 20 to 500); the plan and the lead agency are picked from lists of those with tasks that year.
/// Built from a slim projection and plain CSS grid rows, without script.
/// </summary>
public class TimelineModel(ParHubDbContext db, TimeProvider clock, ReadCache cache) : PageModel
{
    public const int DefaultPageSize = 200;
    public int PageSize { get; private set; } = DefaultPageSize;
    public sealed record Row(int Id, string Label, string Content, int From, int To, DeadlineStatus Status);
    public int Year { get; private set; }
    public int? PlanId { get; private set; }
    public int? AgencyId { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNo { get; private set; } = 1;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<(int Id, string Name)> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(int? year, int? planId, int? agencyId, [FromQuery(Name = "p")] int? pageNo, int? size,
        CancellationToken ct)
    {
        PageSize = Math.Clamp(size ?? DefaultPageSize, 20, 500);
        var today = VietnamTime.Today(clock);
        Year = year is >= 1990 and <= 2100 ? year.Value : today.Year;
        (PlanId, AgencyId) = (planId, agencyId);
        var first = new DateOnly(Year, 1, 1);
        var last = new DateOnly(Year, 12, 31);
        var ofYear = db.PlanTasks.AsNoTracking().Where(t => t.SortDue >= first && t.SortDue <= last);
        // The pickers' options: the plans and lead agencies with tasks due that year, kept until the next change to tasks.
        (Plans, Agencies) = await cache.GetOrCreateAsync($"timeline:options:{Year}", [CacheTags.Tasks], async c =>
        {
            var planIds = ofYear.Select(t => t.PlanId).Distinct();
            var plans = (await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.Number, p.Title }).ToListAsync(c))
                .OrderBy(p => p.Number, Core.Text.VietnameseCollation.Comparer)
                .Select(p => (p.Id, (p.Number is { } n ? n + " – " : "") + (p.Title.Length > 80 ? p.Title[..80] + "…" : p.Title))).ToList();
            var leadIds = ofYear.SelectMany(t => t.Assignments).Where(x => x.Role == AssignmentRole.Lead && x.AgencyId != null)
                .Select(x => x.AgencyId!.Value).Distinct();
            var agencies = (await db.Agencies.AsNoTracking().Where(x => leadIds.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(c))
                .OrderBy(x => x.Name, Core.Text.VietnameseCollation.Comparer).Select(x => (x.Id, x.Name)).ToList();
            return (plans, agencies);
        }, ct);
        var q = ofYear;
        if (planId is { } p) q = q.Where(t => t.PlanId == p);
        if (agencyId is { } a) q = q.Where(t => t.Assignments.Any(x => x.Role == AssignmentRole.Lead && x.AgencyId == a));
        Total = await q.CountAsync(ct);
        PageNo = Math.Clamp(pageNo ?? 1, 1, Pages);
        var rows = await q.OrderBy(t => t.SortDue).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder).Skip((PageNo - 1) * PageSize).Take(PageSize)
            .Select(t => new { t.Id, t.No, t.Content, PlanNumber = t.Plan!.Number, t.Start, Due = t.SortDue, t.CompletedOn })
            .ToListAsync(ct);
        Rows = rows.Select(t =>
        {
            var from = t.Start is { } s && s.Year == Year ? s.Month - 1 : t.Start is { } s2 && s2.Year < Year ? 0 : t.Due.Month - 1;
            var label = $"{t.PlanNumber} · {t.No}. {(t.Content.Length > 60 ? t.Content[..60] + "…" : t.Content)}";
            return new Row(t.Id, label, t.Content, from, t.Due.Month - 1, DeadlineStatuses.Of(t.Start, t.Due, t.CompletedOn, today));
        }).ToList();
    }

    public string PageUrl(int page) => Url.Page("/Tasks/Timeline",
        new { year = Year, planId = PlanId, agencyId = AgencyId, p = page, size = PageSize == DefaultPageSize ? (int?)null : PageSize })!;
}
