using Microsoft.Extensions.Caching.Memory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Plans;
using ParHub.Core.Text;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Shared;
using ParHub.Web.Features.Agencies;

namespace ParHub.Web.Features.Tasks;

/// <summary>The task board: filters by plan, agency, group, status, area and due window, for any "as of" date.</summary>
public class IndexModel(ParHubDbContext db, TaskQueries queries, AgencyQueries agencies, AgencyScope scope, TimeProvider clock,
    ReadCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public TaskFilter Filter { get; set; } = new();
    public DateOnly AsOf { get; private set; }
    public List<TaskRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public StatusCounts Counts { get; private set; } = StatusCounts.Of([]);
    public sealed record PlanOption(int Id, string? Number, string Title);
    public List<PlanOption> Plans { get; private set; } = [];
    public List<AgencyInfo> Agencies { get; private set; } = [];
    public List<AgencyGroupInfo> Groups { get; private set; } = [];
    public List<ReformFields.Field> Areas { get; private set; } = [];
    public int? OwnAgencyId => scope.OwnAgencyId;
    public bool CanAdd => scope.CanManageDirectory;
    /// <summary>Tasks nobody leads (shown to those who manage the plans, so that none is forgotten).</summary>
    public int UnassignedCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf = Filter.AsOf ?? VietnamTime.Today(clock);
        Filter.PageSize = Math.Clamp(Filter.PageSize, 10, 200);
        Filter.Page = Math.Max(1, Filter.Page);
        // The counts give the total too: one aggregate and one page query per request.
        Counts = await queries.CountsAsync(Filter, AsOf, ct);
        Total = Counts.Total;
        if (CanAdd)
            UnassignedCount = (await queries.CountsAsync(new TaskFilter { Unassigned = true, PlanId = Filter.PlanId }, AsOf, ct)).Total;
        Rows = await queries.PageAsync(queries.Filtered(Filter, AsOf), Filter, AsOf, ct);
        // The plan filter's options (numbers and titles only), kept until the next saved change to plans or tasks.
        Plans = await cache.GetOrCreateAsync("tasks:plan-options", [CacheTags.Tasks],
            c => db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Title).Take(300)
            .Select(p => new PlanOption(p.Id, p.Number, p.Title)).ToListAsync(c), ct);
        var dir = await agencies.DirectoryAsync(ct);
        Agencies = dir.Entries.Select(e => e.Agency).Where(a => a.Kind != AgencyKind.Commune || a.ValidTo is null).ToList();
        Groups = dir.Groups.Values.OrderBy(g => g.Id).ToList();
        // The standard fields the tasks' headings are read as (they change only with imports).
        Areas = await cache.GetOrCreateAsync($"tasks:fields:{Filter.PlanId}", [CacheTags.Tasks], async c =>
        {
            var areas = db.PlanTasks.AsNoTracking();
            if (Filter.PlanId is { } p) areas = areas.Where(t => t.PlanId == p);
            var present = (await areas.Select(t => t.ReformArea).Distinct().ToListAsync(c)).Select(a => ReformFields.Of(a) ?? ReformFields.Other).ToHashSet();
            return ReformFields.All.Where(f => present.Contains(f.Code)).ToList();
        }, ct);
    }

    public string PageUrl(int page) => Url.Page("/Tasks/Index", new
    {
        Filter.PlanId, Filter.AgencyId, Filter.GroupId, Filter.Status, Filter.Area, Filter.DueFrom, Filter.DueTo, Filter.Q,
        unassigned = Filter.Unassigned ? true : (bool?)null, asOf = AsOf, page, Filter.PageSize,
    })!;
}
