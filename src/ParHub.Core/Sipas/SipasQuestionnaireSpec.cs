namespace ParHub.Core.Sipas;

/// <summary>How item shares roll up: <c>mean</c> (component, part and SIPAS are means of the level below) or <c>pooled</c>.</summary>
public enum SipasAggregation
{
    /// <summary>Component = mean of its items' shares, part = mean of its components, SIPAS = mean of the parts.</summary>
    Mean,

    /// <summary>Component, part and SIPAS = satisfied answers over counted answers of all their items.</summary>
    Pooled,
}

/// <summary>A component of a part (e.g. II.A "Tiếp cận dịch vụ") and the codes of its items (questions).</summary>
public sealed record SipasComponent(string Code, string Title, IReadOnlyList<string> Items);

/// <summary>A part of the satisfaction question (e.g. II "Cung ứng dịch vụ hành chính công").</summary>
public sealed record SipasPart(string Code, string Title, IReadOnlyList<SipasComponent> Components);

/// <summary>
/// The satisfaction questionnaire as the index reads it: answers are levels 1..<see cref="Scale"/>, a level of at least
/// <see cref="SatisfiedFrom"/> is "satisfied" (4 "Hài lòng" and 5 "Rất hài lòng" on the 5-level scale).
/// </summary>
public sealed record SipasQuestionnaireSpec(string Code, int Scale, IReadOnlyList<SipasPart> Parts, int SatisfiedFrom = 4,
    SipasAggregation Aggregation = SipasAggregation.Mean)
{
    /// <summary>The names of <see cref="SipasAggregation"/> as the JSON writes them.</summary>
    public static readonly IReadOnlyList<string> AggregationNames = ["mean", "pooled"];

    public IEnumerable<SipasComponent> Components => Parts.SelectMany(p => p.Components);

    /// <summary>Every item code, in questionnaire order.</summary>
    public IEnumerable<string> Items => Components.SelectMany(c => c.Items);

    /// <summary>The aggregation named <c>mean</c> or <c>pooled</c>, or null for any other name.</summary>
    public static SipasAggregation? ParseAggregation(string name) => name switch
    {
        "mean" => SipasAggregation.Mean,
        "pooled" => SipasAggregation.Pooled,
        _ => null,
    };

    /// <summary>What makes the questionnaire unusable, in Vietnamese; empty when it can be computed.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Scale < 2) problems.Add($"Thang đo (scale) phải có ít nhất 2 mức, không phải {Scale}.");
        else if (SatisfiedFrom < 1 || SatisfiedFrom > Scale)
            problems.Add($"Mức tính là hài lòng (satisfiedFrom) phải từ 1 đến {Scale}, không phải {SatisfiedFrom}.");
        Duplicates(Parts.Select(p => p.Code), "Mã phần", problems);
        Duplicates(Components.Select(c => c.Code), "Mã nhóm tiêu chí", problems);
        Duplicates(Items, "Mã câu hỏi", problems);
        return problems;
    }

    private static void Duplicates(IEnumerable<string> codes, string what, List<string> problems)
    {
        foreach (var code in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"{what} \"{code}\" bị trùng.");
    }
}
