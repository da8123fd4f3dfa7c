namespace ParHub.Web.Data;

/// <summary>One append-only line of the audit log: who changed what, when, from which values to which.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>create, update, import, delete, sign-in…</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The agency the change belongs to, for scoping who may read it.</summary>
    public int? AgencyId { get; set; }
    public string? Summary { get; set; }
    /// <summary>JSON array of {field, old, new}.</summary>
    public string Changes { get; set; } = "[]";
}

/// <summary>A personal API token; only its SHA-256 hash is stored.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
