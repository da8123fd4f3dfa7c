using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Plans;

namespace ParHub.Web.Features.Tasks;

public sealed record PlanDto(int Id, string? Number, string? DocType, string? Issuer, DateOnly? IssuedOn, int Year, string Title,
    PlanKind Kind, int Tasks, StatusCounts? Counts);

public sealed record TaskDto(int Id, int? PlanId, string No, string? Group, string Content, string? Lead, string? Cooperating,
    string? Product, string? Timeframe, DateOnly? Start, DateOnly? Due, DateOnly? CurrentDue, TaskProgress Progress,
    DateOnly? CompletedOn, DeadlineStatus Status, int Version);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary><c>/api/v1/plans</c> and <c>/api/v1/tasks</c>: read for signed-in users; progress by the lead agency.</summary>
public static class TaskApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<Data.TransactionEndpointFilter>().WithTags("Plans and tasks");
        api.MapGet("/plans", PlansAsync).WithName("ListPlans").WithSummary("Kế hoạch; lọc theo năm (year).");
        api.MapGet("/plans/{id:int}", PlanAsync).WithName("GetPlan")
            .WithSummary("Một kế hoạch với số nhiệm vụ theo tình trạng tính đến ngày asOf.");
        api.MapGet("/tasks", TasksAsync).WithName("ListTasks")
            .WithSummary(
                "Nhiệm vụ, có lọc (planId, agencyId, groupId, status, area, dueFrom, dueTo, year, q, asOf) và phân trang (page, pageSize ≤ 500).");
        api.MapGet("/tasks/{id:int}", TaskAsync).WithName("GetTask");
        api.MapPost("/tasks/{id:int}/progress", ProgressAsync).WithName("ReportTaskProgress")
            .WithSummary(
                "Cập nhật tiến độ (cơ quan chủ trì; Sở Nội vụ). Gửi kèm version đã đọc; trả 409 nếu nhiệm vụ vừa được "
                + "người khác cập nhật.");
    }

    private static DateOnly Today(TimeProvider clock) => VietnamTime.Today(clock);

    private static async Task<Ok<List<PlanDto>>> PlansAsync(ParHubDbContext db, int? year, CancellationToken ct)
    {
        var q = db.Plans.AsNoTracking();
        if (year is { } y) q = q.Where(p => p.Year == y);
        var rows = await q.OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new PlanDto(p.Id, p.Number, p.DocType, p.Issuer, p.IssuedOn, p.Year, p.Title, p.Kind, p.Tasks.Count, null))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<PlanDto>, NotFound>> PlanAsync(int id, DateOnly? asOf, ParHubDbContext db, TaskQueries queries,
        TimeProvider clock, CancellationToken ct)
    {
        var p = await db.Plans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return TypedResults.NotFound();
        var counts = await queries.CountsAsync(new TaskFilter { PlanId = id }, asOf ?? Today(clock), ct);
        return TypedResults.Ok(new PlanDto(p.Id, p.Number, p.DocType, p.Issuer, p.IssuedOn, p.Year, p.Title, p.Kind, counts.Total, counts));
    }

    /// <summary>The query string of <c>GET /api/v1/tasks</c>; every parameter optional.</summary>
    public sealed record TaskQuery(int? PlanId, int? AgencyId, int? GroupId, DeadlineStatus? Status, string? Area, DateOnly? DueFrom,
        DateOnly? DueTo, int? Year, string? Q, DateOnly? AsOf, int? Page, int? PageSize, bool? LeadOnly);

    private static async Task<Ok<Paged<TaskDto>>> TasksAsync([AsParameters] TaskQuery query, ParHubDbContext db, TaskQueries queries,
        TimeProvider clock, CancellationToken ct)
    {
        var filter = new TaskFilter
        {
            PlanId = query.PlanId, AgencyId = query.AgencyId, GroupId = query.GroupId, Status = query.Status, Area = query.Area,
            DueFrom = query.DueFrom, DueTo = query.DueTo, Year = query.Year, Q = query.Q, AsOf = query.AsOf,
            Page = query.Page ?? 1, PageSize = query.PageSize ?? 50, LeadOnly = query.LeadOnly ?? true,
        };
        var asOf = filter.AsOf ?? Today(clock);
        filter.PageSize = Math.Clamp(filter.PageSize, 1, 500);
        filter.Page = Math.Max(1, filter.Page);
        var (rows, total) = await queries.BoardAsync(filter, asOf, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return TypedResults.Ok(new Paged<TaskDto>(rows.Select(r => Dto(tasks[r.Id], asOf)).ToList(), total, filter.Page, filter.PageSize));
    }

    private static TaskDto Dto(PlanTask t, DateOnly asOf) => new(t.Id, t.PlanId, t.No, t.Group, t.Content, t.LeadText, t.CooperatingText,
        t.Product, t.TimeframeText, t.Start, t.Due, t.CurrentDue, t.Progress, t.CompletedOn,
        DeadlineStatuses.Of(t.Start, t.EffectiveDue, t.CompletedOn, asOf), t.Version);

    private static async Task<Results<Ok<TaskDto>, NotFound>> TaskAsync(int id, DateOnly? asOf, ParHubDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var t = await db.PlanTasks.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return t is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(t, asOf ?? Today(clock)));
    }

    private static async Task<Results<Ok<TaskDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> ProgressAsync(
        int id, ProgressInput? input, ParHubDbContext db, TaskTracking tracking, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.PlanTasks.AnyAsync(t => t.Id == id, ct)) return TypedResults.NotFound();
        if (input is null) return Reports.ReportApi.Problem(400, "Thiếu nội dung cập nhật tiến độ.");
        try
        {
            await tracking.ReportAsync(id, input, [], contribution: false, ct);
        }
        catch (UnauthorizedAccessException) { return TypedResults.Forbid(); }
        catch (TaskConflictException e) { return Reports.ReportApi.Problem(409, e.Message); }
        catch (TaskRuleException e) { return Reports.ReportApi.Problem(400, e.Message); }
        var t = await db.PlanTasks.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        return TypedResults.Ok(Dto(t, Today(clock)));
    }
}
