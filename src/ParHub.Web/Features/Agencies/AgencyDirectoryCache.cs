using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Agencies;

/// <summary>
/// The directory in memory for search and listing: a few hundred rows that every page and API call reads and that
/// change rarely, as an immutable snapshot of <see cref="AgencyInfo"/> records shared by every request. Cached in
/// <see cref="ReadCache"/> under <see cref="CacheTags.Directory"/>: a committed change to an agency, a group or a
/// membership drops it; other processes see changes after at most <see cref="ReadCache.MaxAge"/>.
/// </summary>
public sealed class AgencyDirectoryCache(ReadCache cache)
{
    public sealed record Entry(AgencyInfo Agency, PreparedNames Names)
    {
        public IReadOnlyList<int> GroupIds => Agency.GroupIds;
    }

    public sealed record Snapshot(IReadOnlyList<Entry> Entries, IReadOnlyDictionary<int, Entry> ById,
        IReadOnlyDictionary<int, AgencyGroupInfo> Groups)
    {
        /// <summary>The agencies that existed on a date and belong to one of the groups (with the first such group).</summary>
        public IEnumerable<(Entry Entry, AgencyGroupInfo Group)> MembersOn(IReadOnlyCollection<string> groupCodes, DateOnly on) =>
            Entries.Where(e => e.Agency.ExistsOn(on))
                .Select(e =>
                    (Entry: e, Group: e.GroupIds.Select(id => Groups.GetValueOrDefault(id)).FirstOrDefault(g => g is not null && groupCodes.Contains(g.Code))))
                .Where(x => x.Group is not null)
                .Select(x => (x.Entry, x.Group!));
    }

    public Task<Snapshot> GetAsync(ParHubDbContext db, CancellationToken ct = default) =>
        cache.GetOrCreateAsync("directory:snapshot", [CacheTags.Directory], c => LoadAsync(db, c), ct);

    private static async Task<Snapshot> LoadAsync(ParHubDbContext db, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var members = (await db.AgencyGroupMembers.AsNoTracking().ToListAsync(ct)).ToLookup(m => m.AgencyId, m => m.GroupId);
        var groups = (await db.AgencyGroups.AsNoTracking().ToListAsync(ct))
            .ToDictionary(g => g.Id, g => new AgencyGroupInfo(g.Id, g.Code, g.Name, g.AliasList.ToArray(), g.Description));
        var entries = agencies
            .OrderBy(a => a.Kind).ThenBy(a => a.Name, VietnameseCollation.Comparer)
            .Select(a => AgencyInfo.From(a, members[a.Id]))
            .Select(a => new Entry(a, a.Names.Prepare()))
            .ToList();
        return new Snapshot(entries, entries.ToDictionary(e => e.Agency.Id), groups);
    }
}
