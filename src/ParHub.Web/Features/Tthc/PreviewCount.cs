namespace ParHub.Web.Features.Tthc;

/// <summary>
/// What the preview of a dated import (dossiers, feedback) counts as it streams the rows: the good ones, per agency,
/// and the range of their received dates; every bad line (the first <see cref="Listed"/> kept with their reason).
/// </summary>
public sealed class PreviewCount
{
    public const int Listed = 200;

    private readonly List<(int Line, string Problem)> bad = [];
    private readonly Dictionary<int, long> perAgency = [];

    public long Good { get; private set; }
    public long BadCount { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public IReadOnlyList<(int Line, string Problem)> Bad => bad;

    public void Problem(int line, string problem)
    {
        if (bad.Count < Listed) bad.Add((line, problem));
        BadCount++;
    }

    public void Row(int agencyId, DateOnly received)
    {
        Good++;
        perAgency[agencyId] = perAgency.GetValueOrDefault(agencyId) + 1;
        if (From is null || received < From) From = received;
        if (To is null || received > To) To = received;
    }

    /// <summary>The good rows per agency by name, the most first.</summary>
    public IReadOnlyList<(string Agency, long Count)> PerAgency(IReadOnlyDictionary<int, string> names) =>
        perAgency.Select(p => (names.GetValueOrDefault(p.Key, "?"), p.Value)).OrderByDescending(p => p.Value).ToList();
}
