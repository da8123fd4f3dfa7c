using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Audit;

namespace ParHub.Core.Tests.Audit;

public class FieldChangesTests
{
    [Fact]
    public void Lists_changed_added_and_removed_fields_only()
    {
        var before = new Dictionary<string, string?> { ["Name"] = "Sở A", ["Phone"] = "1", ["Email"] = null, ["Gone"] = "x" };
        var after = new Dictionary<string, string?> { ["Name"] = "Sở B", ["Phone"] = "1", ["Email"] = "a@b.vn", ["New"] = "y" };
        var changes = FieldChanges.Between(before, after);
        Assert.Equal(
            [new("Name", "Sở A", "Sở B"), new("Email", null, "a@b.vn"), new("Gone", "x", null), new("New", null, "y")],
            changes);
    }

    [Fact]
    public void No_change_between_equal_snapshots_and_every_difference_is_listed() =>
        Prop.ForAll(ArbMap.Default.ArbFor<Dictionary<string, string?>>(), ArbMap.Default.ArbFor<Dictionary<string, string?>>(),
            (Dictionary<string, string?> a, Dictionary<string, string?> b) =>
            {
                var same = FieldChanges.Between(a, new Dictionary<string, string?>(a)).Count == 0;
                var changed = FieldChanges.Between(a, b).Select(c => c.Field).ToHashSet();
                var expected = a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).ToHashSet();
                return same && changed.SetEquals(expected);
            }).CheckReplayable();
}
