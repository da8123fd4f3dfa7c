using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Core.Time;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>A feedback file's rows as previewed: how many are good, per agency, and every bad line with its reason.</summary>
public sealed record FeedbackPreview(long Good, IReadOnlyList<(int Line, string Problem)> Bad, long BadCount,
    IReadOnlyList<(string Agency, long Count)> PerAgency, DateOnly? From, DateOnly? To);

/// <summary>Refused: the file (or a line of it) cannot be applied as it is; nothing was stored.</summary>
public sealed class FeedbackImportException(string message) : Exception(message);

/// <summary>
/// Imports a feedback (PAKN) export — CSV (streamed) or XLSX (first sheet), the table of <see cref="FeedbackTable"/>,
/// agencies by ParHub code — in two steps: a preview naming every bad line, then the apply, which reads the file again
/// and writes the good rows by channel and code through <see cref="FeedbackWriter"/>, in one transaction with its audit
/// line. Re-importing updates in place, never duplicates. A file with bad rows is applied only when told to leave them out.
/// </summary>
public sealed class ImportFeedback(ParHubDbContext db, FeedbackWriter writer, AuditLog audit, TimeProvider clock)
{
    public async Task<FeedbackPreview> PreviewAsync(string path, CancellationToken ct = default)
    {
        var agencies = await AgenciesAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var count = new PreviewCount();
        foreach (var row in Rows(path, agencies, VietnamTime.Today(clock)))
        {
            ct.ThrowIfCancellationRequested();
            if (row.Problem is { } problem) count.Problem(row.Line, problem);
            else count.Row(row.Record!.AgencyId, row.Record.Received);
        }
        return new FeedbackPreview(count.Good, count.Bad, count.BadCount, count.PerAgency(names), count.From, count.To);
    }

    public Task<FeedbackWritten> RunAsync(string path, string fileName, bool leaveOutBad, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
        {
            var agencies = await AgenciesAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            long left = 0;
            string? refused = null;
            IEnumerable<FeedbackRecord> Good()
            {
                foreach (var row in Rows(path, agencies, VietnamTime.Today(clock)))
                {
                    if (row.Problem is not null)
                    {
                        // Stop and refuse once the writer is done (an exception inside a COPY would be hidden by its end).
                        if (!leaveOutBad) { refused = $"Dòng {row.Line}: {row.Problem} Không dòng nào được ghi."; yield break; }
                        left++;
                        continue;
                    }
                    row.Record!.UpdatedAt = now;
                    yield return row.Record;
                }
            }
            var written = await writer.WriteAsync(Good(), ct);
            if (refused is not null) throw new FeedbackImportException(refused); // the transaction rolls back what was written
            audit.Record("import", "Feedback", fileName.Length > 64 ? fileName[..64] : fileName, null,
                $"Nhập phản ánh, kiến nghị từ “{fileName}”: {written.Added} mới, {written.Updated} cập nhật, {written.Unchanged} không đổi"
                + (left > 0 ? $", {left} dòng lỗi bỏ qua" : ""),
                [new FieldChange("Feedback", null, (written.Added + written.Updated).ToString(CultureInfo.InvariantCulture))]);
            await db.SaveChangesAsync(ct);
            return written;
        }, ct);

    private sealed record Row(int Line, FeedbackRecord? Record, string? Problem);

    private Task<Dictionary<string, int>> AgenciesAsync(CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.Code != "").ToDictionaryAsync(a => a.Code.Trim(), a => a.Id, StringComparer.OrdinalIgnoreCase, ct);

    /// <summary>The raw rows of a stored upload: a CSV streamed, or an XLSX's first sheet (its rows numbered from 1).</summary>
    private static IEnumerable<CsvRow> Source(string path)
    {
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            List<string[]> sheet;
            using (var fs = File.OpenRead(path)) sheet = Xlsx.ReadFirstSheet(fs);
            for (var i = 0; i < sheet.Count; i++) yield return new CsvRow(i + 1, sheet[i]);
            yield break;
        }
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in CsvText.Stream(reader)) yield return row;
    }

    private static IEnumerable<Row> Rows(string path, Dictionary<string, int> agencies, DateOnly today)
    {
        foreach (var row in FeedbackTable.Read(Source(path), today))
        {
            if (row.Feedback is not { } f) { yield return new Row(row.Line, null, row.Problem); continue; }
            if (!agencies.TryGetValue(f.AgencyCode.Trim(), out var agency))
            {
                yield return new Row(row.Line, null, $"Không có cơ quan mã “{f.AgencyCode}” trong danh mục.");
                continue;
            }
            yield return new Row(row.Line, new FeedbackRecord
            {
                Code = f.Code, Channel = f.Channel, Received = f.Received, Field = f.Field, AgencyId = agency, Due = f.Due, Answered = f.Answered,
                Published = f.Published, Rating = f.Rating, Subject = f.Subject,
            }, null);
        }
    }
}
