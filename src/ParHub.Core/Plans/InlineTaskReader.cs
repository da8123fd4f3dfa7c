using System.Text;
using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// Reads tasks written inline, without a table: a task's text (a numbered item, a "-" bullet, a paragraph) followed
/// by a block of labels — "Cơ quan chủ trì: …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …", "Sản phẩm: …" —
/// one label a paragraph or several on one line, values wrapped over lines. "a) Nhiệm vụ: …" gives the task's text
/// itself; "Nội dung: …" is kept as its note. Bullets that share one label block are one task; a heading without labels
/// of its own is a group, and the text between two label blocks is the next task. Pure: text in, drafts out.
/// </summary>
public static partial class InlineTaskReader
{
    private enum Label { Lead, Cooperating, Timeframe, Product, Content, Note }

    private sealed record Paragraph(string Text, int Line);

    private sealed record Heading(int Depth, string No, string Title);

    /// <summary>A label block while it is being read, with the text it belongs to.</summary>
    private sealed class Block(string content, string no, string? group, int line)
    {
        public string Content = content;
        public readonly string No = no;
        public readonly string? Group = group;
        public readonly int Line = line;
        public readonly List<(Label Kind, List<string> Values)> Labels = [];

        /// <summary>
        /// The last label has no value on its line ("Thời gian thực hiện:"): the paragraphs below it are its value, up to
        /// one marked as the label is (the next "-" item after "- Thời gian thực hiện:" with its "+" steps).
        /// </summary>
        public bool ValueOpen;

        public string LabelMark = "";

        public string Value(Label kind, string separator) =>
            string.Join(separator, Labels.Where(l => l.Kind == kind).Select(l => Joined(l.Values, separator)).Where(v => v.Length > 0));

        private static string Joined(List<string> values, string separator) =>
            string.Join(separator, values.Select(TrimValue).Where(v => v.Length > 0));

        /// <summary>A task names who leads it, or at least two of its other fields; a lone "Thời gian thực hiện" is not one.</summary>
        public bool IsTask =>
            Content.Length > 0 && Labels.Any(l => Joined(l.Values, " ").Length > 0)
            && (Labels.Any(l => l.Kind == Label.Lead && Joined(l.Values, " ").Length > 0)
                || Labels.Where(l => l.Kind is Label.Cooperating or Label.Timeframe or Label.Product && Joined(l.Values, " ").Length > 0)
                    .Select(l => l.Kind).Distinct().Count() >= 2);

        public TaskDraft ToDraft()
        {
            var own = Labels.Where(l => l.Kind == Label.Content).SelectMany(l => l.Values)
                .Select((v, i) => VietnameseText.CollapseWhitespace(i == 0 ? Bullet().Replace(v, "") : v)).Where(v => v.Length > 0);
            var content = string.Join(" ", own) is { Length: > 0 } written ? written : Content;
            var note = Value(Label.Note, " ");
            return new TaskDraft(No, Group, content, Actors(Value(Label.Lead, "; ")), Value(Label.Cooperating, "; "),
                Value(Label.Product, "; "), Value(Label.Timeframe, "; "), note.Length > 0 ? note : null, null, Line, []);
        }
    }

