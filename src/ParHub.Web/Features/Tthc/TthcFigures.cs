using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Tthc;

/// <summary>One month of a year: dossiers received in it (online), resolved in it (on time); rates in %, null without dossiers.</summary>
public sealed record MonthFigures(int Month, long Received, long Online, long Resolved, long ResolvedOnTime)
{
    public decimal? OnTimePercent => Resolved == 0 ? null : 100m * ResolvedOnTime / Resolved;
    public decimal? OnlinePercent => Received == 0 ? null : 100m * Online / Received;
}

/// <summary>One agency's figures over a period: its tally and its service index.</summary>
public sealed record AgencyFigures(int? AgencyId, string Code, string Name, DossierTally Tally, ServiceIndexScore Score);

/// <summary>
/// The figures of issue 14, §3, computed by the database: one <c>GROUP BY</c> agency of <c>SUM(CASE …)</c> over the
/// dossiers in scope (the conditions of <see cref="DossierTally"/>), never loading dossiers; the province is the sum.
/// </summary>
public sealed class TthcFigures(ParHubDbContext db, ReadCache cache)
{
    private static readonly string[] Tags = [CacheTags.Dossiers, CacheTags.Directory];

    /// <summary>Per agency (those with dossiers in scope, or only <paramref name="agencyId"/>) and then the province.</summary>
    public async Task<(IReadOnlyList<AgencyFigures> Agencies, AgencyFigures Province)> ComputeAsync(DateOnly from, DateOnly to, int? agencyId = null,
        ServiceIndexConfig? config = null, CancellationToken ct = default)
    {
        config ??= ServiceIndexConfig.Default;
        var tallies = await cache.GetOrCreateAsync($"tthc:figures:{from:yyyyMMdd}:{to:yyyyMMdd}:{agencyId}", Tags,
            c => TalliesAsync(from, to, agencyId, c), ct);
        var agencies = tallies.Select(a => new AgencyFigures(a.AgencyId, a.Code, a.Name, a.Tally, ServiceIndex.Score(a.Tally, config))).ToList();
        var total = agencies.Aggregate(default(DossierTally), (t, a) => t + a.Tally);
        return (agencies, new AgencyFigures(null, ServiceIndex.Province, "Toàn tỉnh", total, ServiceIndex.Score(total, config)));
    }

