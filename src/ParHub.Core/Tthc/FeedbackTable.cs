using System.Globalization;
using System.Text;
using ParHub.Core.Sipas;

namespace ParHub.Core.Tthc;

/// <summary>One data row of a feedback file: the item it holds, or why it cannot be used (Vietnamese), with its line.</summary>
public sealed record FeedbackRow(int Line, Feedback? Feedback, string? Problem);

/// <summary>
/// The feedback (PAKN) table as a province's feedback system exports it, in CSV or in the first sheet of an XLSX: a
/// header naming the columns of <see cref="Columns"/> (any order, any case; others ignored; <see cref="Needed"/> must
/// be there, the rest may be left out), then one item a row. Dates dd/MM/yyyy or yyyy-MM-dd; channel by code or
/// Vietnamese name (<see cref="FeedbackCodes.Channels"/>); <c>cong_khai</c> yes/no (có/không, 1/0, x/empty); rating
/// <c>hai_long|khong_hai_long</c> or empty; an empty answer date = pending.
/// </summary>
public static class FeedbackTable
{
    public const string Code = "ma";
    public const string Received = "ngay_tiep_nhan";
    public const string Channel = "kenh";
    public const string Field = "linh_vuc";
    public const string Agency = "co_quan";
    public const string Due = "han_xu_ly";
    public const string Answered = "ngay_tra_loi";
    public const string Published = "cong_khai";
    public const string Rating = "danh_gia";
    public const string Subject = "noi_dung";

    /// <summary>The columns, in the order <see cref="Header"/> and <see cref="Line"/> write them.</summary>
    public static IReadOnlyList<string> Columns { get; } = [Code, Received, Channel, Field, Agency, Due, Answered, Published, Rating, Subject];

    /// <summary>The columns a header must have.</summary>
    public static IReadOnlyList<string> Needed { get; } = [Code, Received, Channel, Agency, Due];

