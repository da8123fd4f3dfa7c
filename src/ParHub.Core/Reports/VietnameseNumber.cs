using System.Globalization;
using System.Text;

namespace ParHub.Core.Reports;

/// <summary>
/// Numbers as Vietnamese officers write them: "." groups thousands and "," marks decimals ("1.150" is one thousand
/// one hundred and fifty, "1,5" is one and a half, "4.048,546"). Spaces inside are ignored. A dot that does not group
/// exactly three digits ("1.5") is refused rather than guessed.
/// </summary>
public static class VietnameseNumber
{
    public static readonly NumberFormatInfo Culture = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-",
    };

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = new StringBuilder();
        foreach (var c in text.Trim()) if (!char.IsWhiteSpace(c) && c != '\u00A0') s.Append(c);
        var t = s.ToString();
        var negative = t.StartsWith('-');
        if (negative || t.StartsWith('+')) t = t[1..];
        if (t.Length == 0 || t.Length > 40) return false;

        var comma = t.IndexOf(',');
        if (comma != t.LastIndexOf(',')) return false;
        var whole = comma < 0 ? t : t[..comma];
        var fraction = comma < 0 ? "" : t[(comma + 1)..];
        if (comma >= 0 && fraction.Length == 0) return false;
        if (whole.Length == 0 || !fraction.All(char.IsAsciiDigit)) return false;

        var groups = whole.Split('.');
        if (groups.Any(g => g.Length == 0 || !g.All(char.IsAsciiDigit))) return false;
        if (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3))) return false;

        var digits = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        if (negative) value = -value;
        return true;
    }

    /// <summary>"1.150", "4.048,546": how the number is shown back to a Vietnamese reader.</summary>
    public static string Format(decimal value) => value.ToString("#,##0.######", Culture);

    /// <summary>A rate as a percentage with up to two decimals ("23,79%"); empty when the denominator is zero.</summary>
    public static string Percent(decimal numerator, decimal denominator)
    {
        if (denominator == 0) return "";
        try { return Math.Round(numerator / denominator * 100, 2).ToString("0.##", Culture) + "%"; }
        catch (OverflowException) { return ""; } // beyond any meaningful rate: stored data out of range
    }
}
