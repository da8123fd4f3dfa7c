using ParHub.Core.Scoring;

namespace ParHub.Core.ParIndex;

/// <summary>One line of the province's self-assessment beside the Ministry's appraisal: a field, criterion or sub-criterion.</summary>
public sealed record GapRow(string Code, string Title, int Depth, decimal? Max, decimal? Self, decimal? Ministry)
{
    /// <summary>Self-assessed minus appraised: what the province claimed and the Ministry did not give (positive) or gave more (negative).</summary>
    public decimal? Gap => Self is { } s && Ministry is { } m ? s - m : null;

    /// <summary>What the Ministry's points lost against the max.</summary>
    public decimal? Lost => Max is { } x && Ministry is { } m ? x - m : null;
}

/// <summary>
/// The gaps between the province's self-assessment and the Ministry's appraised points, per criterion and summed up
/// the tree (a parent the Ministry's table leaves out is the sum of its children's), and the Ministry's points as a
/// result the lost-points page ranks (so that the improvement plan starts from what the Ministry took away).
/// </summary>
public static class NationalGaps
{
    public static IReadOnlyList<GapRow> Of(Framework framework, IReadOnlyDictionary<string, decimal> self, IReadOnlyDictionary<string, decimal> ministry)
    {
        var codes = framework.Nodes.Select(n => n.Code).ToList();
        var children = framework.Nodes.ToDictionary(n => n.Code, n => codes.Where(c => Framework.ParentOf(c, codes) == n.Code).ToList());
        var selfSums = new Dictionary<string, decimal?>();
        var ministrySums = new Dictionary<string, decimal?>();
        decimal? Sum(string code, IReadOnlyDictionary<string, decimal> given, Dictionary<string, decimal?> memo, bool givenFirst)
        {
            if (memo.TryGetValue(code, out var known)) return known;
            decimal? value = null;
            if (givenFirst && given.TryGetValue(code, out var g)) value = g;
            else if (children[code].Count == 0) value = given.TryGetValue(code, out var leaf) ? leaf : null;
            else
            {
                var parts = children[code].Select(c => Sum(c, given, memo, givenFirst)).Where(v => v is not null).ToList();
                value = parts.Count == 0 ? (given.TryGetValue(code, out var own) ? own : null) : parts.Sum();
            }
            return memo[code] = value;
        }
        return framework.Nodes.Select(n => new GapRow(n.Code, n.Title, n.Code.Count(c => c == '.'), n.Max,
            Sum(n.Code, self, selfSums, givenFirst: false), Sum(n.Code, ministry, ministrySums, givenFirst: true))).ToList();
    }

    /// <summary>
    /// The Ministry's points of the criteria it scored (those without sub-criteria), as one ranked result: what
    /// <see cref="ScoringEngine.Lost"/> ranks into the improvement list.
    /// </summary>
    public static AgencyResult AsResult(Framework framework, IReadOnlyDictionary<string, decimal> ministry, string id, string name)
    {
        var criteria = framework.Nodes.Where(n => n.Rule is not null && ministry.ContainsKey(n.Code))
            .Select(n => new CriterionScore(n.Code, n.Max ?? 0, Math.Clamp(ministry[n.Code], 0, n.Max ?? 0), false, true)).ToList();
        var max = criteria.Sum(c => c.Max);
        var points = criteria.Sum(c => c.Points);
        return new AgencyResult(id, name, "TINH", points, max, max == 0 ? 0 : 100 * points / max, null, 1, criteria);
    }
}