    public static string Header => string.Join(',', Columns);

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
    private static readonly HashSet<string> Yes = new(["yes", "y", "co", "có", "1", "true", "x"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["no", "n", "khong", "không", "0", "false", ""], StringComparer.OrdinalIgnoreCase);

    /// <summary>A CSV text's rows, streamed (see <see cref="Read(IEnumerable{CsvRow}, DateOnly?)"/>).</summary>
    public static IEnumerable<FeedbackRow> Read(TextReader reader, DateOnly? today = null) => Read(CsvText.Stream(reader), today);

    /// <summary>
    /// The rows as they are read (the header first; one row at a time — only the codes seen are kept, to refuse a
    /// duplicate). A header without a needed column is one problem on its line, and nothing more is read. Blank rows are
    /// skipped. With <paramref name="today"/>, a received or answer date after it is a problem.
    /// </summary>
    public static IEnumerable<FeedbackRow> Read(IEnumerable<CsvRow> source, DateOnly? today = null)
    {
        using var rows = source.GetEnumerator();
        if (!rows.MoveNext() || rows.Current.Cells.All(string.IsNullOrWhiteSpace))
        {
            yield return new FeedbackRow(1, null, $"Tệp rỗng: dòng đầu phải là tiêu đề {Header}.");
            yield break;
        }
        var header = rows.Current.Cells.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<string>();
        for (var i = 0; i < header.Length; i++)
            if (Columns.Contains(header[i]) && !position.TryAdd(header[i], i)) repeated.Add(header[i]);
        var missing = Needed.Where(c => !position.ContainsKey(c)).ToList();
        if (missing.Count > 0 || repeated.Count > 0)
        {
            var reasons = new List<string>();
            if (missing.Count > 0) reasons.Add($"Tiêu đề thiếu cột {string.Join(", ", missing)} (tiêu đề đầy đủ: {Header}).");
            if (repeated.Count > 0) reasons.Add($"Tiêu đề có cột lặp lại: {string.Join(", ", repeated.Distinct())}.");
            yield return new FeedbackRow(rows.Current.Line, null, string.Join(" ", reasons));
            yield break;
        }
        var seen = new Dictionary<(FeedbackChannel, string), int>();
        while (rows.MoveNext())
        {
            var (line, cells) = (rows.Current.Line, rows.Current.Cells);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (cells.Length > header.Length && cells.Skip(header.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                yield return new FeedbackRow(line, null, $"Dòng có {cells.Length} ô, tiêu đề có {header.Length} cột.");
                continue;
            }
            var (item, problems) = Parse(cells, position, today);
            if (item is not null)
            {
                if (seen.TryGetValue((item.Channel, item.Code), out var first))
                    problems.Add($"Mã “{item.Code}” (kênh {FeedbackCodes.Of(item.Channel)}) trùng với dòng {first}.");
                else seen[(item.Channel, item.Code)] = line;
            }
            yield return problems.Count == 0 ? new FeedbackRow(line, item, null) : new FeedbackRow(line, null, string.Join(" ", problems));
        }
    }

    private static (Feedback? Item, List<string> Problems) Parse(string[] cells, Dictionary<string, int> position, DateOnly? today)
    {
        var problems = new List<string>();
        // A sheet's row may stop at its last filled cell: missing cells are empty.
        string Cell(string column) => position.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";
        foreach (var column in Columns)
            if (Cell(column).Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                problems.Add($"Cột {column} có ký tự điều khiển (như NUL), không lưu được.");
        DateOnly? Date(string column, string what, bool needed)
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                if (needed) problems.Add($"Thiếu {what} ({column}).");
                return null;
            }
            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                if (today is { } t && day > t) problems.Add($"{Capital(what)} ({column}) {Show(day)} sau hôm nay ({Show(t)}).");
                return day;
            }
            problems.Add($"{Capital(what)} ({column}) “{text}” không phải ngày (dd/MM/yyyy hoặc yyyy-MM-dd).");
            return null;
        }
        var code = Cell(Code);
        if (code.Length == 0) problems.Add($"Thiếu mã phản ánh, kiến nghị ({Code}).");
        else if (code.Length > FeedbackCodes.MaxCode) problems.Add($"Mã “{code[..20]}…” dài quá {FeedbackCodes.MaxCode} ký tự.");
        var received = Date(Received, "ngày tiếp nhận", needed: true);
        var channel = FeedbackCodes.Channel(Cell(Channel));
        if (channel is null)
            problems.Add(Cell(Channel).Length == 0 ? $"Thiếu kênh tiếp nhận ({Channel})."
                : $"Kênh tiếp nhận “{Cell(Channel)}” không có ({string.Join(", ", FeedbackCodes.Channels.Select(c => c.Code))}).");
        var field = Cell(Field);
        if (field.Length > FeedbackCodes.MaxField) problems.Add($"Lĩnh vực dài quá {FeedbackCodes.MaxField} ký tự.");
        var agency = Cell(Agency);
        if (agency.Length == 0) problems.Add($"Thiếu mã cơ quan ({Agency}).");
        var due = Date(Due, "hạn xử lý", needed: true);
        var answered = Date(Answered, "ngày trả lời", needed: false);
        if (received is { } r)
        {
            if (due < r) problems.Add($"Hạn xử lý ({Show(due!.Value)}) trước ngày tiếp nhận ({Show(r)}).");
            if (answered < r) problems.Add($"Ngày trả lời ({Show(answered!.Value)}) trước ngày tiếp nhận ({Show(r)}).");
        }
        var publishedText = Cell(Published);
        var published = Yes.Contains(publishedText);
        if (!published && !No.Contains(publishedText)) problems.Add($"Cột {Published}: “{publishedText}” không phải có/không (yes/no).");
        var rating = FeedbackCodes.Rating(Cell(Rating));
        if (rating is null)
            problems.Add($"Đánh giá “{Cell(Rating)}” không có ({FeedbackCodes.Satisfied}, {FeedbackCodes.Dissatisfied} hoặc để trống).");
        if (answered is null && Cell(Answered).Length == 0)
        {
            if (published) problems.Add("Chưa có ngày trả lời nên chưa thể công khai kết quả.");
            if (rating is not (null or FeedbackRating.None)) problems.Add("Chưa có ngày trả lời nên chưa thể có đánh giá.");
        }
        var subject = Cell(Subject);
        if (FeedbackCodes.SubjectProblem(subject) is { } bad) problems.Add(bad);
        if (problems.Count > 0) return (null, problems);
        return (new Feedback(code, received!.Value, channel!.Value, field, agency, due!.Value, answered, published, rating!.Value, subject), problems);
    }

    private static string Show(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>An item as one CSV line (no line break), in the order of <see cref="Header"/>: ISO dates, yes/no.</summary>
    public static string Line(Feedback f)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] cells =
        [
            f.Code, Iso(f.Received), FeedbackCodes.Of(f.Channel), f.Field, f.AgencyCode, Iso(f.Due), f.Answered is { } a ? Iso(a) : "",
            f.Published ? "yes" : "no", FeedbackCodes.Of(f.Rating), f.Subject,
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string Quote(string cell) => cell.IndexOfAny([',', ';', '\t', '"', '\r', '\n']) < 0 ? cell
        : new StringBuilder("\"").Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
