using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Core.Sipas;
using ParHub.Core.Text;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// A file's rows as previewed: its header (where each column was found), how many rows are good, per agency, and every
/// bad line with its reason; or why the file cannot be read at all.
/// </summary>
public sealed record DossierPreview(long Good, IReadOnlyList<(int Line, string Problem)> Bad, long BadCount,
    IReadOnlyList<(string Agency, long Count)> PerAgency, DateOnly? From, DateOnly? To, DossierHeader? Header = null, string? FileError = null);

/// <summary>Refused: the file (or a line of it) cannot be applied as it is; nothing was stored.</summary>
public sealed class DossierImportException(string message) : Exception(message);

/// <summary>
/// Imports a dossier export — a .csv or the first sheet of an .xlsx, both read as streams (see <see cref="DossierCsv"/>;
/// agencies by code, name or short name) — in two steps: a preview that reads every row through the columns as found or
/// as the officer mapped them, and names every bad line; the apply, which reads the file again (a million rows never sit
/// in memory) and writes the good rows by code through <see cref="DossierWriter"/>, in one transaction with its audit
/// line and the mapping remembered for the file's source. A file with bad rows is applied only when the officer says to
/// leave them out.
/// </summary>
public sealed class ImportDossiers(ParHubDbContext db, DossierWriter writer, AuditLog audit, Notifications.Notifier notifier, TimeProvider clock,
    ICurrentUser user)
{
    /// <summary>The sources known, by name, with the mapping each remembers.</summary>
    public async Task<IReadOnlyList<DossierSource>> SourcesAsync(CancellationToken ct = default) =>
        (await db.DossierSources.AsNoTracking().ToListAsync(ct)).OrderBy(s => s.Name, Core.Text.VietnameseCollation.Comparer).ToList();

    /// <summary>The mapping a source remembers (none for an unknown or empty name).</summary>
    public async Task<IReadOnlyDictionary<string, string>> MappingOfAsync(string? source, CancellationToken ct = default)
    {
        var name = source?.Trim() ?? "";
        var row = name.Length == 0 ? null : await db.DossierSources.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ct);
        return row?.Columns() ?? new Dictionary<string, string>();
    }

    public async Task<DossierPreview> PreviewAsync(string path, IReadOnlyDictionary<string, string>? mapping = null, CancellationToken ct = default)
    {
        var agencies = await AgenciesAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var count = new PreviewCount();
        DossierHeader? header = null;
        try
        {
            foreach (var row in Rows(path, agencies, mapping, h => header = h))
            {
                ct.ThrowIfCancellationRequested();
                if (row.Problem is { } problem) count.Problem(row.Line, problem);
                else count.Row(row.Record!.AgencyId, row.Record.Received);
            }
        }
        catch (UnreadableFileException e) { return new DossierPreview(0, [], 0, [], null, null, null, e.Message); }
        return new DossierPreview(count.Good, count.Bad, count.BadCount, count.PerAgency(names), count.From, count.To, header);
    }

    /// <summary>
    /// Applies the file read through <paramref name="mapping"/>; with a <paramref name="source"/> name, the columns as
    /// found are remembered for it (a new source is added), in the same transaction.
    /// </summary>
    public async Task<DossiersWritten> RunAsync(string path, string fileName, bool leaveOutBad, IReadOnlyDictionary<string, string>? mapping = null,
        string? source = null, CancellationToken ct = default)
    {
        try
        {
            return await WriteAsync(path, fileName, leaveOutBad, mapping, source, ct);
        }
        catch (DossierImportException e)
        {
            // Nothing of the file was kept; the importer is told why, on its own save after the rollback.
            db.ChangeTracker.Clear();
            await notifier.ToUserIdsAsync([user.Id], new Notifications.Notice($"dossiers:{clock.GetUtcNow().UtcTicks}:failed",
                $"Nhập hồ sơ TTHC từ “{fileName}” không thành công", e.Message, "/Tthc/Import"), ct);
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    private Task<DossiersWritten> WriteAsync(string path, string fileName, bool leaveOutBad, IReadOnlyDictionary<string, string>? mapping,
        string? source, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var agencies = await AgenciesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        long left = 0;
        string? refused = null;
        DossierHeader? header = null;
        IEnumerable<DossierRecord> Good()
        {
            (left, refused) = (0, null); // the writer may read the file twice (DossierWriter)
            foreach (var row in Rows(path, agencies, mapping, h => header = h))
            {
                if (row.Problem is not null)
                {
                    // Stop here and refuse once the writer is done (an exception inside a COPY would be hidden by its end).
                    if (!leaveOutBad || header?.Complete != true) { refused = $"Dòng {row.Line}: {row.Problem} Không dòng nào được ghi."; yield break; }
                    left++;
                    continue;
                }
                row.Record!.ImportedAt = now;
                yield return row.Record;
            }
        }
        DossiersWritten written;
        try { written = await writer.WriteAsync(ParHub.Web.Shared.ReadAhead.Of(Good(), 10_000), ct); } // the file read while the rows go in
        catch (UnreadableFileException e) { throw new DossierImportException(e.Message + " Không dòng nào được ghi."); }
        if (refused is not null) throw new DossierImportException(refused); // the transaction rolls back what was written
        var sourceName = source?.Trim() ?? "";
        if (sourceName.Length > DossierSource.MaxName) sourceName = sourceName[..DossierSource.MaxName];
        if (sourceName.Length > 0 && header is { Complete: true } found) await RememberAsync(sourceName, found, now, ct);
        audit.Record("import", "Dossiers", fileName, null,
            $"Nhập hồ sơ TTHC từ “{fileName}”" + (sourceName.Length > 0 ? $" (nguồn “{sourceName}”)" : "")
            + $": {written.Added} mới, {written.Updated} cập nhật, {written.Unchanged} không đổi" + (left > 0 ? $", {left} dòng lỗi bỏ qua" : ""),
            [new FieldChange("Dossiers", null, (written.Added + written.Updated).ToString(CultureInfo.InvariantCulture))]);
        var done = new Notifications.Notice($"dossiers:{now.Ticks}:done", $"Đã nhập hồ sơ TTHC từ “{fileName}”",
            $"{N(written.Added)} hồ sơ mới, {N(written.Updated)} cập nhật, {N(written.Unchanged)} không đổi"
            + (left > 0 ? $", {N(left)} dòng lỗi bỏ qua." : "."),
            "/Tthc");
        await notifier.ToUserIdsAsync([user.Id], done, ct);
        await notifier.ToRolesAsync([Roles.Coordinator], done, ct);
        await db.SaveChangesAsync(ct);
        return written;
    }, ct);

    private static string N(long n) => n.ToString("N0", VietnameseCollation.Culture);

    private async Task RememberAsync(string name, DossierHeader header, DateTime now, CancellationToken ct)
    {
        var row = await db.DossierSources.FirstOrDefaultAsync(s => s.Name == name, ct);
        if (row is null) db.DossierSources.Add(row = new DossierSource { Name = name });
        var mapping = DossierSource.ToJson(header.Mapping);
        if (row.Mapping == mapping && row.Id > 0) return;
        (row.Mapping, row.UpdatedAt, row.UpdatedBy) = (mapping, now, user.Name);
    }

    private sealed record Row(int Line, DossierRecord? Record, string? Problem);

    /// <summary>The directory's agencies by code as written, and by folded code, name and short name (those existing today first).</summary>
    private async Task<AgencyNames> AgenciesAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var all = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name, a.ShortName, a.ValidTo }).ToListAsync(ct);
        var names = new AgencyNames();
        foreach (var a in all.OrderBy(a => a.ValidTo is null || a.ValidTo >= today ? 0 : 1).ThenBy(a => a.Id))
        {
            if (a.Code.Trim().Length > 0) names.Codes.TryAdd(a.Code.Trim(), a.Id);
            foreach (var key in new[] { a.Code, a.Name, a.ShortName })
                if (VietnameseText.Fold(key) is { Length: > 0 } folded) names.Folded.TryAdd(folded, a.Id);
        }
        return names;
    }

    /// <summary>Agencies as a file names them; each text is resolved once (a file names a few hundred agencies a million times).</summary>
    private sealed class AgencyNames
    {
        public readonly Dictionary<string, int> Codes = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, int> Folded = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int?> seen = new(StringComparer.Ordinal);

        public int? Find(string text)
        {
            if (seen.TryGetValue(text, out var id)) return id;
            id = Codes.TryGetValue(text.Trim(), out var byCode) ? byCode : Folded.TryGetValue(VietnameseText.Fold(text), out var byName) ? byName : null;
            if (seen.Count < 100_000) seen[text] = id;
            return id;
        }
    }

    /// <summary>The rows of a stored upload (a .xlsx's first sheet, else a UTF-8 CSV), streamed.</summary>
    private static IEnumerable<Row> Rows(string path, AgencyNames agencies, IReadOnlyDictionary<string, string>? mapping, Action<DossierHeader> header)
    {
        var sheet = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        using var reader = sheet ? null : new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var source = sheet ? Xlsx.StreamFirstSheet(path) : CsvText.Stream(reader!);
        foreach (var row in DossierCsv.Read(source, mapping, fromSheet: sheet, header))
        {
            if (row.Dossier is not { } d) { yield return new Row(row.Line, null, row.Problem); continue; }
            if (agencies.Find(d.AgencyCode) is not { } agency)
            {
                yield return new Row(row.Line, null, $"Không có cơ quan “{d.AgencyCode}” trong danh mục (ghi mã, tên hoặc tên viết tắt).");
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
