using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>
/// One workflow event to tell people of. <see cref="Key"/> names the event ("report:12:return:3"): a user is told of
/// the same key once, however often the step is repeated or retried.
/// </summary>
public sealed record Notice(string Key, string Title, string Body, string Link);

/// <summary>
/// Tells the people a workflow event concerns: an in-app notification each, and an e-mail through the outbox — at once,
/// or in the daily digest for those who chose it (<see cref="AppUser.MailDigest"/>). Nothing is saved here: the
/// notices commit with the change they tell of, in the caller's save.
/// </summary>
public sealed class Notifier(ParHubDbContext db, Outbox outbox, SmtpSettings smtp, TimeProvider clock)
{
    /// <summary>The people of the agencies (their officers); returns how many were told.</summary>
    public async Task<int> ToAgenciesAsync(IEnumerable<int> agencyIds, Notice notice, CancellationToken ct = default)
    {
        var ids = agencyIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.AgencyId != null && ids.Contains(u.AgencyId.Value)).ToListAsync(ct);
        return await ToUsersAsync(users, notice, ct);
    }

    /// <summary>The agencies that assignments name, directly or through a group (for a task: who is told of it).</summary>
    public async Task<List<int>> AgenciesOfAsync(IEnumerable<ParHub.Core.Plans.TaskAssignment> assignments, CancellationToken ct = default)
    {
        var list = assignments.ToList();
        var groups = list.Where(a => a.GroupId != null).Select(a => a.GroupId!.Value).Distinct().ToList();
        var agencies = list.Where(a => a.AgencyId != null).Select(a => a.AgencyId!.Value).ToList();
        if (groups.Count > 0)
            agencies.AddRange(await db.AgencyGroupMembers.Where(m => groups.Contains(m.GroupId)).Select(m => m.AgencyId).ToListAsync(ct));
        return agencies.Distinct().ToList();
    }

    /// <summary>Every user holding one of the roles.</summary>
    public async Task<int> ToRolesAsync(IEnumerable<string> roles, Notice notice, CancellationToken ct = default)
    {
        var names = roles.ToList();
        var ids = db.UserRoles.Join(db.Roles.Where(r => names.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        return await ToUsersAsync(users, notice, ct);
    }

    public async Task<int> ToUserIdsAsync(IEnumerable<string?> userIds, Notice notice, CancellationToken ct = default)
    {
        var ids = userIds.OfType<string>().ToList();
        return await ToUsersAsync(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct), notice, ct);
    }

    public async Task<int> ToUsersAsync(IReadOnlyCollection<AppUser> users, Notice notice, CancellationToken ct = default)
    {
        if (users.Count == 0) return 0;
        var ids = users.Select(u => u.Id).ToList();
        var told = (await db.Notifications.AsNoTracking().Where(n => n.Key == notice.Key && ids.Contains(n.UserId)).Select(n => n.UserId)
            .ToListAsync(ct)).ToHashSet();
        told.UnionWith(db.ChangeTracker.Entries<Notification>().Where(e => e.Entity.Key == notice.Key).Select(e => e.Entity.UserId));
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var u in users.DistinctBy(u => u.Id).Where(u => !told.Contains(u.Id)))
        {
            var mail = smtp.Enabled && !string.IsNullOrWhiteSpace(u.Email);
            db.Notifications.Add(new Notification
            {
                UserId = u.Id, At = now, Key = Cut(notice.Key, 200), Title = Cut(notice.Title, 300), Body = Cut(notice.Body, 4000),
                Link = Cut(notice.Link, 500), MailPending = mail && u.MailDigest,
            });
            if (mail && !u.MailDigest) outbox.Enqueue(u.Email!, notice.Title, notice.Body + $"\n\nXem trên ParHub: {smtp.Link(notice.Link)}");
            count++;
        }
        return count;
    }

    /// <summary>
    /// Two requests telling of the same event at once (a concurrent save of the same version): the second's notices
    /// break the unique (UserId, Key) index before its own concurrency check runs. The caller treats it as that conflict.
    /// </summary>
    public static bool IsSameEvent(DbUpdateException e) =>
        e is not DbUpdateConcurrencyException && (e.InnerException?.Message ?? "") is var m
        && (m.Contains("IX_notifications_UserId_Key", StringComparison.Ordinal)
            || m.Contains("notifications.UserId, notifications.Key", StringComparison.Ordinal));

    private static string Cut(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
}
