namespace ParHub.Core.Plans;

/// <summary>What a time-frame phrase says.</summary>
public enum TimeframeKind
{
    /// <summary>A window or a deadline: start and/or due.</summary>
    Interval,
    /// <summary>Continuous or periodic work ("thường xuyên", "hằng năm"), possibly with a first deadline.</summary>
    Recurring,
    /// <summary>Several dated deadlines ("Quý I: trước ngày 21/3; 6 tháng: trước ngày 21/6; …").</summary>
    Schedule,
    /// <summary>Depends on an event or another plan ("Khi có phát sinh", "Theo Kế hoạch cụ thể của Bộ Nội vụ").</summary>
    Event,
    /// <summary>Nothing could be read: shown to a person, never guessed.</summary>
    Unknown,
}

public enum Recurrence { Monthly, Quarterly, Yearly, Continuous, HalfYearly }

/// <summary>
/// The meaning of a time-frame phrase. <see cref="Start"/> and <see cref="Due"/> are null where the phrase fixes no
/// such bound; <see cref="Dues"/> lists every deadline of a schedule (and the one deadline of an interval).
/// </summary>
public sealed record Timeframe(
    string Text, TimeframeKind Kind, DateOnly? Start, DateOnly? Due, Recurrence? Recurrence, IReadOnlyList<DateOnly> Dues)
{
    public bool IsRecurring => Recurrence is not null;
}

/// <summary>
/// What is known about the plan a phrase comes from: its year (for phrases that omit it, "Trước 30/6"), and, where the
/// plan states it, its period — the bounds of continuous work ("Thường xuyên") in a 2026–2030 plan.
/// </summary>
public sealed record TimeframeContext(int Year, DateOnly? PeriodStart = null, DateOnly? PeriodEnd = null)
{
    /// <summary>"2018", a period "2026-2030", or exact bounds "2025-11-24..2030-12-31" (the year is the first one).</summary>
    public static TimeframeContext Parse(string text)
    {
        var t = text.Trim();
        var exact = System.Text.RegularExpressions.Regex.Match(t, @"^([0-9]{4}-[0-9]{2}-[0-9]{2})\.\.([0-9]{4}-[0-9]{2}-[0-9]{2})$");
        if (exact.Success
            && DateOnly.TryParseExact(exact.Groups[1].Value, "yyyy-MM-dd", out var from)
            && DateOnly.TryParseExact(exact.Groups[2].Value, "yyyy-MM-dd", out var to))
            return new TimeframeContext(from.Year, from, to);
        var m = System.Text.RegularExpressions.Regex.Match(t, @"^([0-9]{4})\s*[-–]\s*([0-9]{4})$");
        if (m.Success)
        {
            int a = int.Parse(m.Groups[1].Value), b = int.Parse(m.Groups[2].Value);
            return new TimeframeContext(a, new DateOnly(a, 1, 1), new DateOnly(b, 12, 31));
        }
        if (t.Length >= 4 && int.TryParse(t[..4], out var y) && y is > 1900 and < 2200) return new TimeframeContext(y);
        throw new FormatException($"not a year or a period: {text}");
    }
}
