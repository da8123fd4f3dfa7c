using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Reports;

public sealed record RateRow(ExpectedReporter Agency, int? ReportId, ReportStatus? Status, DateTime? FirstSubmittedAt, SubmissionState State);

public sealed record RatesView(RegimeSetup Regime, ReportingPeriod Period, DateOnly AsOf, IReadOnlyList<RateRow> Rows)
{
    public RateCounts Totals => RateCounts.Of(Rows.Select(r => r.State));
    public IEnumerable<(string Group, RateCounts Counts)> ByGroup =>
        Rows.GroupBy(r => r.Agency.GroupName).Select(g => (g.Key, RateCounts.Of(g.Select(r => r.State))));
}

public sealed record Narrative(string AgencyName, string FieldLabel, string Text);

public sealed record ProvinceTotals(ReportForm Form, int Reports, IReadOnlyDictionary<string, AggregateValue> Values);

/// <summary>Reporting rates and live province totals of a period (submitted and accepted reports only).</summary>
public sealed class ReportQueries(ParHubDbContext db, ReportSetup setup, ReadCache cache)
{
    public static readonly ReportStatus[] Counted = [ReportStatus.Submitted, ReportStatus.Accepted];

    public async Task<RatesView> RatesAsync(RegimeSetup regime, ReportingPeriod period, DateOnly asOf, CancellationToken ct = default)
    {
        var expected = await setup.ExpectedAsync(regime, period, ct);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.RegimeKey == regime.Setting.Key && r.PeriodCode == period.Code)
            .Select(r => new { r.Id, r.AgencyId, r.Status, r.FirstSubmittedAt, r.FirstSubmittedOn })
            .ToDictionaryAsync(r => r.AgencyId, ct);
        var rows = expected.Select(e =>
        {
            reports.TryGetValue(e.AgencyId, out var r);
            return new RateRow(e, r?.Id, r?.Status, r?.FirstSubmittedAt, ReportingRates.StateOf(period.Due, r?.FirstSubmittedOn, asOf));
        }).ToList();
        return new RatesView(regime, period, asOf, rows);
    }

    /// <summary>
    /// Province totals of one period: numerators and denominators summed over the counted reports (optionally of one
    /// agency group), derived rates computed from the sums. Reports made with other form versions add the fields they share.
    /// </summary>
    public Task<ProvinceTotals> TotalsAsync(RegimeSetup regime, string periodCode, string? groupCode = null, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"reports:totals:{regime.Setting.Key}:{regime.Setting.FormKey}:{periodCode}:{groupCode}",
            [CacheTags.Reports, CacheTags.Directory], c => LoadTotalsAsync(regime, periodCode, groupCode, c), ct);

    private async Task<ProvinceTotals> LoadTotalsAsync(RegimeSetup regime, string periodCode, string? groupCode, CancellationToken ct)
    {
        var (_, form) = await setup.LatestFormAsync(regime.Setting.FormKey, ct);
        var reports = db.Reports.AsNoTracking().Where(r => r.RegimeKey == regime.Setting.Key && r.PeriodCode == periodCode && Counted.Contains(r.Status));
        if (groupCode is not null)
            reports = reports.Where(r => db.AgencyGroupMembers.Any(m => m.AgencyId == r.AgencyId && m.Group!.Code == groupCode));
        // The period's report ids first (a few hundred), so the values are read by their primary key (ReportId, Code).
        var ids = await reports.Select(r => r.Id).ToListAsync(ct);
        var numeric = form.Fields.Where(f => f.IsNumeric && !f.IsDerived).Select(f => f.Code).ToHashSet();
        var rows = new List<(string Code, decimal? Value, decimal? Denominator)>(Math.Min(ids.Count * numeric.Count, 1_000_000));
        foreach (var chunk in ids.Chunk(500))
            rows.AddRange((await db.ReportValues.AsNoTracking()
                .Where(v => chunk.Contains(v.ReportId) && v.Text == null)
                .Select(v => new { v.Code, v.Value, v.Denominator })
                .ToListAsync(ct)).Where(v => numeric.Contains(v.Code)).Select(v => (v.Code, v.Value, v.Denominator)));
        var count = ids.Count;
        // Values outside the declared range (stored before the limits) are left out and counted, never summed into an overflow.
        return new ProvinceTotals(form, count, ReportAggregator.SumRows(form, rows));
    }

    /// <summary>Every counted report's text for the fields of a section, with the agency that wrote it.</summary>
    public async Task<List<Narrative>> NarrativesAsync(RegimeSetup regime, string periodCode, ReportForm form, string sectionCode,
        CancellationToken ct = default)
    {
        var section = form.Sections.FirstOrDefault(s => s.Code == sectionCode);
        if (section is null) return [];
        var codes = section.Fields.Where(f => f.Kind == FieldKind.Text).Select(f => f.Code).ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.RegimeKey == regime.Setting.Key && r.PeriodCode == periodCode && Counted.Contains(r.Status))
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { r.Id, a.Name })
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var rows = new List<(string Name, string Code, string? Text)>();
        foreach (var chunk in reports.Keys.Chunk(500))
            rows.AddRange((await db.ReportValues.AsNoTracking()
                .Where(v => chunk.Contains(v.ReportId) && codes.Contains(v.Code) && v.Text != null)
                .Select(v => new { v.ReportId, v.Code, v.Text }).ToListAsync(ct))
                .Select(v => (reports[v.ReportId], v.Code, v.Text)));
        return rows.OrderBy(r => codes.IndexOf(r.Code)).ThenBy(r => r.Name, Core.Text.VietnameseCollation.Comparer)
            .Select(r => new Narrative(r.Name, section.Fields.First(f => f.Code == r.Code).Label, r.Text!)).ToList();
    }
}
