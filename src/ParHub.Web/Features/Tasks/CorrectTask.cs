using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Plans;

namespace ParHub.Web.Features.Tasks;

/// <summary>A Coordinator's correction of what a task says (a document's slip, a lead it did not name).</summary>
public sealed class CorrectionInput
{
    public string? Content { get; set; }
    public string? Lead { get; set; }
    public string? Cooperating { get; set; }
    public string? Product { get; set; }
    public string? Timeframe { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Corrects a task by hand: content, lead, cooperating agencies, product and (for work done once) the time frame, the
/// agencies resolved against the directory. Every due of recurring work gets the same correction. The next import of
/// the plan keeps it (see <see cref="ImportMerge"/>). The change and its audit line commit together.
/// </summary>
public sealed class CorrectTask(ParHubDbContext db, TaskAccess access, PlanImporter importer, AuditLog audit, TimeProvider clock)
{
    public const int MaxContentLength = 8000;

    public Task RunAsync(int taskId, CorrectionInput input, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        if (!access.IsCoordinator) throw new UnauthorizedAccessException();
        var task = await db.PlanTasks.Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new TaskRuleException("Không tìm thấy nhiệm vụ.");
        if (task.Version != input.Version) throw new TaskConflictException();
        var content = input.Content?.Trim() ?? "";
        if (content.Length == 0) throw new TaskRuleException("Vui lòng nhập nội dung nhiệm vụ.");
        if (content.Length > MaxContentLength) throw new TaskRuleException($"Nội dung quá dài (tối đa {MaxContentLength} ký tự).");
        if ((input.Lead?.Length ?? 0) > 2000 || (input.Cooperating?.Length ?? 0) > 4000 || (input.Product?.Length ?? 0) > 2000
            || (input.Timeframe?.Length ?? 0) > 1000)
            throw new TaskRuleException("Một ô quá dài (chủ trì, sản phẩm tối đa 2000 ký tự; phối hợp 4000; thời gian 1000).");
        var resolver = await importer.ResolverAsync(ct);
        var on = VietnamTime.Today(clock);
        var lead = resolver.Resolve(input.Lead, on);
        var coop = resolver.Resolve(input.Cooperating, on);
        if (lead.Count == 0) throw new TaskRuleException("Vui lòng nhập cơ quan chủ trì.");
        if (lead.Concat(coop).FirstOrDefault(x => x.Kind == ResolvedKind.Unresolved) is { } unknown)
            throw new TaskRuleException($"Không tìm thấy cơ quan “{unknown.Text}” trong danh mục.");
        Timeframe? tf = null;
        if (!ImportMerge.Same(input.Timeframe, task.TimeframeText))
        {
            if (task.Occurrence is not null)
                throw new TaskRuleException("Nhiệm vụ định kỳ: điều chỉnh thời hạn của từng lần bằng “Điều chỉnh thời hạn”.");
            var plan = task.PlanId is { } pid ? await db.Plans.AsNoTracking().SingleAsync(p => p.Id == pid, ct) : null;
            tf = TimeframeParser.Parse(input.Timeframe ?? "",
                new TimeframeContext(plan?.Year ?? on.Year, plan?.PeriodFrom, plan?.PeriodTo));
            if (tf.Kind == TimeframeKind.Unknown)
                throw new TaskRuleException($"Không đọc được thời hạn “{input.Timeframe}”. Ví dụ: “Trước ngày 30/6/2026”, “Quý III/2026”.");
        }

        var series = task.Occurrence is null || task.PlanId is null ? [task]
            : await db.PlanTasks.Include(t => t.Assignments)
                .Where(t => t.PlanId == task.PlanId && t.Group == task.Group && t.No == task.No && t.Occurrence != null).ToListAsync(ct);
        var before = Snapshot(task);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var t in series)
        {
            t.Content = content;
            t.LeadText = Blank(input.Lead);
            t.CooperatingText = Blank(input.Cooperating);
            t.Product = Blank(input.Product);
            if (tf is not null) t.SetTimeframe(input.Timeframe, tf);
            t.Assignments.Clear();
            t.Assignments.AddRange(PlanImporter.Assignments(lead, AssignmentRole.Lead).Concat(PlanImporter.Assignments(coop, AssignmentRole.Cooperating)));
            t.UpdatedAt = now;
            t.Version++;
        }
        audit.Record("correct", TaskTracking.EntityType, taskId.ToString(CultureInfo.InvariantCulture), null,
            $"Sửa nhiệm vụ {task.No}" + (series.Count > 1 ? $" ({series.Count} lần thực hiện)" : ""),
            FieldChanges.Between(before, Snapshot(task)));
        await db.SaveChangesAsync(ct);
    }, ct);

    private static Dictionary<string, string?> Snapshot(PlanTask t) => new()
    {
        ["Content"] = t.Content, ["Lead"] = t.LeadText, ["Cooperating"] = t.CooperatingText, ["Product"] = t.Product,
        ["Timeframe"] = t.TimeframeText, ["Due"] = t.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
