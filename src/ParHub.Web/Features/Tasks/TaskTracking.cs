using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Tasks;

/// <summary>A progress report from the lead agency (or a contribution from a cooperating one).</summary>
public sealed class ProgressInput
{
    public TaskProgress Progress { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Note { get; set; }
    public string? ProductNumber { get; set; }
    /// <summary>The task version the person saw; a different one means somebody else changed it meanwhile.</summary>
    public int Version { get; set; }
}

public sealed record UploadedFile(string FileName, string ContentType, long Length, Func<Stream> Open);

/// <summary>Thrown for what a user did wrong; the message is shown as it is.</summary>
public class TaskRuleException(string message) : Exception(message);

/// <summary>Somebody else changed the task since it was read; nothing was saved (the API answers 409).</summary>
public sealed class TaskConflictException() : TaskRuleException(StaleMessage)
{
    public const string StaleMessage =
        "Nhiệm vụ vừa được người khác cập nhật. Vui lòng tải lại trang để xem thông tin mới nhất rồi cập nhật lại.";
}

/// <summary>
/// Who may act on a task, decided on the server: Admin and Coordinator on every task; an agency officer reports
/// progress on tasks its agency leads (named, or through a group it belongs to) and adds contributions where it
/// cooperates.
/// </summary>
public sealed class TaskAccess(ParHubDbContext db, ICurrentUser user)
{
    public bool IsCoordinator => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);

    public async Task<AssignmentRole?> RoleOfOwnAgencyAsync(int taskId, CancellationToken ct = default)
    {
        if (user.AgencyId is not { } agency || !user.IsInRole(Roles.AgencyOfficer)) return null;
        var groups = db.AgencyGroupMembers.Where(m => m.AgencyId == agency).Select(m => m.GroupId);
        var roles = await db.TaskAssignments.Where(a => a.TaskId == taskId
                && (a.AgencyId == agency || a.GroupId != null && groups.Contains(a.GroupId.Value)))
            .Select(a => a.Role).ToListAsync(ct);
        return roles.Contains(AssignmentRole.Lead) ? AssignmentRole.Lead : roles.Count > 0 ? AssignmentRole.Cooperating : null;
    }

    public async Task<bool> CanReportAsync(int taskId, CancellationToken ct = default) =>
        IsCoordinator || await RoleOfOwnAgencyAsync(taskId, ct) == AssignmentRole.Lead;

    public async Task<bool> CanContributeAsync(int taskId, CancellationToken ct = default) =>
        IsCoordinator || await RoleOfOwnAgencyAsync(taskId, ct) is not null;

    /// <summary>Files of a task: the province-wide roles and the agencies assigned to it.</summary>
    public async Task<bool> CanReadFilesAsync(int taskId, CancellationToken ct = default) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Leader)
        || await RoleOfOwnAgencyAsync(taskId, ct) is not null;
}

