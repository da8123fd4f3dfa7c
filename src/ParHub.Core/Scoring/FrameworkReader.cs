using System.Globalization;
using System.Text.RegularExpressions;
using ParHub.Core.Plans;
using ParHub.Core.Text;

namespace ParHub.Core.Scoring;

/// <summary>A row of an index framework as read from a document: code (null when the row has none), title, parent, max.</summary>
public sealed record ExtractedNode(string? Code, string Title, string? Parent, decimal? Max, string? Method = null, string? Evidence = null)
{
    /// <summary>The points a result table gives the row ("Điểm đạt được", "Điểm thẩm định"), when it has that column.</summary>
    public decimal? Score { get; init; }
}

/// <summary>
/// Reads an index framework's table from rows of any source (text lines, DOCX tables, XLSX sheets): the header is found
/// by its names (STT/Mã; Lĩnh vực/Tiêu chí/Tiêu chí thành phần; Điểm tối đa; Phương pháp/Cách chấm; Tài liệu kiểm chứng)
/// in any column order; repeated headers are skipped; codes are normalised ("7,3" → "7.3", "<b>1.4</b>" → "1.4"); a row
/// without a code is kept as a child of the row above it; the parent of "1.3.1" is "1.3".
/// </summary>
public static partial class FrameworkReader
{
    private enum Col { Code, Title, Max, Method, Evidence, Score }

    public static List<ExtractedNode> Read(IEnumerable<TableRow> rows)
    {
        var nodes = new List<ExtractedNode>();
        Dictionary<Col, int>? header = null;
        string? lastCode = null;
        foreach (var row in rows)
        {
            if (row.IsBreak)
            {
                if (nodes.Count > 0) break; // the table has ended
                header = null;
                continue;
            }
            var cells = row.Cells.Select(Clean).ToList();
            if (Header(cells) is { } h)
            {
                header ??= h; // a repeated header on a new page
                continue;
            }
            if (header is null) continue;
            string Cell(Col c) => header.TryGetValue(c, out var i) && i < cells.Count ? cells[i] : "";
            var code = NormaliseCode(Cell(Col.Code));
            var title = Cell(Col.Title);
            if (code is null && title.Length == 0) continue;
            if (code is null && Cell(Col.Code).Length > 0) continue; // a "Page 12" or a numbering row, not a node
            decimal? max = decimal.TryParse(Cell(Col.Max).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : null;
            decimal? score = decimal.TryParse(Cell(Col.Score).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var sc) ? sc : null;
            var parent = code is null ? lastCode : Framework.ParentOf(code, nodes.Where(n => n.Code is not null).Select(n => n.Code!));
            nodes.Add(new ExtractedNode(code, title, parent, max, NullIfEmpty(Cell(Col.Method)), NullIfEmpty(Cell(Col.Evidence))) { Score = score });
            if (code is not null) lastCode = code;
        }
        return nodes;
    }

    /// <summary>Text and Markdown: rows are lines with tabs or " | "; prose after the table ends it.</summary>
    public static List<ExtractedNode> ReadText(string text)
    {
        var rows = new List<TableRow>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var inTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            if (raw.Contains('\t') || raw.Contains(" | "))
            {
                rows.Add(new TableRow(raw.Contains('\t') ? raw.Split('\t') : raw.Split(" | "), i + 1));
                inTable = true;
            }
            else if (inTable && Clean(raw).Length > 0)
            {
                rows.Add(TableRow.Break(i + 1));
                inTable = false;
            }
        }
        return Read(rows);
    }

    private static Dictionary<Col, int>? Header(IReadOnlyList<string> cells)
    {
        var map = new Dictionary<Col, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var f = VietnameseText.Fold(cells[i]);
            if (f is "stt" or "tt" or "ma" or "ma so" or "ma tieu chi" && !map.ContainsKey(Col.Code)) map[Col.Code] = i;
            else if ((f.Contains("tieu chi") || f.StartsWith("linh vuc") || f == "noi dung") && !map.ContainsKey(Col.Title)) map[Col.Title] = i;
            else if (f.Contains("diem toi da") || f == "diem" || f.StartsWith("diem chuan")) map[Col.Max] = i;
            else if (f.Contains("diem dat") || f.Contains("diem tham dinh") || f.StartsWith("ket qua") || f.Contains("bo noi vu cham")) map[Col.Score] = i;
            else if (f.Contains("phuong phap") || f.Contains("cach cham") || f.Contains("cach tinh")) map[Col.Method] = i;
            else if (f.Contains("kiem chung")) map[Col.Evidence] = i;
        }
        return map.ContainsKey(Col.Code) && map.ContainsKey(Col.Title) ? map : null;
    }

    /// <summary>"1", "1.3.1", "7,3" → "7.3", "1.4." → "1.4"; anything else (roman numerals aside) is not a code.</summary>
    public static string? NormaliseCode(string cell)
    {
        var s = cell.Trim().TrimEnd('.');
        s = CommaBetweenDigits().Replace(s, ".");
        return CodePattern().IsMatch(s) ? s : null;
    }

    private static string Clean(string s) => VietnameseText.CollapseWhitespace(Markup().Replace(s, " ")).Trim();

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"<[^>]+>|\*\*|(?<!\w)\*(?!\s)|(?<=\S)\*(?!\w)")] private static partial Regex Markup();
    [GeneratedRegex(@"(?<=\d),(?=\d)")] private static partial Regex CommaBetweenDigits();
    [GeneratedRegex(@"^[0-9]{1,2}(\.[0-9]{1,2}){0,3}$")] private static partial Regex CodePattern();
}
