using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Dashboard;
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

namespace ParHub.Web.Features.Dashboard;

/// <summary>A headline figure: a share (numerator over denominator) or a value, its target when one is set, and where it comes from.</summary>
public sealed record Tile(string Key, string Label, string Value, string Detail, string Link, decimal? Percent = null, decimal? Target = null)
{
    public bool? Met => Percent is { } p && Target is { } t ? p >= t : null;
}

public sealed record TrendPoint(string Label, long Numerator, long Denominator)
{
    public decimal? Percent => Denominator == 0 ? null : Math.Round(Numerator * 100m / Denominator, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One row of a drill-down level: a group, or an agency of a group, with its tasks and its reports on time.</summary>
public sealed record DrillRow(string Key, string Name, string Link, StatusCounts Tasks, int ReportsOnTime, int ReportsExpected);

public sealed record HeatRow(string Agency, int Rank, decimal Index, IReadOnlyList<decimal?> FieldPercents);

public sealed record HeatMap(int CycleId, string Title, IReadOnlyList<(string Code, string Title)> Fields, IReadOnlyList<HeatRow> Rows);

public sealed record DashboardView(DateOnly Today, IReadOnlyList<Tile> Tiles, IReadOnlyList<TrendPoint> TasksByQuarter,
    IReadOnlyList<TrendPoint> ReportsByPeriod,
    IReadOnlyList<TrendPoint> DossiersByMonth, string Level, IReadOnlyList<DrillRow> Drill, HeatMap? Heat, IReadOnlyList<AttentionRow> Attention,
    IReadOnlyList<Plans.MeasuredTarget> Targets);

/// <summary>
/// The leaders' dashboard: headline tiles (each once its source exists), trends by quarter and period, the drill-down
/// province → group → agency, a heat map of agencies × PAR fields from the latest published cycle, and the agencies
/// that need attention. Every figure is a numerator and a denominator; the page shows each chart as a table too.
/// </summary>
public sealed class DashboardQuery(ParHubDbContext db, TaskQueries tasks, ReportSetup setup, ReportQueries reports, IndexQueries index,
    SipasResults sipas, TthcFigures tthc, Plans.TargetMeasurer measurer)
{
    public async Task<DashboardView> QueryAsync(DateOnly today, string? group, CancellationToken ct = default)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        var tiles = new List<Tile>();
        var taskCounts = await tasks.CountsAsync(new TaskFilter { DueFrom = yearStart, DueTo = today }, today, ct);
        var dueByNow = taskCounts.DoneOnTime + taskCounts.DoneLate + taskCounts.Overdue;
        if (dueByNow > 0)
            tiles.Add(new Tile("tasks", "Nhiệm vụ hoàn thành đúng hạn", Attention.Percent(taskCounts.DoneOnTime, dueByNow),
                $"{taskCounts.DoneOnTime}/{dueByNow} nhiệm vụ đến hạn từ đầu năm; {taskCounts.Overdue} quá hạn", "/Tasks",
                Pct(taskCounts.DoneOnTime, dueByNow)));

        var regime = await setup.ActiveRegimeAsync(ct);
        var periods = regime is null ? [] : regime.Regime.Periods(today.Year - 1).Concat(regime.Regime.Periods(today.Year))
            .Where(p => p.Due < today).OrderBy(p => p.Due).TakeLast(8).ToList();
        var reportTrend = new List<TrendPoint>();
        RatesView? lastRates = null;
        foreach (var p in periods)
        {
            lastRates = await reports.RatesAsync(regime!, p, today, ct);
            reportTrend.Add(new TrendPoint(p.Label, lastRates.Totals.OnTime, lastRates.Totals.Expected));
        }
        if (lastRates is not null)
            tiles.Add(new Tile("reports", "Báo cáo gửi đúng hạn", Attention.Percent(lastRates.Totals.OnTime, lastRates.Totals.Expected),
                $"{lastRates.Totals.OnTime}/{lastRates.Totals.Expected} cơ quan, {lastRates.Period.Label}",
                $"/Reports/Rates?regime={regime!.Setting.Key}&period={lastRates.Period.Code}",
                Pct(lastRates.Totals.OnTime, lastRates.Totals.Expected)));

        // The latest published cycle; before any is published, the latest with submitted assessments, marked provisional.
        var cycle = await db.AssessmentCycles.AsNoTracking().Where(c => c.PublishedAt != null && c.GroupCode != IndexData.ProvinceGroup)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.PublishedAt).FirstOrDefaultAsync(ct)
            ?? await db.AssessmentCycles.AsNoTracking().Where(c => c.GroupCode != IndexData.ProvinceGroup
                    && db.Assessments.Any(a => a.CycleId == c.Id && a.Status == AssessmentStatus.Submitted))
                .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        HeatMap? heat = null;
        Dictionary<int, decimal> parByAgency = [];
        if (cycle is not null)
        {
            var (framework, all, _) = await index.ResultsAsync(cycle, ct);
            IReadOnlyList<AgencyResult> results = all;
            if (results.Count > 0)
            {
                var submitted = (await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycle.Id && a.Status == AssessmentStatus.Submitted)
                    .Select(a => a.AgencyId).ToListAsync(ct)).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
                results = results.Where(r => submitted.Contains(r.Id)).ToList();
            }
            if (results.Count > 0)
            {
                var provisional = cycle.PublishedAt is null ? " (tạm tính, chưa công bố)" : "";
                var average = results.Average(r => r.Index);
                var best = results.OrderBy(r => r.Rank).First();
                tiles.Add(new Tile("par", $"Chỉ số CCHC {cycle.Year} (nhóm {cycle.GroupCode}){provisional}", Show(ScoringEngine.Round(average)),
                    $"bình quân {results.Count} cơ quan; cao nhất: {best.Name} ({Show(ScoringEngine.Round(best.Index))})", $"/ParIndex/Results/{cycle.Id}"));
                heat = Heat(cycle, framework, results);
                parByAgency = results.Where(r => int.TryParse(r.Id, out _)).ToDictionary(r => int.Parse(r.Id, CultureInfo.InvariantCulture), r => r.Index);
            }
        }