/// <summary>Progress, contributions, evidence files and deadline moves; every change audited.</summary>
public sealed class TaskTracking(ParHubDbContext db, TaskAccess access, ICurrentUser user, AuditLog audit,
    FileStore files, Notifications.Notifier notifier, TimeProvider clock)
{
    public const string EntityType = "Task";
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxNoteLength = 4000;
    public const int MaxProductNumberLength = 100;

    private static readonly Dictionary<string, string> AllowedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".doc"] = "application/msword",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".xls"] = "application/vnd.ms-excel",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    public static IReadOnlyDictionary<string, string?> Snapshot(PlanTask t) => new Dictionary<string, string?>
    {
        ["Progress"] = t.Progress.ToString(),
        ["CompletedOn"] = t.CompletedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ProductNumber"] = t.ProductNumber,
        ["LastNote"] = t.LastNote,
        ["CurrentDue"] = t.CurrentDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public Task ReportAsync(int taskId, ProgressInput input, IReadOnlyList<UploadedFile> files, bool contribution, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
    {
        var task = await db.PlanTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new TaskRuleException("Không tìm thấy nhiệm vụ.");
        var allowed = contribution ? await access.CanContributeAsync(taskId, ct) : await access.CanReportAsync(taskId, ct);
        if (!allowed) throw new UnauthorizedAccessException();
        if (!contribution && input.Version != task.Version) throw new TaskConflictException();
        if ((input.Note?.Trim().Length ?? 0) > MaxNoteLength) throw new TaskRuleException($"Ghi chú không quá {MaxNoteLength:N0} ký tự.");
        if ((input.ProductNumber?.Trim().Length ?? 0) > MaxProductNumberLength)
            throw new TaskRuleException($"Số văn bản sản phẩm không quá {MaxProductNumberLength} ký tự.");
        if (!Enum.IsDefined(input.Progress)) throw new TaskRuleException("Tình trạng tiến độ không hợp lệ.");
        if (contribution && string.IsNullOrWhiteSpace(input.Note) && files.Count == 0)
            throw new TaskRuleException("Vui lòng nhập nội dung phối hợp hoặc đính kèm tệp.");
        var today = VietnamTime.Today(clock);
        if (!contribution)
        {
            if (input.Progress == TaskProgress.Done && input.CompletedOn is null) throw new TaskRuleException("Vui lòng nhập ngày hoàn thành.");
            if (input.CompletedOn > today) throw new TaskRuleException("Ngày hoàn thành không thể sau hôm nay.");
            if (input.CompletedOn is { } done && await ExistsFromAsync(task, ct) is { } from && done < from)
                throw new TaskRuleException($"Ngày hoàn thành không thể trước ngày nhiệm vụ được giao ({from:dd/MM/yyyy}).");
            if (input.Progress != TaskProgress.Done) input.CompletedOn = null;
        }
        foreach (var f in files) Check(f);

        var before = Snapshot(task);
        var now = clock.GetUtcNow().UtcDateTime;
        var update = new TaskUpdate
        {
            TaskId = taskId, AgencyId = user.AgencyId, UserName = user.Name, At = now, IsContribution = contribution,
            Progress = contribution ? null : input.Progress, CompletedOn = contribution ? null : input.CompletedOn,
            ProductNumber = Blank(input.ProductNumber), Note = Blank(input.Note),
        };
        db.TaskUpdates.Add(update);
        if (!contribution)
        {
            task.Progress = input.Progress;
            task.CompletedOn = input.CompletedOn;
            task.ProductNumber = Blank(input.ProductNumber) ?? task.ProductNumber;
            task.LastNote = Blank(input.Note) ?? task.LastNote;
            task.Version++;
            task.UpdatedAt = now;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new TaskConflictException(); }
        foreach (var f in files) await StoreAsync(taskId, update.Id, f, ct);
        audit.RecordChange(EntityType, taskId.ToString(CultureInfo.InvariantCulture), user.AgencyId,
            $"{(contribution ? "Phối hợp" : "Cập nhật tiến độ")} nhiệm vụ {task.No}{(files.Count > 0 ? $" ({files.Count} tệp)" : "")}",
            before, contribution ? before.ToDictionary(k => k.Key, k => k.Value).Append(new("Contribution", Blank(input.Note)))
                .ToDictionary() : Snapshot(task));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new TaskConflictException(); }
    }, ct);

    /// <summary>
    /// The day a task came to exist: its plan's date (or 1 January of the plan's year when the plan has none). Nothing is
    /// completed before it was assigned.
    /// </summary>
    private async Task<DateOnly?> ExistsFromAsync(PlanTask task, CancellationToken ct)
    {
        if (task.PlanId is not { } planId) return null;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.IssuedOn, p.Year }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        return plan.IssuedOn ?? (plan.Year is >= 1 and <= 9999 ? new DateOnly(plan.Year, 1, 1) : null);
    }

    /// <summary>A file name safe to store and to send back in Content-Disposition: no path, no quotes or control characters, 200 characters at most.</summary>
    public static string SafeFileName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not '\\').ToArray()).Trim();
        if (clean.Length > 200)
        {
            var ext = Path.GetExtension(clean);
            clean = clean[..(200 - Math.Min(ext.Length, 20))] + ext[..Math.Min(ext.Length, 20)];
        }
        return clean.Length == 0 ? "tep" : clean;
    }

    public async Task MoveDeadlineAsync(int taskId, DateOnly? newDue, string reason, CancellationToken ct = default)
    {
        if (!access.IsCoordinator) throw new UnauthorizedAccessException();
        if (string.IsNullOrWhiteSpace(reason)) throw new TaskRuleException("Vui lòng nêu lý do điều chỉnh thời hạn.");
        if (newDue is null) throw new TaskRuleException("Vui lòng chọn thời hạn mới.");
        var task = await db.PlanTasks.Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new TaskRuleException("Không tìm thấy nhiệm vụ.");
        var before = Snapshot(task);
        var oldDue = task.EffectiveDue;
        db.DeadlineChanges.Add(new DeadlineChange
        {
            TaskId = taskId, OldDue = task.EffectiveDue, NewDue = newDue, Reason = reason.Trim()[..Math.Min(1000, reason.Trim().Length)],
            At = clock.GetUtcNow().UtcDateTime, UserName = user.Name,
        });
        task.CurrentDue = newDue == task.Due ? null : newDue;
        task.RefreshSortDue();
        task.Version++;
        audit.Record("update", EntityType, taskId.ToString(CultureInfo.InvariantCulture), null,
            $"Điều chỉnh thời hạn nhiệm vụ {task.No}: {reason.Trim()}",
            FieldChanges.Between(before, Snapshot(task)));
        var was = oldDue is { } o ? $" từ {o:dd/MM/yyyy}" : "";
        await notifier.ToAgenciesAsync(await notifier.AgenciesOfAsync(task.Assignments, ct), new Notifications.Notice(
            $"task:{task.Id}:due:{task.Version}", $"Nhiệm vụ {task.No}: thời hạn điều chỉnh thành {newDue:dd/MM/yyyy}",
            $"Sở Nội vụ điều chỉnh thời hạn nhiệm vụ {task.No}{was} thành {newDue:dd/MM/yyyy}.\nLý do: {reason.Trim()}\n{Short(task.Content)}",
            $"/Tasks/Details/{task.Id}"), ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || Notifications.Notifier.IsSameEvent(e)) { throw new TaskConflictException(); }
    }

    internal static string Short(string content) => content.Length > 300 ? content[..300] + "…" : content;

    private static void Check(UploadedFile f)
    {
        var ext = Path.GetExtension(f.FileName);
        if (!AllowedTypes.ContainsKey(ext)) throw new TaskRuleException($"Tệp “{f.FileName}”: chỉ nhận PDF, Word, Excel hoặc ảnh (PNG, JPG).");
        if (f.Length == 0) throw new TaskRuleException($"Tệp “{f.FileName}” rỗng.");
        if (f.Length > MaxFileBytes) throw new TaskRuleException($"Tệp “{f.FileName}” vượt quá 20 MB.");
        using var s = f.Open();
        Span<byte> head = stackalloc byte[ParHub.Web.Shared.Office.FileSignatures.HeadLength];
        var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (!ParHub.Web.Shared.Office.FileSignatures.Matches(ext, head[..n]))
            throw new TaskRuleException($"Tệp “{f.FileName}” không đúng định dạng của phần mở rộng.");
    }

    private async Task StoreAsync(int taskId, int updateId, UploadedFile f, CancellationToken ct)
    {
        string stored;
        await using (var source = f.Open())
            stored = await files.SaveAsync(FileStore.Tasks, Path.GetExtension(f.FileName), ReadOnlyMemory<byte>.Empty, source, ct);
        db.TaskFiles.Add(new TaskFile
        {
            TaskId = taskId, UpdateId = updateId, AgencyId = user.AgencyId, FileName = SafeFileName(f.FileName),
            ContentType = AllowedTypes[Path.GetExtension(f.FileName)], Size = f.Length, StoredName = stored,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = user.Name,
        });
    }

    public string PathOf(TaskFile f) => files.PathOf(FileStore.Tasks, f.StoredName);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
