namespace ParHub.Core.Scoring;

/// <summary>
/// One criterion's input: a yes/no (<c>binary</c>), an option's name (<c>options</c>), a numerator and denominator
/// (<c>rate-bands</c>, <c>proportional</c>) or a number (<c>count-steps</c>, <c>survey</c>, <c>manual</c>).
/// </summary>
public sealed record ScoreInput(bool? Flag = null, string? Option = null, decimal? Number = null, decimal? Num = null, decimal? Den = null)
{
    public static ScoreInput Yes(bool v) => new(Flag: v);
    public static ScoreInput Named(string option) => new(Option: option);
    public static ScoreInput Of(decimal n) => new(Number: n);
    public static ScoreInput Rate(decimal num, decimal den) => new(Num: num, Den: den);
}

/// <summary>
/// One agency's data for a framework: inputs per criterion, exemptions, appraised points, bonus and penalty, and whether
/// it submitted its self-assessment (an agency that did not is scored but not ranked: "chưa nộp", never "0 – Yếu").
/// </summary>
public sealed record AgencyScoring(string Id, string? Name, string? Group, IReadOnlyDictionary<string, ScoreInput> Inputs,
    IReadOnlyCollection<string>? Exempt = null, IReadOnlyDictionary<string, decimal>? Appraised = null,
    decimal Bonus = 0, decimal Penalty = 0, bool Submitted = true);

/// <summary>Points lost on one criterion over many agencies.</summary>
public sealed record LostPoints(string Code, string Title, decimal Lost, int Agencies)
{
    public decimal Weight => Lost * Agencies;
}

/// <summary>A criterion's result: its points (after appraisal) out of its max, or exempt.</summary>
public sealed record CriterionScore(string Code, decimal Max, decimal Points, bool Exempt, bool Appraised);

/// <summary>An agency's result, unrounded: <see cref="Round"/> when shown or printed.</summary>
public sealed record AgencyResult(string Id, string? Name, string? Group, decimal Points, decimal ApplicableMax, decimal Index,
    string? Band, int Rank, IReadOnlyList<CriterionScore> Criteria);

/// <summary>
/// The PAR Index engine, pure: criterion points by rule, appraisal over self-assessment, exemptions, bonus and penalty
/// with caps, index over the applicable max, bands, and ranks within each group (ties share a rank: 1, 2, 2, 4).
/// </summary>
public static class ScoringEngine
{
    /// <summary>The declared range of a criterion's numbers (counts, a rate's parts): 0 to 10^12; a survey's percentage is 0 to 100.</summary>
    public const decimal MaxInput = 1_000_000_000_000m;

    /// <summary>The declared range of bonus and penalty points.</summary>
    public const decimal MaxBonus = 1_000m;

    /// <summary>What is out of range in a criterion's input (null when it is fine): the message names the criterion.</summary>
    public static string? InputProblem(string code, ScoringRule rule, ScoreInput? input)
    {
        if (input is null) return null;
        static bool Ok(decimal? v, decimal max) => v is null || v >= 0 && v <= max;
        var limit = rule.Type == "survey" ? 100 : MaxInput;
        if (!Ok(input.Number, limit) || !Ok(input.Num, MaxInput) || !Ok(input.Den, MaxInput))
            return $"Tiêu chí {code}: số liệu phải từ 0 đến {Reports.VietnameseNumber.Format(limit)}.";
        if (input.Option is { Length: > 200 }) return $"Tiêu chí {code}: lựa chọn không hợp lệ.";
        return null;
    }

    /// <summary>Points of one criterion from its input, always within [0, max]; no input scores 0. Never throws on stored data.</summary>
    public static decimal Points(ScoringRule rule, decimal max, ScoreInput? input)
    {
        if (input is null || max <= 0) return 0;
        try { return Math.Clamp(RawPoints(rule, max, input), 0, max); }
        catch (OverflowException) { return 0; } // numbers beyond a decimal (stored out of range) score nothing rather than fail
    }

    private static decimal RawPoints(ScoringRule rule, decimal max, ScoreInput input)
    {
        decimal points = rule.Type switch
        {
            "manual" => input.Number ?? 0,
            "binary" => input.Flag == true ? max : 0,
            "options" => input.Option is { } o && rule.Options is { } opts && opts.TryGetValue(o, out var p) ? p : 0,
            "rate-bands" => RatePercent(input) is { } rate ? FirstStep(rule.Bands, rate) : 0,
            "proportional" => RatePercent(input) is { } r ? r / 100 * max : 0,
            "count-steps" => input.Number is { } n ? FirstStep(rule.Steps, n) : 0,
            "survey" => input.Number is { } s ? SurveyPoints(rule, max, s) : 0,
            _ => throw new ArgumentException($"Unknown scoring rule \"{rule.Type}\""),
        };
        return points;
    }

