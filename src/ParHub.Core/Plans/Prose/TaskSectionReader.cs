using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans.Prose;

/// <summary>
/// Tasks written as the items of a section that names them ("II. NHIỆM VỤ TRỌNG TÂM", "2. Nhiệm vụ 6 tháng cuối năm
/// 2024", "III. NHIỆM VỤ VÀ GIẢI PHÁP"). Under its headings, each lettered item is a task, unless it introduces items
/// of its own: then each "-" or "+" item below it is one, with the deeper items it holds as its details; an unmarked
/// paragraph right after an introduction ending in a colon is one too (an item that lost its mark). A task's lead is
/// its heading's addressee, else the agency the plan's responsibilities give its area (<see cref="ResponsibilityMap"/>);
/// its time, a deadline of its own or the period its section's heading names.
/// </summary>
public static partial class TaskSectionReader
{
    [GeneratedRegex(@"^(?:cac )?(?:phuong huong )?nhiem vu\b")] private static partial Regex TaskHeading();

    public static List<TaskDraft> Read(IReadOnlyList<string> lines) => Read(ProseNode.Forest(ProseParagraphs.Read(lines)));

    internal static List<TaskDraft> Read(List<ProseNode> roots)
    {
        var tasks = new List<TaskDraft>();
        var leads = ResponsibilityMap.Of(roots);
        foreach (var section in Sections(roots))
            Collect(section, [], leads, tasks);
        return tasks;
    }

    private static bool NamesTasks(ProseParagraph p) => p.IsHeading && TaskHeading().IsMatch(VietnameseText.Fold(p.Body));

    /// <summary>The outermost headings that name tasks.</summary>
    private static IEnumerable<ProseNode> Sections(IEnumerable<ProseNode> nodes) =>
        nodes.SelectMany(n => NamesTasks(n.Paragraph) ? [n] : Sections(n.Children));

    /// <summary>The tasks under a heading or an introducing item, with the headings above it (outermost first).</summary>
    private static void Collect(ProseNode container, List<ProseParagraph> headings, ResponsibilityMap leads, List<TaskDraft> tasks)
    {
        var path = container.Paragraph.IsHeading ? [.. headings, container.Paragraph] : headings;
        for (var i = 0; i < container.Children.Count; i++)
        {
            var child = container.Children[i];
            var p = child.Paragraph;
            var introduces = child.Children.Any(c => c.Paragraph.Mark is ProseMark.Dash or ProseMark.Plus)
                || p.EndsIntro && child.Children.Count > 0;
            switch (p.Mark)
            {
                case ProseMark.Section or ProseMark.Numbered when child.Children.Count > 0:
                case ProseMark.Letter when introduces:
                    Collect(child, path, leads, tasks);
                    break;
                case ProseMark.Section or ProseMark.Numbered or ProseMark.Letter or ProseMark.Dash or ProseMark.Plus:
                    tasks.Add(Task(child, path, leads));
                    break;
                case ProseMark.None when i == 0 && container.Paragraph.EndsIntro && !container.Paragraph.IsHeading:
                    tasks.Add(Task(child, path, leads));
                    break;
            }
        }
    }

    private static TaskDraft Task(ProseNode node, List<ProseParagraph> headings, ResponsibilityMap leads)
    {
        var p = node.Paragraph;
        var content = VietnameseText.CollapseWhitespace(node.TextWithDetails());
        var titles = headings.Select(h => h.Body).ToList();
        var lead = headings.Select(h => Addressee.OfHeading(h.Body)?.Name).LastOrDefault(n => n is not null)
            ?? leads.LeadOf(titles, content);
        var timeframe = ProseTimeframe.FromText(content) is { Length: > 0 } own ? own
            : headings.Where(NamesTasks).Select(h => ProseTimeframe.FromHeading(h.Body)).LastOrDefault(t => t.Length > 0) ?? "";
        var group = headings.Count > 0 ? headings[^1].Body.TrimEnd(':') : null;
        var no = p.Mark is ProseMark.Letter or ProseMark.Numbered ? p.No : "";
        return new TaskDraft(no, group, content, lead, "", "", timeframe, null, null, p.Line, []);
    }
}
