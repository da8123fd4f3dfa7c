namespace ParHub.Core.Plans;

/// <summary>Calendar windows used by time frames: whole months, quarters, halves and years.</summary>
public static class Periods
{
    public static (DateOnly Start, DateOnly End) Month(int year, int month) =>
        (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static (DateOnly Start, DateOnly End) Quarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter));
        var first = (quarter - 1) * 3 + 1;
        return (new DateOnly(year, first, 1), Month(year, first + 2).End);
    }

    public static (DateOnly Start, DateOnly End) Half(int year, int half) =>
        half == 1 ? (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)) : (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));

    public static (DateOnly Start, DateOnly End) Year(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>I, II, III, IV or 1–4 → 1–4; anything else → null.</summary>
    public static int? QuarterNumber(string text) => text.ToLowerInvariant() switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => null,
    };
}
