using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>Marks every unread notification of a user as read (a user's own inbox: not audited).</summary>
public sealed class MarkNotificationsRead(ParHubDbContext db, TimeProvider clock)
{
    public Task<int> RunAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>Marks one of the user's notifications read; returns its link (null when it is not the user's).</summary>
    public async Task<string?> OneAsync(string userId, long id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return await db.Notifications.Where(n => n.Id == id && n.UserId == userId).Select(n => n.Link).FirstOrDefaultAsync(ct);
    }
}
