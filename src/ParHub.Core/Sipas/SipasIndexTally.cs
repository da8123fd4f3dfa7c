namespace ParHub.Core.Sipas;

/// <summary>Answers to one item (or to a set of items) that were counted, and how many of them were satisfied.</summary>
public readonly record struct SipasIndexTally(int Satisfied, int Counted)
{
    /// <summary>100 × satisfied ÷ counted, unrounded; null when nothing was counted.</summary>
    public decimal? Share => Counted == 0 ? null : 100m * Satisfied / Counted;

    public static SipasIndexTally operator +(SipasIndexTally a, SipasIndexTally b) => new(a.Satisfied + b.Satisfied, a.Counted + b.Counted);

    public static SipasIndexTally Sum(IEnumerable<SipasIndexTally> tallies) => tallies.Aggregate(default(SipasIndexTally), (a, b) => a + b);

    /// <summary>Whether an answer counts on a scale of 1..<paramref name="scale"/>: an integer level (0 "không ý kiến" does not).</summary>
    public static bool Counts(decimal? answer, int scale) => answer is { } v && v == decimal.Truncate(v) && v >= 1 && v <= scale;

    /// <summary>The tally of every item over the given forms (validity is the caller's): item code → tally.</summary>
    public static Dictionary<string, SipasIndexTally> Of(SipasQuestionnaireSpec spec, IEnumerable<SipasResponse> responses)
    {
        var items = spec.Items.ToList();
        var tallies = items.ToDictionary(i => i, _ => default(SipasIndexTally), StringComparer.Ordinal);
        foreach (var response in responses)
            foreach (var item in items)
                if (response.Answers.TryGetValue(item, out var answer) && Counts(answer, spec.Scale))
                    tallies[item] += new SipasIndexTally(answer >= spec.SatisfiedFrom ? 1 : 0, 1);
        return tallies;
    }
}
