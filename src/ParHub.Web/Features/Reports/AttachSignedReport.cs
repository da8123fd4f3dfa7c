using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Reports;

public sealed record AttachSignedReportRequest(int ReportId, string FileName, long Length, Stream Content);

/// <summary>
/// Attaches the signed PDF of the official report (PDF only, 20 MB at most) until the report is accepted. The file is
/// stored through <see cref="FileStore"/>: in place only once the change and its audit entry have committed.
/// </summary>
public sealed class AttachSignedReport(ParHubDbContext db, FileStore files, ReportAccess access, ReportHistory history, AuditLog audit)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task RunAsync(AttachSignedReportRequest request, CancellationToken ct = default)
    {
        var (id, fileName, length, content) = request;
        var report = await history.LoadAsync(id, ct);
        await access.DemandAsync(report, ReportOperations.Attach);
        if (ReportState.Attach(report.Status) is ReportTransition.Refused refused) throw new ReportRuleException(refused.Message);
        if (!fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            throw new ReportRuleException("Chỉ nhận tệp PDF (bản ký số của báo cáo).");
        // Rounded up, so that a file just over the limit never reads "(20 MB); tối đa 20 MB".
        var megabytes = (Math.Ceiling(length / 1024m / 1024m * 10) / 10).ToString("0.#", Core.Text.VietnameseCollation.Culture);
        if (length > MaxBytes) throw new ReportRuleException($"Tệp quá lớn ({megabytes} MB); tối đa 20 MB.");
        var head = new byte[5];
        var read = await content.ReadAtLeastAsync(head, 5, false, ct);
        if (read < 5 || System.Text.Encoding.ASCII.GetString(head) != "%PDF-") throw new ReportRuleException("Tệp không phải PDF hợp lệ.");
        await db.InTransactionAsync(async () =>
        {
            var stored = await files.SaveAsync(FileStore.Reports, ".pdf", head.AsMemory(0, read), content, ct);
            report.SignedFileName = Path.GetFileName(fileName);
            report.SignedStoredName = stored;
            history.Stamp(report);
            audit.Record("attach", ReportHistory.EntityType, ReportHistory.Id(report), report.AgencyId,
                $"Đính kèm bản ký số {report.SignedFileName}", []);
            await history.SaveOrConflictAsync(ct);
        }, ct);
    }
}
