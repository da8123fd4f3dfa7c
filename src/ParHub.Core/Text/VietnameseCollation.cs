using System.Globalization;

namespace ParHub.Core.Text;

/// <summary>Vietnamese sort order (a ă â b c d đ e ê …; tones after the base letter), via the vi-VN culture.</summary>
public static class VietnameseCollation
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly StringComparer Comparer = StringComparer.Create(Culture, ignoreCase: true);
}
