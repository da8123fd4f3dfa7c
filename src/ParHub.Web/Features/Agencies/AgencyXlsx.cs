using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Agencies;

/// <summary>One row of an imported directory sheet, with what applying it would do and what is wrong with it.</summary>
public sealed class AgencyImportRow
{
    public int RowNumber { get; init; }
    public required string Code { get; init; }
    public string Name { get; init; } = "";
    public string KindText { get; init; } = "";
    public AgencyKind? Kind { get; set; }
    public string? ShortName { get; init; }
    public string? Aliases { get; init; }
    public string? ParentCode { get; init; }
    public string? SuccessorCode { get; init; }
    public string? ValidFromText { get; init; }
    public string? ValidToText { get; init; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? GroupCodes { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public int? ExistingId { get; set; }
    public List<string> Errors { get; } = [];
    public string Action => Errors.Count > 0 ? "Lỗi" : ExistingId is null ? "Thêm mới" : "Cập nhật";
}

public sealed record AgencyImportPreview(IReadOnlyList<AgencyImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public bool CanApply => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
}

/// <summary>Exports the directory to XLSX and imports it back: preview first, then apply in one transaction.</summary>
public sealed class AgencyXlsx(ParHubDbContext db, SaveAgency agencies, AuditLog audit)
{
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public static readonly string[] Header =
    [
        "Mã", "Loại", "Tên đầy đủ", "Tên viết tắt", "Tên gọi khác", "Mã cơ quan cấp trên", "Hiệu lực từ",
        "Hiệu lực đến", "Mã cơ quan kế thừa", "Nhóm", "Địa chỉ", "Điện thoại", "Thư điện tử",
    ];

    public async Task<byte[]> ExportAsync(CancellationToken ct = default)
    {
        var all = await db.Agencies.AsNoTracking().Include(a => a.Groups).ThenInclude(g => g.Group).ToListAsync(ct);
        var codes = all.ToDictionary(a => a.Id, a => a.Code);
        var rows = all.OrderBy(a => a.Kind).ThenBy(a => a.Name, VietnameseCollation.Comparer).Select(a => (IReadOnlyList<object?>)
        [
            a.Code, AgencyKinds.Label(a.Kind), a.Name, a.ShortName, string.Join("; ", a.AliasList),
            a.ParentId is { } p ? codes[p] : null, a.ValidFrom, a.ValidTo,
            a.SuccessorId is { } s ? codes[s] : null, string.Join(", ", a.Groups.Select(g => g.Group!.Code)),
            a.Address, a.Phone, a.Email,
        ]);
        return Xlsx.WriteValues("Danh mục cơ quan", Header, rows);
    }


    /// <summary>Reads and checks a sheet; nothing is written.</summary>
    public async Task<AgencyImportPreview> PreviewAsync(Stream file, CancellationToken ct = default)
    {
        List<string[]> sheet;
        try { sheet = Xlsx.ReadFirstSheet(file); }
        catch (UnreadableFileException ex) { return new([], [ex.Message]); }

        var headerIndex = sheet.FindIndex(r => r.Any(c => VietnameseText.Fold(c) == "ma")
            && r.Any(c => VietnameseText.Fold(c).StartsWith("ten day du") || VietnameseText.Fold(c) == "ten"));
        if (headerIndex < 0)
            return new([],
                ["Không tìm thấy dòng tiêu đề (cần có các cột “Mã”, “Loại”, “Tên đầy đủ”). Hãy dùng tệp mẫu tải "
                + "từ chức năng Xuất Excel."]);
        var header = sheet[headerIndex].Select(VietnameseText.Fold).ToArray();
        int Col(string name) => Array.FindIndex(header, h => h == VietnameseText.Fold(name));
        var cols = Header.ToDictionary(h => h, Col);
        if (cols["Loại"] < 0) cols["Loại"] = Array.FindIndex(header, h => h == "loai co quan");
        if (cols["Tên đầy đủ"] < 0) cols["Tên đầy đủ"] = Array.FindIndex(header, h => h == "ten");
        var missing = new[] { "Mã", "Loại", "Tên đầy đủ" }.Where(h => cols[h] < 0).ToList();
        if (missing.Count > 0) return new([], [$"Thiếu cột bắt buộc: {string.Join(", ", missing)}."]);

        string? Cell(string[] row, string name) =>
            cols[name] is var i && i >= 0 && i < row.Length && !string.IsNullOrWhiteSpace(row[i]) ? row[i].Trim() : null;

        var rows = new List<AgencyImportRow>();
        for (var r = headerIndex + 1; r < sheet.Count; r++)
        {
            var cells = sheet[r];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new AgencyImportRow
            {
                RowNumber = r + 1, Code = Cell(cells, "Mã") ?? "", Name = Cell(cells, "Tên đầy đủ") ?? "",
                KindText = Cell(cells, "Loại") ?? "", ShortName = Cell(cells, "Tên viết tắt"),
                Aliases = Cell(cells, "Tên gọi khác"), ParentCode = Cell(cells, "Mã cơ quan cấp trên"),
                ValidFromText = Cell(cells, "Hiệu lực từ"), ValidToText = Cell(cells, "Hiệu lực đến"),
                SuccessorCode = Cell(cells, "Mã cơ quan kế thừa"), GroupCodes = Cell(cells, "Nhóm"),
                Address = Cell(cells, "Địa chỉ"), Phone = Cell(cells, "Điện thoại"), Email = Cell(cells, "Thư điện tử"),
            });
        }
        if (rows.Count == 0) return new([], ["Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."]);
        await CheckAsync(rows, ct);
        return new(rows, []);
    }

    private async Task CheckAsync(List<AgencyImportRow> rows, CancellationToken ct)
    {
        var existing = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code }).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var groups = await db.AgencyGroups.AsNoTracking().Select(g => g.Code).ToListAsync(ct);
        var fileCodes = rows.Select(r => r.Code).Where(c => c.Length > 0).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var row in rows)
        {
            if (row.Code.Length == 0) row.Errors.Add("Thiếu mã cơ quan.");
            else if (row.Code.Length > 64) row.Errors.Add("Mã cơ quan quá 64 ký tự.");
            else if (!seen.Add(row.Code)) row.Errors.Add($"Mã “{row.Code}” bị lặp trong tệp.");
            if (row.Name.Length == 0) row.Errors.Add("Thiếu tên cơ quan.");
            if (AgencyKinds.TryParse(row.KindText, out var kind)) row.Kind = kind;
            else row.Errors.Add($"Loại cơ quan “{row.KindText}” không hợp lệ (ví dụ: {AgencyKinds.Label(AgencyKind.Department)}).");
            row.ExistingId = existing.TryGetValue(row.Code, out var id) ? id : null;
            foreach (var (code, label) in new[] { (row.ParentCode, "cấp trên"), (row.SuccessorCode, "kế thừa") })
                if (code is not null && !existing.ContainsKey(code) && !fileCodes.Contains(code))
                    row.Errors.Add($"Không có cơ quan {label} mã “{code}”.");
            if (row.ParentCode is not null && row.ParentCode == row.Code) row.Errors.Add("Cơ quan không thể trực thuộc chính nó.");
            row.ValidFrom = ParseDate(row.ValidFromText, row, "Hiệu lực từ");
            row.ValidTo = ParseDate(row.ValidToText, row, "Hiệu lực đến");
            if (row.ValidFrom > row.ValidTo) row.Errors.Add("Ngày hết hiệu lực trước ngày bắt đầu.");
            foreach (var g in SplitCodes(row.GroupCodes))
                if (!groups.Contains(g)) row.Errors.Add($"Không có nhóm cơ quan mã “{g}”.");
            if (row.Email is { } e && !e.Contains('@')) row.Errors.Add($"Thư điện tử “{e}” không hợp lệ.");
        }
    }

    private static IEnumerable<string> SplitCodes(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateOnly? ParseDate(string? text, AgencyImportRow row, string column)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        row.Errors.Add($"Cột “{column}”: ngày “{text}” không đúng dạng dd/mm/yyyy.");
        return null;
    }

    /// <summary>Applies a checked preview in one transaction: all rows or none. Returns (created, updated).</summary>
    public async Task<(int Created, int Updated)> ApplyAsync(AgencyImportPreview preview, CancellationToken ct = default)
    {
        if (!preview.CanApply) throw new InvalidOperationException("The preview has errors.");
        return await db.InTransactionAsync(async () =>
        {
            // New agencies first, so that rows can name each other as parent or successor.
            var fresh = new List<Agency>();
            foreach (var row in preview.Rows.Where(r => r.ExistingId is null))
            {
                var a = new Agency { Code = row.Code, Name = row.Name, Kind = row.Kind!.Value };
                db.Agencies.Add(a);
                fresh.Add(a);
            }
            await db.SaveChangesAsync(ct);
            var ids = await db.Agencies.Select(a => new { a.Id, a.Code }).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
            var groupIds = await db.AgencyGroups.ToDictionaryAsync(g => g.Code, g => g.Id, ct);
            foreach (var row in preview.Rows)
            {
                var input = new AgencyInput
                {
                    Code = row.Code, Kind = row.Kind!.Value, Name = row.Name, ShortName = row.ShortName,
                    Aliases = row.Aliases, ParentId = row.ParentCode is null ? null : ids[row.ParentCode],
                    SuccessorId = row.SuccessorCode is null ? null : ids[row.SuccessorCode],
                    ValidFrom = row.ValidFrom, ValidTo = row.ValidTo, Address = row.Address, Phone = row.Phone,
                    Email = row.Email, GroupIds = SplitCodes(row.GroupCodes).Select(g => groupIds[g]).ToList(),
                };
                await agencies.ApplyAsync(input, ids[row.Code], "Nhập từ Excel: " + row.Name, asNew: row.ExistingId is null, ct: ct);
            }
            audit.Record("import", "Directory", "xlsx", null,
                $"Nhập danh mục cơ quan từ Excel: {fresh.Count} thêm mới, {preview.Rows.Count - fresh.Count} cập nhật", []);
            await db.SaveChangesAsync(ct);
            return (fresh.Count, preview.Rows.Count - fresh.Count);
        }, ct);
    }
}
