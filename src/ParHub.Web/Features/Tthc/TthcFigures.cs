using System.Linq.Expressions;
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

/// <summary>
/// One agency's figures over a period: its tally and its service index; <paramref name="Source"/> is null when they are
/// counted from its dossiers, <see cref="TthcFigures.FromMonthTotals"/> when from the month totals it entered;
/// <paramref name="Note"/> says what to check (months that do not carry on from each other).
/// </summary>
public sealed record AgencyFigures(int? AgencyId, string Code, string Name, DossierTally Tally, ServiceIndexScore Score, string? Source = null,
    string? Note = null);

/// <summary>An agency whose figures cannot be shown for the period, and why (instead of wrong figures).</summary>
public sealed record AgencyFiguresNote(int AgencyId, string Code, string Name, string Note);

/// <summary>The agencies' figures, the province's (their sum), and the agencies left out with a note.</summary>
public sealed record TthcFiguresResult(IReadOnlyList<AgencyFigures> Agencies, AgencyFigures Province, IReadOnlyList<AgencyFiguresNote> Notes)
{
    public void Deconstruct(out IReadOnlyList<AgencyFigures> agencies, out AgencyFigures province) => (agencies, province) = (Agencies, Province);
}

/// <summary>
/// The figures of issue 14, §3, computed by the database: one <c>GROUP BY</c> agency of <c>SUM(CASE …)</c> over the
/// dossiers in scope (the conditions of <see cref="DossierTally"/>), never loading dossiers; the province is the sum.
/// An agency with no dossier in scope but with month totals (<see cref="DossierMonthTotals"/>) gets its tally from
/// them (<see cref="MonthTotals.Tally"/>) when the period is whole months and every month of it was entered; otherwise
/// it is listed in <see cref="TthcFiguresResult.Notes"/>, not counted.
/// </summary>
/// <summary>One procedure's figures over a period, for one agency: its code, its name in the catalogue (null if unknown), tally and index.</summary>
public sealed record ProcedureFigures(string Code, string? Name, DossierTally Tally, ServiceIndexScore Score);

/// <summary>One agency's tally as counted, before scoring (what <see cref="TthcFigures"/> keeps in <see cref="ReadCache"/>).</summary>
public sealed record CountedAgency(int AgencyId, string Code, string Name, DossierTally Tally, string? Source, string? Note);

public sealed class TthcFigures(ParHubDbContext db, ReadCache cache)
{
    private static readonly string[] Tags = [CacheTags.Dossiers, CacheTags.Directory];

    public const string FromMonthTotals = "theo số liệu tổng hợp tháng";

    /// <summary>Per agency (those with dossiers in scope or month totals, or only <paramref name="agencyId"/>) and then the province.</summary>
    public async Task<TthcFiguresResult> ComputeAsync(DateOnly from, DateOnly to, int? agencyId = null,
        ServiceIndexConfig? config = null, CancellationToken ct = default)
    {
        config ??= ServiceIndexConfig.Default;
        var (counted, left) = await cache.GetOrCreateAsync($"tthc:figures:{from:yyyyMMdd}:{to:yyyyMMdd}:{agencyId}", Tags,
            c => CountAsync(from, to, agencyId, c), ct);
        var agencies = counted.Select(r => new AgencyFigures(r.AgencyId, r.Code, r.Name, r.Tally, ServiceIndex.Score(r.Tally, config), r.Source, r.Note))
            .ToList();
        var total = agencies.Aggregate(default(DossierTally), (t, a) => t + a.Tally);
        return new TthcFiguresResult(agencies, new AgencyFigures(null, ServiceIndex.Province, "Toàn tỉnh", total, ServiceIndex.Score(total, config)), left);
    }

