using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.Data;
using ParHub.Web.Features.Notifications;

namespace ParHub.Web.Features.Tasks;

[RequestSizeLimit(5 * TaskTracking.MaxFileBytes)]
[ParHub.Web.App.UploadLimit(5 * TaskTracking.MaxFileBytes, "Tệp đính kèm vượt quá 100 MB (mỗi tệp tối đa 20 MB).")]
public class DetailsModel(ParHubDbContext db, TaskAccess access, TaskTracking tracking, Reminders reminders, CorrectTask correct,
    Registries.RegistryQueries registries, App.ICurrentUser user, TimeProvider clock) : PageModel,
    ParHub.Web.App.IUploadPage
{
    public void Refuse(string message) => Error = message;

    public sealed record Assigned(string Text, string? Href);
    public sealed record HistoryLine(DateTime At, string Who, string What, int? UpdateId);

    public PlanTask Task { get; private set; } = null!;
    public Plan? Plan { get; private set; }
    public DeadlineStatus Status { get; private set; }
    public List<Assigned> Lead { get; private set; } = [];
    public List<Assigned> Cooperating { get; private set; } = [];
    public List<HistoryLine> History { get; private set; } = [];
    public List<TaskFile> Files { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool CanContribute { get; private set; }
    public bool CanReadFiles { get; private set; }
    public bool IsCoordinator => access.IsCoordinator;
    public string? Error { get; private set; }
    /// <summary>A refused post: the form shows what was typed.</summary>
    public bool Typed { get; private set; }
    [BindProperty] public ProgressInput Input { get; set; } = new();
    [BindProperty] public CorrectionInput Correction { get; set; } = new();
    /// <summary>The correction form was posted and refused: it opens with what was typed.</summary>
    public bool CorrectionTyped { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The CCHC funds entries that name this task.</summary>
    public List<Core.Registries.RegistryEntry> Funds { get; private set; } = [];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return false;
        Task = task;
        Plan = task.PlanId is { } p ? await db.Plans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
        Funds = await registries.FundsOfAsync(null, id, user, ct);
        Status = DeadlineStatuses.Of(task.Start, task.EffectiveDue, task.CompletedOn, VietnamTime.Today(clock));
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var groupNames = await db.AgencyGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        Assigned Map(TaskAssignment a) => a.AgencyId is { } ag ? new(agencyNames.GetValueOrDefault(ag, a.Text), $"/Agencies/Details/{ag}")
            : a.GroupId is { } g ? new(groupNames.GetValueOrDefault(g, a.Text), "/Agencies/Groups") : new(a.Text, null);
        Lead = task.Assignments.Where(a => a.Role == AssignmentRole.Lead).OrderBy(a => a.SortOrder).Select(Map).ToList();
        Cooperating = task.Assignments.Where(a => a.Role == AssignmentRole.Cooperating).OrderBy(a => a.SortOrder).Select(Map).ToList();
        CanReport = await access.CanReportAsync(id, ct);
        CanContribute = await access.CanContributeAsync(id, ct);
        CanReadFiles = await access.CanReadFilesAsync(id, ct);
        // Notes and file names are the task's agencies' (and the province-wide roles'), like the files themselves.
        Files = CanReadFiles ? await db.TaskFiles.AsNoTracking().Where(f => f.TaskId == id).ToListAsync(ct) : [];
        var updates = await db.TaskUpdates.AsNoTracking().Where(u => u.TaskId == id).ToListAsync(ct);
        var moves = await db.DeadlineChanges.AsNoTracking().Where(d => d.TaskId == id).ToListAsync(ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reminded = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == TaskTracking.EntityType && e.EntityId == key && e.Action == Reminders.RemindAction).ToListAsync(ct);
        History = updates.Select(u => new HistoryLine(u.At, u.UserName,
                (u.IsContribution ? "Phối hợp"
                    : $"Tiến độ: {(u.Progress is { } pr ? DeadlineStatuses.ProgressLabel(pr) : "—")}"
                        + (u.CompletedOn is { } c ? $", hoàn thành {c:dd/MM/yyyy}" : "")) + (
                    CanReadFiles ? (u.IsContribution ? ": " : ". ") + u.Note : "."), u.Id))
            .Concat(moves.Select(m =>
                new HistoryLine(m.At, m.UserName, $"Điều chỉnh thời hạn {m.OldDue:dd/MM/yyyy} → {m.NewDue:dd/MM/yyyy}: {m.Reason}", null)))
            .Concat(reminded.Select(r => new HistoryLine(r.At, r.UserName, r.Summary ?? "Nhắc cơ quan chủ trì", null)))
            .OrderByDescending(h => h.At).ToList();
        return true;
    }

    private static List<UploadedFile> Uploaded(IFormFileCollection files) =>
        files.Select(f => new UploadedFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();

    private async Task<IActionResult> ActAsync(int id, Func<Task> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            TempData["Message"] = done;
            return Redirect($"/Tasks/Details/{id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (TaskRuleException e)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            (Error, Typed) = (e.Message, true);
            return Page();
        }
    }

    public Task<IActionResult> OnPostProgressAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => tracking.ReportAsync(id, Input, Uploaded(Request.Form.Files), contribution: false, ct), "Đã cập nhật tiến độ.", ct);

    public Task<IActionResult> OnPostContributeAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => tracking.ReportAsync(id, Input, Uploaded(Request.Form.Files), contribution: true, ct), "Đã gửi kết quả phối hợp.", ct);

    public Task<IActionResult> OnPostDeadlineAsync(int id, DateOnly? newDue, string? reason, CancellationToken ct) =>
        ActAsync(id, () => tracking.MoveDeadlineAsync(id, newDue, reason ?? "", ct), "Đã điều chỉnh thời hạn.", ct);

    public async Task<IActionResult> OnPostCorrectAsync(int id, CancellationToken ct)
    {
        var result = await ActAsync(id, () => correct.RunAsync(id, Correction, ct), "Đã sửa nhiệm vụ; lần nhập lại kế hoạch sẽ giữ chỗ sửa này.", ct);
        CorrectionTyped = Error is not null;
        return result;
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, CancellationToken ct)
    {
        if (!access.IsCoordinator) return Forbid();
        var sent = await reminders.RemindLeadAsync(id, ct);
        TempData["Message"] = sent.AlreadyAt is { } at
            ? $"Đã nhắc hôm nay lúc {VietnamTime.Show(at, "HH:mm")}; không gửi lại."
            : $"Đã nhắc {sent.Told} người của cơ quan chủ trì.";
        return Redirect($"/Tasks/Details/{id}");
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        if (!await access.CanReadFilesAsync(id, ct)) return Forbid();
        var file = await db.TaskFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.TaskId == id, ct);
        if (file is null || !System.IO.File.Exists(tracking.PathOf(file))) return NotFound();
        return PhysicalFile(tracking.PathOf(file), file.ContentType, TaskTracking.SafeFileName(file.FileName));
    }
}
