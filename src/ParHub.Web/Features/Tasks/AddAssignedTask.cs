using System.Globalization;
using ParHub.Core.Agencies;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Plans;

namespace ParHub.Web.Features.Tasks;

/// <summary>A standalone task as the Coordinator types it: who assigned it, what, who leads, by when.</summary>
public sealed record AssignedTaskRequest(string Source, string? AssignedBy, string? Content, string? Lead, string? Cooperating,
    string? Product, string? Timeframe, int Year);

/// <summary>What adding the task came to: the task, or the Vietnamese reasons it was refused.</summary>
public sealed record AssignedTaskResult(PlanTask? Task, IReadOnlyList<string> Errors);

/// <summary>
/// Adds a task assigned by the Government, the Prime Minister or the province's leaders (not from an imported plan):
/// agencies resolved against the directory, the deadline read, the task and its audit line committed together.
/// </summary>
public sealed class AddAssignedTask(ParHubDbContext db, PlanImporter importer, AuditLog audit, Notifications.Notifier notifier, TimeProvider clock)
{
    public Task<AssignedTaskResult> RunAsync(AssignedTaskRequest input, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Content)) errors.Add("Vui lòng nhập nội dung nhiệm vụ.");
        if (string.IsNullOrWhiteSpace(input.AssignedBy)) errors.Add("Vui lòng nhập văn bản giao nhiệm vụ.");
        if (input.Year is < 1990 or > 2100) errors.Add("Năm không hợp lệ.");
        var resolver = await importer.ResolverAsync(ct);
        var on = DocumentReference.Parse(input.AssignedBy)?.Date;
        var lead = resolver.Resolve(input.Lead, on);
        var coop = resolver.Resolve(input.Cooperating, on);
        if (lead.Count == 0) errors.Add("Vui lòng nhập cơ quan chủ trì.");
        errors.AddRange(lead.Concat(coop).Where(x => x.Kind == ResolvedKind.Unresolved)
            .Select(x => $"Không tìm thấy cơ quan “{x.Text}” trong danh mục."));
        var tf = TimeframeParser.Parse(input.Timeframe ?? "", new TimeframeContext(Math.Clamp(input.Year, 1990, 2100)));
        if (tf.Kind == TimeframeKind.Unknown)
            errors.Add($"Không đọc được thời hạn “{input.Timeframe}”. Ví dụ: “Trước ngày 30/6/2026”, “Quý III/2026”.");
        if (errors.Count > 0) return new AssignedTaskResult(null, errors);

        // Recurring work ("Hằng quý") is one task per due of the year, each tracked on its own.
        var year = Math.Clamp(input.Year, 1990, 2100);
        var dues = Occurrences.Of(tf, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var tasks = (dues.Count == 0 ? [null] : dues.Select(d => (Occurrence?)d)).Select(o =>
        {
            var t = new PlanTask
            {
                No = "—", Group = input.Source, ReformArea = input.Source, Content = input.Content!.Trim(), Product = input.Product?.Trim(),
                LeadText = input.Lead?.Trim(), CooperatingText = input.Cooperating?.Trim(), AssignedBy = input.AssignedBy!.Trim(),
                UpdatedAt = clock.GetUtcNow().UtcDateTime, Source = input.Source,
            };
            t.SetTimeframe(input.Timeframe, tf, o);
            t.Assignments.AddRange(PlanImporter.Assignments(lead, AssignmentRole.Lead)
                .Concat(PlanImporter.Assignments(coop, AssignmentRole.Cooperating)));
            return t;
        }).ToList();
        db.PlanTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct); // the audit line names the new id
        var task = tasks[0];
        audit.Record("create", TaskTracking.EntityType, task.Id.ToString(CultureInfo.InvariantCulture), null,
            $"Nhiệm vụ được giao: {task.AssignedBy}" + (tasks.Count > 1 ? $" ({tasks.Count} lần: {string.Join(", ", tasks.Select(t => t.Occurrence))})" : ""),
            [new FieldChange("Content", null, task.Content),
             new FieldChange("Due", null, string.Join(", ", tasks.Select(t => t.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))]);
        var due = task.EffectiveDue is { } d ? $", hạn {d:dd/MM/yyyy}" : "";
        await notifier.ToAgenciesAsync(await notifier.AgenciesOfAsync(task.Assignments, ct), new Notifications.Notice(
            $"task:{task.Id}:assigned", $"Nhiệm vụ mới được giao{due}",
            $"{task.AssignedBy} giao cơ quan nhiệm vụ: {TaskTracking.Short(task.Content)}", $"/Tasks/Details/{task.Id}"), ct);
        await db.SaveChangesAsync(ct);
        return new AssignedTaskResult(task, []);
    }, ct);
}
