using System.Text.Json;

namespace ParHub.Core.Plans;

/// <summary>The plan's header fields as the last import read them from the document (see <see cref="ImportedTask"/>).</summary>
public sealed record ImportedHeader(string? Title, string? Issuer)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static ImportedHeader? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<ImportedHeader>(json); }
        catch (JsonException) { return null; }
    }
}
