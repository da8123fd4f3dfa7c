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
    public const int PageSize = 50;
    public int PageNo { get; private set; } = 1;
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int? Year { get; private set; }
    public List<int> Years { get; private set; } = [];

    /// <summary>A page of the plans (50 each, newest year first), optionally of one year; <c>p</c> is the page ("page" is Razor
    /// Pages' own route value).</summary>
    public async Task OnGetAsync(DateOnly? asOf, int? year, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "p")] int? pageNo, CancellationToken ct)
    {
        AsOf = asOf ?? VietnamTime.Today(clock);
        Years = await db.Plans.AsNoTracking().Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        Year = year is { } y && Years.Contains(y) ? y : null;
        var q = db.Plans.AsNoTracking();
        if (Year is { } only) q = q.Where(p => p.Year == only);
        Total = await q.CountAsync(ct);
        PageNo = Math.Clamp(pageNo ?? 1, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var plans = await q.OrderByDescending(p => p.Year).ThenByDescending(p => p.IssuedOn).ThenBy(p => p.Id)
            .Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var counts = await queries.CountsByPlanAsync(plans.Select(p => p.Id).ToList(), AsOf, ct);
        Rows = plans.Select(p => new Row(p, counts.GetValueOrDefault(p.Id) ?? StatusCounts.Of([]))).ToList();
    }

    public string PageUrl(int page) => $"/Plans?p={page}" + (Year is { } y ? $"&year={y}" : "")
        + (AsOf != VietnamTime.Today(clock) ? $"&asOf={AsOf:yyyy-MM-dd}" : "");
}
