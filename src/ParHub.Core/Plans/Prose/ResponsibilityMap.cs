using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans.Prose;

/// <summary>
/// Who leads which area, from a plan's section on responsibilities: under a heading naming an agency ("2.2. Sở Tư
/// pháp"), a sentence "Chủ trì … các nhiệm vụ về cải cách thể chế" (or "các nội dung về …; …") makes it the lead of
/// those topics. A task's lead is the agency of the topic closest to its area's heading, or of the programme the task
/// cites when a topic names one ("các nhiệm vụ về Đề án 06/CP" for a task on "Quyết định số 06/QĐ-TTg").
/// </summary>
internal sealed partial class ResponsibilityMap
{
    private sealed record Topic(string Agency, HashSet<string> Words, string? Document);

    [GeneratedRegex(@"\bchu tri\b[^.]*?\b(?:nhiem vu|noi dung)\s+ve\s+(?<topics>.+?)(?:\.(?:\s|$)|$)")] private static partial Regex Assignment();
    [GeneratedRegex(@"^(?:de an|nghi quyet|quyet dinh|chuong trinh|ke hoach|chi thi|ket luan)\s+(?:so\s+)?0*(?<n>[0-9]+)")]
    private static partial Regex Document();

    private static readonly HashSet<string> StopWords = ["va", "cac", "cua", "ve", "cho", "trong", "voi"];

    /// <summary>The least share of words an area's heading and a topic have in common for the topic to be the area's.</summary>
    private const double MinOverlap = 0.4;

    private readonly List<Topic> topics = [];

    public static ResponsibilityMap Of(IEnumerable<ProseNode> roots)
    {
        var map = new ResponsibilityMap();
        foreach (var node in ProseNode.All(roots).Where(n => n.Paragraph.Mark == ProseMark.Numbered))
        {
            if (Addressee.OfHeading(node.Paragraph.Body) is not { } addressee) continue;
            foreach (var text in node.Descendants().Select(d => d.Paragraph.Body).Prepend(addressee.Text))
                map.Read(addressee.Name, text);
        }
        return map;
    }

    public bool IsEmpty => topics.Count == 0;

    private void Read(string agency, string text)
    {
        foreach (Match m in Assignment().Matches(VietnameseText.FoldKeepingPunctuation(text)))
        {
            foreach (var topic in m.Groups["topics"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var document = Document().Match(topic) is { Success: true } d ? d.Groups["n"].Value : null;
                topics.Add(new Topic(agency, Words(topic), document));
            }
        }
    }

    /// <summary>The lead of a task under the given headings (innermost last); empty when no topic is close enough.</summary>
    public string LeadOf(IReadOnlyList<string> headings, string content)
    {
        var text = VietnameseText.FoldKeepingPunctuation(content);
        var cited = topics.FirstOrDefault(t => t.Document is { } n && Regex.IsMatch(text, $@"\b(?:so|de an)\s+0*{n}(?![0-9])"));
        if (cited is not null) return cited.Agency;
        var best = headings.Select(Words).SelectMany(h => topics.Select(t => (t.Agency, Score: Overlap(h, t.Words))))
            .OrderByDescending(x => x.Score).FirstOrDefault();
        return best.Score >= MinOverlap ? best.Agency : "";
    }

    private static HashSet<string> Words(string text) => VietnameseText.Words(text).Where(w => !StopWords.Contains(w)).ToHashSet();

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();
}
