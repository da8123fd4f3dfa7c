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
/// Records what an entry gives rise to (<see cref="FollowUp"/>: an inspection's finding the inspected agency must remedy, a
/// dialogue's request the agency must settle) and tracks it as a task: a standalone task led by the entry's subject agency
/// (or the agency that recorded it), assigned by the entry's conclusion, due on the date given, shown on that agency's board
/// and notified to it. Not before the entry's date (an inspection: its visit), only by who may write the entry; the
/// follow-up, the task and their audit lines in one transaction.
/// </summary>
public sealed class AddFinding(ParHubDbContext db, ICurrentUser user, AuditLog audit, RegistryQueries queries, Notifications.Notifier notifier,
    TimeProvider clock)
{
    public const string TaskSource = "Kết luận kiểm tra CCHC";
    public const int MaxText = 2000;

    public Task<InspectionFinding> RunAsync(AddFindingRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var entry = await db.RegistryEntries.FirstOrDefaultAsync(e => e.Id == request.EntryId, ct) ?? throw new KeyNotFoundException();
        var kind = RegistryCatalog.Find(entry.Kind) ?? throw new KeyNotFoundException();
        if (kind.FollowUps is not { } fu) throw new KeyNotFoundException();
        if (!RegistryAccess.MayWrite(user, kind, entry.AgencyId)) throw new UnauthorizedAccessException();
        var values = entry.ValueMap;
        var problems = new List<string>();
        var after = fu.After is { } col ? kind.Column(col) : null;
        DateOnly? start = after is null ? entry.Date : RegistryValues.Date(values, after.Key);
        if (start is null) problems.Add($"Nhập “{after!.Title}” của {kind.Singular} trước khi ghi {fu.Item.ToLowerInvariant()}.");
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) problems.Add($"{fu.Item}: chưa nhập.");
        else if (text.Length > MaxText) problems.Add($"{fu.Item}: dài quá {MaxText} ký tự.");
        DateOnly due = default;
        if (string.IsNullOrWhiteSpace(request.Due)) problems.Add("Thời hạn: chưa nhập.");
        else if (!VnDate.TryParse(request.Due, out due) || due.Year is < RegistryValues.MinYear or > RegistryValues.MaxYear)
            problems.Add($"Thời hạn: {VnDate.Invalid}");
        else if (start is { } s && due < s)
            problems.Add($"Thời hạn không được trước ngày {VnDate.Show(s)} ({(after?.Title ?? kind.DateTitle).ToLowerInvariant()}).");
        if (problems.Count > 0) throw new RegistryRefusedException(problems);

        var lead = entry.SubjectAgencyId ?? entry.AgencyId;
        var directory = await queries.DirectoryAsync(ct);
        var leadName = directory.ById.GetValueOrDefault(lead)?.Agency.Name ?? "";
        var assignedBy = values.GetValueOrDefault("van_ban") is { Length: > 0 } doc ? doc
            : $"{char.ToUpperInvariant(kind.Singular[0])}{kind.Singular[1..]} ngày {VnDate.Show(start!.Value)}";
        var dueText = $"Trước ngày {VnDate.Show(due)}";
        var task = new PlanTask
        {
            No = "—", Group = fu.TaskSource, ReformArea = fu.TaskSource, Source = fu.TaskSource, Content = fu.ContentPrefix + text,
            LeadText = leadName, AssignedBy = assignedBy, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        task.SetTimeframe(dueText, TimeframeParser.Parse(dueText, new TimeframeContext(due.Year)));
        task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = lead, Text = leadName });
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct); // the follow-up and the audit lines name the task's id
        var finding = new InspectionFinding
        {
            EntryId = entry.Id, Text = text!, Due = due, TaskId = task.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Name,
        };
        db.InspectionFindings.Add(finding);
        audit.Record("create", TaskTracking.EntityType, task.Id.ToString(CultureInfo.InvariantCulture), null, $"{fu.TaskSource}: {assignedBy}",
            [new FieldChange("Content", null, task.Content), new FieldChange("Due", null, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        audit.Record("finding", SaveRegistryEntry.EntityType, entry.Id.ToString(CultureInfo.InvariantCulture), entry.AgencyId,
            $"{fu.Item} giao {leadName}, hạn {VnDate.Show(due)}", [new FieldChange(fu.Item, null, text)]);
        await notifier.ToAgenciesAsync([lead], new Notifications.Notice($"task:{task.Id}:assigned", $"{fu.Title}, hạn {VnDate.Show(due)}",
            $"{assignedBy}: {TaskTracking.Short(task.Content)}", $"/Tasks/Details/{task.Id}"), ct);
        await db.SaveChangesAsync(ct);
        return finding;
    }, ct);
}

/// <summary>
/// Deletes an entry: only by who may write it; an entry whose follow-ups are tracked as tasks is kept (delete is refused,
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
            throw new RegistryRefusedException(
                [$"{char.ToUpperInvariant(kind.Singular[0])}{kind.Singular[1..]} đã có việc được theo dõi như nhiệm vụ; không xóa được."]);
        var directory = await queries.DirectoryAsync(ct);
        var before = SaveRegistryEntry.Snapshot(kind, entry, directory);
        db.RegistryEntries.Remove(entry);
        audit.Record("delete", SaveRegistryEntry.EntityType, id.ToString(CultureInfo.InvariantCulture), entry.AgencyId,
            $"Xóa {kind.Singular} — sổ {kind.Title}", FieldChanges.Between(before, new Dictionary<string, string?>()));
        await db.SaveChangesAsync(ct);
    }, ct);
}
