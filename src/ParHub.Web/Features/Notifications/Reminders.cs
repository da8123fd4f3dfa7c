using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

public sealed record DigestResult(int Users, int Emails, int Items);

/// <summary>A task's reminder: how many were told, or when it was sent already today (then nobody is told again).</summary>
public sealed record TaskReminder(int Told, DateTime? AlreadyAt);

/// <summary>
/// Reminders: the daily digest per user (tasks due within 7 days and overdue tasks of the user's agency; for
/// Coordinators, of the whole province) that is never empty and never tells the same thing twice, and the
/// Coordinator's one-click reminder to a task's lead agency. Both are e-mailed (when SMTP is set) and kept as in-app
/// notifications.
/// </summary>
public sealed class Reminders(ParHubDbContext db, Outbox mail, SmtpSettings smtp, Notifier notifier, Reports.ReportReminders reports, Audit.AuditLog audit,
    TimeProvider clock,
    ILogger<Reminders> log)
{
    public const int DueSoonDays = 7;
    public const int MaxItemsInMail = 50;

    private sealed record Item(string Key, int TaskId, string Line);

    public async Task<DigestResult> SendDigestAsync(DateOnly day, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var coordinators = roles.Where(r => r.Name is Roles.Coordinator).Select(r => r.UserId).ToHashSet();
        var officers = roles.Where(r => r.Name is Roles.AgencyOfficer).Select(r => r.UserId).ToHashSet();
        int sentUsers = 0, emails = 0, items = 0;
        foreach (var user in users)
        {
            int? agency = officers.Contains(user.Id) ? user.AgencyId : null;
            var fresh = new List<Item>();
            if (agency is not null || coordinators.Contains(user.Id))
            {
                var found = await ItemsAsync(agency, day, ct);
                if (agency is { } own)
                    found.AddRange((await reports.DueItemsAsync(own, day, DueSoonDays, ct)).Select(r => new Item(r.Key, 0, r.Line)));
                var told = await db.DigestEntries.Where(d => d.UserId == user.Id).Select(d => d.ItemKey).ToListAsync(ct);
                fresh = found.Where(i => !told.Contains(i.Key)).ToList();
            }
            // Notices of the user who chose the digest over immediate mail: e-mailed here, once.
            var pending = await db.Notifications.Where(n => n.UserId == user.Id && n.MailPending).OrderBy(n => n.Id).ToListAsync(ct);
            if (fresh.Count == 0 && pending.Count == 0) continue; // never an empty digest
            var now = clock.GetUtcNow().UtcDateTime;
            db.DigestEntries.AddRange(fresh.Select(i => new DigestEntry { UserId = user.Id, Day = day, ItemKey = i.Key, SentAt = now }));
            var title = $"ParHub: {fresh.Count + pending.Count} việc cần chú ý ngày {day:dd/MM/yyyy}";
            var body = Body(user.FullName, fresh, pending);
            if (fresh.Count > 0)
                db.Notifications.Add(new Notification
                {
                    UserId = user.Id, At = now, Title = title, Body = body, Link = "/Tasks" + (agency is { } a ? $"?agencyId={a}" : ""),
                });
            foreach (var n in pending) n.MailPending = false;
            if (!string.IsNullOrWhiteSpace(user.Email) && mail.Enqueue(user.Email, title, body)) emails++;
            await db.SaveChangesAsync(ct); // the digest entries, the notification and the mail together
            sentUsers++;
            items += fresh.Count + pending.Count;
        }
        log.LogInformation("Digest for {Day}: {Users} users, {Emails} e-mails, {Items} items", day, sentUsers, emails, items);
        return new DigestResult(sentUsers, emails, items);
    }

    private async Task<List<Item>> ItemsAsync(int? agency, DateOnly day, CancellationToken ct)
    {
        var soon = day.AddDays(DueSoonDays);
        var q = db.PlanTasks.AsNoTracking().Where(t => t.CompletedOn == null && (t.CurrentDue ?? t.Due) != null && (t.CurrentDue ?? t.Due) <= soon);
        if (agency is { } a)
        {
            var groups = db.AgencyGroupMembers.Where(m => m.AgencyId == a).Select(m => m.GroupId);
            q = q.Where(t =>
                t.Assignments.Any(x => x.Role == AssignmentRole.Lead && (x.AgencyId == a || x.GroupId != null && groups.Contains(x.GroupId.Value))));
        }
        var rows = await q.OrderBy(t => t.CurrentDue ?? t.Due).Take(500)
            .Select(t => new { t.Id, t.No, t.Content, Due = (t.CurrentDue ?? t.Due)!.Value, Plan = t.Plan!.Number }).ToListAsync(ct);
        return rows.Select(t =>
        {
            var overdue = t.Due < day;
            var key = $"task:{t.Id}:{(overdue ? "overdue" : "due")}:{t.Due:yyyyMMdd}";
            var what = overdue ? $"QUÁ HẠN từ {t.Due:dd/MM/yyyy}" : $"đến hạn {t.Due:dd/MM/yyyy}";
            var content = t.Content.Length > 120 ? t.Content[..120] + "…" : t.Content;
            return new Item(key, t.Id, $"- [{what}] {t.Plan} · nhiệm vụ {t.No}: {content} (/Tasks/Details/{t.Id})");
        }).ToList();
    }

    private string Body(string name, List<Item> items, List<Notification> notices)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Kính gửi {name},");
        if (items.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Các nhiệm vụ và báo cáo sau cần được chú ý (sắp đến hạn trong 7 ngày hoặc đã quá hạn):");
            foreach (var i in items.Take(MaxItemsInMail)) sb.AppendLine(i.Line);
            if (items.Count > MaxItemsInMail) sb.AppendLine(CultureInfo.InvariantCulture, $"… và {items.Count - MaxItemsInMail} nhiệm vụ khác.");
        }
        if (notices.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Thông báo từ lần gửi trước:");
            foreach (var n in notices.Take(MaxItemsInMail))
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {VietnamTime.Show(n.At)} · {n.Title}{(n.Link is { } l ? $" ({smtp.Link(l)})" : "")}");
            if (notices.Count > MaxItemsInMail) sb.AppendLine(CultureInfo.InvariantCulture, $"… và {notices.Count - MaxItemsInMail} thông báo khác.");
        }
        sb.AppendLine();
        sb.AppendLine("Thư này do ParHub gửi tự động; mỗi việc chỉ được nhắc một lần cho mỗi tình trạng.");
        return sb.ToString();
    }

    public const string RemindAction = "remind";

    /// <summary>
    /// The Coordinator's reminder to the people of a task's lead agencies, recorded in the task's history with the same
    /// save; once a day (Vietnam time) at most, so that a second click does not tell them twice.
    /// </summary>
    public async Task<TaskReminder> RemindLeadAsync(int taskId, CancellationToken ct = default)
    {
        var id = taskId.ToString(CultureInfo.InvariantCulture);
        var dayStart = new DateTimeOffset(VietnamTime.Today(clock).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).UtcDateTime;
        var earlier = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == Tasks.TaskTracking.EntityType && e.EntityId == id && e.Action == RemindAction && e.At >= dayStart)
            .OrderBy(e => e.At).Select(e => (DateTime?)e.At).FirstOrDefaultAsync(ct);
        if (earlier is not null) return new TaskReminder(0, earlier);
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Assignments).Include(t => t.Plan).SingleAsync(t => t.Id == taskId, ct);
        var agencies = await notifier.AgenciesOfAsync(task.Assignments.Where(a => a.Role == AssignmentRole.Lead), ct);
        var due = task.EffectiveDue is { } d ? $" (hạn {d:dd/MM/yyyy})" : "";
        var body =
            $"Sở Nội vụ nhắc cơ quan thực hiện và cập nhật tiến độ nhiệm vụ {task.No} của kế hoạch "
            + $"{task.Plan?.Number ?? task.Plan?.Title}:\n{task.Content}";
        var day = VietnamTime.Today(clock);
        var told = await notifier.ToAgenciesAsync(agencies,
            new Notice($"task:{task.Id}:remind:{day:yyyyMMdd}", $"Nhắc thực hiện nhiệm vụ {task.No}{due}", body, $"/Tasks/Details/{task.Id}"), ct);
        audit.Record(RemindAction, Tasks.TaskTracking.EntityType, id, null, $"Nhắc cơ quan chủ trì ({told} người)", []);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (Notifier.IsSameEvent(e))
        {
            db.ChangeTracker.Clear();
            return new TaskReminder(0, clock.GetUtcNow().UtcDateTime); // a second click at the same moment: the first one told them
        }
        return new TaskReminder(told, null);
    }
}

/// <summary>Sends the digest once a day at <c>PARHUB_DIGEST_HOUR</c> (default 7, Vietnam time whatever the server's zone); <c>PARHUB_DIGEST=off</c> stops
/// it.</summary>
public sealed class DigestScheduler(IServiceProvider services, IConfiguration config, TimeProvider clock, ILogger<DigestScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (string.Equals(config["PARHUB_DIGEST"], "off", StringComparison.OrdinalIgnoreCase)) return;
        var hour = int.TryParse(config["PARHUB_DIGEST_HOUR"], out var h) ? Math.Clamp(h, 0, 23) : 7;
        while (!stop.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            try { await Task.Delay(VietnamTime.NextDaily(now, hour) - now, clock, stop); }
            catch (OperationCanceledException) { return; }
            try
            {
                using var scope = services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<Sipas.SurveyQuotaWatch>().RunAsync(stop);
                await scope.ServiceProvider.GetRequiredService<Reminders>().SendDigestAsync(VietnamTime.Today(clock), stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The daily digest failed");
            }
        }
    }
}
