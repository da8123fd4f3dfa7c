using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

/// <summary>
/// The directory in memory for search and listing: a few hundred rows that every page and API call reads and
/// that change rarely. Any saved change to an agency, a group or a membership in this process drops it at once
/// (see <see cref="DirectoryChangeInterceptor"/>); other processes see changes after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class AgencyDirectoryCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public sealed record Entry(Agency Agency, PreparedNames Names, IReadOnlyList<int> GroupIds);

    public sealed record Snapshot(IReadOnlyList<Entry> Entries, IReadOnlyDictionary<int, Entry> ById,
        IReadOnlyDictionary<int, AgencyGroup> Groups, DateTimeOffset LoadedAt)
    {
        /// <summary>The agencies that existed on a date and belong to one of the groups (with the first such group).</summary>
        public IEnumerable<(Entry Entry, AgencyGroup Group)> MembersOn(IReadOnlyCollection<string> groupCodes, DateOnly on) =>
            Entries.Where(e => e.Agency.ExistsOn(on))
                .Select(e => (Entry: e, Group: e.GroupIds.Select(id => Groups.GetValueOrDefault(id)).FirstOrDefault(g => g is not null && groupCodes.Contains(g.Code))))
                .Where(x => x.Group is not null)
                .Select(x => (x.Entry, x.Group!));
    }

    private volatile Snapshot? current;
    private long version;

    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        current = null;
    }

    public async Task<Snapshot> GetAsync(ParHubDbContext db, CancellationToken ct = default)
    {
        var snap = current;
        if (snap is not null && clock.GetUtcNow() - snap.LoadedAt < MaxAge) return snap;
        var seen = Interlocked.Read(ref version);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var members = await db.AgencyGroupMembers.AsNoTracking().ToListAsync(ct);
        var groups = await db.AgencyGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, ct);
        var byAgency = members.ToLookup(m => m.AgencyId);
        var entries = agencies
            .OrderBy(a => a.Kind).ThenBy(a => a.Name, VietnameseCollation.Comparer)
            .Select(a =>
            {
                a.Groups = byAgency[a.Id].ToList();
                return new Entry(a, a.Names.Prepare(), a.Groups.Select(g => g.GroupId).ToList());
            })
            .ToList();
        snap = new Snapshot(entries, entries.ToDictionary(e => e.Agency.Id), groups, clock.GetUtcNow());
        if (Interlocked.Read(ref version) == seen) current = snap;
        return snap;
    }
}

/// <summary>Drops the directory cache when a saved change touches agencies, groups or memberships.</summary>
public sealed class DirectoryChangeInterceptor(AgencyDirectoryCache cache) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> touched = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Before(e.Context);
        return base.SavingChangesAsync(e, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        Before(e.Context);
        return base.SavingChanges(e, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        After(e.Context);
        return base.SavedChangesAsync(e, result, ct);
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        After(e.Context);
        return base.SavedChanges(e, result);
    }

    private void Before(DbContext? db)
    {
        if (db is null || !Touches(db)) return;
        touched.AddOrUpdate(db, true);
        cache.Invalidate();
    }

    // Again once written, so that no reader keeps a snapshot it loaded while the change was being saved.
    private void After(DbContext? db)
    {
        if (db is not null && touched.Remove(db)) cache.Invalidate();
    }

    internal static bool Touches(DbContext? db) => db is not null && db.ChangeTracker.Entries()
        .Any(x => x.State != EntityState.Unchanged && x.Entity is Agency or AgencyGroup or AgencyGroupMember);
}
