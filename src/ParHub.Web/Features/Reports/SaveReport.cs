using ParHub.Core.Audit;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Reports;

/// <summary>What the agency typed (by field code), the version it loaded, and whether it submits.</summary>
public sealed record SaveReportRequest(int ReportId, int Version, IReadOnlyDictionary<string, FieldInput> Input, bool Submit);

public sealed record SaveResult(AgencyReport Report, bool AlreadySubmitted);

/// <summary>
/// Saves the draft (entry checks only) or submits it (complete and valid; the first submission's Vietnam date decides
/// "on time"). A save carrying an older version than the stored one is refused, so two people never overwrite each
/// other. Submitting what is already submitted is the same submission, not a second one.
/// </summary>
public sealed class SaveReport(ParHubDbContext db, ReportSetup setup, ReportAccess access, ReportHistory history, AuditLog audit)
{
    public async Task<SaveResult> RunAsync(SaveReportRequest request, CancellationToken ct = default)
    {
        // Everything is decided before anything is written: a refusal leaves the unit of work as it was.
        var (reportId, version, input, submit) = request;
        var report = await history.LoadAsync(reportId, ct);
        await access.DemandAsync(report, ReportOperations.Read);
        await access.DemandAsync(report, ReportOperations.Edit);
        if (submit && report.Status is ReportStatus.Submitted or ReportStatus.Accepted && version == report.Version - 1
            && await history.LastActionAsync(report.Id, ct) == "submit")
            return new SaveResult(report, AlreadySubmitted: true);
        var step = submit ? ReportState.Submit(report.Status) : ReportState.Edit(report.Status);
        if (step is ReportTransition.Refused refused) throw new ReportRuleException(refused.Message);
        ReportHistory.DemandVersion(report, version,
            ". Số liệu của bạn chưa được lưu: tải lại trang để xem bản mới rồi nhập lại.");

        var form = await setup.FormAsync(report.FormId, ct);
        var (values, errors) = ReportEntry.Read(form, input, report.Values.ToDictionary(v => v.Code));
        // A field that could not be read is reported once, as unreadable, not also as missing.
        errors.AddRange(ReportCheck.Validate(form, values, complete: submit).Where(e => e.Code is null || errors.All(x => x.Code != e.Code)));
        if (errors.Count > 0)
            throw new ReportRuleException(
                submit ? "Chưa thể gửi báo cáo: còn thông tin thiếu hoặc chưa đúng." : "Chưa lưu được: có số liệu chưa đúng.",
                    errors);

        await db.InTransactionAsync(() => WriteAsync(report, form, values, step, submit, ct), ct);
        return new SaveResult(report, false);
    }

    private async Task WriteAsync(AgencyReport report, ReportForm form, Dictionary<string, FieldValue> values, ReportTransition step,
        bool submit, CancellationToken ct)
    {
        var before = ReportHistory.Snapshot(report.Values);
        foreach (var row in report.Values.ToList())
            if (!values.ContainsKey(row.Code) && form.Field(row.Code) is not null) report.Values.Remove(row);
        foreach (var (code, v) in values)
        {
            var row = report.Values.FirstOrDefault(x => x.Code == code);
            if (row is null) report.Values.Add(row = new ReportValueRow { Code = code });
            row.Assign(v);
        }
        history.Stamp(report);
        if (submit)
        {
            report.Status = ((ReportTransition.Ok)step).To;
            report.SubmittedAt = report.UpdatedAt;
            report.FirstSubmittedAt ??= report.UpdatedAt;
            report.FirstSubmittedOn ??= VietnamTime.DayOf(report.UpdatedAt);
        }
        history.AddRevision(report, submit ? "submit" : "save", null);
        audit.Record(submit ? "submit" : "update", ReportHistory.EntityType, ReportHistory.Id(report), report.AgencyId,
            submit ? $"Gửi báo cáo {report.PeriodCode}" : $"Lưu nháp báo cáo {report.PeriodCode}",
            FieldChanges.Between(before, ReportHistory.Snapshot(report.Values)));
        await history.SaveOrConflictAsync(ct);
    }
}
