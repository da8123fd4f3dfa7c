using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// A table row whose cells a converter wrote as paragraphs, one after the other, the row's separators lost: after a
/// group row ("P. | MẶT TRẬN TỔ QUỐC VIỆT NAM"), the blank-line-separated paragraphs up to the next row or appendix are
/// the row's cells — when there are at least three of them and no more than the table has columns.
/// </summary>
public static class ParagraphRow
{
    private const int MaxLines = 60;

    /// <summary>The cells starting at <paramref name="start"/>, and the index of the line after them; null when the lines are prose.</summary>
    public static (List<string> Cells, int Next)? TryRead(IReadOnlyList<string> lines, int start, int width, Func<string, string> clean)
    {
        var cells = new List<string>();
        var paragraph = new List<string>();
        void EndParagraph()
        {
            if (paragraph.Count > 0) cells.Add(string.Join(" ", paragraph));
            paragraph.Clear();
        }
        for (var i = start; i < lines.Count && i - start <= MaxLines; i++)
        {
            var raw = lines[i];
            var text = clean(raw);
            var ends = raw.Contains('\t') || raw.Contains(" | ") || raw.TrimStart().StartsWith('#')
                || VietnameseText.Fold(text).StartsWith("phu luc", StringComparison.Ordinal);
            if (ends)
            {
                EndParagraph();
                return cells.Count >= 3 && cells.Count <= width ? (cells, i) : null;
            }
            if (text.Length == 0) EndParagraph();
            else paragraph.Add(text);
            if (cells.Count > width) return null;
        }
        return null;
    }
}
