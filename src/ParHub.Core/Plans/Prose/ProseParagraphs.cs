using System.Text;
using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans.Prose;

/// <summary>The mark a paragraph of prose opens with, from the outermost level to the innermost.</summary>
internal enum ProseMark { Section, Numbered, Letter, Dash, Plus, None }

/// <summary>A paragraph as written: its text, first line (1-based), mark, number ("II", "2.1", "a") and text after the mark.</summary>
internal sealed record ProseParagraph(string Text, int Line, ProseMark Mark, string No, string Body)
{
    /// <summary>How deep the paragraph sits: sections 0, "1." 1, "1.1." 2 …, "a)" 6, "-" 7, "+" 8, unmarked 9.</summary>
    public int Rank => Mark switch
    {
        ProseMark.Section => 0,
        ProseMark.Numbered => Math.Min(5, 1 + No.Count(c => c == '.')),
        ProseMark.Letter => 6,
        ProseMark.Dash => 7,
        ProseMark.Plus => 8,
        _ => 9,
    };

    public bool IsHeading => Mark is ProseMark.Section or ProseMark.Numbered;

    /// <summary>The paragraph introduces what follows ("… cụ thể như sau:").</summary>
    public bool EndsIntro => Text.EndsWith(':');
}

/// <summary>
/// The body of a document as paragraphs: lines joined up to a blank line or the start of a new item, table rows left
/// out. A paragraph that goes on after a page break joins the one above: it opens in lower case or a digit, or
/// follows an item that ends without punctuation ("… của thành phố Hải" / "Phòng năm 2024-2025."). The body ends at
/// "Nơi nhận".
/// </summary>
internal static partial class ProseParagraphs
{
    [GeneratedRegex(@"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")] private static partial Regex Emphasis();
    [GeneratedRegex(@"^#{1,6}\s*")] private static partial Regex HeadingMark();
    [GeneratedRegex(@"^(?:(?<no>[IVXLC]+|[A-ZĐ])[.)]\s+|(?:Điều|Phần|Chương|Mục)\s+(?<no>[0-9IVXLC]+)\s*[.:]?\s*)(?=\S)")]
    private static partial Regex Section();
    [GeneratedRegex(@"^(?<no>[0-9]{1,2}(?:\.[0-9]{1,2})*)[.)]\s+(?=\S)")] private static partial Regex Numbered();
    [GeneratedRegex(@"^(?<no>[a-zđ])[.)]\s+(?=\S)")] private static partial Regex Letter();
    [GeneratedRegex(@"^[-–—•]\s*(?=\S)")] private static partial Regex Dash();
    [GeneratedRegex(@"^\+\s*(?=\S)")] private static partial Regex Plus();

    public static List<ProseParagraph> Read(IReadOnlyList<string> lines)
    {
        var paragraphs = new List<ProseParagraph>();
        var text = new StringBuilder();
        var start = 0;
        var afterBlank = false;

        void End()
        {
            if (text.Length == 0) return;
            var paragraph = Classify(text.ToString(), start);
            text.Clear();
            if (afterBlank && paragraphs.Count > 0 && GoesOn(paragraphs[^1], paragraph))
                paragraphs[^1] = Classify(paragraphs[^1].Text + " " + paragraph.Text, paragraphs[^1].Line);
            else
                paragraphs.Add(paragraph);
            afterBlank = false;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i];
            if (raw.Contains('\t') || raw.Contains(" | "))
            {
                End();
                afterBlank = false;
                continue;
            }
            var line = VietnameseText.CollapseWhitespace(Emphasis().Replace(raw, ""));
            if (line.Length == 0)
            {
                End();
                afterBlank = true;
                continue;
            }
            if (VietnameseText.Fold(line).StartsWith("noi nhan", StringComparison.Ordinal)) break;
            if (text.Length > 0 && Classify(line, 0).Mark != ProseMark.None) End();
            if (text.Length == 0) start = i + 1;
            else text.Append(' ');
            text.Append(line);
        }
        End();
        return paragraphs;
    }

    /// <summary>An unmarked paragraph after a page break that goes on from the paragraph above.</summary>
    private static bool GoesOn(ProseParagraph above, ProseParagraph next)
    {
        if (next.Mark != ProseMark.None) return false;
        if (char.IsLower(next.Text[0]) || char.IsDigit(next.Text[0])) return true;
        return above.Mark is ProseMark.Letter or ProseMark.Dash or ProseMark.Plus && !".;:!?)”\"…".Contains(above.Text[^1]);
    }

    public static ProseParagraph Classify(string text, int line)
    {
        if (HeadingMark().Match(text) is { Success: true, Length: > 0 } h)
        {
            var inner = Classify(text[h.Length..], line);
            return inner.Mark == ProseMark.None ? inner with { Mark = ProseMark.Section } : inner;
        }
        foreach (var (pattern, mark) in Marks)
        {
            var m = pattern.Match(text);
            if (m.Success) return new ProseParagraph(text, line, mark, m.Groups["no"].Value, text[m.Length..]);
        }
        return new ProseParagraph(text, line, ProseMark.None, "", text);
    }

    private static readonly (Regex Pattern, ProseMark Mark)[] Marks =
    [
        (Section(), ProseMark.Section), (Numbered(), ProseMark.Numbered), (Letter(), ProseMark.Letter),
        (Dash(), ProseMark.Dash), (Plus(), ProseMark.Plus),
    ];
}