    [GeneratedRegex(@"\*\*|__")] private static partial Regex Emphasis();
    [GeneratedRegex(@"^(?:[-+•–]|[a-zđ][.)](?=\s)|\([a-zđ0-9]{1,3}\))\s*")] private static partial Regex Bullet();
    [GeneratedRegex(@"^([a-zđ])[.)]\s")] private static partial Regex LetterBullet();
    [GeneratedRegex(@"^(?<no>[0-9]{1,2}(?:\.[0-9]{1,2})+\.?|[0-9]{1,2}[.)])\s+(?=\S)")] private static partial Regex Numbered();
    [GeneratedRegex(@"^(?:[IVXLC]+[.)]|[A-ZĐ][.)]|Điều\s+[0-9]+[.:]?|Phần\s+[IVX0-9]+[.:]?|#{1,6})\s+(?=\S)")] private static partial Regex Section();
    [GeneratedRegex(@"^(?:[-+•]\s*\p{L}|[a-zđ]\)\s|[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]\s+\p{Lu}|[IVXLC]+[.)]\s+\p{Lu})")] private static partial Regex ItemStart();
    [GeneratedRegex(@"^(?<name>\p{L}[\p{L} /]{1,59}?)\s*:\s*")] private static partial Regex LabelName();
    [GeneratedRegex(@"[.;]\s+|\s(?=[a-zđ]\)\s|[-+]\s\p{L})")] private static partial Regex SplitPoint();
    [GeneratedRegex(@"^(co quan|don vi)\b.*\bphoi hop\b|^phoi hop( thuc hien)?$")] private static partial Regex CooperatingName();
    [GeneratedRegex(@"^((co quan|don vi)\b.*\b(chu tri|thuc hien)\b|chu tri( thuc hien)?$|trach nhiem thuc hien$)")]
    private static partial Regex LeadName();
    [GeneratedRegex(@"^(thoi gian|thoi han|tien do)( (thuc hien|hoan thanh|ban hanh|trien khai|trinh|bao cao))*$")]
    private static partial Regex TimeName();
    [GeneratedRegex(@"^(san pham|ket qua)( (dau ra|du kien|can dat|dat duoc|thuc hien))*$")] private static partial Regex ProductName();

    [GeneratedRegex(@"\b(?:trước|chậm nhất(?: là)?|trong|đến(?: hết)?|từ)\s+(?:ngày|tháng|quý|năm)\s+[0-9IVX]", RegexOptions.IgnoreCase)]
    private static partial Regex TimePhrase();

    /// <summary>
    /// The words that open what an actor does ("Bộ Công an tiến hành rà soát …"): a lead written as a sentence keeps
    /// only the actors before them. Lower case only, so names such as "Sở Xây dựng" are not cut.
    /// </summary>
    [GeneratedRegex(@"\s(tiến hành|rà soát|chủ trì|phối hợp|thực hiện|tổ chức|xây dựng|triển khai|tham mưu|hướng dẫn|gửi|báo cáo|"
        + @"tổng hợp|theo dõi|ban hành|có trách nhiệm|chịu trách nhiệm|đề xuất)(?=\s|$)")]
    private static partial Regex Predicate();

