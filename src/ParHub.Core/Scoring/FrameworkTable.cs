using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Scoring;

/// <summary>
/// A framework as the table people exchange (Mã | Lĩnh vực, tiêu chí | Điểm tối đa | Cách chấm | Tài liệu kiểm chứng) and
/// back. The "Cách chấm" cell carries the rule as ParHub writes it — "rate-bands: 100=3; 75=2 [reports.ontime]" — so an
/// exported table imports to the same framework; in other documents a method that speaks of a survey ("điều tra xã hội
/// học") becomes <c>survey</c> and every other criterion without sub-criteria <c>manual</c>.
/// </summary>
public static partial class FrameworkTable
{
    public static readonly string[] Header =
        ["Mã", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Cách chấm", "Tài liệu kiểm chứng"];

    /// <summary>The rule as the "Cách chấm" cell writes it ("" for a node that groups others).</summary>
    public static string Method(FrameworkNode n)
    {
        if (n.Rule is null) return "";
        var parameters = RuleText.Format(n.Rule);
        return n.Rule.Type + (parameters.Length > 0 ? ": " + parameters : "") + (n.Source is { } s ? $" [{s}]" : "");
    }

    public static IEnumerable<string?[]> Rows(Framework f) =>
        f.Nodes.Select(n => new[] { n.Code, n.Title, n.Max is { } m ? Reports.VietnameseNumber.Format(m) : null, Method(n), n.Evidence });

    /// <summary>
    /// A framework from a table's rows: an un-numbered row gets the next free code under its parent (the row under "1.2"
    /// becomes "1.2.1"); a rule in ParHub's own notation is kept; a wrong one is a <see cref="FormatException"/>.
    /// </summary>
    public static Framework Build(string code, string title, IReadOnlyList<ExtractedNode> rows)
    {
        var used = rows.Where(r => r.Code is not null).Select(r => r.Code!).ToHashSet();
        var coded = new List<(string Code, ExtractedNode Row)>();
        foreach (var r in rows)
        {
            var c = r.Code;
            if (c is null)
            {
                if (r.Parent is null) continue;
                var k = 1;
                while (used.Contains($"{r.Parent}.{k}")) k++;
                used.Add(c = $"{r.Parent}.{k}");
            }
            coded.Add((c, r));
        }
        var codes = coded.Select(x => x.Code).ToList();
        var nodes = coded.Select(x =>
        {
            var hasChildren = codes.Any(c => Framework.ParentOf(c, codes) == x.Code);
            var (rule, source) = hasChildren ? (null, null) : Rule(x.Row.Method, x.Code);
            return new FrameworkNode(x.Code, x.Row.Title, x.Row.Max, rule, x.Row.Evidence, source);
        }).ToList();
        return new Framework(code, title, [new("A", 90), new("B", 80), new("C", 70), new("D", 0)], 0, 0, nodes);
    }

    private static (ScoringRule Rule, string? Source) Rule(string? method, string code)
    {
        var m = Notation().Match(method?.Trim() ?? "");
        if (m.Success && ScoringRule.Types.Contains(m.Groups["type"].Value))
        {
            try { return (RuleText.Parse(m.Groups["type"].Value, m.Groups["params"].Value), m.Groups["source"].Success ? m.Groups["source"].Value : null); }
            catch (FormatException e) { throw new FormatException($"{code}: {e.Message}"); }
        }
        return (new ScoringRule(VietnameseText.Fold(method ?? "").Contains("dieu tra") ? "survey" : "manual"), null);
    }

    [GeneratedRegex(@"^(?<type>[a-z-]+)(:\s*(?<params>[^\[]*?))?\s*(\[(?<source>[a-z0-9._-]+)\])?$")] private static partial Regex Notation();
}
