using System.Text.RegularExpressions;

namespace ParHub.Core.Plans;

/// <summary>
/// A reference to an official document: "Quyết định số 3538/QĐ-UBND ngày 25/12/2017 của Ủy ban nhân dân thành phố"
/// → type "Quyết định", number "3538", code "QĐ-UBND", date 2017-12-25, issuer "Ủy ban nhân dân thành phố".
/// Công văn have no type code ("581/BNV-CCHC"); decrees carry the year ("30/2020/NĐ-CP").
/// </summary>
public sealed partial record DocumentReference(string Text, string? Type, string Number, string Code, DateOnly? Date, string? Issuer)
{
    /// <summary>"3538/QĐ-UBND".</summary>
    public string NumberAndCode => $"{Number}/{Code}";

    private const string Types =
        "Quyết định|Kế hoạch|Báo cáo|Nghị quyết|Chỉ thị|Thông báo|Công văn|Tờ trình|Nghị định|Thông tư|Luật|Chương "
        + "trình|Đề án|Hướng dẫn|Kết luận|Quy định";

    [GeneratedRegex(@"(?:(?<type>" + Types + @")\s+)?(?:số\s*:?\s*)?(?<num>[0-9]{1,6}[a-zđ]?(?:/[0-9]{4})?)\s*/\s*"
        + @"(?<code>[A-ZĐ][A-ZĐa-zđ0-9]*(?:[-&][A-ZĐ0-9][A-ZĐa-zđ0-9&]*)*)"
        + @"(?:\s+ngày\s+(?:(?<d>[0-9]{1,2})[/.\-](?<m>[0-9]{1,2})[/.\-](?<y>[0-9]{4})"
        + @"|(?<d2>[0-9]{1,2})\s+tháng\s+(?<m2>[0-9]{1,2})\s+năm\s+(?<y2>[0-9]{4})))?"
        + @"(?:\s+của\s+(?<issuer>[^;,.()\n]+))?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    [GeneratedRegex(
        @"\s+(về|về việc|phê duyệt|ban hành|quy định|hướng dẫn|sửa đổi|triển khai|thực hiện|tại|đối với|trên địa "
        + @"bàn|giai đoạn)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex IssuerTail();

    /// <summary>Every reference in a text, in order.</summary>
    public static IReadOnlyList<DocumentReference> FindAll(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var found = new List<DocumentReference>();
        foreach (Match m in Pattern().Matches(text))
        {
            DateOnly? date = null;
            var (d, mo, y) = m.Groups["d"].Success ? (m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value)
                : (m.Groups["d2"].Value, m.Groups["m2"].Value, m.Groups["y2"].Value);
            if (d.Length > 0 && Periods.IsValidDate(int.Parse(y), int.Parse(mo), int.Parse(d))) date = new DateOnly(int.Parse(y), int.Parse(mo), int.Parse(d));
            var issuer = m.Groups["issuer"].Success ? IssuerTail().Replace(m.Groups["issuer"].Value, "").Trim() : null;
            var type = m.Groups["type"].Success ? char.ToUpperInvariant(m.Groups["type"].Value[0]) + m.Groups["type"].Value[1..].ToLowerInvariant() : null;
            found.Add(
                new DocumentReference(m.Value.Trim(), type, m.Groups["num"].Value, m.Groups["code"].Value, date, string.IsNullOrEmpty(issuer) ? null : issuer));
        }
        return found;
    }

    public static DocumentReference? Parse(string? text) => FindAll(text) is [var first, ..] ? first : null;
}
