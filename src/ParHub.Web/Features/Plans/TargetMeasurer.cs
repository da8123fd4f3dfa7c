using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.Reports;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Features.Tasks;
using ParHub.Web.Features.Tthc;

namespace ParHub.Web.Features.Plans;

/// <summary>A plan's target with what it was measured by, over which years, and the result.</summary>
public sealed record MeasuredTarget(PlanTarget Target, string PlanName, int PlanId, int From, int To, string? Source, TargetResult Result);

/// <summary>
/// Measures targets bound to a metric (<see cref="TargetMetrics"/>) as of a date, over the target's own years (a
/// sub-period of a five-year plan is measured in its period): the plan's tasks done on time among those due, the
/// reports sent on time among those expected, dossiers resolved on time or received online, the province's SIPAS of
/// the latest computed survey of those years, the average PAR Index of the latest cycle of those years.
/// </summary>
public sealed class TargetMeasurer(ParHubDbContext db, TaskQueries tasks, ReportSetup setup, ReportQueries reports, TthcFigures tthc,
    SipasResults sipas, IndexQueries index)
{
    public async Task<List<MeasuredTarget>> MeasureAsync(IEnumerable<(PlanTarget Target, Plan Plan)> targets, DateOnly asOf, CancellationToken ct = default)
    {
        var result = new List<MeasuredTarget>();
        foreach (var (t, plan) in targets)
        {
            var (from, to) = TargetCheck.Period(t.Text, plan.Year);
            var start = new DateOnly(from, 1, 1);
            var end = new DateOnly(to, 12, 31) < asOf ? new DateOnly(to, 12, 31) : asOf;
            (decimal? actual, string? source) = start > asOf ? (null, "chưa đến kỳ") : await ActualAsync(t.MetricKey, plan, start, end, asOf, ct);
            var measured = start > asOf && t.MetricKey is not null ? TargetResult.Unmeasured("chưa đến kỳ đo")
                : TargetCheck.Of(t.Comparator, t.Threshold, actual, t.MetricKey);
            result.Add(new MeasuredTarget(t, plan.Number ?? plan.Title, plan.Id, from, to, source, measured));
        }
        return result;
    }

    private static decimal? Pct(long n, long d) => Core.Dashboard.Attention.Share(n, d);

    private async Task<(decimal?, string?)> ActualAsync(string? key, Plan plan, DateOnly start, DateOnly end, DateOnly asOf, CancellationToken ct)
    {
        switch (key)
        {
            case TargetMetrics.PlanTasksOnTime:
                {
                    var c = await tasks.CountsAsync(new TaskFilter { PlanId = plan.Id, DueTo = end }, asOf, ct);
                    var due = c.DoneOnTime + c.DoneLate + c.Overdue;
                    return (Pct(c.DoneOnTime, due), $"{c.DoneOnTime}/{due} nhiệm vụ đến hạn của kế hoạch hoàn thành đúng hạn");
                }
            case TargetMetrics.ReportsOnTime:
                {
                    if (await setup.ActiveRegimeAsync(ct) is not { } regime) return (null, null);
                    long onTime = 0, expected = 0;
                    for (var y = start.Year; y <= end.Year; y++)
                        foreach (var p in regime.Regime.Periods(y).Where(p => p.Due is { } d && d >= start && d <= end))
                        {
                            var totals = (await reports.RatesAsync(regime, p, asOf, ct)).Totals;
                            onTime += totals.OnTime;
                            expected += totals.Expected;
                        }
                    return (Pct(onTime, expected), $"{onTime}/{expected} báo cáo gửi đúng hạn");
                }
            case TargetMetrics.DossiersOnTime or TargetMetrics.DossiersOnline:
                {
                    var t = (await tthc.ComputeAsync(start, end, ct: ct)).Province.Tally;
                    return key == TargetMetrics.DossiersOnTime
                        ? (Pct(t.ResolvedOnTime, t.Resolved), $"{t.ResolvedOnTime:N0}/{t.Resolved:N0} hồ sơ giải quyết đúng hạn")
                        : (Pct(t.ReceivedOnline, t.Received), $"{t.ReceivedOnline:N0}/{t.Received:N0} hồ sơ nộp trực tuyến");
                }
            case TargetMetrics.Sipas:
                {
                    var programme = await db.SurveyProgrammes.AsNoTracking()
                        .Where(p => p.Year >= start.Year && p.Year <= end.Year && (p.State == SurveyState.Computed || p.State == SurveyState.Published))
                        .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
                    if (programme is null || await sipas.ComputeAsync(programme.Id, ct) is not { } s) return (null, null);
                    return (SipasIndex.Round(s.Province.Result.Sipas), $"{programme.Title} ({s.Province.Result.N:N0} phiếu)");
                }
            case TargetMetrics.ParIndex:
                {
                    var cycle = await db.AssessmentCycles.AsNoTracking().Where(c => c.PublishedAt != null && c.Year >= start.Year && c.Year <= end.Year
                            && c.GroupCode != IndexData.ProvinceGroup)
                        .OrderByDescending(c => c.Year).ThenByDescending(c => c.PublishedAt).FirstOrDefaultAsync(ct);
                    if (cycle is null) return (null, null);
                    var (_, results, _) = await index.ResultsAsync(cycle, ct);
                    return results.Count == 0 ? (null, null)
                        : (ScoringEngine.Round(results.Average(r => r.Index)), $"Chỉ số CCHC {cycle.Year}, nhóm {cycle.GroupCode}, {results.Count} cơ quan");
                }
            case not null when key.StartsWith("national.", StringComparison.Ordinal) || key.StartsWith("ext.", StringComparison.Ordinal):
                return await PublishedAsync(key, start.Year, end.Year, ct);
            default:
                return (null, null);
        }
    }

    /// <summary>The latest published figure of the years: the Ministry's result of the province, or an external index's.</summary>
    private async Task<(decimal?, string?)> PublishedAsync(string key, int from, int to, CancellationToken ct)
    {
        if (key.StartsWith("national.", StringComparison.Ordinal))
        {
            var results = await db.NationalResults.AsNoTracking().Where(r => r.Year >= from && r.Year <= to).OrderByDescending(r => r.Year).ToListAsync(ct);
            foreach (var r in results)
            {
                decimal? v = key switch
                {
                    TargetMetrics.NationalPar => r.Points,
                    TargetMetrics.NationalParRank => r.Rank,
                    TargetMetrics.NationalSipas => r.SipasPercent,
                    TargetMetrics.NationalSipasRank => r.SipasRank,
                    _ => null,
                };
                if (v is not null) return (v, $"Bộ Nội vụ công bố kết quả năm {r.Year}" + (r.RankOf is { } of ? $" ({of} tỉnh, thành phố)" : ""));
            }
            return (null, null);
        }
        var parts = key.Split('.');
        var (code, rank) = (parts[1], parts.Length > 2 && parts[2] == "rank");
        var value = await db.ExternalIndexValues.AsNoTracking()
            .Where(x => x.Index == code && x.Dimension == "" && x.Year >= from && x.Year <= to && (!rank || x.Rank != null))
            .OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
        return value is null ? (null, null)
            : (rank ? value.Rank : value.Score, $"{code} năm {value.Year}" + (value.Source is { } src ? $" ({src})" : ""));
    }
}
