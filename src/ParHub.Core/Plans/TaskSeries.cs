namespace ParHub.Core.Plans;

/// <summary>
/// The stored tasks of one document row: one task, or the occurrences of recurring work (same group and number, one
/// task per due). Re-import matches document rows to series by group and number — and, where a document repeats a
/// number in a group, by its occurrence in order.
/// </summary>
public static class TaskSeries
{
    /// <summary>Stored tasks (in their order) grouped into the series of the rows that made them.</summary>
    public static List<List<PlanTask>> Of(IEnumerable<PlanTask> ordered)
    {
        var series = new List<List<PlanTask>>();
        foreach (var t in ordered)
        {
            var last = series.Count > 0 ? series[^1] : null;
            var continues = last is not null && t.Occurrence is not null && last[0].Occurrence is not null
                && last[0].Group == t.Group && last[0].No == t.No && last.All(x => x.Occurrence != t.Occurrence);
            if (continues) last!.Add(t);
            else series.Add([t]);
        }
        return series;
    }

    /// <summary>For each row (its group and number), the series it updates, or null for a new task.</summary>
    public static List<List<PlanTask>?> Match(IReadOnlyList<(string? Group, string No)> rows, IReadOnlyList<List<PlanTask>> series)
    {
        var byKey = Keyed(series, s => (s[0].Group, s[0].No)).ToDictionary(x => x.Key, x => x.Item);
        return Keyed(rows, r => (r.Group, r.No)).Select(x => byKey.GetValueOrDefault(x.Key)).ToList();
    }

    private static IEnumerable<(((string?, string), int) Key, T Item)> Keyed<T>(IEnumerable<T> items, Func<T, (string?, string)> key)
    {
        var counts = new Dictionary<(string?, string), int>();
        foreach (var item in items)
        {
            var (g, no) = key(item);
            var k = (string.IsNullOrWhiteSpace(g) ? null : g.Trim(), no.Trim());
            counts[k] = counts.GetValueOrDefault(k) + 1;
            yield return ((k, counts[k]), item);
        }
    }
}