    /// <summary>
    /// A survey criterion's points from a satisfaction percentage: % / 100 × max, or, when the criterion defines rate
    /// bands ("95=2; 80=1"), the most points of the bands reached (so more satisfaction never scores less); within [0, max].
    /// </summary>
    public static decimal SurveyPoints(ScoringRule rule, decimal max, decimal percent)
    {
        if (max <= 0) return 0;
        var p = Math.Clamp(percent, 0, 100);
        var points = rule.Bands is { Count: > 0 } bands ? bands.Where(b => p >= b.Min).Select(b => b.Points).DefaultIfEmpty(0).Max() : p / 100 * max;
        return Math.Clamp(points, 0, max);
    }

    /// <summary>100·num/den, or null when there is no rate (den = 0 or missing): such a criterion scores 0.</summary>
    public static decimal? RatePercent(ScoreInput input)
    {
        if (input.Num is not { } num || input.Den is not { } den || den == 0) return null;
        try { return 100 * num / den; }
        catch (OverflowException) { }
        try { return num / den * 100; }
        catch (OverflowException) { return null; }
    }

    private static decimal FirstStep(IReadOnlyList<Step>? steps, decimal value) =>
        steps?.FirstOrDefault(s => value >= s.Min)?.Points ?? 0;

    /// <summary>
    /// Scores every agency, then ranks within their group those that submitted; the others keep rank 0 and no band
    /// (<see cref="NotRanked"/>), so that survey points alone never rank an agency that did not take part.
    /// </summary>
    public static IReadOnlyList<AgencyResult> Compute(Framework framework, IReadOnlyList<AgencyScoring> agencies)
    {
        var scored = framework.Nodes.Where(n => n.Rule is not null).ToList();
        var submitted = agencies.Where(a => a.Submitted).Select(a => a.Id).ToHashSet();
        var results = agencies.Select(a => Score(framework, scored, a)).ToList();
        var ranks = new Dictionary<string, int>();
        foreach (var group in results.Where(r => submitted.Contains(r.Id)).GroupBy(r => r.Group ?? ""))
        {
            var ordered = group.OrderByDescending(r => r.Index).ToList();
            for (var i = 0; i < ordered.Count; i++)
                ranks[ordered[i].Id] = i > 0 && ordered[i].Index == ordered[i - 1].Index ? ranks[ordered[i - 1].Id] : i + 1;
        }
        return results.Select(r => submitted.Contains(r.Id) ? r with { Rank = ranks[r.Id] } : r with { Rank = NotRanked, Band = null }).ToList();
    }

    /// <summary>The rank of an agency that did not submit its self-assessment.</summary>
    public const int NotRanked = 0;

    private static AgencyResult Score(Framework f, List<FrameworkNode> scored, AgencyScoring a)
    {
        var exempt = (a.Exempt ?? []).ToHashSet();
        var criteria = new List<CriterionScore>(scored.Count);
        decimal points = 0, applicable = 0;
        foreach (var node in scored)
        {
            var max = node.Max ?? 0;
            if (Framework.IsUnder(node.Code, exempt))
            {
                criteria.Add(new CriterionScore(node.Code, max, 0, Exempt: true, Appraised: false));
                continue;
            }
            a.Inputs.TryGetValue(node.Code, out var input);
            var appraised = a.Appraised is { } ap && ap.TryGetValue(node.Code, out var v) ? Math.Clamp(v, 0, max) : (decimal?)null;
            var p = appraised ?? Points(node.Rule!, max, input);
            criteria.Add(new CriterionScore(node.Code, max, p, Exempt: false, Appraised: appraised is not null));
            points += p;
            applicable += max;
        }
        decimal total, index;
        try
        {
            total = points + Math.Min(Math.Max(a.Bonus, 0), f.BonusCap) - Math.Min(Math.Max(a.Penalty, 0), f.PenaltyCap);
            index = applicable == 0 ? 0 : Math.Clamp(total / applicable * 100, 0, 100);
        }
        catch (OverflowException) { (total, index) = (points, 0); } // caps or maxima beyond a decimal: a framework out of range
        var band = f.Bands.FirstOrDefault(b => index >= b.Min)?.Name;
        return new AgencyResult(a.Id, a.Name, a.Group, total, applicable, index, band, 0, criteria);
    }

    /// <summary>
    /// Where points were lost: per criterion, the points lost over the given results (max − points, exempt criteria
    /// aside) and how many agencies lost some, ranked by points lost × agencies affected. Agencies that did not submit
    /// (not ranked) lost nothing they were scored on: they are left out.
    /// </summary>
    public static IReadOnlyList<LostPoints> Lost(Framework framework, IEnumerable<AgencyResult> results)
    {
        var titles = framework.Nodes.ToDictionary(n => n.Code, n => n.Title);
        return results.Where(r => r.Rank != NotRanked).SelectMany(r => r.Criteria).Where(c => !c.Exempt && c.Max - c.Points > 0)
            .GroupBy(c => c.Code)
            .Select(g => new LostPoints(g.Key, titles.GetValueOrDefault(g.Key, g.Key), g.Sum(c => c.Max - c.Points), g.Count()))
            .OrderByDescending(l => l.Lost * l.Agencies).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Two decimals, half away from zero: how points and indices are shown and printed.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
