using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Registries;
using ParHub.Core.Text;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Registries;

/// <summary>One row of an imported registry sheet: what applying it would do, or what is wrong with it.</summary>
public sealed class RegistryImportRow
{
    public int RowNumber { get; init; }
    public int? Id { get; init; }
    public int? AgencyId { get; set; }
    public string AgencyText { get; init; } = "";
    public string? Date { get; init; }
    public Dictionary<string, string?> Values { get; init; } = [];
    public List<string> Errors { get; } = [];
    public string Action => Errors.Count > 0 ? "Lỗi" : Id is null ? "Thêm mới" : "Cập nhật";
}

public sealed record RegistryImportPreview(IReadOnlyList<RegistryImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public bool CanApply => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
}

/// <summary>
/// A registry to XLSX and back: the export is the import's template (a column per field, titled as on the page, and the
/// entry's ParHub number so that a re-import updates rather than duplicates); the import is previewed with every row's
/// problems, then applied in one transaction, each row through <see cref="SaveRegistryEntry"/> (its checks, scoping and audit line).
/// </summary>
public sealed class RegistryXlsx(ParHubDbContext db, RegistryQueries queries, SaveRegistryEntry save, ICurrentUser user)
{
    public const long MaxUploadBytes = 5 * 1024 * 1024;
    public const string IdTitle = "Số hiệu trên ParHub";
    public const string AgencyCodeTitle = "Mã cơ quan";
    public const string AgencyTitle = "Cơ quan, đơn vị";

    public static IReadOnlyList<string> Header(RegistryKind kind) =>
        [IdTitle, AgencyCodeTitle, AgencyTitle, kind.DateTitle, .. kind.Columns.Select(c => c.Title)];

    public async Task<byte[]> ExportAsync(RegistryKind kind, int year, int? agencyId, int? scope, CancellationToken ct = default)
    {
        var directory = await queries.DirectoryAsync(ct);
        string? Name(int id) => directory.ById.GetValueOrDefault(id)?.Agency.Name;
        var rows = (await queries.ListAsync(kind, year, agencyId, scope, ct)).Select(e =>
        {
            var v = e.ValueMap;
            var cells = new List<object?> { e.Id, directory.ById.GetValueOrDefault(e.AgencyId)?.Agency.Code, Name(e.AgencyId), e.Date };
            cells.AddRange(kind.Columns.Select(c => (object?)(c.Type switch
            {
                ColumnType.Date => RegistryValues.Date(v, c.Key),
                ColumnType.Count or ColumnType.Money => RegistryValues.Number(v, c.Key),
                _ => RegistryValues.Show(c, v, Name) is { Length: > 0 } s ? s : null,
            })));
            return (IReadOnlyList<object?>)cells;
        });
        return Xlsx.WriteValues(kind.Title.Length > 31 ? kind.Title[..31] : kind.Title, Header(kind), rows);
    }

