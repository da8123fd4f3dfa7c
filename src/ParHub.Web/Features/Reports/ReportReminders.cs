using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Notifications;

namespace ParHub.Web.Features.Reports;

/// <summary>Reminders about reports: the Coordinator's one click to every missing agency, and the lines of the daily digest.</summary>
public sealed class ReportReminders(ParHubDbContext db, ReportSetup setup, Outbox mail, TimeProvider clock)
{
    /// <summary>Tells the people of each agency that its report is missing; returns how many agencies were told.</summary>
    public async Task<int> RemindMissingAsync(RegimeSetup regime, ReportingPeriod period, IReadOnlyCollection<int> agencyIds, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.AgencyId != null && agencyIds.Contains(u.AgencyId.Value)).ToListAsync(ct);
        var title = $"Nhắc gửi báo cáo CCHC {period.Label}" + (period.Due is { } d ? $" (hạn {d:dd/MM/yyyy})" : "");
        var link = $"/Reports/Open?regime={regime.Setting.Key}&period={period.Code}";
        var body =
            $"Sở Nội vụ nhắc cơ quan lập và gửi báo cáo cải cách hành chính {period.Label} trên ParHub.\n\nLập báo cáo: {link}";
        var now = clock.GetUtcNow().UtcDateTime;
        // The notifications and their mail (the outbox, sent by the worker) commit together; no request waits for SMTP.
        await db.InTransactionAsync(async () =>
        {
            foreach (var u in users)
            {
                db.Notifications.Add(new Notification { UserId = u.Id, At = now, Title = title, Body = body, Link = link });
                if (!string.IsNullOrWhiteSpace(u.Email)) mail.Enqueue(u.Email, title, body);
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        return agencyIds.Count;
    }

    /// <summary>
    /// Reports of the agency due within <paramref name="days"/> days or overdue and not yet submitted, under the active
    /// regimes: the digest's report lines (keys make each said once per state).
    /// </summary>
    public async Task<List<(string Key, string Line)>> DueItemsAsync(int agencyId, DateOnly day, int days, CancellationToken ct = default)
    {
        var items = new List<(string, string)>();
        foreach (var regime in (await setup.RegimesAsync(ct)).Where(r => r.Setting.IsActive && r.ReporterGroups.Count > 0))
        {
            var periods = regime.Regime.Periods(day.Year).Concat(regime.Regime.Periods(day.Year - 1))
                .Where(p => p.Due is { } d && d <= day.AddDays(days) && d >= day.AddDays(-60)).ToList();
            foreach (var p in periods)
            {
                if (!(await setup.ExpectedAsync(regime, p, ct)).Any(e => e.AgencyId == agencyId)) continue;
                var submitted = await db.Reports.AnyAsync(r => r.RegimeKey == regime.Setting.Key && r.PeriodCode == p.Code && r.AgencyId == agencyId
                    && r.FirstSubmittedAt != null, ct);
                if (submitted) continue;
                var overdue = p.Due < day;
                items.Add(($"report:{regime.Setting.Key}:{p.Code}:{agencyId}:{(overdue ? "overdue" : "due")}",
                    $"- [{(overdue ? $"QUÁ HẠN từ {p.Due:dd/MM/yyyy}" : $"đến hạn {p.Due:dd/MM/yyyy}")}] Báo cáo CCHC {p.Label} "
                    + $"(/Reports/Open?regime={regime.Setting.Key}&period={p.Code})"));
            }
        }
        return items;
    }
}
