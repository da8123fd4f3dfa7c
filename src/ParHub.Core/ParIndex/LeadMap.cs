using ParHub.Core.Scoring;

namespace ParHub.Core.ParIndex;

/// <summary>
/// Who leads what of the province's own index: "code=agency code" lines, a field ("2=STP") or a criterion ("2.4=VPUBND");
/// a criterion is led by the most specific line above it. The same map names the lead of each improvement task.
/// </summary>
public sealed class LeadMap
{
    private readonly Dictionary<string, string> entries;

    private LeadMap(Dictionary<string, string> entries) => this.entries = entries;

    /// <summary>Lines it cannot read ("abc", "=X") are left out; the last line for a code wins.</summary>
    public static LeadMap Parse(string? text) => new((text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Split('=', 2, StringSplitOptions.TrimEntries)).Where(p => p.Length == 2 && p[0].Length > 0 && p[1].Length > 0)
        .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, string> Entries => entries;

    /// <summary>The agency code that leads <paramref name="code"/>: its own line, else its parent's, up to its field's; null for none.</summary>
    public string? LeadOf(string code)
    {
        for (var c = code; c.Length > 0; c = c.LastIndexOf('.') is var i and > 0 ? c[..i] : "")
            if (entries.TryGetValue(c, out var agency)) return agency;
        return null;
    }

    /// <summary>The map with <paramref name="code"/> led by <paramref name="agency"/> (null or blank: the line removed).</summary>
    public LeadMap With(string code, string? agency)
    {
        var copy = new Dictionary<string, string>(entries, StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(agency)) copy.Remove(code.Trim()); else copy[code.Trim()] = agency.Trim();
        return new LeadMap(copy);
    }

    /// <summary>The lines in code order ("1=SNV\n2=STP\n2.4=VPUBND").</summary>
    public string Write() => string.Join("\n", entries.OrderBy(e => e.Key, RuleText.CodeOrder).Select(e => $"{e.Key}={e.Value}"));

    /// <summary>The scored criteria of <paramref name="framework"/> that <paramref name="agency"/> leads.</summary>
    public IReadOnlySet<string> CriteriaOf(Framework framework, string agency) => framework.Nodes
        .Where(n => n.Rule is not null && string.Equals(LeadOf(n.Code), agency, StringComparison.OrdinalIgnoreCase)).Select(n => n.Code).ToHashSet();
}
