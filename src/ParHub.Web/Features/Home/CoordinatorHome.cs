using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Reports;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Home;

public sealed record AgencyOverdue(int AgencyId, string Name, int Overdue, int Total);

public sealed record SubmittedReport(int Id, string Agency, string PeriodLabel, DateTime? SubmittedAt);

public sealed record CycleProgress(int Id, int Year, string Group, string Framework, int Submitted, int Total, int WaitingExplanation, DateOnly Due);

public sealed record SurveyProgress(int Id, int Year, string Title, SurveyState State, int Responses);

public sealed record CoordinatorHomeView(RatesView? Rates, IReadOnlyList<AgencyOverdue> OverdueByAgency, int OverdueTotal,
    IReadOnlyList<SubmittedReport> ToReview, int ToReviewCount, int Explanations, IReadOnlyList<CycleProgress> Cycles,
    IReadOnlyList<SurveyProgress> Surveys, int OutboxFailed, int OutboxWaiting, int Unassigned);

/// <summary>
/// What needs the Sở Nội vụ's officer now: the reporting rates of the period being collected, the agencies with most
/// overdue tasks, what waits for review (submitted reports, explanations to appraise again, imported tasks whose lead
/// agency is not in the directory), the cycles and surveys in progress, and mail that could not be sent.
/// </summary>
public sealed class CoordinatorHome(ParHubDbContext db, ReportSetup setup, ReportQueries reports, TaskQueries tasks)
{
    public const int Shown = 10;

    public async Task<CoordinatorHomeView> QueryAsync(DateOnly today, CancellationToken ct = default)
    {
        var open = await setup.OpenPeriodAsync(today, ct);
        var rates = open is { } o ? await reports.RatesAsync(o.Regime, o.Period, today, ct) : null;
        var byAgency = (await tasks.CountsByLeadAgencyAsync(new TaskFilter(), today, ct))
            .Where(x => x.Counts.Overdue > 0).OrderByDescending(x => x.Counts.Overdue).ThenBy(x => x.Name, Core.Text.VietnameseCollation.Comparer)
            .ToList();
        var submitted = db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted);
        var toReview = (await submitted.OrderBy(r => r.SubmittedAt).Take(Shown)
                .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { r.Id, a.Name, r.PeriodCode, r.SubmittedAt }).ToListAsync(ct))
            .Select(r => new SubmittedReport(r.Id, r.Name, ReportRegime.LabelOf(r.PeriodCode), r.SubmittedAt)).ToList();
        var explanations = await db.AssessmentScores.CountAsync(s => s.Explanation != null && s.AppraisedPoints != null && s.SecondPoints == null
            && db.Assessments.Any(a => a.Id == s.AssessmentId && db.AssessmentCycles.Any(c => c.Id == a.CycleId && c.PublishedAt == null)), ct);
        var cycles = await db.AssessmentCycles.AsNoTracking().Where(c => c.PublishedAt == null)
            .Join(db.IndexFrameworks, c => c.FrameworkId, f => f.Id, (c, f) => new CycleProgress(c.Id, c.Year, c.GroupCode, f.Title,
                db.Assessments.Count(a => a.CycleId == c.Id && a.Status == Core.Scoring.AssessmentStatus.Submitted),
                db.Assessments.Count(a => a.CycleId == c.Id),
                db.AssessmentScores.Count(s => s.Explanation != null && s.AppraisedPoints != null && s.SecondPoints == null
                    && db.Assessments.Any(a => a.Id == s.AssessmentId && a.CycleId == c.Id)), c.SelfAssessmentDue))
            .ToListAsync(ct);
        cycles = cycles.OrderByDescending(c => c.Year).ThenBy(c => c.Id).ToList();
        var surveys = await db.SurveyProgrammes.AsNoTracking().Where(p => p.State != SurveyState.Published)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new SurveyProgress(p.Id, p.Year, p.Title, p.State, db.SurveyResponses.Count(r => r.ProgrammeId == p.Id))).ToListAsync(ct);
        return new CoordinatorHomeView(rates,
            byAgency.Take(Shown).Select(x => new AgencyOverdue(x.AgencyId, x.Name, x.Counts.Overdue, x.Counts.Total)).ToList(),
            byAgency.Sum(x => x.Counts.Overdue), toReview, await submitted.CountAsync(ct), explanations, cycles, surveys,
            await db.OutboxMessages.CountAsync(m => m.FailedAt != null, ct),
            await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null, ct),
            await tasks.Filtered(new TaskFilter { Unassigned = true }, today).CountAsync(ct));
    }
}
