using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>What the menu and the homes read of a user's notifications.</summary>
public sealed class NotificationQueries(ParHubDbContext db)
{
    public Task<int> UnreadAsync(string? userId, CancellationToken ct = default) =>
        userId is null ? Task.FromResult(0) : db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public Task<List<Notification>> LatestUnreadAsync(string userId, int take, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ReadAt == null).OrderByDescending(n => n.Id).Take(take).ToListAsync(ct);
}
