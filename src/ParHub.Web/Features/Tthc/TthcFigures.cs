using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

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
public sealed class TthcFigures(ParHubDbContext db)
{
    public const string FromMonthTotals = "theo số liệu tổng hợp tháng";

    /// <summary>Per agency (those with dossiers in scope or month totals, or only <paramref name="agencyId"/>) and then the province.</summary>
    public async Task<TthcFiguresResult> ComputeAsync(DateOnly from, DateOnly to, int? agencyId = null,
        ServiceIndexConfig? config = null, CancellationToken ct = default)
    {
        config ??= ServiceIndexConfig.Default;
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
        var counted = rows.Select(r => (r.AgencyId, Tally: new DossierTally(r.Received, r.Carried, r.Resolved, r.OnTime, r.Pending, r.InTime,
            r.Late, r.Apologies, r.Online, r.Fee, r.Paid, r.Digitised, r.Electronic, r.Synced, r.Satisfied), Source: (string?)null, Note: (string?)null))
            .ToList();
        var (fromTotals, notes) = await MonthTotalsAsync(from, to, agencyId, rows.Select(r => r.AgencyId).ToHashSet(), ct);
        counted.AddRange(fromTotals.Select(t => (t.AgencyId, t.Tally, (string?)FromMonthTotals, t.Note)));
        var ids = counted.Select(r => r.AgencyId).Concat(notes.Select(n => n.AgencyId)).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var agencies = counted.Select(r =>
        {
            var a = names.GetValueOrDefault(r.AgencyId);
            return new AgencyFigures(r.AgencyId, a?.Code ?? "?", a?.Name ?? "?", r.Tally, ServiceIndex.Score(r.Tally, config), r.Source, r.Note);
        }).OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
        var total = agencies.Aggregate(default(DossierTally), (t, a) => t + a.Tally);
        var left = notes.Select(n => new AgencyFiguresNote(n.AgencyId, names.GetValueOrDefault(n.AgencyId)?.Code ?? "?",
            names.GetValueOrDefault(n.AgencyId)?.Name ?? "?", n.Note)).OrderBy(n => n.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
        return new TthcFiguresResult(agencies, new AgencyFigures(null, ServiceIndex.Province, "Toàn tỉnh", total, ServiceIndex.Score(total, config)), left);
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

    /// <summary>The dossiers in scope of [from, to]: received by its end and not resolved before its start (<see cref="DossierTally"/>).</summary>
    public static IQueryable<DossierRecord> InScope(IQueryable<DossierRecord> dossiers, DateOnly from, DateOnly to) =>
        dossiers.Where(d => d.Received <= to && !(d.Received < from && d.Resolved != null && d.Resolved < from));

    /// <summary>Of those in scope, the late ones: resolved after their due date, or pending at <paramref name="to"/> past it.</summary>
    public static IQueryable<DossierRecord> Late(IQueryable<DossierRecord> inScope, DateOnly to) =>
        inScope.Where(d => (d.Resolved != null && d.Resolved <= to && d.Resolved > d.Due) || ((d.Resolved == null || d.Resolved > to) && d.Due < to));
}