    /// <summary>The tallies per agency (by name in Vietnamese order) and the notes: from <see cref="ReadCache"/>, dropped when dossiers,
    /// month totals or the directory change.</summary>
    private async Task<(IReadOnlyList<CountedAgency> Counted, IReadOnlyList<AgencyFiguresNote> Notes)> CountAsync(DateOnly from, DateOnly to,
        int? agencyId, CancellationToken ct)
    {
        var inScope = InScope(db.Dossiers.AsNoTracking(), from, to);
        if (agencyId is { } only) inScope = inScope.Where(d => d.AgencyId == only);
        var rows = await TallyAsync(inScope, d => d.AgencyId, from, to, ct);
        var counted = rows.Select(r => (AgencyId: r.Key, r.Tally, Source: (string?)null, Note: (string?)null)).ToList();
        var (fromTotals, notes) = await MonthTotalsAsync(from, to, agencyId, rows.Select(r => r.Key).ToHashSet(), ct);
        counted.AddRange(fromTotals.Select(t => (t.AgencyId, t.Tally, (string?)FromMonthTotals, t.Note)));
        var ids = counted.Select(r => r.AgencyId).Concat(notes.Select(n => n.AgencyId)).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var agencies = counted.Select(r =>
        {
            var a = names.GetValueOrDefault(r.AgencyId);
            return new CountedAgency(r.AgencyId, a?.Code ?? "?", a?.Name ?? "?", r.Tally, r.Source, r.Note);
        }).OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
        var left = notes.Select(n => new AgencyFiguresNote(n.AgencyId, names.GetValueOrDefault(n.AgencyId)?.Code ?? "?",
            names.GetValueOrDefault(n.AgencyId)?.Name ?? "?", n.Note)).OrderBy(n => n.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
        return (agencies, left);
    }

    /// <summary>
    /// The month totals of the agencies without dossiers in scope, over the months the period touches: a tally for each
    /// agency that entered every month of a whole-month period, a note for the others.
    /// </summary>
    private async Task<(List<(int AgencyId, DossierTally Tally, string? Note)> Tallies, List<(int AgencyId, string Note)> Notes)> MonthTotalsAsync(
        DateOnly from, DateOnly to, int? agencyId, HashSet<int> withDossiers, CancellationToken ct)
    {
        int first = from.Year * 12 + from.Month - 1, last = to.Year * 12 + to.Month - 1;
        var query = db.DossierMonthTotals.AsNoTracking().Where(t => t.Year * 12 + t.Month - 1 >= first && t.Year * 12 + t.Month - 1 <= last);
        if (agencyId is { } only) query = query.Where(t => t.AgencyId == only);
        var entered = (await query.ToListAsync(ct)).Where(t => !withDossiers.Contains(t.AgencyId)).GroupBy(t => t.AgencyId).ToList();
        var tallies = new List<(int, DossierTally, string?)>();
        var notes = new List<(int, string)>();
        if (entered.Count == 0) return (tallies, notes);
        var months = MonthTotals.WholeMonths(from, to);
        foreach (var agency in entered)
        {
            if (months is null)
            {
                notes.Add((agency.Key, "Có số liệu tổng hợp tháng nhưng kỳ đã chọn không trọn tháng: chọn kỳ từ ngày đầu tháng đến ngày cuối tháng để xem."));
                continue;
            }
            var byMonth = agency.ToDictionary(t => (t.Year, t.Month));
            var missing = months.Where(m => !byMonth.ContainsKey(m)).ToList();
            if (missing.Count > 0)
            {
                notes.Add((agency.Key, "Chưa nhập số liệu tổng hợp tháng " + string.Join(", ", missing.Select(m => $"{m.Month}/{m.Year}")) + "."));
                continue;
            }
            var run = months.Select(m => byMonth[m].Counts).ToList();
            var breaks = MonthTotals.ChainBreaks(run);
            var note = breaks.Count == 0 ? null
                : "Kỳ trước chuyển sang của tháng " + string.Join(", ", breaks.Select(i => $"{months[i].Month}/{months[i].Year}"))
                    + " khác số đang giải quyết cuối tháng trước đó.";
            tallies.Add((agency.Key, MonthTotals.Tally(run), note));
        }
        return (tallies, notes);
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
