using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Plans;

public class IndexModel(ParHubDbContext db, TaskAccess access, TimeProvider clock) : PageModel
{
    public sealed record Row(Plan Plan, StatusCounts Counts);
    public List<Row> Rows { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    public bool CanImport => access.IsCoordinator;

    public async Task OnGetAsync(DateOnly? asOf, CancellationToken ct)
    {
        AsOf = asOf ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.IssuedOn).Take(500).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId != null && ids.Contains(t.PlanId.Value))
            .Select(t => new { t.PlanId, t.Start, Due = t.CurrentDue ?? t.Due, t.CompletedOn }).ToListAsync(ct);
        var byPlan = tasks.ToLookup(t => t.PlanId);
        var asOfDate = AsOf;
        Rows = plans.Select(p => new Row(p, StatusCounts.Of(byPlan[p.Id].Select(t => DeadlineStatuses.Of(t.Start, t.Due, t.CompletedOn, asOfDate))))).ToList();
    }
}
