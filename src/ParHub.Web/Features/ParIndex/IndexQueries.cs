using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Shared;
using ParHub.Web.Features.Reports;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// The PAR Index read side: ParHub's own figures for computed criteria, a cycle's results (computed by the engine from
/// the stored inputs and appraisals, cached until the next change), last year's results, the appraisers' assignments.
/// </summary>
public sealed class IndexQueries(ParHubDbContext db, TaskQueries tasks, ReportSetup reports, ReportQueries reportQueries, ReadCache cache,
    Tthc.TthcFigures dossiers, Tthc.Pakn.FeedbackFigures feedback, Registries.RegistryQueries registries)
{
    /// <summary>ParHub's own figures for the computed criteria: tasks done on time of the year, reports sent on time.</summary>
    public async Task<Dictionary<string, (ScoreInput Input, string Shown)>> ComputedAsync(Framework f, int agencyId, int year, CancellationToken ct = default)
    {
        var result = new Dictionary<string, (ScoreInput, string)>();
        foreach (var n in f.Nodes.Where(n => n.IsComputed))
        {
            if (n.Source == "tasks.ontime")
            {
                var c = await tasks.CountsAsync(new TaskFilter { AgencyId = agencyId, Year = year, LeadOnly = true }, new DateOnly(year, 12, 31), ct);
                var due = c.Total - c.NotYetDue - c.Undated;
                result[n.Code] =
                    (ScoreInput.Rate(c.DoneOnTime, due), $"{c.DoneOnTime}/{due} nhiệm vụ đến hạn hoàn thành đúng hạn (theo dõi trên ParHub)");
            }
            else if (n.Source == "reports.ontime" && await reports.ActiveRegimeAsync(ct) is { } regime)
            {
                int expected = 0, onTime = 0;
                foreach (var p in regime.Regime.Periods(year))
                {
                    var rates = await reportQueries.RatesAsync(regime, p, new DateOnly(year, 12, 31), ct);
                    var row = rates.Rows.FirstOrDefault(r => r.Agency.AgencyId == agencyId);
                    if (row is null || row.State == Core.Reports.SubmissionState.NotYetDue) continue;
                    expected++;
                    if (row.State == Core.Reports.SubmissionState.OnTime) onTime++;
                }
                result[n.Code] = (ScoreInput.Rate(onTime, expected), $"{onTime}/{expected} báo cáo định kỳ gửi đúng hạn (trên ParHub)");
            }
            else if (n.Source?.StartsWith("tthc.", StringComparison.Ordinal) == true)
            {
                var (rows, _) = await dossiers.ComputeAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), agencyId, ct: ct);
                if (rows.SingleOrDefault()?.Tally is not { } t) continue; // no dossiers imported for the year: entered by hand
                (long Num, long Den, string What)? figure = n.Source switch
                {
                    "tthc.tien_do" => (t.ResolvedOnTime + t.PendingInTime, t.InScope, "hồ sơ giải quyết trước, đúng hạn"),
                    "tthc.truc_tuyen" => (t.ReceivedOnline, t.Received, "hồ sơ nộp trực tuyến"),
                    "tthc.thanh_toan" => (t.FeeBearingPaidOnline, t.FeeBearingReceived, "hồ sơ có phí thanh toán trực tuyến"),
                    "tthc.so_hoa" => (t.ReceivedDigitised, t.Received, "hồ sơ được số hóa"),
                    "tthc.xin_loi" => (t.Apologies, t.Late, "hồ sơ trễ hạn có thư xin lỗi"),
                    _ => null,
                };
                if (figure is { Den: > 0 } x) result[n.Code] = (ScoreInput.Rate(x.Num, x.Den), $"{x.Num:N0}/{x.Den:N0} {x.What} năm {year} (hệ thống một cửa)");
            }
            else if (await RegistryAsync(n.Source!, agencyId, year, ct) is { } fromRegistry) result[n.Code] = fromRegistry;
            else if (n.Source?.StartsWith("pakn.", StringComparison.Ordinal) == true)
            {
                var (rows, _) = await feedback.ComputeAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), agencyId, ct);
                if (rows.SingleOrDefault()?.Tally is not { } t) continue; // no feedback for the year: entered by hand
                (long Num, long Den, string What)? figure = n.Source switch
                {
                    "pakn.dung_han" => (t.AnsweredOnTime, t.Answered, "phản ánh, kiến nghị trả lời đúng hạn"),
                    "pakn.hai_long" => (t.Satisfied, t.Rated, "trả lời phản ánh, kiến nghị được đánh giá hài lòng"),
                    _ => null,
                };
                if (figure is { Den: > 0 } x) result[n.Code] = (ScoreInput.Rate(x.Num, x.Den), $"{x.Num:N0}/{x.Den:N0} {x.What} năm {year}");
            }
        }
        return result;
    }

    /// <summary>
    /// The criteria that do not apply to one agency, whatever its group: the inspection of its own units
    /// (<c>kiemtra.bao_phu</c>) when the directory gives it none at the end of the year. Stored as exempt when it assesses itself.
    /// </summary>
    public async Task<IReadOnlySet<string>> AgencyNotApplicableAsync(Framework f, int agencyId, int year, CancellationToken ct = default)
    {
        var codes = f.Nodes.Where(n => n.Rule is not null && n.Source == "kiemtra.bao_phu").Select(n => n.Code).ToList();
        if (codes.Count == 0 || await registries.UnitCoverageAsync(agencyId, year, ct) is not null) return new HashSet<string>();
        return codes.ToHashSet();
    }

    /// <summary>
    /// A criterion read from the registries (issue 16), with its source: the agency's own units inspected in the year (a rate;
    /// nothing for an agency without units), its findings remedied by the end of the year, its initiatives, dialogues and
    /// communication items of the year (a number, and "some" as a flag). Null for another source, or when the registry
    /// has nothing of the agency's (entered by hand).
    /// </summary>
    private async Task<(ScoreInput, string)?> RegistryAsync(string source, int agencyId, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        switch (source)
        {
            case "kiemtra.bao_phu":
                if (await registries.UnitCoverageAsync(agencyId, year, ct) is not { } c) return null;
                return (ScoreInput.Rate(c.Inspected, c.Units),
                    $"{c.Inspected}/{c.Units} đơn vị trực thuộc được kiểm tra CCHC năm {year} (sổ kiểm tra CCHC trên ParHub)");
            case "kiemtra.khac_phuc":
                var (remedied, findings) = await registries.RemediesAsync(agencyId, year, to, ct);
                if (findings == 0) return null;
                return (ScoreInput.Rate(remedied, findings),
                    $"{remedied}/{findings} tồn tại sau kiểm tra CCHC năm {year} đã khắc phục (sổ kiểm tra CCHC trên ParHub)");
        }
        var measure = source switch
        {
            "sangkien.so_luong" => "reg:" + Core.Registries.RegistryCatalog.Initiatives,
            "doithoai.so_lan" => "reg:" + Core.Registries.RegistryCatalog.Dialogues,
            "tuyentruyen.so_luong" => "reg:" + Core.Registries.RegistryCatalog.Communication + ":so_luong",
            _ => null,
        };
        if (Core.Registries.RegistryMeasure.Parse(measure) is not { } m) return null;
        if (m.Of(await registries.FactsAsync(m.Kind, agencyId, from, to, ct), from, to) is not { } n) return null;
        return (new ScoreInput(Flag: n > 0, Number: n), $"{Core.Reports.VietnameseNumber.Format(n)} — {m.Describe()}, năm {year}");
    }

    /// <summary>
    /// The results of a cycle: every assessment scored by the engine (appraised points over self-assessed). Kept in memory
    /// until the next saved change to assessments (the same versioned cache as the task board).
    /// </summary>
    public Task<(Framework Framework, IReadOnlyList<AgencyResult> Results, Dictionary<string, string> Names)> ResultsAsync(
        AssessmentCycle cycle, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"index:results:{cycle.Id}", CacheTagsOf(cycle.Id), c => LoadResultsAsync(cycle, c), ct);

    /// <summary>
    /// What the lost-points page ranks: for the province's own cycle once the Ministry's points per criterion are imported,
    /// the Ministry's appraisal (<see cref="Core.ParIndex.NationalGaps.AsResult"/>; <c>National</c> true); otherwise the cycle's results.
    /// </summary>
    public async Task<(Framework Framework, IReadOnlyList<AgencyResult> Results, Dictionary<string, string> Names, bool National)> ImprovementResultsAsync(
        AssessmentCycle cycle, CancellationToken ct = default)
    {
        var (f, results, names) = await ResultsAsync(cycle, ct);
        if (cycle.GroupCode != IndexData.ProvinceGroup) return (f, results, names, false);
        var scores = await db.NationalScores.AsNoTracking().Where(s => db.NationalResults.Any(r => r.Id == s.ResultId && r.Year == cycle.Year))
            .ToDictionaryAsync(s => s.Code, s => s.Points, ct);
        if (scores.Count == 0) return (f, results, names, false);
        var province = results.Count > 0 ? results[0] : null;
        var id = province?.Id ?? names.Keys.FirstOrDefault() ?? "0";
        return (f, [Core.ParIndex.NationalGaps.AsResult(f, scores, id, names.GetValueOrDefault(id) ?? "")], names, true);
    }

    /// <summary>What a cycle's results are computed from: the index, the reports, the tasks, the directory and the dossiers.</summary>
    public static string[] CacheTagsOf(int cycleId) =>
        [CacheTags.IndexAll, CacheTags.Index(cycleId), CacheTags.Reports, CacheTags.Tasks, CacheTags.Directory, CacheTags.Dossiers,
            CacheTags.Feedback, CacheTags.Registries];

    private async Task<(Framework Framework, IReadOnlyList<AgencyResult> Results, Dictionary<string, string> Names)> LoadResultsAsync(
        AssessmentCycle cycle, CancellationToken ct)
    {
        var f = IndexData.Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var list = await db.Assessments.AsNoTracking().Include(x => x.Scores).Where(x => x.CycleId == cycle.Id).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().Where(x => list.Select(l => l.AgencyId).Contains(x.Id))
            .ToDictionaryAsync(x => x.Id.ToString(CultureInfo.InvariantCulture), x => x.Name, ct);
        var notApplicable = f.NotApplicable(cycle.GroupCode);
        var scoring = list.Select(x => new AgencyScoring(x.AgencyId.ToString(CultureInfo.InvariantCulture),
            names.GetValueOrDefault(x.AgencyId.ToString(CultureInfo.InvariantCulture)), cycle.GroupCode,
            x.Scores.Where(s => s.Input is not null).ToDictionary(s => s.Code, s => JsonSerializer.Deserialize<ScoreInput>(s.Input!, IndexData.Json)!),
            x.Scores.Where(s => s.Exempt).Select(s => s.Code).Concat(notApplicable).ToList(),
            x.Scores.Where(s => s.FinalAppraised is not null).ToDictionary(s => s.Code, s => s.FinalAppraised!.Value),
            x.Bonus, x.Penalty, x.Status == AssessmentStatus.Submitted)).ToList();
        return (f, ScoringEngine.Compute(f, scoring), names);
    }

    /// <summary>
    /// Last year's points of the agency per criterion (appraised over self-assessed), from the cycle of the year before with
    /// the same framework code and group; empty when there is none.
    /// </summary>
    public async Task<Dictionary<string, decimal>> LastYearAsync(AssessmentCycle cycle, int agencyId, CancellationToken ct = default)
    {
        var mine = (await LastYearResultsAsync(cycle, ct)).FirstOrDefault(r => r.Id == agencyId.ToString(CultureInfo.InvariantCulture));
        return mine?.Criteria.Where(c => !c.Exempt).ToDictionary(c => c.Code, c => c.Points) ?? [];
    }

    /// <summary>The results of the cycle of the year before with the same framework code and group (empty when there is none).</summary>
    public async Task<IReadOnlyList<AgencyResult>> LastYearResultsAsync(AssessmentCycle cycle, CancellationToken ct = default)
    {
        var code = await db.IndexFrameworks.Where(f => f.Id == cycle.FrameworkId).Select(f => f.Code).FirstAsync(ct);
        var previous = await db.AssessmentCycles.AsNoTracking()
            .Where(c => c.Year == cycle.Year - 1 && c.GroupCode == cycle.GroupCode && db.IndexFrameworks.Any(f => f.Id == c.FrameworkId && f.Code == code))
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return previous is null ? [] : (await ResultsAsync(previous, ct)).Results;
    }

    /// <summary>The appraisers of a cycle with the fields each scores ("" for all) and the agencies they are limited to ("" for all).</summary>
    public async Task<List<(string UserName, string Fields, string Agencies)>> AssignmentsAsync(int cycleId, CancellationToken ct = default)
    {
        var fields = await db.AppraiserAssignments.Where(x => x.CycleId == cycleId)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.UserName, x.FieldCode }).ToListAsync(ct);
        var scopes = await db.AppraiserScopes.Where(x => x.CycleId == cycleId)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.UserName, x.AgencyId })
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { x.UserName, a.Name }).ToListAsync(ct);
        return fields.Select(x => x.UserName).Concat(scopes.Select(x => x.UserName)).Distinct().Select(n => (n ?? "",
                string.Join(", ", fields.Where(x => x.UserName == n).Select(x => x.FieldCode).Order()),
                string.Join(", ", scopes.Where(x => x.UserName == n).Select(x => x.Name).Order(Core.Text.VietnameseCollation.Comparer))))
            .ToList();
    }
}