        var programme = await db.SurveyProgrammes.AsNoTracking().Where(p => p.State == SurveyState.Computed || p.State == SurveyState.Published)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (programme is not null && await sipas.ComputeAsync(programme.Id, ct) is { } survey && survey.Province.Result.Sipas is { } sipasIndex)
            tiles.Add(new Tile("sipas", $"Hài lòng của người dân (SIPAS {programme.Year})", SipasIndex.Show(sipasIndex, VietnamCulture) + "%",
                $"mục tiêu {SipasIndex.Show(programme.TargetPercent, VietnamCulture)}%", $"/Sipas/Results/{programme.Id}", sipasIndex,
                programme.TargetPercent));

        var figures = await tthc.ComputeAsync(yearStart, today, ct: ct);
        var t = figures.Province.Tally;
        if (t.Resolved > 0)
            tiles.Add(new Tile("dossiers", "Hồ sơ TTHC giải quyết đúng hạn", Attention.Percent(t.ResolvedOnTime, t.Resolved),
                $"{t.ResolvedOnTime:N0}/{t.Resolved:N0} hồ sơ đã giải quyết từ đầu năm", "/Tthc", Pct(t.ResolvedOnTime, t.Resolved)));
        if (t.Received > 0)
            tiles.Add(new Tile("online", "Hồ sơ nộp trực tuyến", Attention.Percent(t.ReceivedOnline, t.Received),
                $"{t.ReceivedOnline:N0}/{t.Received:N0} hồ sơ tiếp nhận từ đầu năm", "/Tthc", Pct(t.ReceivedOnline, t.Received)));

