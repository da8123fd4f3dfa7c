using System.Text.Json;
using ParHub.Core.Audit;
using ParHub.Web.App;
using ParHub.Web.Data;
using Json = ParHub.Web.App.Json;

namespace ParHub.Web.Features.Audit;

/// <summary>
/// Writes audit entries into the same unit of work as the change they describe, so a change and its audit line
/// are committed (or rolled back) together. Entries are never updated or deleted.
/// </summary>
public sealed class AuditLog(ParHubDbContext db, ICurrentUser user, TimeProvider clock)
{
    public AuditEntry Record(string action, string entityType, string entityId, int? agencyId,
        string? summary, IReadOnlyList<FieldChange> changes)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            UserName = user.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            AgencyId = agencyId,
            Summary = summary is { Length: > 500 } ? summary[..500] : summary,
            Changes = JsonSerializer.Serialize(changes.Select(c => new { field = c.Field, old = c.Old, @new = c.New }),
                Json.Options),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public AuditEntry RecordChange(string entityType, string entityId, int? agencyId, string? summary,
        IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = FieldChanges.Between(before ?? new Dictionary<string, string?>(), after);
        return Record(before is null ? "create" : "update", entityType, entityId, agencyId, summary, changes);
    }

    public static IReadOnlyList<FieldChange> ParseChanges(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.EnumerateArray().Select(e => new FieldChange(
                e.GetProperty("field").GetString() ?? "",
                e.TryGetProperty("old", out var o) ? o.GetString() : null,
                e.TryGetProperty("new", out var n) ? n.GetString() : null)).ToList();
        }
        catch (JsonException) { return []; }
    }
}
