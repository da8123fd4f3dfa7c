namespace ParHub.Core.Tthc;

/// <summary>A stored version of the service index configuration (table <c>service_index_configs</c>): never changed, only followed.</summary>
public class ServiceIndexConfigRecord
{
    public int Id { get; set; }
    public int Version { get; set; }
    /// <summary><see cref="ServiceIndexConfig.ToJson"/>.</summary>
    public string Json { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>One agency's tally as published: the figures stay as they were on the day, whatever is imported later.</summary>
public sealed record PublishedAgency(int? AgencyId, string Code, string Name, DossierTally Tally);

/// <summary>
/// The service index of a period published by a decision (table <c>tthc_publications</c>): the tallies of every agency
/// and the configuration used, frozen, so that the public page shows exactly what was decided.
/// </summary>
public class TthcPublication
{
    public int Id { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The publishing decision: its number and date ("Quyết định số …/QĐ-UBND ngày …").</summary>
    public string Decision { get; set; } = "";
    /// <summary><see cref="ServiceIndexConfig.ToJson"/> of the configuration the figures were scored with.</summary>
    public string Config { get; set; } = "";
    /// <summary>JSON array of <see cref="PublishedAgency"/>, the province last.</summary>
    public string Figures { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
}