    /// <summary>The tasks of inline label blocks in the document's lines, in document order; none when it has no such block.</summary>
    public static List<TaskDraft> Read(IReadOnlyList<string> lines)
    {
        var tasks = new List<TaskDraft>();
        var headings = new List<Heading>();
        string? section = null;
        var pending = new List<Paragraph>();
        Heading? title = null; // the latest heading, the task's text when no bullet comes before its labels
        Block? block = null;

        void Close()
        {
            if (block is { IsTask: true }) tasks.Add(block.ToDraft());
            block = null;
            pending.Clear();
        }

        string? Parent() => headings.Count >= 2 ? headings[^2].Title : section;

        void AddLabel(Label kind, string value, string mark, int line)
        {
            if (block is null)
            {
                // The text above the labels: the bullets since the last block, else the heading they sit under.
                var text = pending.SkipWhile((p, i) => i < pending.Count - 1 && p.Text.EndsWith(':')).ToList();
                if (text.Count > 0)
                {
                    var no = LetterBullet().Match(text[0].Text) is { Success: true } lm ? lm.Groups[1].Value : "";
                    var content = string.Join(" ", text.Select((p, i) => i == 0 ? Bullet().Replace(p.Text, "") : p.Text));
                    block = new Block(content, no, headings.Count > 0 ? headings[^1].Title : section, text[0].Line);
                }
                else if (title is not null)
                {
                    block = new Block(title.Title, title.No, Parent(), line);
                    title = null;
                }
                else
                {
                    block = new Block("", "", section, line);
                }
                pending.Clear();
            }
            var values = new List<string>();
            if (value.Length > 0) values.Add(value);
            block.Labels.Add((kind, values));
            block.ValueOpen = value.Length == 0 || value.EndsWith(':');
            block.LabelMark = mark;
        }

        foreach (var paragraph in Paragraphs(lines))
        {
            if (paragraph is null)
            {
                Close();
                continue;
            }
            var segments = Segments(paragraph.Text);
            var first = segments[0];
            if (first.Kind is null)
            {
                var text = first.Text;
                if (Section().Match(text) is { Success: true } s)
                {
                    Close();
                    headings.Clear();
                    section = text[s.Length..];
                    title = null;
                }
                else if (Numbered().Match(text) is { Success: true } n)
                {
                    Close();
                    var no = n.Groups["no"].Value.TrimEnd('.', ')');
                    var depth = no.Count(c => c == '.') + 1;
                    headings.RemoveAll(h => h.Depth >= depth);
                    title = new Heading(depth, no, text[n.Length..]);
                    headings.Add(title);
                }
                else if (block is not null && (block.ValueOpen && MarkOf(text) is var mark && (mark != block.LabelMark || mark.Length == 0)
                    || IsContinuation(text)))
                {
                    // The value of a label written on the lines below it, or a value that wrapped into a paragraph of its own.
                    // A step under "Thời gian thực hiện:" ("+ Bộ Công an tổng hợp …, báo cáo … trước ngày 31 tháng 12 năm
                    // 2025") gives its time phrase.
                    var value = Bullet().Replace(text, "");
                    if (block.Labels[^1].Kind == Label.Timeframe && TimePhrase().Match(value) is { Success: true, Index: > 0 } tp)
                        value = value[tp.Index..];
                    block.Labels[^1].Values.Add(value);
                }
                else
                {
                    if (block is not null) Close();
                    pending.Add(paragraph with { Text = text });
                }
            }
            foreach (var segment in segments.Where(s => s.Kind is not null))
                AddLabel(segment.Kind!.Value, segment.Text, segment.Mark, paragraph.Line);
        }
        Close();
        return tasks;
    }

    /// <summary>
    /// The document as paragraphs: lines joined up to a blank line or the start of a new item ("- ", "a) ", "2. ", a
    /// label); a paragraph that opens in lower case goes on from the one above. Null stands for a table row or a page
    /// rule, which ends what was being read.
    /// </summary>
    private static IEnumerable<Paragraph?> Paragraphs(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder();
        var start = 0;
        var lastWasBlank = false;
        Paragraph? held = null;
        for (var i = 0; i <= lines.Count; i++)
        {
            var raw = i < lines.Count ? lines[i] : "";
            var isRow = raw.Contains('\t') || raw.Contains(" | ");
            var line = isRow ? "" : VietnameseText.CollapseWhitespace(Emphasis().Replace(raw, ""));
            var startsItem = line.Length > 0 && (ItemStart().IsMatch(line) || StartsLabel(line));
            if ((line.Length == 0 || startsItem || i == lines.Count) && text.Length > 0)
            {
                var paragraph = new Paragraph(text.ToString(), start);
                text.Clear();
                if (held is not null && lastWasBlank && IsContinuation(paragraph.Text))
                {
                    held = held with { Text = held.Text + " " + paragraph.Text };
                }
                else
                {
                    if (held is not null) yield return held;
                    held = paragraph;
                }
                lastWasBlank = false;
            }
            if (isRow)
            {
                if (held is not null) yield return held;
                held = null;
                yield return null;
                continue;
            }
            if (line.Length == 0)
            {
                lastWasBlank = held is not null || lastWasBlank;
                continue;
            }
            if (text.Length == 0) start = i + 1;
            else text.Append(' ');
            text.Append(line);
        }
        if (held is not null) yield return held;
    }

