using ParHub.Core.Audit;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Notifications;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// What Sở Nội vụ's steps share (<see cref="ReturnReport"/>, <see cref="AcceptReport"/>, <see cref="ReopenReport"/>):
/// only a reviewer, on the version they saw, as <see cref="ReportState"/> allows; a revision and an audit entry with the change
/// of status, committed together.
/// </summary>
public sealed class ReportReview(ParHubDbContext db, ReportAccess access, ReportHistory history, AuditLog audit, Notifier notifier)
{
    public async Task<AgencyReport> RunAsync(int id, int version, string action, Func<ReportStatus, ReportTransition> rule,
        CancellationToken ct)
    {
        if (!await access.IsReviewerAsync()) throw new UnauthorizedAccessException();
        var report = await history.LoadAsync(id, ct);
        ReportHistory.DemandVersion(report, version, "; tải lại trang.");
        var step = rule(report.Status);
        if (step is ReportTransition.Refused refused) throw new ReportRuleException(refused.Message);
        var (to, comment) = (ReportTransition.Ok)step;
        await db.InTransactionAsync(async () =>
        {
            var before = report.Status;
            report.Status = to;
            if (action == "accept") report.AcceptedAt = history.Now;
            if (action == "reopen") report.AcceptedAt = null;
            report.ReviewComment = comment ?? report.ReviewComment;
            history.Stamp(report);
            history.AddRevision(report, action, comment);
            var verb = action switch { "return" => "Trả lại", "accept" => "Tiếp nhận", _ => "Mở lại" };
            audit.Record(action, ReportHistory.EntityType, ReportHistory.Id(report), report.AgencyId, $"{verb} báo cáo {report.PeriodCode}",
                [new FieldChange("Status", before.ToString(), report.Status.ToString()),
                    .. comment is null ? Array.Empty<FieldChange>() : [new FieldChange("Comment", null, comment)]]);
            await notifier.ToAgenciesAsync([report.AgencyId], Notice(report, action, comment), ct);
            await history.SaveOrConflictAsync(ct);
        }, ct);
        return report;
    }

    /// <summary>What the agency is told: the step, the period, and the reason given (the report's version makes each step one event).</summary>
    private static Notice Notice(AgencyReport report, string action, string? comment)
    {
        var period = ReportRegime.LabelOf(report.PeriodCode);
        var (title, what) = action switch
        {
            "return" => ($"Báo cáo CCHC {period} bị trả lại", "Sở Nội vụ đã trả lại báo cáo của cơ quan để sửa và gửi lại."),
            "accept" => ($"Báo cáo CCHC {period} đã được tiếp nhận", "Sở Nội vụ đã tiếp nhận báo cáo của cơ quan."),
            _ => ($"Báo cáo CCHC {period} được mở lại", "Sở Nội vụ đã mở lại báo cáo của cơ quan để sửa và gửi lại."),
        };
        var body = what + (string.IsNullOrWhiteSpace(comment) ? "" : $"\nLý do, ý kiến: {comment.Trim()}");
        return new Notice($"report:{report.Id}:{action}:{report.Version}", title, body, $"/Reports/Report/{report.Id}");
    }
}
