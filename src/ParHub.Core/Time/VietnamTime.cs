namespace ParHub.Core.Time;

/// <summary>
/// The province's clock: Vietnam time (UTC+7, no daylight saving), whatever the server's own zone. Deadlines, report
/// periods, "today" and the daily digest hour are all read on it; instants are stored in UTC.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The Vietnam date of a stored UTC instant.</summary>
    public static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).DateTime);

    /// <summary>A stored UTC instant as Vietnamese people read it: "dd/MM/yyyy HH:mm" in Vietnam time.</summary>
    public static string Show(DateTime utc) => Show(utc, "dd/MM/yyyy HH:mm");

    /// <summary>A stored UTC instant in Vietnam time, in <paramref name="format"/> (e.g. with seconds for the audit log).</summary>
    public static string Show(DateTime utc, string format) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The next moment, strictly after <paramref name="now"/>, at which Vietnam's clock shows <paramref name="hour"/>:00.</summary>
    public static DateTimeOffset NextDaily(DateTimeOffset now, int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var local = now.ToOffset(Offset);
        var next = new DateTimeOffset(local.Date.AddHours(hour), Offset);
        return next > local ? next : next.AddDays(1);
    }
}