    /// <summary>Reads and checks a sheet; nothing is written.</summary>
    public async Task<RegistryImportPreview> PreviewAsync(RegistryKind kind, Stream file, CancellationToken ct = default)
    {
        List<string[]> sheet;
        try { sheet = Xlsx.ReadFirstSheet(file); }
        catch (UnreadableFileException ex) { return new([], [ex.Message]); }
        var titles = Header(kind);
        var headerIndex = sheet.FindIndex(r => r.Count(c => titles.Any(t => VietnameseText.Fold(t) == VietnameseText.Fold(c))) >= 2);
        if (headerIndex < 0)
            return new([], [$"Không tìm thấy dòng tiêu đề (cần có các cột “{AgencyTitle}”, “{kind.DateTitle}”…). Hãy dùng tệp tải từ chức năng Xuất Excel."]);
        var header = sheet[headerIndex].Select(VietnameseText.Fold).ToArray();
        int Col(string title) => Array.IndexOf(header, VietnameseText.Fold(title));
        if (Col(AgencyTitle) < 0 && Col(AgencyCodeTitle) < 0) return new([], [$"Thiếu cột “{AgencyTitle}” (hoặc “{AgencyCodeTitle}”)."]);
        if (Col(kind.DateTitle) < 0) return new([], [$"Thiếu cột “{kind.DateTitle}”."]);
        var missing = kind.Columns.Where(c => c.Required && Col(c.Title) < 0).Select(c => c.Title).ToList();
        if (missing.Count > 0) return new([], [$"Thiếu cột bắt buộc: {string.Join(", ", missing)}."]);

        string? Cell(string[] row, string title) =>
            Col(title) is var i && i >= 0 && i < row.Length && !string.IsNullOrWhiteSpace(row[i]) ? row[i].Trim() : null;

        var directory = await queries.DirectoryAsync(ct);
        var resolve = RegistryQueries.Resolver(directory);
        var rows = new List<RegistryImportRow>();
        for (var r = headerIndex + 1; r < sheet.Count; r++)
        {
            var cells = sheet[r];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= 5000) return new([], ["Tệp có quá 5.000 dòng; hãy chia thành nhiều tệp."]);
            var idText = Cell(cells, IdTitle);
            var row = new RegistryImportRow
            {
                RowNumber = r + 1, Id = int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
                AgencyText = Cell(cells, AgencyCodeTitle) ?? Cell(cells, AgencyTitle) ?? "", Date = Cell(cells, kind.DateTitle),
                Values = kind.Columns.ToDictionary(c => c.Key, c => Cell(cells, c.Title)),
            };
            if (idText is not null && row.Id is null) row.Errors.Add($"{IdTitle} “{idText}” không hợp lệ.");
            row.AgencyId = row.AgencyText.Length == 0 ? null : resolve(row.AgencyText);
            if (row.AgencyId is null)
                row.Errors.Add(row.AgencyText.Length == 0 ? $"{AgencyTitle}: chưa nhập." : $"Không tìm thấy cơ quan “{row.AgencyText}” trong danh mục.");
            else if (!RegistryAccess.MayWrite(user, kind, row.AgencyId.Value)) row.Errors.Add("Bạn không được ghi sổ này của cơ quan đó.");
            row.Errors.AddRange(RegistryValues.Read(kind, row.Date, row.Values, resolve).Problems);
            rows.Add(row);
        }
        if (rows.Count == 0) return new([], ["Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."]);
        var ids = rows.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
        var known = await db.RegistryEntries.Where(e => e.Kind == kind.Code && ids.Contains(e.Id)).Select(e => new { e.Id, e.Version })
            .ToDictionaryAsync(e => e.Id, e => e.Version, ct);
        foreach (var row in rows.Where(r => r.Id is { } i && !known.ContainsKey(i)))
            row.Errors.Add($"Không có mục số {row.Id} trong sổ này (để trống cột “{IdTitle}” để thêm mới).");
        foreach (var dup in rows.Where(r => r.Id is not null).GroupBy(r => r.Id).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            dup.Errors.Add($"Mục số {dup.Id} xuất hiện nhiều lần trong tệp.");
        return new(rows, []);
    }

    /// <summary>Applies a preview that has no errors: every row, or none (one transaction).</summary>
    public Task<(int Created, int Updated)> ApplyAsync(RegistryKind kind, RegistryImportPreview preview, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
        {
            int created = 0, updated = 0;
            foreach (var row in preview.Rows)
            {
                var version = row.Id is { } id ? await db.RegistryEntries.Where(e => e.Id == id).Select(e => e.Version).FirstAsync(ct) : 0;
                await save.RunAsync(new SaveRegistryEntryRequest(kind.Code, row.Id, version, row.AgencyId!.Value, row.Date, row.Values), ct);
                if (row.Id is null) created++;
                else updated++;
            }
            return (created, updated);
        }, ct);
}
