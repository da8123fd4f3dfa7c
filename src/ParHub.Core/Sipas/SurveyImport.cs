using System.Globalization;
using System.Text;

namespace ParHub.Core.Sipas;

/// <summary>
/// A CSV text as rows of cells (RFC 4180: quoted cells with doubled quotes and line breaks; the separator — comma,
/// semicolon or tab — is the one the header line uses most). A byte-order mark is dropped.
/// </summary>
public static class CsvText
{
    public static List<string[]> Read(string text)
    {
        using var reader = new StringReader(text);
        return Stream(reader).Select(r => r.Cells).ToList();
    }

    /// <summary>
    /// The rows as they are read, each with the line of the file it starts on (1 = the header): only the current row
    /// is held, so a file of any size streams through.
    /// </summary>
    public static IEnumerable<CsvRow> Stream(TextReader reader)
    {
        var head = new StringBuilder();
        for (var c = reader.Read(); c >= 0; c = reader.Read())
        {
            head.Append((char)c);
            if (c == '\n') break;
        }
        if (head.Length > 0 && head[0] == '\uFEFF') head.Remove(0, 1);
        var firstLine = head.ToString();
        var separator = new[] { ',', ';', '\t' }.OrderByDescending(c => firstLine.Count(x => x == c)).First();
        var source = new CsvSource(firstLine, reader);
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        for (var c = source.Read(); c >= 0; c = source.Read())
        {
            if (quoted)
            {
                if (c == '\n' || (c == '\r' && source.Peek() != '\n')) line++;
                if (c != '"') cell.Append((char)c);
                else if (source.Peek() == '"') { cell.Append('"'); source.Read(); }
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == separator) { row.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && source.Peek() == '\n') source.Read();
                row.Add(cell.ToString());
                cell.Clear();
                yield return new CsvRow(rowLine, row.ToArray());
                row.Clear();
                rowLine = ++line;
            }
            else cell.Append((char)c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); yield return new CsvRow(rowLine, row.ToArray()); }
    }

    /// <summary>The header line already read, then the rest of the reader, one character at a time with one of lookahead.</summary>
    private sealed class CsvSource(string head, TextReader rest)
    {
        private int position;
        private int ahead = -2;

        public int Peek()
        {
            if (position < head.Length) return head[position];
            if (ahead == -2) ahead = rest.Read();
            return ahead;
        }

        public int Read()
        {
            if (position < head.Length) return head[position++];
            if (ahead == -2) return rest.Read();
            var c = ahead;
            ahead = -2;
            return c;
        }
    }
}

/// <summary>One row of a CSV file: the line it starts on (1 = the first line) and its cells.</summary>
public sealed record CsvRow(int Line, string[] Cells);

/// <summary>One row of an import, ready to store: its line in the file, agency, answers and the client id that makes a re-import add nothing.</summary>
public sealed record ImportRow(int Line, int AgencyId, string ClientId, IReadOnlyList<SurveyAnswer> Answers);

/// <summary>A bad row of an import and why, in Vietnamese.</summary>
public sealed record ImportProblem(int Line, string Reason);

/// <summary>What an import would store, and every bad row; nothing is stored unless <see cref="Problems"/> is empty.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Importing responses from a table (CSV or XLSX exported by LimeSurvey, KoboToolbox or a spreadsheet): each column
/// mapped to an item code (matched on the header, editable) and one column naming the agency (code or name); each row
/// checked like a posted form. Row N of a file whose hash is H gets the client id "imp:H:N", so importing the same file
/// again adds nothing.
/// </summary>
public static class SurveyImport
{
    public const int MaxRows = 50_000;
    private static readonly string[] AgencyHeaders = ["agency", "co quan", "cơ quan", "ma co quan", "mã cơ quan", "don vi", "đơn vị", "agency_code"];

    /// <summary>The item each header names: its code exactly, or as the first word ("9.1. Thông tin…", "Q9_1", "group/9.1"), or null.</summary>
    public static List<string?> AutoMap(IReadOnlyList<string> header, SurveyDefinition definition)
    {
        var codes = definition.Items.Where(i => !i.Hidden).Select(i => i.Code).ToDictionary(c => c.ToUpperInvariant(), c => c);
        string? Match(string h)
        {
            var name = h.Trim();
            if (name.Contains('/', StringComparison.Ordinal)) name = name[(name.LastIndexOf('/') + 1)..];
            var word = name.Split([' ', ':', '\t'], 2)[0].TrimEnd('.', ')').ToUpperInvariant();
            foreach (var candidate in new[] { name.ToUpperInvariant(), word, word.Replace('_', '.'), word.TrimStart('Q').Replace('_', '.') })
                if (codes.TryGetValue(candidate, out var code)) return code;
            return null;
        }
        return header.Select(Match).ToList();
    }

