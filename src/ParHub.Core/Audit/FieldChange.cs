namespace ParHub.Core.Audit;

/// <summary>One changed field of an audited entity: its old and new value as text (null when absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

public static class FieldChanges
{
    /// <summary>The fields whose values differ between two snapshots, in the order of the field names given.</summary>
    public static IReadOnlyList<FieldChange> Between(
        IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var fields = before.Keys.Concat(after.Keys).Distinct();
        var changes = new List<FieldChange>();
        foreach (var field in fields)
        {
            before.TryGetValue(field, out var old);
            after.TryGetValue(field, out var @new);
            if (!string.Equals(old, @new, StringComparison.Ordinal)) changes.Add(new FieldChange(field, old, @new));
        }
        return changes;
    }
}
