using ParHub.Core.Scoring;
using ParHub.Core.Text;

namespace ParHub.Core.Sipas;

/// <summary>What a PAR Index survey criterion takes from SIPAS: the whole index, a part ("II") or a component ("II.A").</summary>
public sealed record SipasTarget(string Code, string Title);

/// <summary>
/// How a computed SIPAS feeds a PAR Index cycle's survey criteria (rule <c>survey</c>): a map "criterion=target", one
/// line each, where the target is <see cref="Whole"/> (the SIPAS index), a part code or a component code of the
/// questionnaire; the criterion's points follow from that percentage as for a pasted one
/// (<see cref="ScoringEngine.SurveyPoints"/>). Pure: reading, checking and defaulting the map, and the percentage.
/// </summary>
public static class SipasParFeed
{
    /// <summary>The target naming the whole SIPAS index.</summary>
    public const string Whole = "SIPAS";

    /// <summary>Every target of a questionnaire: the whole index, its parts, then their components.</summary>
    public static IReadOnlyList<SipasTarget> Targets(SipasQuestionnaireSpec spec) =>
        new[] { new SipasTarget(Whole, "Chỉ số SIPAS (toàn bộ)") }
            .Concat(spec.Parts.Select(p => new SipasTarget(p.Code, p.Title)))
            .Concat(spec.Components.Select(c => new SipasTarget(c.Code, c.Title))).ToList();

    /// <summary>
    /// A default map: a criterion whose title names a component's (or a part's) title takes it, any other the whole index.
    /// </summary>
    public static Dictionary<string, string> Default(IEnumerable<FrameworkNode> surveyCriteria, SipasQuestionnaireSpec spec)
    {
        var components = spec.Components.Select(c => (c.Code, Key: Key(c.Title))).Where(c => c.Key.Length >= 5).ToList();
        var parts = spec.Parts.Select(p => (p.Code, Key: Key(p.Title))).Where(p => p.Key.Length >= 5).ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in surveyCriteria)
        {
            var title = VietnameseText.Fold(n.Title);
            map[n.Code] = components.FirstOrDefault(c => title.Contains(c.Key, StringComparison.Ordinal)).Code
                ?? parts.FirstOrDefault(p => title.Contains(p.Key, StringComparison.Ordinal)).Code ?? Whole;
        }
        return map;
    }

    /// <summary>A title without its numbering ("A. ", "Câu 9 – Phần II. "), folded for comparison.</summary>
    private static string Key(string title)
    {
        var dot = title.LastIndexOf(". ", StringComparison.Ordinal);
        return VietnameseText.Fold(dot >= 0 && dot < title.Length - 2 ? title[(dot + 2)..] : title).Trim();
    }

    /// <summary>The map as text, one "criterion=target" a line, in the criteria's order.</summary>
    public static string Format(IReadOnlyDictionary<string, string> map) =>
        string.Join("\n", map.OrderBy(kv => kv.Key, RuleText.CodeOrder).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>
    /// Reads a typed map against the framework's survey criteria and the questionnaire: every problem at once in
    /// Vietnamese; a survey criterion left out takes its default.
    /// </summary>
    public static (Dictionary<string, string> Map, List<string> Problems) Read(string? text, IReadOnlyCollection<FrameworkNode> surveyCriteria,
        SipasQuestionnaireSpec spec)
    {
        var map = Default(surveyCriteria, spec);
        var problems = new List<string>();
        var codes = surveyCriteria.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var targets = Targets(spec).Select(t => t.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                problems.Add($"Dòng \"{line}\": ghi dạng mã tiêu chí=SIPAS, mã phần (II) hoặc mã nhóm tiêu chí (II.A).");
            else if (!codes.Contains(parts[0]))
                problems.Add($"\"{parts[0]}\" không phải tiêu chí điều tra xã hội học của bộ chỉ số ({string.Join(", ", codes)}).");
            else if (!targets.Contains(parts[1]))
                problems.Add($"Tiêu chí {parts[0]}: \"{parts[1]}\" không phải SIPAS, một phần hay một nhóm tiêu chí của phiếu khảo sát.");
            else if (!seen.Add(parts[0])) problems.Add($"Tiêu chí {parts[0]} được ghi hai lần.");
            else map[parts[0]] = targets.First(t => string.Equals(t, parts[1], StringComparison.OrdinalIgnoreCase));
        }
        return (map, problems);
    }

    /// <summary>The percentage a target takes from an agency's result (null: nothing counted for it).</summary>
    public static decimal? Percent(SipasIndexResult result, string target) =>
        target == Whole ? result.Sipas
        : result.Parts.TryGetValue(target, out var part) ? part
        : result.Components.GetValueOrDefault(target);

    /// <summary>A criterion's points from the SIPAS percentage it is mapped to (its rule's bands, or % / 100 × max).</summary>
    public static decimal Points(FrameworkNode criterion, decimal percent) =>
        ScoringEngine.SurveyPoints(criterion.Rule ?? new ScoringRule("survey"), criterion.Max ?? 0, percent);

    /// <summary>
    /// The components of an agency's result below the target percentage (weakest first); components with nothing
    /// counted are left out.
    /// </summary>
    public static IReadOnlyList<(SipasComponent Component, decimal Percent)> Weak(SipasQuestionnaireSpec spec, SipasIndexResult result, decimal target) =>
        spec.Components.Select(c => (c, result.Components.GetValueOrDefault(c.Code)))
            .Where(x => x.Item2 is { } p && p < target).Select(x => (x.c, x.Item2!.Value)).OrderBy(x => x.Value).ToList();
}
