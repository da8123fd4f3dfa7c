using Microsoft.Extensions.Caching.Memory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Plans;
using ParHub.Core.Text;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Agencies;

namespace ParHub.Web.Features.Tasks;

/// <summary>The task board: filters by plan, agency, group, status, area and due window, for any "as of" date.</summary>
public class IndexModel(ParHubDbContext db, TaskQueries queries, AgencyQueries agencies, AgencyScope scope, TimeProvider clock,
    Microsoft.Extensions.Caching.Memory.IMemoryCache cache, TaskReadCache readCache) : PageModel
{
    [BindProperty(SupportsGet = true)] public TaskFilter Filter { get; set; } = new();
    public DateOnly AsOf { get; private set; }
    public List<TaskRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public StatusCounts Counts { get; private set; } = StatusCounts.Of([]);
    public sealed record PlanOption(int Id, string? Number, string Title);
    public List<PlanOption> Plans { get; private set; } = [];
    public List<Agency> Agencies { get; private set; } = [];
    public List<AgencyGroup> Groups { get; private set; } = [];
    public List<string> Areas { get; private set; } = [];
    public int? OwnAgencyId => scope.OwnAgencyId;
    public bool CanAdd => scope.CanManageDirectory;

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf = Filter.AsOf ?? VietnamTime.Today(clock);
        Filter.PageSize = Math.Clamp(Filter.PageSize, 10, 200);
        Filter.Page = Math.Max(1, Filter.Page);
        // The counts give the total too: one aggregate and one page query per request.
        Counts = await queries.CountsAsync(Filter, AsOf, ct);
        Total = Counts.Total;
        Rows = await queries.PageAsync(queries.Filtered(Filter, AsOf), Filter, AsOf, ct);
        // The plan filter's options (numbers and titles only), kept until the next saved change to plans or tasks.
        Plans = await readCache.GetOrAddAsync("plan-options", () => db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Title).Take(300)
            .Select(p => new PlanOption(p.Id, p.Number, p.Title)).ToListAsync(ct));
        var dir = await agencies.DirectoryAsync(ct);
        Agencies = dir.Entries.Select(e => e.Agency).Where(a => a.Kind != AgencyKind.Commune || a.ValidTo is null).ToList();
        Groups = dir.Groups.Values.OrderBy(g => g.Id).ToList();
        // Reform areas change only with imports: kept for a minute.
        Areas = await cache.GetOrCreateAsync($"task-areas:{Filter.PlanId}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var areas = db.PlanTasks.AsNoTracking().Where(t => t.ReformArea != null);
            if (Filter.PlanId is { } p) areas = areas.Where(t => t.PlanId == p);
            return (await areas.Select(t => t.ReformArea!).Distinct().Take(200).ToListAsync(ct)).Order(VietnameseCollation.Comparer).ToList();
        }) ?? [];
    }

    public string PageUrl(int page) => Url.Page("/Tasks/Index", new
    {
        Filter.PlanId, Filter.AgencyId, Filter.GroupId, Filter.Status, Filter.Area, Filter.DueFrom, Filter.DueTo, Filter.Q,
        asOf = AsOf, page, Filter.PageSize,
    })!;
}
