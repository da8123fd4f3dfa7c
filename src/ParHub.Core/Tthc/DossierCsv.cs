using System.Globalization;
using System.Text;
using ParHub.Core.Sipas;
using ParHub.Core.Text;

namespace ParHub.Core.Tthc;

/// <summary>One data row of a dossier CSV: the dossier it holds, or why it cannot be used (Vietnamese), with its line.</summary>
public sealed record DossierCsvRow(int Line, Dossier? Dossier, string? Problem);

/// <summary>
/// A dossier file's header row: its cells, where each column of <see cref="DossierCsv.Columns"/> was found (by the
/// officer's mapping, its code or one of its Vietnamese titles), and what is wrong with it.
/// </summary>
public sealed record DossierHeader(int Line, IReadOnlyList<string> Cells, IReadOnlyDictionary<string, int> Position, IReadOnlyList<string> Problems)
{
    public IReadOnlyList<string> Missing => DossierCsv.Columns.Where(c => !Position.ContainsKey(c)).ToList();

    public bool Complete => Problems.Count == 0;

    /// <summary>The mapping to remember for the file's source: each column found → the header text it was read from.</summary>
    public IReadOnlyDictionary<string, string> Mapping => Position.ToDictionary(p => p.Key, p => Cells[p.Value].Trim(), StringComparer.Ordinal);
}

/// <summary>
/// The dossier file of <c>./parhub tthc compute</c> and of the import (issue 14, §2–3): a header row naming the columns
/// of <see cref="Columns"/> — by their code, by a Vietnamese title an export uses ("Mã hồ sơ", "Ngày hẹn trả", any
/// case, with or without diacritics; see <see cref="Titles"/>) or by the file's own titles as an officer mapped them —
/// in any order (others ignored), found among the first <see cref="HeaderSearch"/> rows so a title may stand above it;
/// then one dossier a row. A CSV is quoted cells, UTF-8 with or without BOM (the separator is the header's, as
/// <see cref="CsvText"/> reads it); a sheet's rows come from the XLSX reader. Channel <c>truc_tiep|truc_tuyen|buu_chinh</c>
/// (or "Trực tiếp", "Trực tuyến", "Bưu chính"); rating <c>hai_long|khong_hai_long</c> (or "Hài lòng"…) or empty; flags
/// yes/no (also có/không, 1/0, true/false, x/empty); dates yyyy-MM-dd or dd/MM/yyyy, a time after them ignored; an
/// empty result date = not resolved.
/// </summary>
public static class DossierCsv
{
    public const string Code = "ma_ho_so";
    public const string Agency = "co_quan";
    public const string Procedure = "ma_tthc";
    public const string Channel = "kenh";
    public const string Received = "ngay_tiep_nhan";
    public const string Due = "ngay_hen_tra";
    public const string Resolved = "ngay_co_ket_qua";
    public const string FeeBearing = "co_phi";
    public const string PaidOnline = "thanh_toan_truc_tuyen";
    public const string Digitised = "so_hoa";
    public const string ElectronicResult = "ket_qua_dien_tu";
    public const string Synced = "dong_bo_dvcqg";
    public const string Apology = "xin_loi";
    public const string Rating = "danh_gia";

    /// <summary>The header is looked for in this many first rows that are not blank.</summary>
    public const int HeaderSearch = 10;

    /// <summary>The columns, in the order <see cref="Header"/> and <see cref="Line"/> write them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [Code, Agency, Procedure, Channel, Received, Due, Resolved, FeeBearing, PaidOnline, Digitised, ElectronicResult, Synced, Apology, Rating];

    public static string Header => string.Join(',', Columns);

