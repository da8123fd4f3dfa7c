using System.Globalization;
using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>A target's measurable part: "đạt từ 95% trở lên" → ≥ 95 %.</summary>
public sealed record TargetMeasure(string Comparator, decimal Threshold, string Unit, string? Metric);

/// <summary>
/// Reads the threshold of a target (chỉ tiêu) sentence: "tối thiểu 30%", "đạt từ 95% trở lên", "trên 80%", "100% …",
/// "ít nhất 03 sáng kiến". Returns null when the sentence states no number to hold it to; the text is always kept.
/// </summary>
public static partial class TargetReader
{
    [GeneratedRegex(
        @"(?<pre>tối thiểu|ít nhất|từ|trên|dưới|không quá|tối đa|đạt|giảm|tăng)?\s*(?<num>[0-9]+(?:[.,][0-9]+)?)\s*(?<unit>%|phần "
        + @"trăm|sáng kiến|cuộc|lần|đơn vị|nhiệm vụ|hồ sơ)(?<post>\s*trở lên|\s*trở xuống)?", RegexOptions.IgnoreCase)]
    private static partial Regex Measure();

    /// <summary>The unit of a rank target: "một trong 5 địa phương đạt thứ hạng cao nhất" is rank ≤ 5.</summary>
    public const string RankUnit = "hạng";

    [GeneratedRegex(@"(?:một trong|trong|nhóm|top|топ)\s*(?<num>[0-9]{1,2})\s*(?:địa phương|tỉnh|tỉnh, thành phố)", RegexOptions.IgnoreCase)]
    private static partial Regex Rank();

    public static TargetMeasure? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = Measure().Match(text);
        if (!m.Success)
        {
            // A rank among provinces: "một trong 5 địa phương đạt thứ hạng cao nhất", "trong top 10 tỉnh, thành phố".
            var r = Rank().Match(text);
            if (!r.Success) return null;
            var top = int.Parse(r.Groups["num"].Value, CultureInfo.InvariantCulture);
            var subject = text[..r.Index].Trim(' ', ',', ';', ':');
            return new TargetMeasure("<=", top, RankUnit, subject.Length == 0 ? null : subject.Length > 200 ? subject[..200] : subject);
        }
        var number = decimal.Parse(m.Groups["num"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var pre = VietnameseText.Fold(m.Groups["pre"].Value);
        var post = VietnameseText.Fold(m.Groups["post"].Value);
        var comparator = post == "tro len" || pre is "toi thieu" or "it nhat" or "tu" ? ">="
            : post == "tro xuong" || pre is "khong qua" or "toi da" ? "<="
            : pre == "tren" ? ">" : pre == "duoi" ? "<" : pre == "giam" ? "dec>=" : pre == "tang" ? "inc>=" : number == 100 ? "=" : ">=";
        var unit = m.Groups["unit"].Value is "%" or "phần trăm" ? "%" : m.Groups["unit"].Value.ToLowerInvariant();
        // The metric: the words that follow the number ("100% nhiệm vụ trong Kế hoạch…") or open the sentence.
        var after = text[(m.Index + m.Length)..].Trim(' ', ',', ';', '.', ':');
        var before = text[..m.Index].Trim(' ', ',', ';', ':');
        var metric = (m.Index < 3 ? after : before).Split([';', '.'], 2)[0].Trim();
        return new TargetMeasure(comparator, number, unit, metric.Length == 0 ? null : metric.Length > 200 ? metric[..200] : metric);
    }
}