    /// <summary>The tallies per agency, by name in Vietnamese order: from <see cref="ReadCache"/>, dropped when dossiers or the directory change.</summary>
    private async Task<IReadOnlyList<PublishedAgency>> TalliesAsync(DateOnly from, DateOnly to, int? agencyId, CancellationToken ct)
    {
        var inScope = InScope(db.Dossiers.AsNoTracking(), from, to);
        if (agencyId is { } only) inScope = inScope.Where(d => d.AgencyId == only);
        var rows = await inScope.GroupBy(d => d.AgencyId).Select(g => new
        {
            AgencyId = g.Key,
            Received = g.Sum(d => d.Received >= from ? 1 : 0),
            Carried = g.Sum(d => d.Received < from ? 1 : 0),
            Resolved = g.Sum(d => d.Resolved != null && d.Resolved <= to ? 1 : 0),
            OnTime = g.Sum(d => d.Resolved != null && d.Resolved <= to && d.Resolved <= d.Due ? 1 : 0),
            Pending = g.Sum(d => d.Resolved == null || d.Resolved > to ? 1 : 0),
            InTime = g.Sum(d => (d.Resolved == null || d.Resolved > to) && d.Due >= to ? 1 : 0),
            Late = g.Sum(d => (d.Resolved != null && d.Resolved <= to && d.Resolved > d.Due)
                || ((d.Resolved == null || d.Resolved > to) && d.Due < to) ? 1 : 0),
            Apologies = g.Sum(d => d.Apology && ((d.Resolved != null && d.Resolved <= to && d.Resolved > d.Due)
                || ((d.Resolved == null || d.Resolved > to) && d.Due < to)) ? 1 : 0),
            Online = g.Sum(d => d.Received >= from && d.Channel == DossierChannel.Online ? 1 : 0),
            Fee = g.Sum(d => d.Received >= from && d.FeeBearing ? 1 : 0),
            Paid = g.Sum(d => d.Received >= from && d.FeeBearing && d.PaidOnline ? 1 : 0),
            Digitised = g.Sum(d => d.Received >= from && d.Digitised ? 1 : 0),
            Electronic = g.Sum(d => d.Resolved != null && d.Resolved <= to && d.ElectronicResult ? 1 : 0),
            Synced = g.Sum(d => d.Received >= from && d.Synced ? 1 : 0),
            Satisfied = g.Sum(d => d.Resolved != null && d.Resolved <= to && d.Resolved <= d.Due && d.Rating != DossierRating.Dissatisfied ? 1 : 0),
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        return rows.Select(r =>
        {
            var tally = new DossierTally(r.Received, r.Carried, r.Resolved, r.OnTime, r.Pending, r.InTime, r.Late, r.Apologies, r.Online, r.Fee, r.Paid,
                r.Digitised, r.Electronic, r.Synced, r.Satisfied);
            var a = names.GetValueOrDefault(r.AgencyId);
            return new PublishedAgency(r.AgencyId, a?.Code ?? "?", a?.Name ?? "?", tally);
        }).OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
    }

    /// <summary>The dossiers each agency received in a year (a SIPAS programme's population N of those served).</summary>
    public Task<Dictionary<int, int>> ReceivedAsync(int year, CancellationToken ct = default)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.Dossiers.AsNoTracking().Where(d => d.Received >= start && d.Received <= end).GroupBy(d => d.AgencyId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
    }

    /// <summary>
    /// A year month by month, for the trend: dossiers received (of them online) by the month received, and resolved (of
    /// them on time) by the month of the result. Two <c>GROUP BY</c> month queries, cached like the period's figures.
    /// </summary>
    public Task<IReadOnlyList<MonthFigures>> MonthlyAsync(int year, int? agencyId, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"tthc:months:{year}:{agencyId}", Tags, async c =>
        {
            var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var dossiers = db.Dossiers.AsNoTracking();
            if (agencyId is { } only) dossiers = dossiers.Where(d => d.AgencyId == only);
            var received = await dossiers.Where(d => d.Received >= start && d.Received <= end).GroupBy(d => d.Received.Month)
                .Select(g => new { Month = g.Key, Count = g.Sum(d => 1), Online = g.Sum(d => d.Channel == DossierChannel.Online ? 1 : 0) })
                .ToDictionaryAsync(x => x.Month, c);
            var resolved = await dossiers.Where(d => d.Resolved >= start && d.Resolved <= end).GroupBy(d => d.Resolved!.Value.Month)
                .Select(g => new { Month = g.Key, Count = g.Sum(d => 1), OnTime = g.Sum(d => d.Resolved <= d.Due ? 1 : 0) })
                .ToDictionaryAsync(x => x.Month, c);
            return (IReadOnlyList<MonthFigures>)Enumerable.Range(1, 12).Select(m => new MonthFigures(m,
                received.GetValueOrDefault(m)?.Count ?? 0, received.GetValueOrDefault(m)?.Online ?? 0,
                resolved.GetValueOrDefault(m)?.Count ?? 0, resolved.GetValueOrDefault(m)?.OnTime ?? 0)).ToList();
        }, ct);

    /// <summary>The dossiers in scope of [from, to]: received by its end and not resolved before its start (<see cref="DossierTally"/>).</summary>
    public static IQueryable<DossierRecord> InScope(IQueryable<DossierRecord> dossiers, DateOnly from, DateOnly to) =>
        dossiers.Where(d => d.Received <= to && !(d.Received < from && d.Resolved != null && d.Resolved < from));

    /// <summary>Of those in scope, the late ones: resolved after their due date, or pending at <paramref name="to"/> past it.</summary>
    public static IQueryable<DossierRecord> Late(IQueryable<DossierRecord> inScope, DateOnly to) =>
        inScope.Where(d => (d.Resolved != null && d.Resolved <= to && d.Resolved > d.Due) || ((d.Resolved == null || d.Resolved > to) && d.Due < to));
}
