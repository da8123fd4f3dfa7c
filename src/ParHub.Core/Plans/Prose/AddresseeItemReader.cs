using ParHub.Core.Text;

namespace ParHub.Core.Plans.Prose;

/// <summary>
/// Tasks a directive gives under headings that name who is to do them: "2. Sở Khoa học và Công nghệ" followed by
/// "a) …", "b) …". Each lettered item is a task led by the heading's addressee (its "-" items are its details); a
/// heading without lettered items gives its "-" items instead. The heading itself is the group.
/// </summary>
public static class AddresseeItemReader
{
    public static List<TaskDraft> Read(IReadOnlyList<string> lines) => Read(ProseNode.Forest(ProseParagraphs.Read(lines)));

    internal static List<TaskDraft> Read(List<ProseNode> roots)
    {
        var tasks = new List<TaskDraft>();
        foreach (var heading in ProseNode.All(roots).Where(n => n.Paragraph.IsHeading))
        {
            if (Addressee.OfHeading(heading.Paragraph.Body) is not { Text.Length: 0 } addressee) continue;
            var letters = heading.Children.Where(c => c.Paragraph.Mark == ProseMark.Letter).ToList();
            var items = letters.Count > 0 ? letters : heading.Children.Where(c => c.Paragraph.Mark == ProseMark.Dash).ToList();
            foreach (var item in items)
            {
                var content = VietnameseText.CollapseWhitespace(item.TextWithDetails());
                tasks.Add(new TaskDraft(item.Paragraph.Mark == ProseMark.Letter ? item.Paragraph.No : "", addressee.Name, content,
                    addressee.Name, "", "", ProseTimeframe.FromText(content), null, null, item.Paragraph.Line, []));
            }
        }
        return tasks;
    }
}
