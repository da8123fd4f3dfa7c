namespace ParHub.Core.Sipas;

/// <summary>From item tallies to item, component and part shares and the SIPAS, by the questionnaire's aggregation.</summary>
public static class SipasIndexAggregator
{
    public static SipasIndexResult Aggregate(SipasQuestionnaireSpec spec, string agency, int n, IReadOnlyDictionary<string, SipasIndexTally> tallies)
    {
        var items = spec.Items.ToDictionary(i => i, i => tallies[i].Share, StringComparer.Ordinal);
        var components = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var parts = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        decimal? sipas;
        if (spec.Aggregation == SipasAggregation.Pooled)
        {
            foreach (var c in spec.Components) components[c.Code] = Pooled(c.Items, tallies);
            foreach (var p in spec.Parts) parts[p.Code] = Pooled(p.Components.SelectMany(c => c.Items), tallies);
            sipas = Pooled(spec.Items, tallies);
        }
        else
        {
            foreach (var c in spec.Components) components[c.Code] = Mean(c.Items.Select(i => items[i]));
            foreach (var p in spec.Parts) parts[p.Code] = Mean(p.Components.Select(c => components[c.Code]));
            sipas = Mean(spec.Parts.Select(p => parts[p.Code]));
        }
        return new SipasIndexResult(agency, n, items, components, parts, sipas);
    }

    /// <summary>The mean of the values that are there; null when none is.</summary>
    public static decimal? Mean(IEnumerable<decimal?> values)
    {
        var present = values.OfType<decimal>().ToList();
        return present.Count == 0 ? null : present.Sum() / present.Count;
    }

    private static decimal? Pooled(IEnumerable<string> items, IReadOnlyDictionary<string, SipasIndexTally> tallies) =>
        SipasIndexTally.Sum(items.Select(i => tallies[i])).Share;
}
