using System.Globalization;
using ParHub.Core.Plans;

namespace ParHub.Web.Features.Plans;

/// <summary>The JSON contract of a parsed time frame: {"text","kind","start","due","recurrence","dues"}.</summary>
public sealed record TimeframeJson(string Text, string Kind, string? Start, string? Due, string? Recurrence, IReadOnlyList<string> Dues)
{
    public static TimeframeJson From(Timeframe t) => new(
        t.Text, t.Kind.ToString().ToLowerInvariant(), Iso(t.Start), Iso(t.Due),
        t.Recurrence?.ToString().ToLowerInvariant(), t.Dues.Select(d => Iso(d)!).ToList());

    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
