using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>One agency's figures over a period: its tally and its service index.</summary>
public sealed record AgencyFigures(int? AgencyId, string Code, string Name, DossierTally Tally, ServiceIndexScore Score);

/// <summary>One procedure's figures over a period, for one agency: its code, its name in the catalogue (null if unknown), tally and index.</summary>
public sealed record ProcedureFigures(string Code, string? Name, DossierTally Tally, ServiceIndexScore Score);

/// <summary>
/// The figures of issue 14, §3, computed by the database: one <c>GROUP BY</c> agency of <c>SUM(CASE …)</c> over the
/// dossiers in scope (the conditions of <see cref="DossierTally"/>), never loading dossiers; the province is the sum.
/// </summary>
public sealed class TthcFigures(ParHubDbContext db)
{
    /// <summary>Per agency (those with dossiers in scope, or only <paramref name="agencyId"/>) and then the province.</summary>
    public async Task<(IReadOnlyList<AgencyFigures> Agencies, AgencyFigures Province)> ComputeAsync(DateOnly from, DateOnly to, int? agencyId = null,
        ServiceIndexConfig? config = null, CancellationToken ct = default)
    {
        config ??= ServiceIndexConfig.Default;
        var inScope = InScope(db.Dossiers.AsNoTracking(), from, to);
        if (agencyId is { } only) inScope = inScope.Where(d => d.AgencyId == only);
        var rows = await TallyAsync(inScope, d => d.AgencyId, from, to, ct);
        var ids = rows.Select(r => r.Key).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var agencies = rows.Select(r =>
        {
            var a = names.GetValueOrDefault(r.Key);
            return new AgencyFigures(r.Key, a?.Code ?? "?", a?.Name ?? "?", r.Tally, ServiceIndex.Score(r.Tally, config));
        }).OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
        var total = agencies.Aggregate(default(DossierTally), (t, a) => t + a.Tally);
        return (agencies, new AgencyFigures(null, ServiceIndex.Province, "Toàn tỉnh", total, ServiceIndex.Score(total, config)));
    }

    /// <summary>
    /// One agency's figures per procedure code (the drill-down of /Tthc/Agency), with the procedure's name from the
    /// catalogue (null for a code it does not have), most dossiers in scope first; then the agency's total.
    /// </summary>
    public async Task<(IReadOnlyList<ProcedureFigures> Procedures, DossierTally Total)> ByProcedureAsync(int agencyId, DateOnly from, DateOnly to,
        ServiceIndexConfig? config = null, CancellationToken ct = default)
    {
        config ??= ServiceIndexConfig.Default;
        var inScope = InScope(db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId), from, to);
        var rows = await TallyAsync(inScope, d => d.ProcedureCode, from, to, ct);
        var codes = rows.Select(r => r.Key).ToList();
        var names = await db.TthcProcedures.AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => new { p.Code, p.Name })
            .ToDictionaryAsync(p => p.Code, p => p.Name, StringComparer.Ordinal, ct);
        var procedures = rows.Select(r => new ProcedureFigures(r.Key, names.GetValueOrDefault(r.Key), r.Tally, ServiceIndex.Score(r.Tally, config)))
            .OrderByDescending(p => p.Tally.InScope).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        return (procedures, procedures.Aggregate(default(DossierTally), (t, p) => t + p.Tally));
    }

    private sealed record Keyed<TKey>(TKey Key, DossierTally Tally);

    /// <summary>
    /// The tallies of the dossiers in scope grouped by <paramref name="key"/>: one <c>GROUP BY</c> with a <c>SUM(CASE …)</c> per count —
    /// the conditions of <see cref="DossierTally"/>, written here once for every grouping (rows in scope only, so <c>rec ≥ from</c> is "received").
    /// </summary>
    private static async Task<List<Keyed<TKey>>> TallyAsync<TKey>(IQueryable<DossierRecord> inScope, Expression<Func<DossierRecord, TKey>> key,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await inScope.GroupBy(key).Select(g => new
        {
            g.Key,
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
        return rows.Select(r => new Keyed<TKey>(r.Key, new DossierTally(r.Received, r.Carried, r.Resolved, r.OnTime, r.Pending, r.InTime, r.Late,
            r.Apologies, r.Online, r.Fee, r.Paid, r.Digitised, r.Electronic, r.Synced, r.Satisfied))).ToList();
    }

    /// <summary>The dossiers in scope of [from, to]: received by its end and not resolved before its start (<see cref="DossierTally"/>).</summary>
    public static IQueryable<DossierRecord> InScope(IQueryable<DossierRecord> dossiers, DateOnly from, DateOnly to) =>
        dossiers.Where(d => d.Received <= to && !(d.Received < from && d.Resolved != null && d.Resolved < from));

    /// <summary>Of those in scope, the late ones: resolved after their due date, or pending at <paramref name="to"/> past it.</summary>
    public static IQueryable<DossierRecord> Late(IQueryable<DossierRecord> inScope, DateOnly to) =>
        inScope.Where(d => (d.Resolved != null && d.Resolved <= to && d.Resolved > d.Due) || ((d.Resolved == null || d.Resolved > to) && d.Due < to));
}
