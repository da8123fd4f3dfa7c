using System.Globalization;
using System.Text;
using ParHub.Core.Sipas;

namespace ParHub.Core.Tthc;

/// <summary>One data row of a dossier CSV: the dossier it holds, or why it cannot be used (Vietnamese), with its line.</summary>
public sealed record DossierCsvRow(int Line, Dossier? Dossier, string? Problem);

/// <summary>
/// The dossier CSV of <c>./parhub tthc compute</c> (issue 14, §3): a header naming the columns of <see cref="Columns"/>
/// (any order, any case; others ignored), then one dossier a row. Quoted cells, UTF-8 with or without BOM (the
/// separator is the header's, as <see cref="CsvText"/> reads it). Channel <c>truc_tiep|truc_tuyen|buu_chinh</c>; rating
/// <c>hai_long|khong_hai_long</c> or empty; flags yes/no (also có/không, 1/0, true/false, x/empty); dates yyyy-MM-dd
/// or dd/MM/yyyy; an empty result date = not resolved.
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

    /// <summary>The columns, in the order <see cref="Header"/> and <see cref="Line"/> write them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [Code, Agency, Procedure, Channel, Received, Due, Resolved, FeeBearing, PaidOnline, Digitised, ElectronicResult, Synced, Apology, Rating];

    public static string Header => string.Join(',', Columns);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private static readonly HashSet<string> Yes = new(["yes", "y", "co", "có", "1", "true", "x"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["no", "n", "khong", "không", "0", "false", ""], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The rows as they are read (one at a time: the file never sits in memory; only the codes seen, to refuse a
    /// duplicate). A header without a needed column is one problem on line 1, and nothing more is read. Blank lines are skipped.
    /// </summary>
    public static IEnumerable<DossierCsvRow> Read(TextReader reader)
    {
        using var rows = CsvText.Stream(reader).GetEnumerator();
        if (!rows.MoveNext() || rows.Current.Cells.All(string.IsNullOrWhiteSpace))
        {
            yield return new DossierCsvRow(1, null, $"Tệp rỗng: dòng đầu phải là tiêu đề {Header}.");
            yield break;
        }
        var header = rows.Current.Cells.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<string>();
        for (var i = 0; i < header.Length; i++)
            if (Columns.Contains(header[i]) && !position.TryAdd(header[i], i)) repeated.Add(header[i]);
        var missing = Columns.Where(c => !position.ContainsKey(c)).ToList();
        if (missing.Count > 0 || repeated.Count > 0)
        {
            var reasons = new List<string>();
            if (missing.Count > 0) reasons.Add($"Tiêu đề thiếu cột {string.Join(", ", missing)}.");
            if (repeated.Count > 0) reasons.Add($"Tiêu đề có cột lặp lại: {string.Join(", ", repeated.Distinct())}.");
            yield return new DossierCsvRow(rows.Current.Line, null, string.Join(" ", reasons));
            yield break;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (rows.MoveNext())
        {
            var (line, cells) = (rows.Current.Line, rows.Current.Cells);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (cells.Length != header.Length)
            {
                yield return new DossierCsvRow(line, null, $"Dòng có {cells.Length} ô, tiêu đề có {header.Length} cột.");
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

    private static (Dossier? Dossier, List<string> Problems) Parse(string[] cells, Dictionary<string, int> position)
    {
        var problems = new List<string>();
        string Cell(string column) => cells[position[column]].Trim();
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
            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
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
