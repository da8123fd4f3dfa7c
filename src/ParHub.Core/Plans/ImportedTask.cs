using System.Text.Json;

namespace ParHub.Core.Plans;

/// <summary>
/// A task's fields as an import read them from the document, before any correction in the preview or afterwards;
/// stored with the task so that the next import can tell a hand correction from a change in the document.
/// </summary>
public sealed record ImportedTask(string? Content, string? Lead, string? Cooperating, string? Product, string? Timeframe,
    string? Requirement = null)
{
    public static readonly string[] Fields = ["Content", "Requirement", "Lead", "Cooperating", "Product", "Timeframe"];

    public string? this[string field] => field switch
    {
        "Content" => Content,
        "Lead" => Lead,
        "Cooperating" => Cooperating,
        "Product" => Product,
        "Timeframe" => Timeframe,
        "Requirement" => Requirement,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The stored snapshot, or null where there is none (a task imported before snapshots were kept) or it is unreadable.</summary>
    public static ImportedTask? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<ImportedTask>(json); }
        catch (JsonException) { return null; }
    }

    /// <summary>The same fields of a stored task.</summary>
    public static ImportedTask Of(PlanTask t) => new(t.Content, t.LeadText, t.CooperatingText, t.Product, t.TimeframeText, t.Requirement);
}
