using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Notifications;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.Reports;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Home;

public sealed record HomeTask(int Id, string No, string Content, string? Plan, DateOnly Due);

/// <summary>One report the agency owes or has sent: the period, its due date, its state and, when returned, why.</summary>
public sealed record HomeReport(string RegimeKey, string PeriodCode, string PeriodLabel, DateOnly? Due, int? ReportId, ReportStatus? Status,
    string? ReturnedWhy, bool Overdue)
{
    public string Link => ReportId is { } id ? $"/Reports/Report/{id}" : $"/Reports/Open?regime={RegimeKey}&period={PeriodCode}";
    public string StateLabel => Status is { } s ? ReportLabels.Status(s) : Overdue ? "Chưa lập, đã quá hạn" : "Chưa lập";
}

/// <summary>The agency's self-assessment in a cycle: its state, deadline, criteria not scored yet and criteria to explain.</summary>
public sealed record HomeAssessment(int Id, int Year, string Framework, AssessmentStatus Status, DateOnly Due, int Left, int Total, int ToExplain)
{
    /// <summary>The province's own assessment, of which the agency scores the criteria it leads.</summary>
    public bool Province { get; init; }
}

public sealed record OfficerHomeView(string AgencyName, int AgencyId, IReadOnlyList<HomeTask> Overdue, int OverdueCount, IReadOnlyList<HomeTask> DueSoon,
    int DueSoonCount, IReadOnlyList<HomeReport> Reports, IReadOnlyList<HomeAssessment> Assessments, IReadOnlyList<Notification> Unread, int UnreadCount);

/// <summary>
/// What needs an agency officer now: the agency's tasks overdue and due within <see cref="Reminders.DueSoonDays"/>
/// days (as lead), the report being collected and any earlier one still owed, the self-assessments open, and the
/// user's unread notifications.
/// </summary>
public sealed class OfficerHome(ParHubDbContext db, TaskQueries tasks, ReportSetup setup, NotificationQueries notices, ProvinceLeads leads)
{
    public const int Shown = 10;

    public async Task<OfficerHomeView> QueryAsync(int agencyId, string userId, DateOnly today, CancellationToken ct = default)
    {
        var name = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstAsync(ct);
        var open = tasks.Filtered(new TaskFilter { AgencyId = agencyId }, today).Where(t => t.CompletedOn == null && (t.CurrentDue ?? t.Due) != null);
        var overdue = open.Where(t => (t.CurrentDue ?? t.Due) < today);
        var soon = open.Where(t => (t.CurrentDue ?? t.Due) >= today && (t.CurrentDue ?? t.Due) <= today.AddDays(Reminders.DueSoonDays));
        var unread = await notices.UnreadAsync(userId, ct);
        return new OfficerHomeView(name, agencyId, await RowsAsync(overdue, ct), await overdue.CountAsync(ct), await RowsAsync(soon, ct),
            await soon.CountAsync(ct), await ReportsAsync(agencyId, today, ct), await AssessmentsAsync(agencyId, ct),
            unread == 0 ? [] : await notices.LatestUnreadAsync(userId, 5, ct), unread);
    }

    private static Task<List<HomeTask>> RowsAsync(IQueryable<PlanTask> q, CancellationToken ct) =>
        q.OrderBy(t => t.CurrentDue ?? t.Due).ThenBy(t => t.Id).Take(Shown)
            .Select(t => new HomeTask(t.Id, t.No, t.Content, t.Plan!.Number ?? t.Plan.Title, (t.CurrentDue ?? t.Due)!.Value)).ToListAsync(ct);

    /// <summary>The open period of each active regime that expects the agency, and the earlier periods of the last year it still owes.</summary>
    private async Task<List<HomeReport>> ReportsAsync(int agencyId, DateOnly today, CancellationToken ct)
    {
        var found = new List<HomeReport>();
        foreach (var regime in (await setup.RegimesAsync(ct)).Where(r => r.Setting.IsActive && r.ReporterGroups.Count > 0))
        {
            var openPeriod = regime.Regime.OpenPeriod(today);
            var periods = regime.Regime.Periods(today.Year - 1).Concat(regime.Regime.Periods(today.Year))
                .Where(p => p.Due is { } d && d >= today.AddYears(-1) && (p.Code == openPeriod?.Code || d < today)).ToList();
            if (openPeriod is not null && !periods.Contains(openPeriod)) periods.Add(openPeriod);
            var codes = periods.Select(p => p.Code).ToList();
            var stored = await db.Reports.AsNoTracking().Where(r => r.RegimeKey == regime.Setting.Key && r.AgencyId == agencyId && codes.Contains(r.PeriodCode))
                .Select(r => new { r.Id, r.PeriodCode, r.Status, r.ReviewComment }).ToDictionaryAsync(r => r.PeriodCode, ct);
            foreach (var p in periods.OrderByDescending(p => p.Due))
            {
                stored.TryGetValue(p.Code, out var r);
                var owed = r is null || r.Status is ReportStatus.Draft or ReportStatus.Returned;
                if (p.Code != openPeriod?.Code && !owed) continue; // an earlier period already sent: nothing to do
                if (!(await setup.ExpectedAsync(regime, p, ct)).Any(e => e.AgencyId == agencyId)) continue;
                found.Add(new HomeReport(regime.Setting.Key, p.Code, p.Label, p.Due, r?.Id, r?.Status,
                    r?.Status == ReportStatus.Returned ? r.ReviewComment : null, owed && p.Due < today));
            }
        }
        return found;
    }

    private async Task<List<HomeAssessment>> AssessmentsAsync(int agencyId, CancellationToken ct)
    {
        // Its own assessments, and the province's own where it leads criteria (it scores those).
        var leader = await leads.LeadsAsync(agencyId, null, ct);
        var rows = await db.Assessments.AsNoTracking()
            .Join(db.AssessmentCycles.Where(c => c.PublishedAt == null), a => a.CycleId, c => c.Id, (a, c) => new { a, c })
            .Where(x => x.a.AgencyId == agencyId || leader && x.c.GroupCode == IndexData.ProvinceGroup)
            .Join(db.IndexFrameworks, x => x.c.FrameworkId, f => f.Id, (x, f) => new { x.a, x.c, f })
            .OrderByDescending(x => x.c.Year).ThenBy(x => x.a.AgencyId == agencyId ? 0 : 1).ThenBy(x => x.c.Id).Take(5)
            .ToListAsync(ct);
        var result = new List<HomeAssessment>();
        foreach (var x in rows)
        {
            var scores = await db.AssessmentScores.AsNoTracking().Where(s => s.AssessmentId == x.a.Id).ToListAsync(ct);
            var framework = IndexData.Definition(x.f);
            var criteria = framework.Nodes.Where(n => n.Rule is not null && n.Source is null && n.AppliesTo(x.c.GroupCode)).Select(n => n.Code).ToList();
            if (x.a.AgencyId != agencyId)
            {
                var mine = await leads.CriteriaOfAsync(framework, agencyId, ct);
                criteria = criteria.Where(mine.Contains).ToList();
            }
            var done = scores.Where(s => s.SelfPoints is not null || s.Exempt).Select(s => s.Code).ToHashSet();
            var toExplain = scores.Count(s => s.AppraisedPoints is { } ap && s.SelfPoints is { } sp && ap < sp && s.Explanation is null);
            result.Add(new HomeAssessment(x.a.Id, x.c.Year, x.f.Title, x.a.Status, x.c.SelfAssessmentDue, criteria.Count(c => !done.Contains(c)),
                criteria.Count, toExplain)
            { Province = x.a.AgencyId != agencyId });
        }
        return result;
    }
}
