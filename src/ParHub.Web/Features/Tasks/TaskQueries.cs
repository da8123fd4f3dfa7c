using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Tasks;

/// <summary>Filters of the task board and the task API.</summary>
public sealed class TaskFilter
{
    public int? PlanId { get; set; }
    public int? AgencyId { get; set; }
    public int? GroupId { get; set; }
    /// <summary>Lead only, or lead and cooperating.</summary>
    public bool LeadOnly { get; set; } = true;
    public DeadlineStatus? Status { get; set; }
    public string? Area { get; set; }
    public DateOnly? DueFrom { get; set; }
    public DateOnly? DueTo { get; set; }
    public int? Year { get; set; }
    public string? Q { get; set; }
    /// <summary>Only tasks assigned from these sources ("Chính phủ giao"…; none: every task).</summary>
    public string[]? Sources { get; set; }
    /// <summary>Only tasks with no lead agency or group ("chưa giao": imported with a lead not in the directory, or none).</summary>
    public bool Unassigned { get; set; }
    public DateOnly? AsOf { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 50;
}

public sealed record TaskRow(int Id, int? PlanId, string? PlanNumber, int? PlanYear, string No, string? Group, string Content,
    string? LeadText, string? TimeframeText, DateOnly? Start, DateOnly? Due, DateOnly? CompletedOn, TaskProgress Progress,
    DeadlineStatus Status, string? Occurrence = null);

/// <summary>Task board, counts and drill-down, computed for any "as of" date in the database.</summary>
public sealed class TaskQueries(ParHubDbContext db, ReadCache cache)
{
    private static readonly string[] Tags = [CacheTags.Tasks];

    /// <summary>The SQL form of <see cref="DeadlineStatuses.Of"/>, so that status filters and counts run in the database.</summary>
    public static Expression<Func<PlanTask, bool>> HasStatus(DeadlineStatus status, DateOnly asOf) =>
        DeadlineRule.Over<PlanTask>(status, t => t.Start, t => t.CurrentDue ?? t.Due, t => t.CompletedOn, () => asOf);

    public IQueryable<PlanTask> Filtered(TaskFilter f, DateOnly asOf)
    {
        var q = db.PlanTasks.AsNoTracking();
        if (f.PlanId is { } p) q = q.Where(t => t.PlanId == p);
        if (f.Year is { } y)
        {
            // The plans of the year first (a few dozen ids), so that the task query can use its plan index.
            var planIds = db.Plans.AsNoTracking().Where(p => p.Year == y).Select(p => p.Id).ToList();
            q = q.Where(t => t.PlanId != null && planIds.Contains(t.PlanId.Value));
        }
        if (f.AgencyId is { } a)
        {
            // The agency's groups first (a handful of ids), so the task query is a plain index lookup.
            var groups = db.AgencyGroupMembers.AsNoTracking().Where(m => m.AgencyId == a).Select(m => m.GroupId).ToList();
            q = f.LeadOnly
                ? q.Where(t =>
                    t.Assignments.Any(x => x.Role == AssignmentRole.Lead && (x.AgencyId == a || x.GroupId != null && groups.Contains(x.GroupId.Value))))
                : q.Where(t => t.Assignments.Any(x => x.AgencyId == a || x.GroupId != null && groups.Contains(x.GroupId.Value)));
        }
        if (f.Unassigned)
            q = q.Where(t => !t.Assignments.Any(x => x.Role == AssignmentRole.Lead && (x.AgencyId != null || x.GroupId != null)));
        if (f.GroupId is { } g) q = q.Where(t => t.Assignments.Any(x => x.Role == AssignmentRole.Lead && x.GroupId == g));
        if (ReformFields.IsField(f.Area))
        {
            // A standard field: the plans' own headings read as it (a few hundred distinct headings at most).
            var headings = db.PlanTasks.AsNoTracking().Where(t => t.ReformArea != null).Select(t => t.ReformArea!).Distinct().ToList()
                .Where(h => ReformFields.Of(h) == f.Area).ToList();
            q = f.Area == ReformFields.Other
                ? q.Where(t => t.ReformArea == null || headings.Contains(t.ReformArea))
                : q.Where(t => headings.Contains(t.ReformArea!));
        }
        else if (!string.IsNullOrWhiteSpace(f.Area)) q = q.Where(t => t.ReformArea == f.Area); // a heading as written (the API)
        if (f.Sources is { Length: > 0 } sources) q = q.Where(t => t.Source != null && sources.Contains(t.Source));
        if (f.DueFrom is { } from) q = q.Where(t => (t.CurrentDue ?? t.Due) >= from);
        if (f.DueTo is { } to) q = q.Where(t => (t.CurrentDue ?? t.Due) <= to);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(t => t.Content.Contains(f.Q.Trim()));
        if (f.Status is { } s) q = q.Where(HasStatus(s, asOf));
        return q;
    }

