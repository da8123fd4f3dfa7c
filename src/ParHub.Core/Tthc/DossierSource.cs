using System.Text.Json;

namespace ParHub.Core.Tthc;

/// <summary>
/// A system whose dossier exports ParHub imports (table <c>dossier_sources</c>): its name and how its file's titles map
/// to ParHub's columns, remembered from the last import applied from it, so that the next export maps itself.
/// </summary>
public class DossierSource
{
    public const int MaxName = 200;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>JSON object: column code (<see cref="DossierCsv.Columns"/>) → the file's title for it.</summary>
    public string Mapping { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public IReadOnlyDictionary<string, string> Columns() => Parse(Mapping);

    /// <summary>A stored mapping read back: only known columns and non-empty titles; anything unreadable is no mapping.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return result;
        try
        {
            foreach (var (column, title) in JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [])
                if (DossierCsv.Columns.Contains(column) && !string.IsNullOrWhiteSpace(title)) result[column] = title.Trim();
        }
        catch (JsonException) { }
        return result;
    }

    public static string ToJson(IReadOnlyDictionary<string, string> mapping) =>
        JsonSerializer.Serialize(DossierCsv.Columns.Where(mapping.ContainsKey).ToDictionary(c => c, c => mapping[c]));
}
