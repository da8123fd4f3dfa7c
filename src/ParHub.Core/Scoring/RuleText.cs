using ParHub.Core.Reports;

namespace ParHub.Core.Scoring;

/// <summary>
/// A scoring rule's parameters as one line an administrator types and reads, Vietnamese numbers throughout:
/// <c>options</c> "Kịp thời=1; Không kịp thời=0,5; Không ban hành=0"; <c>rate-bands</c> "100=3; 75=2; 50=1" (rate ≥ min
/// → points, in the order given); <c>count-steps</c> "2=3; 1=1,5" (count ≥ min → points); <c>survey</c> optional bands like
/// <c>rate-bands</c> on the satisfaction percentage. Other rules take none.
/// </summary>
public static class RuleText
{
    /// <summary>The rule's parameters as text ("" for the rules without parameters).</summary>
    public static string Format(ScoringRule rule) => rule.Type switch
    {
        "options" => string.Join("; ", (rule.Options ?? new Dictionary<string, decimal>()).Select(o => $"{o.Key}={VietnameseNumber.Format(o.Value)}")),
        "rate-bands" or "survey" => Steps(rule.Bands),
        "count-steps" => Steps(rule.Steps),
        _ => "",
    };

    private static string Steps(IReadOnlyList<Step>? steps) =>
        string.Join("; ", (steps ?? []).Select(s => $"{VietnameseNumber.Format(s.Min)}={VietnameseNumber.Format(s.Points)}"));

    /// <summary>A rule of <paramref name="type"/> from its parameters' text; a problem is a <see cref="FormatException"/> in Vietnamese.</summary>
    public static ScoringRule Parse(string type, string? text)
    {
        if (!ScoringRule.Types.Contains(type)) throw new FormatException($"Cách chấm \"{type}\" không có.");
        var pairs = Pairs(text ?? "");
        switch (type)
        {
            case "options":
                var options = new Dictionary<string, decimal>();
                foreach (var (name, points) in pairs)
                {
                    if (name.Length == 0) throw new FormatException("Phương án chấm cần có tên (dạng Kịp thời=1).");
                    if (!options.TryAdd(name, Number(points, name))) throw new FormatException($"Phương án \"{name}\" bị trùng.");
                }
                return new ScoringRule(type, Options: options);
            case "rate-bands":
                return new ScoringRule(type, Bands: pairs.Select(p => new Step(Number(p.Key, p.Key), Number(p.Value, p.Key))).ToList());
            case "survey": // optional rate bands on the satisfaction percentage; none: % / 100 × max
                return new ScoringRule(type,
                    Bands: pairs.Count == 0 ? null : pairs.Select(p => new Step(Number(p.Key, p.Key), Number(p.Value, p.Key))).ToList());
            case "count-steps":
                return new ScoringRule(type, Steps: pairs.Select(p => new Step(Number(p.Key, p.Key), Number(p.Value, p.Key))).ToList());
            default:
                if (pairs.Count > 0) throw new FormatException($"Cách chấm \"{type}\" không có tham số.");
                return new ScoringRule(type);
        }
    }

    /// <summary>Classification bands as text, "Tốt=90; Khá=80; Trung bình=65; Yếu=0" (the first band whose min the index reaches).</summary>
    public static string FormatBands(IEnumerable<Band> bands) => string.Join("; ", bands.Select(b => $"{b.Name}={VietnameseNumber.Format(b.Min)}"));

    public static List<Band> ParseBands(string? text) =>
        Pairs(text ?? "").Select(p => p.Key.Length == 0 ? throw new FormatException("Xếp loại cần có tên (dạng Tốt=90).")
            : new Band(p.Key, Number(p.Value, p.Key))).ToList();

    /// <summary>Orders dotted codes as people number them: 1, 1.2, 1.10, 2 (numbers compared as numbers).</summary>
    public static readonly IComparer<string> CodeOrder = Comparer<string>.Create((a, b) =>
    {
        var (x, y) = (a.Split('.'), b.Split('.'));
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = int.TryParse(x[i], out var m) && int.TryParse(y[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    });

    /// <summary>The most points a rule's parameters can give (null when the rule gives up to the max).</summary>
    public static decimal? Highest(ScoringRule rule) => rule.Type switch
    {
        "options" when rule.Options is { Count: > 0 } o => o.Values.Max(),
        "rate-bands" or "survey" when rule.Bands is { Count: > 0 } b => b.Max(s => s.Points),
        "count-steps" when rule.Steps is { Count: > 0 } s => s.Max(x => x.Points),
        _ => null,
    };

    private static List<KeyValuePair<string, string>> Pairs(string text) =>
        text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
            {
                var eq = part.LastIndexOf('=');
                if (eq < 0) throw new FormatException($"\"{part}\" cần dạng tên=điểm hoặc ngưỡng=điểm.");
                return new KeyValuePair<string, string>(part[..eq].Trim(), part[(eq + 1)..].Trim());
            }).ToList();

    private static decimal Number(string text, string where) =>
        VietnameseNumber.TryParse(text, out var v) && v >= 0 ? v : throw new FormatException($"\"{where}\": \"{text}\" không phải số không âm.");
}
