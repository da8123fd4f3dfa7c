using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Core.Registries;
using ParHub.Core.Time;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Registries;

/// <summary>A finding of an inspection as typed: what must be remedied, by when (dd/mm/yyyy).</summary>
public sealed record AddFindingRequest(int EntryId, string? Text, string? Due);

/// <summary>
/// Records a finding of an inspection (a shortcoming the inspected agency must remedy) and tracks its remedy as a task:
/// a standalone task led by the inspected agency, assigned by the inspection's conclusion, due on the date given, shown on
/// the agency's board and notified to it. Only after the visit (a finding comes from one), only by who may write the
/// inspection; the finding, the task and their audit lines in one transaction.
/// </summary>
public sealed class AddFinding(ParHubDbContext db, ICurrentUser user, AuditLog audit, RegistryQueries queries, Notifications.Notifier notifier,
    TimeProvider clock)
{
    public const string TaskSource = "Kết luận kiểm tra CCHC";
    public const int MaxText = 2000;

    public Task<InspectionFinding> RunAsync(AddFindingRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var kind = RegistryCatalog.Find(RegistryCatalog.Inspections)!;
        var entry = await db.RegistryEntries.FirstOrDefaultAsync(e => e.Id == request.EntryId && e.Kind == kind.Code, ct)
            ?? throw new KeyNotFoundException();
        if (!RegistryAccess.MayWrite(user, kind, entry.AgencyId)) throw new UnauthorizedAccessException();
        var values = entry.ValueMap;
        var problems = new List<string>();
        var visited = RegistryValues.Date(values, InspectionCoverage.Visited);
        if (visited is null) problems.Add("Nhập ngày kiểm tra thực tế của cuộc kiểm tra trước khi ghi tồn tại phải khắc phục.");
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) problems.Add("Tồn tại, hạn chế: chưa nhập.");
        else if (text.Length > MaxText) problems.Add($"Tồn tại, hạn chế: dài quá {MaxText} ký tự.");
        DateOnly due = default;
        if (string.IsNullOrWhiteSpace(request.Due)) problems.Add("Thời hạn khắc phục: chưa nhập.");
        else if (!VnDate.TryParse(request.Due, out due) || due.Year is < RegistryValues.MinYear or > RegistryValues.MaxYear)
            problems.Add($"Thời hạn khắc phục: {VnDate.Invalid}");
        else if (visited is { } v && due < v) problems.Add("Thời hạn khắc phục không được trước ngày kiểm tra.");
        if (problems.Count > 0 || entry.SubjectAgencyId is not { } subject) throw new RegistryRefusedException(problems);

        var directory = await queries.DirectoryAsync(ct);
        var subjectName = directory.ById.GetValueOrDefault(subject)?.Agency.Name ?? "";
        var assignedBy = values.GetValueOrDefault("van_ban") is { Length: > 0 } doc ? doc : $"Kiểm tra công tác CCHC ngày {VnDate.Show(visited!.Value)}";
        var dueText = $"Trước ngày {VnDate.Show(due)}";
        var task = new PlanTask
        {
            No = "—", Group = TaskSource, ReformArea = TaskSource, Source = TaskSource, Content = "Khắc phục tồn tại sau kiểm tra CCHC: " + text,
            LeadText = subjectName, AssignedBy = assignedBy, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        task.SetTimeframe(dueText, TimeframeParser.Parse(dueText, new TimeframeContext(due.Year)));
        task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = subject, Text = subjectName });
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct); // the finding and the audit lines name the task's id
        var finding = new InspectionFinding
        {
            EntryId = entry.Id, Text = text!, Due = due, TaskId = task.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Name,
        };
        db.InspectionFindings.Add(finding);
        audit.Record("create", TaskTracking.EntityType, task.Id.ToString(CultureInfo.InvariantCulture), null, $"Nhiệm vụ khắc phục sau kiểm tra: {assignedBy}",
            [new FieldChange("Content", null, task.Content), new FieldChange("Due", null, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        audit.Record("finding", SaveRegistryEntry.EntityType, entry.Id.ToString(CultureInfo.InvariantCulture), entry.AgencyId,
            $"Tồn tại phải khắc phục của {subjectName}, hạn {VnDate.Show(due)}", [new FieldChange("Tồn tại", null, text)]);
        await notifier.ToAgenciesAsync([subject], new Notifications.Notice($"task:{task.Id}:assigned",
            $"Tồn tại phải khắc phục sau kiểm tra CCHC, hạn {VnDate.Show(due)}",
            $"{assignedBy}: {TaskTracking.Short(task.Content)}", $"/Tasks/Details/{task.Id}"), ct);
        await db.SaveChangesAsync(ct);
        return finding;
    }, ct);
}

/// <summary>
/// Deletes an entry: only by who may write it; an inspection whose findings are tracked as tasks is kept (delete is refused,
/// so no remedy task loses its origin). The deletion and its audit line (with what was deleted) in one transaction.
/// </summary>
public sealed class DeleteRegistryEntry(ParHubDbContext db, ICurrentUser user, AuditLog audit, RegistryQueries queries)
{
    public Task RunAsync(string kindCode, int id, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var kind = RegistryCatalog.Find(kindCode) ?? throw new KeyNotFoundException();
        var entry = await db.RegistryEntries.FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind.Code, ct) ?? throw new KeyNotFoundException();
        if (!RegistryAccess.MayWrite(user, kind, entry.AgencyId)) throw new UnauthorizedAccessException();
        if (await db.InspectionFindings.AnyAsync(f => f.EntryId == id, ct))
            throw new RegistryRefusedException(["Cuộc kiểm tra đã có tồn tại được theo dõi khắc phục như nhiệm vụ; không xóa được."]);
        var directory = await queries.DirectoryAsync(ct);
        var before = SaveRegistryEntry.Snapshot(kind, entry, directory);
        db.RegistryEntries.Remove(entry);
        audit.Record("delete", SaveRegistryEntry.EntityType, id.ToString(CultureInfo.InvariantCulture), entry.AgencyId,
            $"Xóa {kind.Singular} — sổ {kind.Title}", FieldChanges.Between(before, new Dictionary<string, string?>()));
        await db.SaveChangesAsync(ct);
    }, ct);
}