        var monthly = (await tthc.MonthlyAsync(today.Year, null, ct)).Where(m => m.Resolved > 0)
            .Select(m => new TrendPoint($"T{m.Month}/{today.Year}", m.ResolvedOnTime, m.Resolved)).ToList();
        var quarters = new List<TrendPoint>();
        for (var q = 7; q >= 0; q--)
        {
            var start = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3 * q);
            var end = start.AddMonths(3).AddDays(-1);
            if (end > today) end = today;
            var c = await tasks.CountsAsync(new TaskFilter { DueFrom = start, DueTo = end }, today, ct);
            var due = c.DoneOnTime + c.DoneLate + c.Overdue;
            if (due > 0) quarters.Add(new TrendPoint($"Quý {Roman((start.Month - 1) / 3 + 1)}/{start.Year}", c.DoneOnTime, due));
        }

        var (level, drill) = await DrillAsync(group, lastRates, today, ct);
        var attention = await AttentionAsync(lastRates, parByAgency, figures, today, ct);
        // The targets of this year's plans, measured as of today (the unbound ones listed as "chưa đo được").
        var plans = await db.Plans.AsNoTracking().Include(p => p.Targets).Where(p => p.Year == today.Year && p.Targets.Count > 0)
            .OrderBy(p => p.Id).Take(20).ToListAsync(ct);
        var targets = await measurer.MeasureAsync(plans.SelectMany(p => p.Targets.OrderBy(t => t.SortOrder).Select(t => (t, p))), today, ct);
        // A tile measured by the same metric as a plan's target (at least a share) shows that target.
        string? MetricOf(string tile) => tile switch
        {
            "dossiers" => TargetMetrics.DossiersOnTime,
            "online" => TargetMetrics.DossiersOnline,
            "reports" => TargetMetrics.ReportsOnTime,
            _ => null,
        };
        tiles = tiles.Select(t => t.Target is null && targets.FirstOrDefault(m => m.Target.MetricKey == MetricOf(t.Key) && m.Target.Comparator is ">=" or ">"
                && m.Target.Threshold is not null) is { } bound
            ? t with { Target = bound.Target.Threshold, Detail = t.Detail + $"; chỉ tiêu {bound.Target.Threshold:0.##}% ({bound.PlanName})" }
            : t).ToList();
        return new DashboardView(today, tiles, quarters, reportTrend, monthly, level, drill, heat, attention, targets);
    }

    private static readonly CultureInfo VietnamCulture = Core.Text.VietnameseCollation.Culture;
    private static decimal Pct(long n, long d) => Core.Dashboard.Attention.Share(n, d) ?? 0;
    private static string Show(decimal v) => v.ToString("0.##", VietnamCulture);
    private static string Roman(int q) => q switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    private static HeatMap Heat(AssessmentCycle cycle, Framework framework, IReadOnlyList<AgencyResult> results)
    {
        var fields = framework.Nodes.Where(n => !n.Code.Contains('.')).Select(n => (n.Code, n.Title)).ToList();
        var rows = results.OrderBy(r => r.Rank).Select(r => new HeatRow(r.Name ?? r.Id, r.Rank, ScoringEngine.Round(r.Index), fields.Select(f =>
        {
            var mine = r.Criteria.Where(c => !c.Exempt && (c.Code == f.Code || c.Code.StartsWith(f.Code + ".", StringComparison.Ordinal))
                && !r.Criteria.Any(o => o.Code.StartsWith(c.Code + ".", StringComparison.Ordinal))).ToList();
            var max = mine.Sum(c => c.Max);
            return max == 0 ? (decimal?)null : Math.Round(mine.Sum(c => c.Points) * 100m / max, 0, MidpointRounding.AwayFromZero);
        }).ToList())).ToList();
        return new HeatMap(cycle.Id, $"Chỉ số CCHC {cycle.Year}, nhóm {cycle.GroupCode}" + (cycle.PublishedAt is null ? " (tạm tính, chưa công bố)" : ""),
            fields, rows);
    }

    /// <summary>The province's groups, or the agencies of one group; each with its tasks and its reports of the last closed period.</summary>
    private async Task<(string Level, List<DrillRow> Rows)> DrillAsync(string? group, RatesView? rates, DateOnly today, CancellationToken ct)
    {
        var byAgency = (await tasks.CountsByLeadAgencyAsync(new TaskFilter(), today, ct)).ToDictionary(x => x.AgencyId, x => x.Counts);
        var onTime = rates?.Rows.ToDictionary(r => r.Agency.AgencyId, r => r.State == SubmissionState.OnTime) ?? [];
        var groups = await db.AgencyGroups.AsNoTracking().Include(g => g.Members).OrderBy(g => g.Code).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        StatusCounts Sum(IEnumerable<int> ids) => ids.Select(id => byAgency.GetValueOrDefault(id)).OfType<StatusCounts>()
            .Aggregate(StatusCounts.Of([]), (a, b) => new StatusCounts(a.Total + b.Total, a.DoneOnTime + b.DoneOnTime, a.DoneLate + b.DoneLate,
                a.InProgressOnTime + b.InProgressOnTime, a.Overdue + b.Overdue, a.NotYetDue + b.NotYetDue, a.Undated + b.Undated));
        if (groups.FirstOrDefault(g => g.Code == group) is { } chosen)
        {
            var rows = chosen.Members.Select(m => m.AgencyId).Distinct().Select(id => new DrillRow(id.ToString(CultureInfo.InvariantCulture),
                    names.GetValueOrDefault(id, "?"), $"/Tasks?agencyId={id}", Sum([id]), onTime.GetValueOrDefault(id) ? 1 : 0, onTime.ContainsKey(id) ? 1 : 0))
                .OrderByDescending(r => r.Tasks.Overdue).ThenBy(r => r.Name, Core.Text.VietnameseCollation.Comparer).ToList();
            return (chosen.Name, rows);
        }
        var all = groups.Select(g =>
        {
            var ids = g.Members.Select(m => m.AgencyId).Distinct().ToList();
            return new DrillRow(g.Code, g.Name, $"/Dashboard?group={Uri.EscapeDataString(g.Code)}#drill", Sum(ids),
                ids.Count(id => onTime.GetValueOrDefault(id)),
                ids.Count(onTime.ContainsKey));
        }).ToList();
        return ("Toàn tỉnh", all);
    }

    private async Task<IReadOnlyList<AttentionRow>> AttentionAsync(RatesView? rates, Dictionary<int, decimal> par, TthcFiguresResult figures, DateOnly today,
        CancellationToken ct)
    {
        var overdue = (await tasks.CountsByLeadAgencyAsync(new TaskFilter(), today, ct)).ToDictionary(x => x.AgencyId, x => (x.Name, x.Counts.Overdue));
        var late = rates?.Rows.ToDictionary(r => r.Agency.AgencyId, r => (r.Agency.Name, r.State is SubmissionState.Late or SubmissionState.Missing)) ?? [];
        var dossiers = figures.Agencies.Where(a => a.AgencyId is not null).ToDictionary(a => a.AgencyId!.Value, a => (a.Name, a.Tally));
        var ids = overdue.Keys.Concat(late.Keys).Concat(dossiers.Keys).Concat(par.Keys).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var signals = ids.Select(id => new AgencySignals(id, names.GetValueOrDefault(id, "?"), overdue.GetValueOrDefault(id).Overdue,
            late.GetValueOrDefault(id).Item2 ? 1 : 0, par.TryGetValue(id, out var p) ? p : null,
            dossiers.GetValueOrDefault(id).Tally.ResolvedOnTime, dossiers.GetValueOrDefault(id).Tally.Resolved)).ToList();
        return Attention.Rank(signals).Take(15).ToList();
    }
}
