using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Plans;

public class IndexModel(ParHubDbContext db, TaskAccess access, TaskQueries queries, TimeProvider clock) : PageModel
{
    public sealed record Row(Plan Plan, StatusCounts Counts);
    public List<Row> Rows { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    public bool CanImport => access.IsCoordinator;

    public async Task OnGetAsync(DateOnly? asOf, CancellationToken ct)
    {
        AsOf = asOf ?? VietnamTime.Today(clock);
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.IssuedOn).Take(500).ToListAsync(ct);
        var counts = await queries.CountsByPlanAsync(plans.Select(p => p.Id).ToList(), AsOf, ct);
        Rows = plans.Select(p => new Row(p, counts.GetValueOrDefault(p.Id) ?? StatusCounts.Of([]))).ToList();
    }
}