    /// <summary>The column that names the agency, by its header, or -1.</summary>
    public static int AgencyColumn(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
            if (AgencyHeaders.Contains(header[i].Trim().ToLowerInvariant())) return i;
        return -1;
    }

    /// <summary>
    /// Checks every row: the agency found among <paramref name="agencies"/> (code or name, any case), each mapped cell a
    /// valid answer of its item, at least one answer. Blank rows are skipped; rows whose client id is in
    /// <paramref name="already"/> were imported before and are left out.
    /// </summary>
    public static ImportPlan Plan(SurveyDefinition definition, IReadOnlyList<string[]> rows, IReadOnlyList<string?> mapping, int agencyColumn,
        IReadOnlyDictionary<string, int> agencies, string fileHash, IReadOnlySet<string> already)
    {
        var problems = new List<ImportProblem>();
        var planned = new List<ImportRow>();
        if (agencyColumn < 0) problems.Add(new ImportProblem(1, "Chọn cột ghi cơ quan được đánh giá (mã hoặc tên)."));
        var mapped = mapping.Select((code, col) => (code, col)).Where(x => x.code is not null).ToList();
        foreach (var dup in mapped.GroupBy(x => x.code).Where(g => g.Count() > 1))
            problems.Add(new ImportProblem(1, $"Câu {dup.Key} được gán cho nhiều cột."));
        var known = definition.Items.Where(i => !i.Hidden).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, _) in mapped.Where(x => !known.Contains(x.code!))) problems.Add(new ImportProblem(1, $"Bảng hỏi không có câu {code}."));
        if (mapped.Count == 0) problems.Add(new ImportProblem(1, "Chưa gán cột nào với câu hỏi."));
        if (rows.Count - 1 > MaxRows) problems.Add(new ImportProblem(1, $"Tệp có quá {MaxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng."));
        if (problems.Count > 0) return new ImportPlan([], problems);
        var lookup = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in agencies) lookup[k.Trim()] = v;
        for (var r = 1; r < rows.Count; r++)
        {
            var line = r + 1;
            var cells = rows[r];
            string Cell(int col) => col < cells.Length ? cells[col].Trim() : "";
            if (cells.All(c => string.IsNullOrWhiteSpace(c))) continue;
            var clientId = $"imp:{fileHash}:{line.ToString(CultureInfo.InvariantCulture)}";
            if (already.Contains(clientId)) continue;
            var agencyText = Cell(agencyColumn);
            if (!lookup.TryGetValue(agencyText, out var agency))
            {
                problems.Add(new ImportProblem(line, agencyText.Length == 0 ? "Chưa ghi cơ quan được đánh giá."
                    : $"Không tìm thấy cơ quan “{agencyText}” trong đợt khảo sát."));
                continue;
            }
            var posted = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (code, col) in mapped) if (Cell(col) is { Length: > 0 } v) posted[code!] = Normalize(v);
            var wrong = SurveyAnswers.Problems(definition, posted, definition.Sections);
            if (wrong.Count > 0) { problems.Add(new ImportProblem(line, string.Join(" ", wrong))); continue; }
            var answers = SurveyAnswers.Read(definition, posted);
            if (answers.Count == 0) { problems.Add(new ImportProblem(line, "Dòng không có câu trả lời nào.")); continue; }
            planned.Add(new ImportRow(line, agency, clientId, answers));
        }
        return new ImportPlan(planned, problems);
    }

    /// <summary>A whole number written as a spreadsheet may write it ("5.0", "5,0"), as the form posts it ("5"); other text unchanged.</summary>
    private static string Normalize(string v)
    {
        var s = v.Replace(" ", "", StringComparison.Ordinal);
        foreach (var suffix in new[] { ".0", ",0" })
            if (s.EndsWith(suffix, StringComparison.Ordinal) && int.TryParse(s[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return n.ToString(CultureInfo.InvariantCulture);
        return v;
    }
}
