using System.Text.Json;

namespace ParHub.Core.Registries;

/// <summary>
/// One entry of a registry (<see cref="RegistryKind"/>): the agency it belongs to (who records it and reports it), the
/// agency it is about when that is another (<see cref="SubjectAgencyId"/>: the inspected agency), its date, its values by
/// column key (JSON, stored as <see cref="RegistryValues"/> reads them), an optional attached file, and who changed it last.
/// </summary>
public class RegistryEntry
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public int AgencyId { get; set; }
    public int? SubjectAgencyId { get; set; }
    /// <summary>The ParHub plan and task the entry is about, from its plan and task columns (CCHC funds of a plan or a task).</summary>
    public int? PlanId { get; set; }
    public int? TaskId { get; set; }
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public string Values { get; set; } = "{}";
    public string? FileName { get; set; }
    public string? StoredName { get; set; }
    public long FileLength { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    /// <summary>Optimistic concurrency: an edit over a version somebody else replaced is refused, not lost.</summary>
    public int Version { get; set; }
    public List<InspectionFinding> Findings { get; set; } = [];

    public IReadOnlyDictionary<string, string> ValueMap => Parse(Values);

    public static IReadOnlyDictionary<string, string> Parse(string json)
    {
        try { return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []; }
        catch (JsonException) { return new Dictionary<string, string>(); }
    }

    public void Set(DateOnly date, IReadOnlyDictionary<string, string> values, RegistryKind kind)
    {
        Date = date;
        Year = date.Year;
        Values = JsonSerializer.Serialize(values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value));
        SubjectAgencyId = kind.Subject is { } s ? RegistryValues.Id(values, s) : null;
        PlanId = kind.Columns.Where(c => c.Type == ColumnType.Plan).Select(c => RegistryValues.Id(values, c.Key)).FirstOrDefault(id => id is not null);
        TaskId = kind.Columns.Where(c => c.Type == ColumnType.Task).Select(c => RegistryValues.Id(values, c.Key)).FirstOrDefault(id => id is not null);
    }

    public RegistryFact Fact => new(AgencyId, Date, ValueMap);
}

/// <summary>
/// A shortcoming an inspection found (tồn tại, hạn chế): what must be remedied and by when. Its remedy is tracked as a task
/// of the inspected agency (<see cref="TaskId"/>); the finding is remedied when that task is done.
/// </summary>
public class InspectionFinding
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public string Text { get; set; } = "";
    public DateOnly Due { get; set; }
    public int TaskId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
