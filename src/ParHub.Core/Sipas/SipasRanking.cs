namespace ParHub.Core.Sipas;

/// <summary>
/// The rank of agencies within a group by their SIPAS as shown (2 decimals): the highest is 1, equal figures share a
/// rank and the next rank skips (1, 1, 3). Agencies without a SIPAS or below the minimum sample are not ranked.
/// </summary>
public static class SipasRanking
{
    public sealed record Entry(int Agency, decimal? Sipas, bool BelowMinimum);

    /// <summary>Rank of each ranked agency; the others are absent.</summary>
    public static IReadOnlyDictionary<int, int> Rank(IEnumerable<Entry> entries)
    {
        var ordered = entries.Where(e => !e.BelowMinimum && e.Sipas is not null).DistinctBy(e => e.Agency)
            .Select(e => (e.Agency, Shown: SipasIndex.Round(e.Sipas)!.Value)).OrderByDescending(e => e.Shown).ToList();
        var ranks = new Dictionary<int, int>();
        for (var i = 0; i < ordered.Count; i++)
            ranks[ordered[i].Agency] = i > 0 && ordered[i].Shown == ordered[i - 1].Shown ? ranks[ordered[i - 1].Agency] : i + 1;
        return ranks;
    }

    /// <summary>The change from last year's shown figure to this year's (percentage points), or null if either is missing.</summary>
    public static decimal? Change(decimal? now, decimal? before) =>
        now is null || before is null ? null : SipasIndex.Round(now)!.Value - SipasIndex.Round(before)!.Value;
}
