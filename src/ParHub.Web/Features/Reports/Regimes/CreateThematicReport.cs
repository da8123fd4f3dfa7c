using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Core.Time;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>A thematic report as the Coordinator asks for it: what, with which form, from which agencies (codes), by when.</summary>
public sealed record ThematicReportRequest(string? Title, string? FormKey, IReadOnlyList<string> Agencies, string? Due);

/// <summary>
/// Asks named agencies for a thematic report (báo cáo chuyên đề): a regime of its own (<see cref="SaveRegime"/>, so that it
/// is edited on the regimes page like any other) with one ad-hoc period in the due date's year, the chosen form, the
/// agencies as its reporters; each agency is told, with the link to its report. The regime, its audit line and the
/// notices in one transaction.
/// </summary>
public sealed class CreateThematicReport(ParHubDbContext db, SaveRegime save, Notifications.Notifier notifier, TimeProvider clock)
{
    public const string KeyPrefix = "chuyen-de-";

    public Task<(ReportRegimeSetting Regime, ReportingPeriod Period)> RunAsync(ThematicReportRequest request, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
        {
            var codes = request.Agencies.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim().ToUpperInvariant()).Distinct().ToList();
            if (codes.Count == 0) throw new ReportRuleException("Chọn ít nhất một cơ quan, đơn vị phải báo cáo.");
            if (!VnDate.TryParse(request.Due, out var due)) throw new ReportRuleException("Hạn gửi: " + VnDate.Invalid);
            if (due < VietnamTime.Today(clock)) throw new ReportRuleException("Hạn gửi đã qua: chọn một ngày từ hôm nay trở đi.");
            if (due.Year > 2100) throw new ReportRuleException("Hạn gửi: năm không hợp lệ.");
            var prefix = $"{KeyPrefix}{due.Year}-";
            var taken = await db.ReportRegimes.CountAsync(r => r.Key.StartsWith(prefix), ct);
            var key = prefix + (taken + 1).ToString(CultureInfo.InvariantCulture);
            var regime = await save.RunAsync(new SaveRegimeRequest(0, request.Title, "Các cơ quan, đơn vị được yêu cầu", "Sở Nội vụ",
                string.Join(',', codes), request.FormKey, $"A {due:dd}/{due:MM}", IsActive: false, key, due.Year), ct);
            var period = ReportSetup.ToSetup(regime).Regime.Periods(due.Year).Single();
            var agencies = await db.Agencies.Where(a => codes.Contains(a.Code)).Select(a => a.Id).ToListAsync(ct);
            await notifier.ToAgenciesAsync(agencies, new Notifications.Notice($"report:{key}:requested", $"Yêu cầu báo cáo chuyên đề, hạn {VnDate.Show(due)}",
                regime.Name, $"/Reports/Open?regime={key}&period={period.Code}"), ct);
            await db.SaveChangesAsync(ct);
            return (regime, period);
        }, ct);
}
