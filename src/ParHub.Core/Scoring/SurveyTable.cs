using ParHub.Core.Reports;

namespace ParHub.Core.Scoring;

/// <summary>One line of a survey results table: the agency as written, the criterion, the percentage, or what is wrong.</summary>
public sealed record SurveyLine(int Line, string Agency, string? Code, decimal? Percent, string? Problem);

/// <summary>
/// Reads survey (SIPAS) results per agency from table rows (pasted text split on tabs or ";", or an XLSX sheet):
/// "agency | percent" when the framework has one survey criterion, "agency | criterion | percent" otherwise. A first
/// row whose percentage is not a number is a header. Percentages are Vietnamese numbers from 0 to 100 ("87,5", "87,5%").
/// </summary>
public static class SurveyTable
{
    public static IReadOnlyList<string[]> Split(string text) =>
        text.Replace("\r\n", "\n").Split('\n')
            .Select(l => l.Split(l.Contains('\t') ? '\t' : ';').Select(c => c.Trim()).ToArray())
            .ToList();

    public static List<SurveyLine> Read(IReadOnlyList<string[]> rows, IReadOnlyCollection<string> surveyCodes)
    {
        var lines = new List<SurveyLine>();
        var first = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Where((c, k) => k < 3).ToArray();
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var agency = cells[0];
            var code = cells.Length >= 3 ? cells[1] : surveyCodes.Count == 1 ? surveyCodes.First() : null;
            var text = (cells.Length >= 3 ? cells[2] : cells.ElementAtOrDefault(1) ?? "").TrimEnd('%').Trim();
            var number = VietnameseNumber.TryParse(text, out var v) ? v : (decimal?)null;
            var isHeader = first && number is null;
            first = false;
            if (isHeader) continue;
            string? problem =
                agency.Length == 0 ? "Thiếu tên hoặc mã cơ quan."
                : code is null ? $"Bộ chỉ số có {surveyCodes.Count} tiêu chí điều tra; ghi mã tiêu chí ở cột thứ hai."
                : !surveyCodes.Contains(code)
                    ? $"\"{code}\" không phải tiêu chí điều tra xã hội học của bộ chỉ số ({string.Join(", ", surveyCodes)})."
                : number is null ? $"\"{text}\" không phải một tỷ lệ phần trăm."
                : number is < 0 or > 100 ? $"Tỷ lệ {VietnameseNumber.Format(number.Value)} phải từ 0 đến 100."
                : null;
            lines.Add(new SurveyLine(i + 1, agency, code, number, problem));
        }
        foreach (var dup in lines.Where(l => l.Problem is null).GroupBy(l => (l.Agency.ToUpperInvariant(), l.Code)).Where(g => g.Count() > 1))
            foreach (var l in dup.Skip(1))
                lines[lines.IndexOf(l)] = l with { Problem = $"Trùng với dòng {dup.First().Line}." };
        return lines;
    }
}