    /// <summary>Text that goes on from the paragraph above: it opens in lower case and is not a lettered item.</summary>
    private static bool IsContinuation(string text) =>
        text.Length > 0 && char.IsLower(text[0]) && !LetterBullet().IsMatch(text);

    private static bool StartsLabel(string text) => LabelAt(text, 0) is not null;

    /// <summary>
    /// A paragraph cut at each label it holds: the text before the first label (if any), then each label's value with
    /// the mark its item carries.
    /// </summary>
    private static List<(Label? Kind, string Text, string Mark)> Segments(string text)
    {
        var starts = new List<(int At, Label Kind, int ValueAt)>();
        if (LabelAt(text, 0) is { } head) starts.Add((0, head.Kind, head.ValueAt));
        foreach (Match m in SplitPoint().Matches(text))
        {
            var at = m.Index + m.Length;
            if (at < text.Length && LabelAt(text, at) is { } l) starts.Add((at, l.Kind, l.ValueAt));
        }
        starts = starts.DistinctBy(s => s.At).OrderBy(s => s.At).ToList();
        var segments = new List<(Label?, string, string)>();
        if (starts.Count == 0 || starts[0].At > 0)
            segments.Add((null, text[..(starts.Count > 0 ? starts[0].At : text.Length)].Trim(), ""));
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].At : text.Length;
            var value = starts[i].ValueAt < end ? text[starts[i].ValueAt..end] : "";
            segments.Add((starts[i].Kind, value.Trim(), MarkOf(text[starts[i].At..])));
        }
        return segments;
    }

    /// <summary>The kind of item mark a text opens with: "-", "+", "•", "a" for "a)"/"a.", "(" for "(1)"; empty for none.</summary>
    private static string MarkOf(string text)
    {
        var m = Bullet().Match(text);
        if (!m.Success) return "";
        return char.IsLetter(text[0]) ? "a" : text[0] == '–' ? "-" : text[0].ToString();
    }

    /// <summary>The label that opens the text at <paramref name="at"/> (after an item mark), with where its value starts.</summary>
    private static (Label Kind, int ValueAt)? LabelAt(string text, int at)
    {
        var rest = text[at..];
        var mark = Bullet().Match(rest);
        var afterMark = mark.Success ? mark.Length : 0;
        var m = LabelName().Match(rest[afterMark..]);
        if (!m.Success) return null;
        return KindOf(m.Groups["name"].Value) is { } kind ? (kind, at + afterMark + m.Length) : null;
    }

    private static Label? KindOf(string name)
    {
        var f = VietnameseText.Fold(name);
        if (f.Split(' ').Length > 8) return null;
        if (CooperatingName().IsMatch(f)) return Label.Cooperating;
        if (LeadName().IsMatch(f)) return Label.Lead;
        if (TimeName().IsMatch(f)) return Label.Timeframe;
        if (ProductName().IsMatch(f)) return Label.Product;
        if (f is "nhiem vu" or "ten nhiem vu" or "noi dung nhiem vu" or "cong viec" or "noi dung cong viec") return Label.Content;
        if (f is "noi dung" or "ghi chu") return Label.Note;
        return null;
    }

    /// <summary>A label's value as written: white space collapsed, without its item mark and closing punctuation.</summary>
    private static string TrimValue(string value) =>
        VietnameseText.CollapseWhitespace(Bullet().Replace(VietnameseText.CollapseWhitespace(value), "")).TrimEnd(' ', '.', ';', ',');

    /// <summary>
    /// A lead written as a sentence ("Bộ Công an tiến hành rà soát …; các bộ … rà soát …") keeps its actors
    /// ("Bộ Công an; các bộ …"); a list of names is kept whole.
    /// </summary>
    private static string Actors(string lead)
    {
        var parts = lead.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var m = Predicate().Match(part);
            return m.Success && part[..m.Index].Split(' ').Length >= 2 ? part[..m.Index].TrimEnd(' ', ',') : part;
        });
        return string.Join("; ", parts);
    }
}
