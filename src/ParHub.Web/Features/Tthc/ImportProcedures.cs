using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Text;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Tthc;

/// <summary>What importing a catalogue does (or did): procedures new, changed, as they were; decisions new and changed.</summary>
public sealed record ProceduresWritten(int Added, int Updated, int Unchanged, int DecisionsAdded, int DecisionsUpdated);

/// <summary>A catalogue file as previewed: the counts, every bad line (the first ones listed) and the procedures that would change.</summary>
public sealed record ProcedurePreview(ProceduresWritten Counts, IReadOnlyList<(int Line, string Problem)> Bad, int BadCount,
    IReadOnlyList<(int Line, string Code, string Name, bool New)> Changes, string? FileError);

/// <summary>Refused: the catalogue (or a line of it) cannot be applied as it is; nothing was stored.</summary>
public sealed class ProcedureImportException(string message) : Exception(message);

/// <summary>
/// Imports the procedure catalogue (<see cref="ProcedureCsv"/>, a .csv or an .xlsx) in two steps: a preview that reads
/// every row, resolves the agencies against the directory (by code, name or short name, any case, with or without
/// diacritics) and counts what applying would do; the apply, in one transaction with its audit line. Procedures are
/// matched by code (a re-import updates, never duplicates; a procedure as it was is not touched), decisions by number;
/// procedures missing from the file are kept. A file with bad rows is applied only when the officer says to leave them out.
/// </summary>
public sealed class ImportProcedures(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>At most this many bad lines and changes are listed (all are counted).</summary>
    public const int Listed = 200;

    public async Task<ProcedurePreview> PreviewAsync(string path, CancellationToken ct = default)
    {
        var bad = new List<(int, string)>();
        var changes = new List<(int, string, string, bool)>();
        var badCount = 0;
        try
        {
            var counts = await PlanAsync(path, apply: false, (line, problem) =>
            {
                if (bad.Count < Listed) bad.Add((line, problem));
                badCount++;
            }, (line, p, added) => { if (changes.Count < Listed) changes.Add((line, p.Code, p.Name, added)); }, ct);
            return new ProcedurePreview(counts, bad, badCount, changes, null);
        }
        catch (UnreadableFileException e) { return new ProcedurePreview(new(0, 0, 0, 0, 0), [], 0, [], e.Message); }
    }

    public Task<ProceduresWritten> RunAsync(string path, string fileName, bool leaveOutBad, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
        {
            string? refused = null;
            var left = 0;
            ProceduresWritten counts;
            try
            {
                counts = await PlanAsync(path, apply: true, (line, problem) =>
                {
                    refused ??= $"Dòng {line}: {problem} Không dòng nào được ghi.";
                    left++;
                }, (_, _, _) => { }, ct);
            }
            catch (UnreadableFileException e) { throw new ProcedureImportException(e.Message); }
            if (refused is not null && !leaveOutBad)
            {
                db.ChangeTracker.Clear(); // nothing saved yet, and nothing left for a later save of this request
                throw new ProcedureImportException(refused);
            }
            audit.Record("import", "TthcProcedures", fileName, null,
                $"Nhập danh mục TTHC từ “{fileName}”: {counts.Added} mới, {counts.Updated} cập nhật, {counts.Unchanged} không đổi; "
                + $"quyết định công bố: {counts.DecisionsAdded} mới, {counts.DecisionsUpdated} cập nhật" + (left > 0 ? $"; {left} dòng lỗi bỏ qua" : ""),
                [new FieldChange("TthcProcedures", null, (counts.Added + counts.Updated).ToString(CultureInfo.InvariantCulture))]);
            await db.SaveChangesAsync(ct);
            return counts;
        }, ct);

    /// <summary>The rows of a stored upload: a .xlsx's first sheet, else a UTF-8 CSV.</summary>
    public static IEnumerable<ProcedureFileRow> Rows(string path)
    {
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            List<string[]> sheet;
            using (var fs = File.OpenRead(path)) sheet = Xlsx.ReadFirstSheet(fs);
            return ProcedureCsv.Read(sheet.Select((cells, i) => (i + 1, cells)));
        }
        return Csv(path);
    }

    private static IEnumerable<ProcedureFileRow> Csv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in ProcedureCsv.Read(reader)) yield return row;
    }

    /// <summary>
    /// Reads the file and matches it with the catalogue: each bad line goes to <paramref name="bad"/>, each procedure
    /// that would be added or changed to <paramref name="changed"/>; with <paramref name="apply"/> the tracked rows are
    /// changed and the new ones added (the caller saves).
    /// </summary>
    private async Task<ProceduresWritten> PlanAsync(string path, bool apply, Action<int, string> bad, Action<int, ProcedureRow, bool> changed,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var agencies = await AgencyLookupAsync(today, ct);
        var procedures = await (apply ? db.TthcProcedures : db.TthcProcedures.AsNoTracking()).Include(p => p.Decision)
            .ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, ct);
        var decisions = await (apply ? db.TthcDecisions : db.TthcDecisions.AsNoTracking())
            .ToDictionaryAsync(d => d.Number, StringComparer.OrdinalIgnoreCase, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, unchanged = 0, decisionsAdded = 0;
        var decisionsUpdated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows(path))
        {
            ct.ThrowIfCancellationRequested();
            if (row.Procedure is not { } p) { bad(row.Line, row.Problem!); continue; }
            int? agencyId = null;
            if (p.Agency.Length > 0)
            {
                if (!agencies.TryGetValue(VietnameseText.Fold(p.Agency), out var id))
                {
                    bad(row.Line, $"Không có cơ quan “{p.Agency}” trong danh mục (ghi mã, tên hoặc tên viết tắt).");
                    continue;
                }
                agencyId = id;
            }
            TthcDecision? decision = null;
            if (p.Decision is { } d)
            {
                if (!decisions.TryGetValue(d.Number, out decision))
                {
                    decision = new TthcDecision
                    { Number = d.Number, Date = d.Date, EffectiveFrom = d.EffectiveFrom, PublishedOnDatabase = d.PublishedOnDatabase };
                    decisions[d.Number] = decision;
                    decisionsAdded++;
                    if (apply) db.TthcDecisions.Add(decision);
                }
                else if ((decision.Date, decision.EffectiveFrom, decision.PublishedOnDatabase) != (d.Date, d.EffectiveFrom, d.PublishedOnDatabase))
                {
                    if (decision.Id != 0) decisionsUpdated.Add(d.Number); // one already stored, not one of this file
                    if (apply) (decision.Date, decision.EffectiveFrom, decision.PublishedOnDatabase) = (d.Date, d.EffectiveFrom, d.PublishedOnDatabase);
                }
            }
            if (!procedures.TryGetValue(p.Code, out var stored))
            {
                added++;
                changed(row.Line, p, true);
                var created = new TthcProcedure { Code = p.Code, UpdatedAt = now };
                procedures[p.Code] = created;
                if (apply)
                {
                    Fill(created, p, agencyId, decision);
                    db.TthcProcedures.Add(created);
                }
                continue;
            }
            if (Same(stored, p, agencyId, decision)) { unchanged++; continue; }
            updated++;
            changed(row.Line, p, false);
            if (apply)
            {
                Fill(stored, p, agencyId, decision);
                stored.UpdatedAt = now;
            }
        }
        return new ProceduresWritten(added, updated, unchanged, decisionsAdded, decisionsUpdated.Count);
    }

    private static bool Same(TthcProcedure s, ProcedureRow p, int? agencyId, TthcDecision? decision) =>
        s.Name == p.Name && s.Field == p.Field && s.Level == p.Level && s.AgencyId == agencyId && s.OneStop == p.OneStop && s.Online == p.Online
        && s.FeeBearing == p.FeeBearing && s.Postal == p.Postal
        && string.Equals(s.Decision?.Number, decision?.Number, StringComparison.OrdinalIgnoreCase);

    private static void Fill(TthcProcedure s, ProcedureRow p, int? agencyId, TthcDecision? decision)
    {
        (s.Name, s.Field, s.Level, s.AgencyId, s.OneStop, s.Online, s.FeeBearing, s.Postal) =
            (p.Name, p.Field, p.Level, agencyId, p.OneStop, p.Online, p.FeeBearing, p.Postal);
        s.Decision = decision; // a new decision gets its id on save, through the navigation
        if (decision is null) s.DecisionId = null;
        else if (decision.Id > 0) s.DecisionId = decision.Id;
    }

    /// <summary>The directory's agencies by folded code, name and short name; those existing today first (a merged-away name gives its successor's).</summary>
    private async Task<Dictionary<string, int>> AgencyLookupAsync(DateOnly today, CancellationToken ct)
    {
        var all = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name, a.ShortName, a.ValidTo }).ToListAsync(ct);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in all.OrderBy(a => a.ValidTo is null || a.ValidTo >= today ? 0 : 1).ThenBy(a => a.Id))
            foreach (var key in new[] { a.Code, a.Name, a.ShortName })
                if (VietnameseText.Fold(key) is { Length: > 0 } folded) lookup.TryAdd(folded, a.Id);
        return lookup;
    }
}
