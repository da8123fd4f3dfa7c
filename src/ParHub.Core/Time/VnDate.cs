using System.Globalization;

namespace ParHub.Core.Time;

/// <summary>
/// A calendar date as Vietnamese people type and read it: dd/mm/yyyy, whatever the browser's language. Typing also
/// accepts d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and the ISO form yyyy-mm-dd (what a browser's date field or a script sends).
/// </summary>
public static class VnDate
{
    public const string Format = "dd/MM/yyyy";

    /// <summary>The HTML pattern of a typed date (either form), for the browser's own check.</summary>
    public const string InputPattern = @"\s*(\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*";

    public const string Invalid = "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026.";

    private static readonly string[] Formats =
        ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "yyyy-M-d"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Show(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static string Show(DateOnly? date) => date is { } d ? Show(d) : "";

    /// <summary>A value already written as ISO (yyyy-mm-dd, e.g. by a page) shown as dd/mm/yyyy; anything else as it is.</summary>
    public static string ShowTyped(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Show(d) : value ?? "";
}
