using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans.Prose;

/// <summary>
/// The time phrase of a task written as prose: a deadline its own text sets ("hoàn thành trước ngày 30/6/2025"), else
/// the period its heading names ("Nhiệm vụ 6 tháng cuối năm 2024"). Years elsewhere in a task's text name the plans
/// it carries out ("Đề án … giai đoạn 2023-2025"), not its deadline, so they are not read.
/// </summary>
internal static partial class ProseTimeframe
{
    [GeneratedRegex(@"6 thang (?:dau|cuoi) nam(?: [0-9]{4})?|qu[yi] (?:iv|iii|ii|i|[1-4])(?:/| nam )[0-9]{4}|thang [0-9]{1,2}/[0-9]{4}"
        + @"|(?:giai doan )?[0-9]{4} ?- ?[0-9]{4}|nam [0-9]{4}")]
    private static partial Regex Period();

    [GeneratedRegex(@"(?:truoc|cham nhat(?: la)?) (?:ngay |thang |quy |nam )?[0-9ivx][0-9ivx/.]*(?: thang [0-9]{1,2} nam [0-9]{4})?")]
    private static partial Regex Deadline();

    public static string FromHeading(string title) => Find(Period(), title);

    public static string FromText(string text) => Find(Deadline(), text);

    /// <summary>The first match in the folded text, as written in the original where the folding kept its length.</summary>
    private static string Find(Regex pattern, string text)
    {
        var original = VietnameseText.CollapseWhitespace(text).Replace('–', '-').Replace('—', '-');
        var folded = VietnameseText.FoldKeepingPunctuation(original);
        var m = pattern.Match(folded);
        if (!m.Success) return "";
        var value = folded.Length == original.Length ? original.Substring(m.Index, m.Length) : m.Value;
        return value.TrimEnd('.', ',', ';');
    }
}
