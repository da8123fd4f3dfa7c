namespace ParHub.Core.Scoring;

/// <summary>The maximum points of a framework's criteria set from a table (the Ministry's, for its preset), checked.</summary>
public static class FrameworkPoints
{
    /// <summary>
    /// The framework with the maxima of <paramref name="points"/> (by code; a parent not in the table gets the sum of its
    /// children's); refused when a code is not in the framework or a parent's max is not the sum of its children's.
    /// </summary>
    public static (Framework Framework, IReadOnlyList<string> Problems) Apply(Framework framework, IEnumerable<(string Code, decimal Max)> points)
    {
        var given = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var problems = new List<string>();
        var known = framework.Nodes.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, max) in points)
        {
            if (!known.Contains(code)) problems.Add($"Mã {code} không có trong bộ chỉ số.");
            else if (max < 0 || max > 1000) problems.Add($"{code}: điểm tối đa phải từ 0 đến 1.000.");
            else given[code] = max;
        }
        if (given.Count == 0 && problems.Count == 0) problems.Add("Bảng không có điểm tối đa của tiêu chí nào.");
        // The table's points replace the framework's; a parent the table leaves out is summed again from its children.
        var updated = framework with
        {
            Nodes = framework.Nodes.Select(n => n with
            {
                Max = given.TryGetValue(n.Code, out var m) ? m
                    : n.Rule is null && given.Keys.Any(k => k.StartsWith(n.Code + ".", StringComparison.Ordinal)) ? null : n.Max,
            }).ToList(),
        };
        updated = updated.WithParentSums();
        var codes = updated.Nodes.Select(n => n.Code).ToList();
        foreach (var n in updated.Nodes)
        {
            var children = updated.Nodes.Where(c => Framework.ParentOf(c.Code, codes) == n.Code).ToList();
            if (children.Count > 0 && n.Max is { } max && children.All(c => c.Max is not null) && children.Sum(c => c.Max!.Value) != max)
                problems.Add($"{n.Code}: điểm tối đa {Reports.VietnameseNumber.Format(max)} khác tổng của các tiêu chí con "
                    + $"({Reports.VietnameseNumber.Format(children.Sum(c => c.Max!.Value))}).");
        }
        return (updated, problems);
    }
}
