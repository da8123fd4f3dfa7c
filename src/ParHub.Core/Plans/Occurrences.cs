using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>One due of recurring work: "Quý II/2025", from 1/4/2025, due 30/6/2025.</summary>
public sealed record Occurrence(string Label, DateOnly Start, DateOnly Due);

/// <summary>
/// Recurring work ("hằng tháng", "hằng quý", "định kỳ 6 tháng", "hằng năm") within a plan's period becomes one due per
/// period, each tracked on its own. The due is the period's last day, or the day the phrase names: "trước ngày 20 hằng
/// tháng" → the 20th of each month; "ngày 15 tháng cuối quý" → the 15th of March, June, …; "trước 15/12 hằng năm" →
/// 15 December of each year. Continuous work ("thường xuyên") has no dues of its own.
/// </summary>
public static partial class Occurrences
{
    /// <summary>More dues than this (a monthly task over decades) is not a schedule anyone reads: none are made.</summary>
    public const int Max = 120;

    [GeneratedRegex(@"\bngay\s+([0-9]{1,2})(?!\s*[/0-9])(?!\s+thang\s+[0-9])")] private static partial Regex DayOfPeriod();
    [GeneratedRegex(@"\bthang\s+cuoi\s+(cua\s+)?quy\b")] private static partial Regex LastMonthOfQuarter();

    /// <summary>The dues of <paramref name="timeframe"/> between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    public static IReadOnlyList<Occurrence> Of(Timeframe timeframe, DateOnly from, DateOnly to)
    {
        if (timeframe.Recurrence is not (Recurrence.Monthly or Recurrence.Quarterly or Recurrence.HalfYearly or Recurrence.Yearly)
            || timeframe.Kind != TimeframeKind.Recurring || to < from)
            return [];
        if (timeframe.Start is { } s && s > from && s <= to) from = s;
        var months = timeframe.Recurrence switch
        {
            Recurrence.Monthly => 1,
            Recurrence.Quarterly => 3,
            Recurrence.HalfYearly => 6,
            _ => 12,
        };
        // "Hằng quý đến hết năm 2027" ends sooner than the plan; "trước 15/12 hằng năm" is a day of each year, not an end.
        if (timeframe.Due is { } end && end < to && (months < 12 || (end.Month, end.Day) == (12, 31))) to = end;
        var folded = VietnameseText.FoldKeepingPunctuation(timeframe.Text);
        var day = DayOfPeriod().Match(folded) is { Success: true } m ? int.Parse(m.Groups[1].Value) : (int?)null;
        var result = new List<Occurrence>();
        // Periods are aligned to the calendar: quarters start in January, April, …
        var first = new DateOnly(from.Year, 1, 1);
        while (first.AddMonths(months) <= from) first = first.AddMonths(months);
        for (var start = first; start <= to; start = start.AddMonths(months))
        {
            var last = start.AddMonths(months).AddDays(-1);
            var due = DueIn(timeframe, months, start, last, day, folded);
            if (due < from) continue;
            result.Add(new Occurrence(Label(months, start), start, due));
            if (result.Count > Max) return [];
        }
        return result;
    }

    private static DateOnly DueIn(Timeframe timeframe, int months, DateOnly start, DateOnly last, int? day, string folded)
    {
        if (months == 12 && timeframe.Due is { } d && (d.Month, d.Day) != (12, 31))
            return Clamp(start.Year, d.Month, d.Day); // "trước 15/12 hằng năm": that day of every year
        if (day is { } n)
        {
            if (months == 1) return Clamp(start.Year, start.Month, n);
            if (months == 3 && LastMonthOfQuarter().IsMatch(folded)) return Clamp(last.Year, last.Month, n);
        }
        return last;
    }

    private static DateOnly Clamp(int year, int month, int day) => new(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));

    private static string Label(int months, DateOnly start) => months switch
    {
        1 => $"Tháng {start.Month}/{start.Year}",
        3 => $"Quý {new[] { "I", "II", "III", "IV" }[(start.Month - 1) / 3]}/{start.Year}",
        6 => $"6 tháng {(start.Month == 1 ? "đầu" : "cuối")} năm {start.Year}",
        _ => $"Năm {start.Year}",
    };
}
