using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ParHub.Core.Sipas;
using ParHub.Core.Text;

namespace ParHub.Core.Tthc;

/// <summary>The publishing decision a catalogue row names.</summary>
public sealed record ProcedureDecisionRow(string Number, DateOnly Date, DateOnly? EffectiveFrom, DateOnly? PublishedOnDatabase);

/// <summary>One procedure as a catalogue file gives it; the agency as written (a code or a name, resolved by the caller; empty = none).</summary>
public sealed record ProcedureRow(string Code, string Name, string Field, ProcedureLevel Level, string Agency, OneStopKind OneStop,
    OnlineLevel Online, bool FeeBearing, bool Postal, ProcedureDecisionRow? Decision);

/// <summary>One data row of a catalogue file: the procedure it holds, or why it cannot be used (Vietnamese), with its line.</summary>
public sealed record ProcedureFileRow(int Line, ProcedureRow? Procedure, string? Problem);

/// <summary>
/// The procedure catalogue file (CSV, or the cells of an XLSX sheet): a header row — found among the first
/// <see cref="HeaderSearch"/> rows, so a title may stand above it — naming the columns by their code (<c>ma_tthc</c>) or
/// their Vietnamese title ("Mã TTHC", "Tên thủ tục", any case, with or without diacritics; see <see cref="Titles"/>), in
/// any order, then one procedure a row. Level "cấp tỉnh|cấp huyện|cấp xã"; one-stop "một cửa|liên thông" (empty = một
/// cửa); online "toàn trình|một phần|không" (empty = không); flags có/không (yes/no, x/empty, 1/0); dates dd/MM/yyyy or
/// yyyy-MM-dd, between <see cref="MinDate"/> and <see cref="MaxDate"/>. The decision columns may be left out (no
/// decision); a row with a decision number needs its date, and every row naming a decision must give it the same dates.
/// </summary>
public static partial class ProcedureCsv
{
    public const string Code = "ma_tthc";
    public const string Name = "ten";
    public const string Field = "linh_vuc";
    public const string Level = "cap";
    public const string Agency = "co_quan";
    public const string OneStop = "mot_cua";
    public const string Online = "muc_do";
    public const string FeeBearing = "co_phi";
    public const string Postal = "buu_chinh";
    public const string DecisionNumber = "so_quyet_dinh";
    public const string DecisionDate = "ngay_quyet_dinh";
    public const string EffectiveFrom = "ngay_hieu_luc";
    public const string Published = "ngay_cong_bo_csdl";

    /// <summary>The header is looked for in this many first rows.</summary>
    public const int HeaderSearch = 10;
    public const int MaxCode = 64;
    public const int MaxName = 1000;
    public const int MaxField = 300;
    public const int MaxAgency = 300;
    public const int MaxDecision = 64;
    public static readonly DateOnly MinDate = new(1990, 1, 1);
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    /// <summary>The columns, in the order <see cref="Header"/> and <see cref="Line"/> write them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [Code, Name, Field, Level, Agency, OneStop, Online, FeeBearing, Postal, DecisionNumber, DecisionDate, EffectiveFrom, Published];

    /// <summary>The columns a header must have; the decision's may be left out.</summary>
    public static IReadOnlyList<string> Required { get; } = [Code, Name, Field, Level, Agency, OneStop, Online, FeeBearing, Postal];

    /// <summary>Each column's Vietnamese titles, folded (<see cref="VietnameseText.Fold"/>); the code folds to its first.</summary>
    public static IReadOnlyDictionary<string, string[]> Titles { get; } = new Dictionary<string, string[]>
    {
        [Code] = ["ma tthc", "ma thu tuc", "ma thu tuc hanh chinh", "ma so tthc"],
        [Name] = ["ten", "ten thu tuc", "ten tthc", "ten thu tuc hanh chinh"],
        [Field] = ["linh vuc"],
        [Level] = ["cap", "cap thuc hien", "cap giai quyet"],
        [Agency] = ["co quan", "co quan giai quyet", "co quan thuc hien"],
        [OneStop] = ["mot cua", "mot cua lien thong", "hinh thuc"],
        [Online] = ["muc do", "muc do dvc", "muc do truc tuyen", "dvc truc tuyen", "dich vu cong truc tuyen"],
        [FeeBearing] = ["co phi", "phi le phi", "co phi le phi"],
        [Postal] = ["buu chinh", "buu chinh cong ich", "tiep nhan tra qua buu chinh"],
        [DecisionNumber] = ["so quyet dinh", "quyet dinh cong bo", "so qd"],
        [DecisionDate] = ["ngay quyet dinh", "ngay qd", "ngay ban hanh"],
        [EffectiveFrom] = ["ngay hieu luc"],
        [Published] = ["ngay cong bo csdl", "ngay cong khai csdl", "ngay cong bo tren csdl"],
    };

