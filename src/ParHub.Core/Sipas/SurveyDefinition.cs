using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParHub.Core.Sipas;

/// <summary>How an item is answered.</summary>
public enum ItemType { Scale5, Scale4, OneChoice, ManyChoices, YesNo, Text }

/// <summary>
/// One question of a questionnaire. <see cref="Code"/> is stable across versions, so that results compare;
/// <see cref="ShowIf"/> ("8.c=1") asks it only when another item has that answer. A <see cref="Hidden"/> item was deleted
/// after it had answers: it is no longer asked, but its code stays reserved so its answers keep their meaning.
/// </summary>
public sealed record SurveyItem(string Code, string Text, ItemType Type, IReadOnlyList<string>? Options = null, bool Required = false,
    string? ShowIf = null, bool Hidden = false)
{
    /// <summary>Whether the item is asked, given the answers so far (not hidden, and its condition met).</summary>
    public bool Asked(IReadOnlyDictionary<string, string> answers) => !Hidden && SurveyDefinition.Shown(ShowIf, answers);

    /// <summary>The labels of the levels or choices, in order; the value of an answer is its position from 1.</summary>
    public IReadOnlyList<string> Choices => Type switch
    {
        ItemType.Scale5 => SurveyScales.Five,
        ItemType.Scale4 => Options is { Count: 4 } o ? o : SurveyScales.Four,
        ItemType.YesNo => SurveyScales.YesNo,
        _ => Options ?? [],
    };
}

/// <summary>A group of items under one heading (a component of the index, or a question with its rows).</summary>
public sealed record SurveyComponent(string Code, string Title, IReadOnlyList<SurveyItem> Items);

/// <summary>A page of the form. A section that <see cref="IsIndexPart"/> is a part of the SIPAS index (its components, its items).</summary>
public sealed record SurveySection(string Code, string Title, IReadOnlyList<SurveyComponent> Components, bool IsIndexPart = false,
    string? ShowIf = null);

/// <summary>
/// A questionnaire version, stored as one JSON document: its sections (pages), the scale and the level from which an
/// answer counts as satisfied, and how the index aggregates.
/// </summary>
public sealed record SurveyDefinition(string Code, string Title, int Scale, int SatisfiedFrom, string Aggregation,
    IReadOnlyList<SurveySection> Sections)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public IEnumerable<SurveyItem> Items => Sections.SelectMany(s => s.Components).SelectMany(c => c.Items);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The index parts, their components and items, as the index computes them.</summary>
    public SipasQuestionnaireSpec IndexSpec() => new(Code, Scale,
        Sections.Where(s => s.IsIndexPart).Select(s => new SipasPart(s.Code, s.Title,
            s.Components.Select(c => new SipasComponent(c.Code, c.Title, c.Items.Select(i => i.Code).ToList())).ToList())).ToList(),
        SatisfiedFrom, SipasQuestionnaireSpec.ParseAggregation(Aggregation) ?? SipasAggregation.Mean);

    public static SurveyDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<SurveyDefinition>(json, Json) ?? throw new JsonException("empty questionnaire");

    /// <summary>Whether an item (or section) with condition <paramref name="showIf"/> is asked, given the answers so far.</summary>
    public static bool Shown(string? showIf, IReadOnlyDictionary<string, string> answers)
    {
        if (string.IsNullOrWhiteSpace(showIf)) return true;
        var eq = showIf.IndexOf('=');
        if (eq <= 0) return true;
        var code = showIf[..eq].Trim();
        var wanted = showIf[(eq + 1)..].Trim();
        return answers.TryGetValue(code, out var given) && given.Split(',').Contains(wanted);
    }
}

/// <summary>The answer scales of the Ministry's questionnaire.</summary>
public static class SurveyScales
{
    public static readonly IReadOnlyList<string> Five = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];
    public static readonly IReadOnlyList<string> Four = ["Không phù hợp", "Ít phù hợp", "Phù hợp", "Rất phù hợp"];
    public static readonly IReadOnlyList<string> Follow = ["Không theo dõi", "Khá theo dõi", "Quan tâm theo dõi", "Rất quan tâm theo dõi"];
    public static readonly IReadOnlyList<string> Expect = ["Không cần", "Ít cần", "Cần", "Rất cần"];
    public static readonly IReadOnlyList<string> YesNo = ["Có", "Không"];
}
