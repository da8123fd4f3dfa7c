namespace ParHub.Core.Sipas;

/// <summary>
/// A response's numbered answers (levels, choices, yes/no) in one string, "9.1=4;9.2=5", kept on the response beside its
/// answer rows: the index of a programme then reads one row per response instead of one per answer (40,000 forms ×
/// 39 index items, docs/performance.md). Item codes never hold '=' or ';' (<see cref="SurveyEditor"/>'s code rule).
/// </summary>
public static class SurveyAnswerDigest
{
    /// <summary>The digest of a response's answers: those with a number, in the order given; text answers are left out.</summary>
    public static string Of(IEnumerable<SurveyAnswer> answers) => string.Join(';', answers.Where(a => a.Value is not null)
        .Select(a => a.ItemCode + "=" + a.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The answers a digest holds: item code → number.</summary>
    public static Dictionary<string, int> Read(string digest)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, value) in Pairs(digest)) answers[code] = value;
        return answers;
    }

    private static IEnumerable<(string Code, int Value)> Pairs(string digest)
    {
        foreach (var part in digest.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.LastIndexOf('=');
            if (eq > 0 && int.TryParse(part.AsSpan(eq + 1), System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var v))
                yield return (part[..eq], v);
        }
    }

    /// <summary>
    /// Adds one response's answers to the index items' tallies (<paramref name="tallies"/>[i] is item
    /// <paramref name="items"/>[code] = i): an answer counts if it is 1..scale, and is satisfied from
    /// <paramref name="satisfiedFrom"/> — exactly <see cref="SipasIndexTally.Of"/>'s rule. Reads the string in place.
    /// </summary>
    public static void Tally(ReadOnlySpan<char> digest, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> items, int scale,
        int satisfiedFrom, Span<SipasIndexTally> tallies)
    {
        while (!digest.IsEmpty)
        {
            var end = digest.IndexOf(';');
            var part = end < 0 ? digest : digest[..end];
            digest = end < 0 ? [] : digest[(end + 1)..];
            var eq = part.LastIndexOf('=');
            if (eq <= 0 || !items.TryGetValue(part[..eq], out var i)) continue;
            if (!int.TryParse(part[(eq + 1)..], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture,
                    out var v) || v < 1 || v > scale) continue;
            tallies[i] += new SipasIndexTally(v >= satisfiedFrom ? 1 : 0, 1);
        }
    }
}