    public static string Header => string.Join(',', Columns);

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
    private static readonly HashSet<string> Yes = new(["co", "yes", "y", "1", "true", "x"], StringComparer.Ordinal);
    private static readonly HashSet<string> No = new(["khong", "no", "n", "0", "false", ""], StringComparer.Ordinal);

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z._\-]*$")]
    private static partial Regex CodePattern();

    /// <summary>The rows of a CSV text as they are read (<see cref="CsvText.Stream"/>).</summary>
    public static IEnumerable<ProcedureFileRow> Read(TextReader reader) => Read(CsvText.Stream(reader).Select(r => (r.Line, r.Cells)));

    /// <summary>
    /// The rows (each with its line in the file) read into procedures. No header: one problem on line 1 and nothing more;
    /// a header lacking a needed column: one problem on its line. Blank rows are skipped; cells missing at a row's end are empty.
    /// </summary>
    public static IEnumerable<ProcedureFileRow> Read(IEnumerable<(int Line, string[] Cells)> rows)
    {
        using var e = rows.GetEnumerator();
        Dictionary<string, int>? position = null;
        var headerLength = 0;
        for (var searched = 0; searched < HeaderSearch && e.MoveNext();)
        {
            var (line, cells) = e.Current;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            searched++;
            var folded = cells.Select(VietnameseText.Fold).ToArray();
            if (!folded.Any(f => Titles[Code].Contains(f))) continue;
            position = new Dictionary<string, int>(StringComparer.Ordinal);
            var repeated = new List<string>();
            for (var i = 0; i < folded.Length; i++)
            {
                var column = Columns.FirstOrDefault(c => Titles[c].Contains(folded[i]));
                if (column is not null && !position.TryAdd(column, i)) repeated.Add(column);
            }
            var missing = Required.Where(c => !position.ContainsKey(c)).ToList();
            if (position.ContainsKey(DecisionNumber) && !position.ContainsKey(DecisionDate)) missing.Add(DecisionDate);
            if (missing.Count > 0 || repeated.Count > 0)
            {
                var reasons = new List<string>();
                if (missing.Count > 0) reasons.Add($"Tiêu đề thiếu cột {string.Join(", ", missing)}.");
                if (repeated.Count > 0) reasons.Add($"Tiêu đề có cột lặp lại: {string.Join(", ", repeated.Distinct())}.");
                yield return new ProcedureFileRow(line, null, string.Join(" ", reasons));
                yield break;
            }
            headerLength = cells.Length;
            break;
        }
        if (position is null)
        {
            yield return new ProcedureFileRow(1, null, $"Không tìm thấy dòng tiêu đề (cần các cột {string.Join(", ", Required)}, "
                + "hoặc “Mã TTHC”, “Tên thủ tục”, “Lĩnh vực”, “Cấp”…).");
            yield break;
        }
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var decisions = new Dictionary<string, (int Line, ProcedureDecisionRow Decision)>(StringComparer.OrdinalIgnoreCase);
        while (e.MoveNext())
        {
            var (line, cells) = e.Current;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (cells.Skip(headerLength).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                yield return new ProcedureFileRow(line, null, $"Dòng có {cells.Length} ô, tiêu đề có {headerLength} cột.");
                continue;
            }
            var (procedure, problems) = Parse(cells, position);
            if (procedure is not null)
            {
                if (seen.TryGetValue(procedure.Code, out var first)) problems.Add($"Mã TTHC “{procedure.Code}” trùng với dòng {first}.");
                else seen[procedure.Code] = line;
                if (procedure.Decision is { } d)
                {
                    if (decisions.TryGetValue(d.Number, out var earlier))
                    {
                        if (earlier.Decision != d with { Number = earlier.Decision.Number })
                            problems.Add($"Quyết định “{d.Number}” ghi ngày khác với dòng {earlier.Line}.");
                    }
                    else decisions[d.Number] = (line, d);
                }
            }
            yield return problems.Count == 0 ? new ProcedureFileRow(line, procedure, null)
                : new ProcedureFileRow(line, null, string.Join(" ", problems));
        }
    }

    private static (ProcedureRow? Procedure, List<string> Problems) Parse(string[] cells, Dictionary<string, int> position)
    {
        var problems = new List<string>();
        string Cell(string column) => position.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";
        string Text(string column, string what, int max, bool needed)
        {
            var value = VietnameseText.CollapseWhitespace(Cell(column));
            if (value.Length == 0 && needed) problems.Add($"Thiếu {what} ({column}).");
            if (value.Length > max) problems.Add($"{Capital(what)} ({column}) dài quá {max} ký tự.");
            return value;
        }
        DateOnly? Date(string column, string what)
        {
            var text = Cell(column);
            if (text.Length == 0) return null;
            if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                problems.Add($"{Capital(what)} ({column}) “{text}” không phải ngày (dd/MM/yyyy hoặc yyyy-MM-dd).");
            else if (day < MinDate || day > MaxDate)
                problems.Add($"{Capital(what)} ({column}) “{text}” ngoài khoảng {MinDate:dd/MM/yyyy}–{MaxDate:dd/MM/yyyy}.");
            else return day;
            return null;
        }
        bool Flag(string column)
        {
            var text = VietnameseText.Fold(Cell(column));
            if (Yes.Contains(text)) return true;
            if (!No.Contains(text)) problems.Add($"Cột {column}: “{Cell(column)}” không phải có/không.");
            return false;
        }
        var code = Text(Code, "mã TTHC", MaxCode, needed: true);
        if (code.Length > 0 && code.Length <= MaxCode && !CodePattern().IsMatch(code))
            problems.Add($"Mã TTHC “{code}” chỉ được có chữ, số, dấu chấm, gạch ngang (ví dụ 1.004227).");
        var name = Text(Name, "tên thủ tục", MaxName, needed: true);
        var field = Text(Field, "lĩnh vực", MaxField, needed: true);
        var level = ProcedureLabels.Level(Cell(Level));
        if (level is null)
            problems.Add(Cell(Level).Length == 0 ? $"Thiếu cấp thực hiện ({Level})."
                : $"Cấp “{Cell(Level)}” không có (cấp tỉnh, cấp huyện, cấp xã).");
        var agency = Text(Agency, "cơ quan", MaxAgency, needed: false);
        var oneStop = ProcedureLabels.OneStop(Cell(OneStop));
        if (oneStop is null) problems.Add($"Cột {OneStop}: “{Cell(OneStop)}” không phải “một cửa” hay “liên thông”.");
        var online = ProcedureLabels.Online(Cell(Online));
        if (online is null) problems.Add($"Mức độ trực tuyến “{Cell(Online)}” không có (toàn trình, một phần hoặc để trống).");
        var (fee, postal) = (Flag(FeeBearing), Flag(Postal));
        var number = Text(DecisionNumber, "số quyết định", MaxDecision, needed: false);
        var date = Date(DecisionDate, "ngày quyết định");
        var effective = Date(EffectiveFrom, "ngày hiệu lực");
        var published = Date(Published, "ngày công bố trên CSDL");
        ProcedureDecisionRow? decision = null;
        if (number.Length == 0)
        {
            if (Cell(DecisionDate).Length > 0 || Cell(EffectiveFrom).Length > 0 || Cell(Published).Length > 0)
                problems.Add($"Có ngày của quyết định công bố nhưng thiếu số quyết định ({DecisionNumber}).");
        }
        else if (Cell(DecisionDate).Length == 0) problems.Add($"Thiếu ngày quyết định ({DecisionDate}) của quyết định “{number}”.");
        else if (date is { } d)
        {
            if (published < d) problems.Add($"Ngày công bố trên CSDL ({published:dd/MM/yyyy}) trước ngày quyết định ({d:dd/MM/yyyy}).");
            decision = new ProcedureDecisionRow(number, d, effective, published);
        }
        if (problems.Count > 0) return (null, problems);
        return (new ProcedureRow(code, name, field, level!.Value, agency, oneStop!.Value, online!.Value, fee, postal, decision), problems);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>A procedure's cells in the order of <see cref="Columns"/>: Vietnamese labels, có/không, dates dd/MM/yyyy.</summary>
    public static string[] Cells(ProcedureRow p)
    {
        static string Yn(bool flag) => flag ? "có" : "không";
        static string Day(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        return
        [
            p.Code, p.Name, p.Field, ProcedureLabels.Label(p.Level), p.Agency, ProcedureLabels.Label(p.OneStop),
            p.Online == OnlineLevel.None ? "" : ProcedureLabels.Label(p.Online), Yn(p.FeeBearing), Yn(p.Postal),
            p.Decision?.Number ?? "", Day(p.Decision?.Date), Day(p.Decision?.EffectiveFrom), Day(p.Decision?.PublishedOnDatabase),
        ];
    }

    /// <summary>A procedure as one line of the CSV (no line break), in the order of <see cref="Header"/>.</summary>
    public static string Line(ProcedureRow p) => string.Join(',', Cells(p).Select(Quote));

    private static string Quote(string cell) => cell.IndexOfAny([',', ';', '\t', '"', '\r', '\n']) < 0 ? cell
        : new StringBuilder("\"").Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
