using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Tthc;

/// <summary>A file's rows as previewed: how many are good, per agency, and every bad line with its reason.</summary>
public sealed record DossierPreview(long Good, IReadOnlyList<(int Line, string Problem)> Bad, long BadCount,
    IReadOnlyList<(string Agency, long Count)> PerAgency, DateOnly? From, DateOnly? To);

/// <summary>Refused: the file (or a line of it) cannot be applied as it is; nothing was stored.</summary>
public sealed class DossierImportException(string message) : Exception(message);

/// <summary>
/// Imports a dossier export (the CSV of <see cref="DossierCsv"/>, agencies by ParHub code) in two steps: a preview
/// that reads every row and names every bad line, and the apply, which reads the file again as a stream (a million rows
/// never sit in memory) and writes the good rows by code through <see cref="DossierWriter"/>, in one transaction
/// with its audit line. A file with bad rows is applied only when the officer says to leave them out.
/// </summary>
public sealed class ImportDossiers(ParHubDbContext db, DossierWriter writer, AuditLog audit, TimeProvider clock)
{
    /// <summary>At most this many bad lines are listed (all are counted).</summary>
    public const int ListedProblems = 200;

    public async Task<DossierPreview> PreviewAsync(string path, CancellationToken ct = default)
    {
        var agencies = await AgenciesAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var bad = new List<(int, string)>();
        long good = 0, badCount = 0;
        var perAgency = new Dictionary<int, long>();
        DateOnly? from = null, to = null;
        foreach (var row in Rows(path, agencies))
        {
            ct.ThrowIfCancellationRequested();
            if (row.Problem is { } problem)
            {
                if (bad.Count < ListedProblems) bad.Add((row.Line, problem));
                badCount++;
                continue;
            }
            good++;
            perAgency[row.Record!.AgencyId] = perAgency.GetValueOrDefault(row.Record.AgencyId) + 1;
            if (from is null || row.Record.Received < from) from = row.Record.Received;
            if (to is null || row.Record.Received > to) to = row.Record.Received;
        }
        return new DossierPreview(good, bad, badCount,
            perAgency.Select(p => (names.GetValueOrDefault(p.Key, "?"), p.Value)).OrderByDescending(p => p.Value).ToList(), from, to);
    }

    public Task<DossiersWritten> RunAsync(string path, string fileName, bool leaveOutBad, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var agencies = await AgenciesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        long left = 0;
        string? refused = null;
        IEnumerable<DossierRecord> Good()
        {
            foreach (var row in Rows(path, agencies))
            {
                if (row.Problem is not null)
                {
                    // Stop here and refuse once the writer is done (an exception inside a COPY would be hidden by its end).
                    if (!leaveOutBad) { refused = $"Dòng {row.Line}: {row.Problem} Không dòng nào được ghi."; yield break; }
                    left++;
                    continue;
                }
                row.Record!.ImportedAt = now;
                yield return row.Record;
            }
        }
        var written = await writer.WriteAsync(ParHub.Web.Shared.ReadAhead.Of(Good(), 10_000), ct); // the file read while the rows go in
        if (refused is not null) throw new DossierImportException(refused); // the transaction rolls back what was written
        audit.Record("import", "Dossiers", fileName, null,
            $"Nhập hồ sơ TTHC từ “{fileName}”: {written.Added} mới, {written.Updated} cập nhật, {written.Unchanged} không đổi"
            + (left > 0 ? $", {left} dòng lỗi bỏ qua" : ""),
            [new FieldChange("Dossiers", null, (written.Added + written.Updated).ToString(CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
        return written;
    }, ct);

    private sealed record Row(int Line, DossierRecord? Record, string? Problem);

    private Task<Dictionary<string, int>> AgenciesAsync(CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.Code != "").ToDictionaryAsync(a => a.Code.Trim(), a => a.Id, StringComparer.OrdinalIgnoreCase, ct);

    private static IEnumerable<Row> Rows(string path, Dictionary<string, int> agencies)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in DossierCsv.Read(reader))
        {
            if (row.Dossier is not { } d) { yield return new Row(row.Line, null, row.Problem); continue; }
            if (!agencies.TryGetValue(d.AgencyCode.Trim(), out var agency))
            {
                yield return new Row(row.Line, null, $"Không có cơ quan mã “{d.AgencyCode}” trong danh mục.");
                continue;
            }
            yield return new Row(row.Line, new DossierRecord
            {
                Code = d.Code, AgencyId = agency, ProcedureCode = d.ProcedureCode, Channel = d.Channel, Received = d.Received, Due = d.Due,
                Resolved = d.Resolved, FeeBearing = d.FeeBearing, PaidOnline = d.PaidOnline, Digitised = d.Digitised,
                ElectronicResult = d.ElectronicResult, Synced = d.Synced, Apology = d.Apology, Rating = d.Rating,
            }, null);
        }
    }
}
