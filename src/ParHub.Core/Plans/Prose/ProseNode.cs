namespace ParHub.Core.Plans.Prose;

/// <summary>A paragraph with the paragraphs it holds: the items under a heading, the "+" steps under a "-" item.</summary>
internal sealed class ProseNode(ProseParagraph paragraph)
{
    public ProseParagraph Paragraph { get; } = paragraph;
    public List<ProseNode> Children { get; } = [];

    /// <summary>
    /// The paragraphs nested by their marks: each holds those below it of a deeper rank, up to one of its own rank or
    /// higher. Unmarked paragraphs are the deepest, so they belong to the item above them.
    /// </summary>
    public static List<ProseNode> Forest(IEnumerable<ProseParagraph> paragraphs)
    {
        var roots = new List<ProseNode>();
        var open = new Stack<ProseNode>();
        foreach (var paragraph in paragraphs)
        {
            var node = new ProseNode(paragraph);
            while (open.Count > 0 && open.Peek().Paragraph.Rank >= paragraph.Rank) open.Pop();
            (open.Count > 0 ? open.Peek().Children : roots).Add(node);
            open.Push(node);
        }
        return roots;
    }

    /// <summary>This node and all it holds, in document order.</summary>
    public IEnumerable<ProseNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    /// <summary>
    /// The item's text with the marked items it holds (its "+" steps); unmarked paragraphs below it only when it
    /// introduces them with a colon.
    /// </summary>
    public string TextWithDetails()
    {
        var details = Children.Where(c => c.Paragraph.Mark != ProseMark.None || Paragraph.EndsIntro).Select(c => c.Paragraph.Text);
        return string.Join(" ", details.Prepend(Paragraph.Body));
    }

    public static IEnumerable<ProseNode> All(IEnumerable<ProseNode> roots) => roots.SelectMany(r => r.Descendants().Prepend(r));
}
