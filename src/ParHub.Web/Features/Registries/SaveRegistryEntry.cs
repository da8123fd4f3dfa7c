using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Registries;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Registries;

/// <summary>A file attached to an entry (the inspection report, the recognising decision…), read as a stream.</summary>
public sealed record RegistryFile(string FileName, long Length, Stream Content);

/// <summary>What the officer typed for an entry: new (no id) or an edit of the version the form showed.</summary>
public sealed record SaveRegistryEntryRequest(string Kind, int? Id, int Version, int AgencyId, string? Date, IReadOnlyDictionary<string, string?> Values,
    RegistryFile? File = null);

/// <summary>Refused: every problem of the entry, in Vietnamese; nothing was stored.</summary>
public sealed class RegistryRefusedException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Somebody else changed the entry since the form was opened; nothing was overwritten.</summary>
public sealed class RegistryConflictException(string message) : Exception(message);

/// <summary>
/// Adds or edits an entry of a registry: only by who may write the agency's entries (<see cref="RegistryAccess.MayWrite"/>,
/// otherwise 403), only when every value reads (<see cref="RegistryValues.Read"/>), only over the version the form showed;
/// an attached file is type-, size- and content-checked and moved into place when the change commits; the change and its
/// audit line in one transaction.
/// </summary>
public sealed class SaveRegistryEntry(ParHubDbContext db, ICurrentUser user, AuditLog audit, RegistryQueries queries, FileStore files,
    TimeProvider clock)
{
    public const string EntityType = "RegistryEntry";
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const string Folder = "files/registries";
    private static readonly string[] FileTypes = [".pdf", ".docx", ".doc", ".xlsx", ".xls", ".png", ".jpg", ".jpeg"];

    public Task<RegistryEntry> RunAsync(SaveRegistryEntryRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var kind = RegistryCatalog.Find(request.Kind) ?? throw new KeyNotFoundException();
        var entry = request.Id is { } id
            ? await db.RegistryEntries.FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind.Code, ct) ?? throw new KeyNotFoundException()
            : null;
        if (entry is not null && !RegistryAccess.MayWrite(user, kind, entry.AgencyId)) throw new UnauthorizedAccessException();
        if (!RegistryAccess.MayWrite(user, kind, request.AgencyId)) throw new UnauthorizedAccessException();
        var directory = await queries.DirectoryAsync(ct);
        if (!directory.ById.ContainsKey(request.AgencyId)) throw new RegistryRefusedException(["Cơ quan, đơn vị: không có trong danh mục."]);

        var input = RegistryValues.Read(kind, request.Date, request.Values, RegistryQueries.Resolver(directory));
        var problems = input.Problems.ToList();
        foreach (var c in kind.Columns.Where(c => c.Type is ColumnType.Plan or ColumnType.Task))
        {
            if (RegistryValues.Id(input.Values, c.Key) is not { } refId) continue;
            var exists = c.Type == ColumnType.Plan ? await db.Plans.AnyAsync(p => p.Id == refId, ct) : await db.PlanTasks.AnyAsync(t => t.Id == refId, ct);
            if (!exists) problems.Add($"{c.Title}: không có {(c.Type == ColumnType.Plan ? "kế hoạch" : "nhiệm vụ")} số {refId} trên ParHub.");
        }
        if (kind.Subject is { } s && RegistryValues.Id(input.Values, s) == request.AgencyId)
            problems.Add($"{kind.Column(s)!.Title}: phải là cơ quan khác với cơ quan ghi sổ.");
        byte[] head = [];
        if (request.File is { } f)
        {
            head = new byte[FileSignatures.HeadLength];
            var read = await f.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            head = head[..read];
            if (CheckFile(f, head) is { } fileProblem) problems.Add(fileProblem);
        }
        if (problems.Count > 0 || input.Date is not { } date) throw new RegistryRefusedException(problems);
        if (entry is not null && entry.Version != request.Version)
            throw new RegistryConflictException($"Mục này vừa được {entry.UpdatedBy} cập nhật lúc {Core.Time.VietnamTime.Show(entry.UpdatedAt)}. "
                + "Thay đổi của bạn chưa được lưu: tải lại trang để xem bản mới rồi nhập lại.");

        var now = clock.GetUtcNow().UtcDateTime;
        var before = entry is null ? null : Snapshot(kind, entry, directory);
        if (entry is null)
        {
            db.RegistryEntries.Add(entry = new RegistryEntry { Kind = kind.Code, CreatedAt = now, CreatedBy = user.Name });
        }
        entry.AgencyId = request.AgencyId;
        entry.Set(date, input.Values, kind);
        entry.UpdatedAt = now;
        entry.UpdatedBy = user.Name;
        entry.Version++;
        if (request.File is { } file)
        {
            entry.StoredName = await files.SaveAsync(Folder, Path.GetExtension(file.FileName), head, file.Content, ct);
            entry.FileName = Path.GetFileName(file.FileName);
            entry.FileLength = file.Length;
        }
        try { await db.SaveChangesAsync(ct); } // the audit line names the new id
        catch (DbUpdateConcurrencyException)
        {
            throw new RegistryConflictException("Mục này vừa được người khác lưu. Thay đổi của bạn chưa được lưu: tải lại trang rồi nhập lại.");
        }
        audit.RecordChange(EntityType, entry.Id.ToString(CultureInfo.InvariantCulture), entry.AgencyId,
            $"{(before is null ? "Thêm" : "Sửa")} {kind.Singular} — sổ {kind.Title}", before, Snapshot(kind, entry, directory));
        await db.SaveChangesAsync(ct);
        return entry;
    }, ct);

    /// <summary>Why a file cannot be attached (type, size, content against its extension); null when it can.</summary>
    private static string? CheckFile(RegistryFile f, byte[] head)
    {
        var ext = Path.GetExtension(f.FileName).ToLowerInvariant();
        if (!FileTypes.Contains(ext)) return "Tệp đính kèm: chỉ nhận tệp PDF, Word, Excel hoặc ảnh (PNG, JPG).";
        if (f.Length == 0 || head.Length == 0) return "Tệp đính kèm: tệp rỗng.";
        if (f.Length > MaxFileBytes) return "Tệp đính kèm: tệp quá lớn; tối đa 20 MB.";
        return FileSignatures.Matches(ext, head) ? null
            : $"Tệp đính kèm: tệp “{Path.GetFileName(f.FileName)}” không đúng định dạng của phần mở rộng.";
    }

    /// <summary>An entry as the audit log shows it: its agency, its date and each column by title.</summary>
    public static Dictionary<string, string?> Snapshot(RegistryKind kind, RegistryEntry e, Agencies.AgencyDirectoryCache.Snapshot directory)
    {
        var values = e.ValueMap;
        var d = new Dictionary<string, string?>
        {
            ["Cơ quan, đơn vị"] = directory.ById.GetValueOrDefault(e.AgencyId)?.Agency.Name,
            [kind.DateTitle] = Core.Time.VnDate.Show(e.Date),
        };
        foreach (var c in kind.Columns)
            d[c.Title] = values.ContainsKey(c.Key) ? RegistryValues.Show(c, values, id => directory.ById.GetValueOrDefault(id)?.Agency.Name) : null;
        if (e.FileName is not null) d["Tệp đính kèm"] = e.FileName;
        return d;
    }
}
