using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using ParHub.Core.Plans;

namespace ParHub.Web.Features.Tasks;

/// <summary>
/// Counts and totals of the task board and of periodic reports, kept in memory under a version that every saved change
/// to plans, tasks, assignments or reports in this process moves on — so a count is never older than the last change made here. Other processes
/// (a second server) see changes after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class TaskReadCache(IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private long version;

    public long Version => Interlocked.Read(ref version);

    public void Invalidate() => Interlocked.Increment(ref version);

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> load)
    {
        var full = $"tasks:{Version}:{key}";
        if (cache.TryGetValue(full, out T? hit) && hit is not null) return hit;
        var seen = Version;
        var value = await load();
        if (Version == seen) cache.Set(full, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });
        return value;
    }
}

/// <summary>Moves the <see cref="TaskReadCache"/> version on when plans, tasks, assignments or reports are saved.</summary>
public sealed class TaskChangeInterceptor(TaskReadCache cache) : SaveChangesInterceptor
{
    internal static bool Touches(DbContext? db) => db is not null && db.ChangeTracker.Entries()
        .Any(x => x.State != EntityState.Unchanged && x.Entity is Plan or PlanTask or TaskAssignment
            or Core.Reports.AgencyReport or Core.Reports.ReportValueRow or Core.Reports.ReportFormVersion or Core.Reports.ReportRegimeSetting
            or Core.Scoring.Assessment or Core.Scoring.AssessmentScore or Core.Scoring.AssessmentCycle or Core.Scoring.IndexFramework);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (Touches(e.Context)) cache.Invalidate();
        return base.SavingChangesAsync(e, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (Touches(e.Context)) cache.Invalidate();
        return base.SavingChanges(e, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        cache.Invalidate(); // after the write too, so a count loaded meanwhile is not kept
        return base.SavedChangesAsync(e, result, ct);
    }
}
