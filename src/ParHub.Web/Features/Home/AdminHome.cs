using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Home;

public sealed record LockedUser(string Id, string UserName, string FullName, DateTimeOffset Until);

public sealed record AdminHomeView(IReadOnlyList<(string Role, int Users)> ByRole, int Users, IReadOnlyList<LockedUser> Locked, int OpenSessions,
    string Provider, double LatencyMs, int AppliedMigrations, int PendingMigrations, int OutboxFailed, long? FreeDiskBytes);

/// <summary>What the administrator watches: accounts by role, locked accounts, open sessions, and the system's health.</summary>
public sealed class AdminHome(ParHubDbContext db, DatabaseSettings settings, TimeProvider clock)
{
    public async Task<AdminHomeView> QueryAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var byRole = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).GroupBy(n => n)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => Array.IndexOf(Roles.All, x.Key)).Select(x => (Roles.Label(x.Key), x.Count)).ToList();
        // Lockout ends are compared in memory: SQLite cannot order or compare DateTimeOffset values.
        var locked = (await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null)
                .Select(u => new { u.Id, u.UserName, u.FullName, u.LockoutEnd }).ToListAsync(ct))
            .Where(u => u.LockoutEnd > now).OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new LockedUser(u.Id, u.UserName ?? "", u.FullName, u.LockoutEnd!.Value)).ToList();
        var watch = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
        var latency = watch.Elapsed.TotalMilliseconds;
        long? free = null;
        try { free = new DriveInfo(Path.GetFullPath(settings.DataDir)).AvailableFreeSpace; }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { }
        return new AdminHomeView(byRole, await db.Users.CountAsync(ct), locked, await db.UserSessions.CountAsync(s => s.EndedAt == null, ct),
            settings.Provider.ToString(), Math.Round(latency, 1), (await db.Database.GetAppliedMigrationsAsync(ct)).Count(),
            (await db.Database.GetPendingMigrationsAsync(ct)).Count(), await db.OutboxMessages.CountAsync(m => m.FailedAt != null, ct), free);
    }
}