    public async Task<(List<TaskRow> Rows, int Total)> BoardAsync(TaskFilter f, DateOnly asOf, CancellationToken ct = default)
    {
        var q = Filtered(f, asOf);
        var total = await cache.GetOrCreateAsync("tasks:total:" + Key(f, asOf), Tags, c => q.CountAsync(c), ct);
        return (await PageAsync(q, f, asOf, ct), total);
    }

    /// <summary>One page of the board, by deadline (the indexed <see cref="PlanTask.SortDue"/>), then plan and order.</summary>
    public async Task<List<TaskRow>> PageAsync(IQueryable<PlanTask> q, TaskFilter f, DateOnly asOf, CancellationToken ct = default)
    {
        var size = Math.Clamp(f.PageSize, 1, 500);
        var page = Math.Max(1, f.Page);
        IQueryable<PlanTask> ordered;
        if (f.PlanId is not null || f.Year is not null || f.AgencyId is not null || f.GroupId is not null)
        {
            // A selective filter: sort its keys here rather than let the database walk the whole deadline index
            // looking for a few thousand rows (a LIMIT plan that PostgreSQL picks and regrets).
            // The sorted ids are kept with the counts (same key, same version), so paging and repeated views of one
            // filter read only their page's rows.
            var sorted = await cache.GetOrCreateAsync("tasks:ids:" + Key(f, asOf), Tags, async c =>
                (await q.Select(t => new { t.Id, t.SortDue, t.PlanId, t.SortOrder }).ToListAsync(ct))
                    .OrderBy(k => k.SortDue).ThenBy(k => k.PlanId).ThenBy(k => k.SortOrder).Select(k => k.Id).ToArray(), ct);
            var ids = sorted.Skip((page - 1) * size).Take(size).ToList();
            ordered = db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.SortDue).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder);
        }
        else
        {
            ordered = q.OrderBy(t => t.SortDue).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder).Skip((page - 1) * size).Take(size);
        }
        var rows = await ordered
            .Select(t => new
            {
                t.Id, t.PlanId, PlanNumber = t.Plan!.Number, PlanYear = (int?)t.Plan.Year, t.No, t.Group, t.Content, t.LeadText, t.TimeframeText,
                t.Start, Due = t.CurrentDue ?? t.Due, t.CompletedOn, t.Progress, t.Occurrence
            })
            .ToListAsync(ct);
        return rows.Select(t => new TaskRow(t.Id, t.PlanId, t.PlanNumber, t.PlanYear, t.No, t.Group, t.Content, t.LeadText, t.TimeframeText,
            t.Start, t.Due, t.CompletedOn, t.Progress, DeadlineStatuses.Of(t.Start, t.Due, t.CompletedOn, asOf), t.Occurrence)).ToList();
    }

    /// <summary>
    /// Counts by status for the filtered tasks, in one aggregate query. The conditions are those of
    /// <see cref="DeadlineStatuses.Of"/> (and <see cref="HasStatus"/>); a test checks they agree for many dates.
    /// </summary>
    public Task<StatusCounts> CountsAsync(TaskFilter f, DateOnly asOf, CancellationToken ct = default) =>
        cache.GetOrCreateAsync("tasks:counts:" + Key(f, asOf), Tags, c => LoadCountsAsync(f, asOf, c), ct);

    /// <summary>The filter and date as a cache key (paging excluded: counts do not depend on it).</summary>
    private static string Key(TaskFilter f, DateOnly asOf) =>
        $"{f.PlanId}|{f.AgencyId}|{f.GroupId}|{f.LeadOnly}|{f.Status}|{f.Area}|{f.DueFrom}|{f.DueTo}|{f.Year}|{f.Q}|{f.Unassigned}|"
        + $"{string.Join(',', f.Sources ?? [])}|{asOf:yyyyMMdd}";

    private async Task<StatusCounts> LoadCountsAsync(TaskFilter f, DateOnly asOf, CancellationToken ct) =>
        (await AggregateAsync(Filtered(f, asOf), _ => 0, asOf, ct)).Select(r => r.Counts).SingleOrDefault() ?? StatusCounts.Of([]);

    /// <summary>Counts per plan for many plans in one aggregate query (same conditions as <see cref="CountsAsync"/>).</summary>
    public Task<Dictionary<int, StatusCounts>> CountsByPlanAsync(IReadOnlyCollection<int> planIds, DateOnly asOf, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"tasks:by-plan:{asOf:yyyyMMdd}:{string.Join(',', planIds)}", Tags, async c =>
            (await AggregateAsync(db.PlanTasks.AsNoTracking().Where(t => t.PlanId != null && planIds.Contains(t.PlanId.Value)), t => t.PlanId!.Value, asOf, ct))
                .ToDictionary(r => r.Key, r => r.Counts), ct);

    private sealed class CountsRow<TKey>
    {
        public TKey Key { get; init; } = default!;
        public int Total { get; init; }
        public int DoneOnTime { get; init; }
        public int DoneLate { get; init; }
        public int Overdue { get; init; }
        public int NotYetDue { get; init; }
        public int InProgress { get; init; }
    }

    /// <summary>
    /// Status counts per key in one SQL aggregate (<c>count(*) FILTER (…)</c>): the conditions of
    /// <see cref="DeadlineStatuses.Of"/>; a test checks that both agree for many dates.
    /// </summary>
    private static async Task<List<(TKey Key, StatusCounts Counts)>> AggregateAsync<TKey>(IQueryable<PlanTask> q,
        Expression<Func<PlanTask, TKey>> key, DateOnly asOf, CancellationToken ct)
    {
        var rows = await q.GroupBy(key).Select(CountsSelector<TKey>(asOf)).ToListAsync(ct);
        return rows.Select(c => (c.Key, new StatusCounts(c.Total, c.DoneOnTime, c.DoneLate, c.InProgress, c.Overdue, c.NotYetDue,
            c.Total - c.DoneOnTime - c.DoneLate - c.Overdue - c.NotYetDue - c.InProgress))).ToList();
    }

    /// <summary>g => new CountsRow { Key = g.Key, Total = g.Count(), DoneOnTime = g.Count(rule), … }, the rule being <see cref="DeadlineRule"/>.</summary>
    private static Expression<Func<IGrouping<TKey, PlanTask>, CountsRow<TKey>>> CountsSelector<TKey>(DateOnly asOf)
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, PlanTask>), "g");
        Expression Count(DeadlineStatus? s) => s is { } status
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(PlanTask)], g, HasStatus(status, asOf))
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(PlanTask)], g);
        MemberBinding Bind(string member, Expression value) => Expression.Bind(typeof(CountsRow<TKey>).GetProperty(member)!, value);
        return Expression.Lambda<Func<IGrouping<TKey, PlanTask>, CountsRow<TKey>>>(Expression.MemberInit(
            Expression.New(typeof(CountsRow<TKey>)),
            Bind(nameof(CountsRow<TKey>.Key), Expression.Property(g, nameof(IGrouping<TKey, PlanTask>.Key))),
            Bind(nameof(CountsRow<TKey>.Total), Count(null)),
            Bind(nameof(CountsRow<TKey>.DoneOnTime), Count(DeadlineStatus.DoneOnTime)),
            Bind(nameof(CountsRow<TKey>.DoneLate), Count(DeadlineStatus.DoneLate)),
            Bind(nameof(CountsRow<TKey>.Overdue), Count(DeadlineStatus.Overdue)),
            Bind(nameof(CountsRow<TKey>.NotYetDue), Count(DeadlineStatus.NotYetDue)),
            Bind(nameof(CountsRow<TKey>.InProgress), Count(DeadlineStatus.InProgressOnTime))), g);
    }

    /// <summary>Counts per reform area (the plan's groups) for a drill-down table, in document order.</summary>
    public async Task<List<(string Area, StatusCounts Counts)>> CountsByAreaAsync(TaskFilter f, DateOnly asOf, CancellationToken ct = default)
    {
        var rows = await Filtered(f, asOf)
            .Select(t => new { t.ReformArea, t.Start, Due = t.CurrentDue ?? t.Due, t.CompletedOn, t.SortOrder })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ReformArea ?? "(Không thuộc nhóm)")
            .OrderBy(g => g.Min(r => r.SortOrder))
            .Select(g => (g.Key, StatusCounts.Of(g.Select(t => DeadlineStatuses.Of(t.Start, t.Due, t.CompletedOn, asOf)))))
            .ToList();
    }

    /// <summary>Counts per lead agency (agencies named directly as lead).</summary>
    public async Task<List<(int AgencyId, string Name, StatusCounts Counts)>> CountsByLeadAgencyAsync(TaskFilter f, DateOnly asOf,
        CancellationToken ct = default)
    {
        var tasks = Filtered(f, asOf);
        var rows = await db.TaskAssignments.AsNoTracking()
            .Where(a => a.Role == AssignmentRole.Lead && a.AgencyId != null && tasks.Any(t => t.Id == a.TaskId))
            .Join(db.PlanTasks, a => a.TaskId, t => t.Id, (a, t) => new { AgencyId = a.AgencyId!.Value, t.Start, Due = t.CurrentDue ?? t.Due, t.CompletedOn })
            .ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.GroupBy(r => r.AgencyId)
            .Select(g => (g.Key, names.GetValueOrDefault(g.Key, "?"), StatusCounts.Of(g.Select(t => DeadlineStatuses.Of(t.Start, t.Due, t.CompletedOn, asOf)))))
            .OrderByDescending(x => x.Item3.Total)
            .ToList();
    }
}
