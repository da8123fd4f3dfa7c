using System.Globalization;
using System.Text;

namespace ParHub.Core.Text;

/// <summary>
/// Folding of Vietnamese text for matching: lower case, no diacritics, "đ" → "d",
/// punctuation turned into spaces, runs of white space collapsed.
/// "Sở Kế hoạch và Đầu tư" → "so ke hoach va dau tu".
/// </summary>
public static class VietnameseText
{
    /// <summary>Folds text for diacritic- and case-insensitive matching. Keeps letters and digits only.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(raw);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            var c = raw switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(raw) };
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Lower case, no diacritics, "đ" → "d", white space collapsed — punctuation kept ("Quý IV/2025" → "quy iv/2025"),
    /// one character for one character of the collapsed input where the input is precomposed.
    /// </summary>
    public static string FoldKeepingPunctuation(string? text)
    {
        var collapsed = CollapseWhitespace(text).Replace('–', '-').Replace('—', '-');
        var sb = new StringBuilder(collapsed.Length);
        foreach (var ch in collapsed)
        {
            var c = ch is 'đ' or 'Đ' ? "d" : ch.ToString().Normalize(NormalizationForm.FormD);
            foreach (var part in c)
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(part));
        }
        return sb.ToString();
    }

    /// <summary>The folded words of a text.</summary>
    public static string[] Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Letters and digits only, folded: "KH&amp;ĐT" → "khdt".</summary>
    public static string Compact(string? text) => Fold(text).Replace(" ", string.Empty);

    /// <summary>Collapses runs of white space (including line breaks) into one space and trims.</summary>
    public static string CollapseWhitespace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