    /// <summary>Each column's name on the mapping form.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [Code] = "Mã hồ sơ", [Agency] = "Cơ quan giải quyết", [Procedure] = "Mã thủ tục", [Channel] = "Kênh tiếp nhận",
        [Received] = "Ngày tiếp nhận", [Due] = "Ngày hẹn trả", [Resolved] = "Ngày có kết quả", [FeeBearing] = "Có phí, lệ phí",
        [PaidOnline] = "Thanh toán trực tuyến", [Digitised] = "Số hóa", [ElectronicResult] = "Kết quả điện tử",
        [Synced] = "Đồng bộ Cổng DVC quốc gia", [Apology] = "Thư xin lỗi", [Rating] = "Đánh giá",
    };

    /// <summary>Each column's titles in exports, folded (<see cref="VietnameseText.Fold"/>); the first is the code's fold.</summary>
    public static IReadOnlyDictionary<string, string[]> Titles { get; } = new Dictionary<string, string[]>
    {
        [Code] = ["ma ho so", "so ho so", "ma so ho so", "so bien nhan", "ma bien nhan"],
        [Agency] = ["co quan", "ma co quan", "co quan giai quyet", "co quan tiep nhan", "don vi", "ma don vi", "don vi giai quyet", "don vi xu ly"],
        [Procedure] = ["ma tthc", "ma thu tuc", "ma thu tuc hanh chinh", "ma so tthc"],
        [Channel] = ["kenh", "kenh tiep nhan", "kenh nop", "hinh thuc nop", "hinh thuc tiep nhan", "nguon tiep nhan"],
        [Received] = ["ngay tiep nhan", "ngay nhan", "ngay nop", "thoi gian tiep nhan", "ngay nhan ho so"],
        [Due] = ["ngay hen tra", "ngay hen tra ket qua", "han giai quyet", "han xu ly", "thoi han giai quyet"],
        [Resolved] = ["ngay co ket qua", "ngay tra ket qua", "ngay hoan thanh", "ngay giai quyet xong", "ngay ket thuc xu ly"],
        [FeeBearing] = ["co phi", "co phi le phi", "phi le phi", "thu phi"],
        [PaidOnline] = ["thanh toan truc tuyen", "da thanh toan truc tuyen", "thanh toan online"],
        [Digitised] = ["so hoa", "so hoa ho so", "da so hoa", "ho so duoc so hoa"],
        [ElectronicResult] = ["ket qua dien tu", "tra ket qua dien tu", "co ket qua dien tu"],
        [Synced] = ["dong bo dvcqg", "dong bo", "da dong bo dvcqg", "dong bo cong dvcqg"],
        [Apology] = ["xin loi", "thu xin loi", "co thu xin loi", "van ban xin loi"],
        [Rating] = ["danh gia", "ket qua danh gia", "muc do hai long", "danh gia hai long"],
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private static readonly HashSet<string> Yes = new(["yes", "y", "co", "có", "1", "true", "x"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["no", "n", "khong", "không", "0", "false", ""], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The rows of a CSV text, streamed (see <see cref="Read(IEnumerable{CsvRow}, IReadOnlyDictionary{string, string}?, bool, Action{DossierHeader}?)"/>).
    /// </summary>
    public static IEnumerable<DossierCsvRow> Read(TextReader reader, IReadOnlyDictionary<string, string>? mapping = null,
        Action<DossierHeader>? header = null) => Read(CsvText.Stream(reader), mapping, fromSheet: false, header);

    /// <summary>
    /// The rows as they are read (one at a time: the file never sits in memory; only the codes seen, to refuse a
    /// duplicate). The header found is given to <paramref name="header"/>; a header lacking a column (or naming one twice)
    /// is one problem on its line, and nothing more is read. Blank rows are skipped. A CSV row must have the header's
    /// number of cells; a sheet's row may end early (a spreadsheet leaves empty cells out), but not hold more.
    /// </summary>
    public static IEnumerable<DossierCsvRow> Read(IEnumerable<CsvRow> source, IReadOnlyDictionary<string, string>? mapping = null,
        bool fromSheet = false, Action<DossierHeader>? header = null)
    {
        using var rows = source.GetEnumerator();
        var found = FindHeader(rows, mapping);
        if (found is null)
        {
            yield return new DossierCsvRow(1, null, $"Tệp rỗng: dòng đầu phải là tiêu đề {Header}.");
            yield break;
        }
        header?.Invoke(found);
        if (!found.Complete)
        {
            yield return new DossierCsvRow(found.Line, null, string.Join(" ", found.Problems));
            yield break;
        }
        var width = found.Cells.Count;
        var position = found.Position;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (rows.MoveNext())
        {
            var (line, cells) = (rows.Current.Line, rows.Current.Cells);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (fromSheet ? cells.Skip(width).Any(c => !string.IsNullOrWhiteSpace(c)) : cells.Length != width)
            {
                yield return new DossierCsvRow(line, null, $"Dòng có {cells.Length} ô, tiêu đề có {width} cột.");
                continue;
            }
            var (dossier, problems) = Parse(cells, position);
            if (dossier is not null)
            {
                if (seen.TryGetValue(dossier.Code, out var first)) problems.Add($"Mã hồ sơ “{dossier.Code}” trùng với dòng {first}.");
                else seen[dossier.Code] = line;
            }
            yield return problems.Count == 0 ? new DossierCsvRow(line, dossier, null) : new DossierCsvRow(line, null, string.Join(" ", problems));
        }
    }

    /// <summary>
    /// The header among the first <see cref="HeaderSearch"/> rows that are not blank: the first naming at least three
    /// columns, else the first of them (so that an officer can map its titles). Null for a file with no such row.
    /// </summary>
    private static DossierHeader? FindHeader(IEnumerator<CsvRow> rows, IReadOnlyDictionary<string, string>? mapping)
    {
        DossierHeader? first = null;
        for (var searched = 0; searched < HeaderSearch && rows.MoveNext();)
        {
            var (line, cells) = (rows.Current.Line, rows.Current.Cells);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            searched++;
            var candidate = Resolve(line, cells, mapping);
            if (candidate.Position.Count >= 3) return candidate;
            first ??= candidate;
        }
        return first;
    }

    /// <summary>Where each column is in one header row: the mapped titles first, then the codes and known titles among the cells left.</summary>
    public static DossierHeader Resolve(int line, IReadOnlyList<string> cells, IReadOnlyDictionary<string, string>? mapping)
    {
        var folded = cells.Select(c => VietnameseText.Fold(c.TrimStart('\uFEFF'))).ToArray();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var owner = new Dictionary<int, string>();
        var problems = new List<string>();
        var repeated = new List<string>();
        foreach (var column in Columns)
        {
            if (mapping?.GetValueOrDefault(column) is not { } title || VietnameseText.Fold(title) is not { Length: > 0 } wanted) continue;
            var at = Enumerable.Range(0, folded.Length).Where(i => folded[i] == wanted).ToList();
            if (at.Count > 1) { repeated.Add(column); continue; }
            if (at.Count == 0) continue; // the mapped title is not in this file: the column is looked for as if unmapped
            if (owner.TryGetValue(at[0], out var other))
            {
                problems.Add($"Cột “{cells[at[0]].Trim()}” được ghép cho cả {other} và {column}.");
                continue;
            }
            (position[column], owner[at[0]]) = (at[0], column);
        }
        var mapped = position.Keys.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < folded.Length; i++)
        {
            if (owner.ContainsKey(i) || folded[i].Length == 0) continue;
            var column = Columns.FirstOrDefault(c => Titles[c].Contains(folded[i]));
            if (column is null || mapped.Contains(column)) continue; // an unknown title, or one the officer mapped elsewhere
            if (!position.TryAdd(column, i)) { repeated.Add(column); continue; }
            owner[i] = column;
        }
        var missing = Columns.Where(c => !position.ContainsKey(c)).ToList();
        var reasons = new List<string>();
        if (missing.Count > 0) reasons.Add($"Tiêu đề thiếu cột {string.Join(", ", missing)}.");
        if (repeated.Count > 0) reasons.Add($"Tiêu đề có cột lặp lại: {string.Join(", ", repeated.Distinct())}.");
        reasons.AddRange(problems);
        return new DossierHeader(line, cells.ToList(), position, reasons);
    }

    private static (Dossier? Dossier, List<string> Problems) Parse(string[] cells, IReadOnlyDictionary<string, int> position)
    {
        var problems = new List<string>();
        string Cell(string column) => position[column] is var at && at < cells.Length ? cells[at].Trim() : "";
        string Needed(string column, string what)
        {
            var value = Cell(column);
            if (value.Length == 0) problems.Add($"Thiếu {what} ({column}).");
            return value;
        }
        DateOnly? Date(string column, string what, bool needed)
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                if (needed) problems.Add($"Thiếu {what} ({column}).");
                return null;
            }
            var day = text.IndexOfAny([' ', 'T']) is > 7 and var cut ? text[..cut] : text; // "15/01/2026 08:30", "2026-01-15T08:30:00"
            if (DateOnly.TryParseExact(day, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            problems.Add($"{Capital(what)} ({column}) “{text}” không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy).");
            return null;
        }
        bool Flag(string column)
        {
            var text = Cell(column);
            if (Yes.Contains(text)) return true;
            if (!No.Contains(text)) problems.Add($"Cột {column}: “{text}” không phải có/không (yes/no).");
            return false;
        }
        var code = Needed(Code, "mã hồ sơ");
        var agency = Needed(Agency, "mã cơ quan");
        if (agency == ServiceIndex.Province) problems.Add($"Mã cơ quan “{ServiceIndex.Province}” dành cho toàn tỉnh.");
        var procedure = Needed(Procedure, "mã thủ tục");
        var channel = DossierCodes.Channel(Cell(Channel));
        if (channel is null)
            problems.Add(Cell(Channel).Length == 0 ? $"Thiếu kênh tiếp nhận ({Channel})."
                : $"Kênh tiếp nhận “{Cell(Channel)}” không có ({DossierCodes.Counter}, {DossierCodes.Online}, {DossierCodes.Post}).");
        var received = Date(Received, "ngày tiếp nhận", needed: true);
        var due = Date(Due, "ngày hẹn trả", needed: true);
        var resolved = Date(Resolved, "ngày có kết quả", needed: false);
        if (received is { } r)
        {
            if (due < r) problems.Add($"Ngày hẹn trả ({due:yyyy-MM-dd}) trước ngày tiếp nhận ({r:yyyy-MM-dd}).");
            if (resolved < r) problems.Add($"Ngày có kết quả ({resolved:yyyy-MM-dd}) trước ngày tiếp nhận ({r:yyyy-MM-dd}).");
        }
        var (fee, paid, digitised, electronic, synced, apology) =
            (Flag(FeeBearing), Flag(PaidOnline), Flag(Digitised), Flag(ElectronicResult), Flag(Synced), Flag(Apology));
        var rating = DossierCodes.Rating(Cell(Rating));
        if (rating is null)
            problems.Add($"Đánh giá “{Cell(Rating)}” không có ({DossierCodes.Satisfied}, {DossierCodes.Dissatisfied} hoặc để trống).");
        if (problems.Count > 0) return (null, problems);
        return (new Dossier(code, agency, procedure, channel!.Value, received!.Value, due!.Value, resolved,
            fee, paid, digitised, electronic, synced, apology, rating!.Value), problems);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>A dossier as one line of the CSV (no line break), in the order of <see cref="Header"/>: ISO dates, yes/no flags.</summary>
    public static string Line(Dossier d)
    {
        static string Yn(bool flag) => flag ? "yes" : "no";
        string[] cells =
        [
            d.Code, d.AgencyCode, d.ProcedureCode, DossierCodes.Of(d.Channel), Iso(d.Received), Iso(d.Due), d.Resolved is { } r ? Iso(r) : "",
            Yn(d.FeeBearing), Yn(d.PaidOnline), Yn(d.Digitised), Yn(d.ElectronicResult), Yn(d.Synced), Yn(d.Apology), DossierCodes.Of(d.Rating),
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string cell) => cell.IndexOfAny([',', ';', '\t', '"', '\r', '\n']) < 0 ? cell
        : new StringBuilder("\"").Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
