using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// Reads a plan from plain text or Markdown as in the seeds and the corpus: table rows separated by tabs or " | ",
/// "&lt;b&gt;" group rows, markdown headings, or tasks written inline with their label blocks (<see cref="InlineTaskReader"/>);
/// and the plan's number, date, issuer, title and targets.
/// </summary>
public static partial class PlanTextReader
{
    [GeneratedRegex(@"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")] private static partial Regex Emphasis();
    [GeneratedRegex(@"^\s*#{1,6}\s*")] private static partial Regex HeadingMark();
    [GeneratedRegex(@"^[….\s]{3,}$")] private static partial Regex Ellipsis();
    [GeneratedRegex(@"^([IVX]+|[A-Z])[.)]\s+\p{Lu}")] private static partial Regex GroupLine();
    [GeneratedRegex(@"^[\p{L} .\-]{2,40},\s*ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})",
        RegexOptions.IgnoreCase)]
    private static partial Regex PlaceDate();

    public static PlanDraft Read(string text, int? year = null)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var rows = new List<TableRow>();
        var headings = new Dictionary<int, string>();
        var inTable = false;
        var width = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var lineNo = i + 1;
            if (raw.Contains('\t') || raw.Contains(" | "))
            {
                var cells = (raw.Contains('\t') ? raw.Split('\t') : raw.Split(" | ")).Select(c => Clean(HtmlCellText.ToText(c))).ToList();
                if (TaskTable.Header(cells) is not null) width = cells.Count;
                rows.Add(new TableRow(cells, lineNo));
                inTable = true;
                continue;
            }
            var clean = Clean(raw);
            if (clean.Length == 0 || Ellipsis().IsMatch(clean)) continue; // a gap in the source is not the table's end
            // A group row followed by paragraphs: the group's row, its cells written one under the other.
            if (inTable && rows[^1].Cells.Count(c => c.Length > 0) <= 2 && ParagraphRow.TryRead(lines, i, width, Clean) is { } spilled)
            {
                rows.Add(new TableRow(spilled.Cells, lineNo));
                i = spilled.Next - 1;
                continue;
            }
            if (HeadingMark().IsMatch(raw))
            {
                headings[lineNo] = HeadingMark().Replace(clean, "");
                continue;
            }
            if (inTable && GroupLine().IsMatch(clean))
            {
                // "I. NÂNG CAO NHẬN THỨC …" between rows: a group row written as a line.
                rows.Add(new TableRow([clean], lineNo));
                continue;
            }
            // Prose ends the table; a short line inside it is a cell that spilled out of its row ("Đang thực hiện").
            var folded = VietnameseText.Fold(clean);
            if (inTable && (clean.Length >= 60 || folded.StartsWith("phu luc") || folded.StartsWith("noi nhan")))
            {
                rows.Add(TableRow.Break(lineNo));
                inTable = false;
            }
        }
        var unread = new List<UnreadLine>();
        var tasks = TaskTable.Read(rows, headings, unread);
        // Tasks read otherwise than from a table: its rows are not "unread", the readers below read the lines again.
        if (tasks.Count == 0) unread.Clear();
        // A plan without a task table may write its tasks inline, each with its "Cơ quan chủ trì: …" block.
        if (tasks.Count == 0) tasks = InlineTaskReader.Read(lines);
        // Else as prose: the items of a section on tasks, items under addressee headings, "Giao …" sentences.
        if (tasks.Count == 0) tasks = Prose.ProseTaskReader.Read(lines);
        var header = ReadHeader(lines.Select(Clean).ToList(), year);
        var warnings = new List<string>();
        if (tasks.Count == 0)
            warnings.Add(
            "Không tìm thấy bảng nhiệm vụ (cần dòng tiêu đề có các cột STT, Nội dung/Nhiệm vụ, Cơ quan chủ trì hoặc Thời "
            + "gian).");
        return new PlanDraft(header, ReadTargets(lines), tasks, warnings) { Unread = unread };
    }

    private static string Clean(string s) => VietnameseText.CollapseWhitespace(Emphasis().Replace(s, "")).Trim();

    [GeneratedRegex(@"^Số\s*:\s*([0-9]+[a-zA-Z]?)\s*/\s*([\p{L}0-9&\-]+)", RegexOptions.IgnoreCase)] private static partial Regex NumberLine();
    [GeneratedRegex(@"ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})", RegexOptions.IgnoreCase)] private static partial Regex LongDate();
    [GeneratedRegex(@"năm\s+([0-9]{4})(?!.*năm\s+[0-9]{4})", RegexOptions.IgnoreCase)] private static partial Regex LastYear();

    private static readonly HashSet<string> DocumentTypes =
        ["quyet dinh", "ke hoach", "bao cao", "chi thi", "thong bao", "nghi quyet", "chuong trinh", "de an", "cong van"];

    /// <summary>Number, date, issuer and title from the document's first lines.</summary>
    public static PlanHeader ReadHeader(IReadOnlyList<string> lines, int? year)
    {
        var top = lines.Take(80).ToList();
        string? number = null, type = null, issuer = null, title = null;
        DateOnly? issued = null;
        var numberAt = -1;
        // The date of issue is the place-and-date line ("Hà Nội, ngày 25 tháng 12 năm 2017"), wrapped or not;
        // else the first long date.
        var joined = top.Where(l => l.Length > 0).Select((l, i) => (l, i)).ToList();
        for (var k = 0; k < joined.Count; k++)
        {
            var line = joined[k].l + (k + 1 < joined.Count ? " " + joined[k + 1].l : "");
            if (PlaceDate().Match(line) is { Success: true } pd
                && Periods.IsValidDate(int.Parse(pd.Groups[3].Value), int.Parse(pd.Groups[2].Value), int.Parse(pd.Groups[1].Value)))
            {
                issued = new DateOnly(int.Parse(pd.Groups[3].Value), int.Parse(pd.Groups[2].Value), int.Parse(pd.Groups[1].Value));
                break;
            }
        }
        for (var i = 0; i < top.Count; i++)
        {
            var withNext = top[i] + (i + 1 < top.Count ? " " + top[i + 1] : "");
            if (number is null && NumberLine().Match(withNext) is { Success: true } m)
            {
                number = $"{m.Groups[1].Value}/{m.Groups[2].Value}";
                type = m.Groups[2].Value.Split('-')[0];
                numberAt = i;
            }
            if (issued is null && LongDate().Match(top[i]) is { Success: true } d
                && Periods.IsValidDate(int.Parse(d.Groups[3].Value), int.Parse(d.Groups[2].Value), int.Parse(d.Groups[1].Value)))
                issued = new DateOnly(int.Parse(d.Groups[3].Value), int.Parse(d.Groups[2].Value), int.Parse(d.Groups[1].Value));
        }
        // The issuer: the lines above "Số:" that are not the national motto. A header written as a table (Word: the
        // issuer's cell beside the motto's, a rule of dashes under each) keeps only its first cell, without the rule.
        var issuerLines = top.Take(numberAt < 0 ? 6 : numberAt)
            .Where(l => l.Length > 0 && !l.StartsWith("SOURCE:", StringComparison.Ordinal))
            .Select(l => Regex.Replace(BeforeMotto(l.Split('\t')[0].Split(" | ")[0]), @"[-_=–—]{3,}", " ").Trim())
            .TakeWhile(l => !VietnameseText.Fold(l).StartsWith("cong hoa"))
            .Where(l => l.Any(char.IsLetter))
            .Select(VietnameseText.CollapseWhitespace)
            .ToList();
        if (issuerLines.Count > 0) issuer = string.Join(" ", issuerLines);

        // The title: the lines after the document type ("QUYẾT ĐỊNH", "KẾ HOẠCH") up to a blank line.
        for (var i = 0; i < top.Count && title is null; i++)
        {
            var folded = VietnameseText.Fold(top[i]);
            if (!DocumentTypes.Contains(folded) || top[i] != top[i].ToUpperInvariant()) continue;
            var parts = new List<string>();
            for (var j = i + 1; j < top.Count; j++)
            {
                if (top[j].Length == 0) { if (parts.Count > 0) break; continue; }
                var f = VietnameseText.Fold(top[j]);
                // The legal bases, or a task table right under the title ("STT Nội dung …"), end it.
                if (f.StartsWith("can cu") || Regex.IsMatch(f, @"^(stt|tt|so\s+tt)\b")) break;
                parts.Add(top[j]);
                if (parts.Count >= 4) break;
            }
            if (parts.Count > 0) title = VietnameseText.CollapseWhitespace(string.Join(" ", parts));
        }
        // A plan "giai đoạn 2026 - 2030, tầm nhìn đến năm 2045" is a plan of 2026 (its first year), not of 2045.
        var phase = title is null ? null : Regex.Match(VietnameseText.FoldKeepingPunctuation(title), @"giai doan\s+([0-9]{4})\s*-\s*[0-9]{4}");
        var planYear = year ?? (phase is { Success: true } ? int.Parse(phase.Groups[1].Value)
            : title is not null && LastYear().Match(title) is { Success: true } y ? int.Parse(y.Groups[1].Value) : null);
        // Legal bases: the "Căn cứ …" paragraphs, with the documents they cite.
        var bases = lines.Take(120).Where(l => VietnameseText.Fold(l).StartsWith("can cu") && DocumentReference.FindAll(l).Count > 0)
            .Select(l => l.TrimEnd(';', ',', '.')).ToList();
        return new PlanHeader(number, type, issuer, issued, title, planYear, bases);
    }

    /// <summary>A header line up to the national motto it may run into ("… TỈNH X -------- CỘNG HÒA XÃ HỘI …").</summary>
    private static string BeforeMotto(string line)
    {
        var at = VietnameseText.FoldKeepingPunctuation(line).IndexOf("cong hoa xa hoi", StringComparison.Ordinal);
        return at > 0 && at <= line.Length ? line[..at] : line;
    }

    /// <summary>
    /// Bullet lines under a heading that names targets ("chỉ tiêu"), up to the next heading. A "-" line that introduces
    /// "+" lines ("- Giai đoạn 2026 - 2027:") is not a target: the "+" lines below it are.
    /// </summary>
    public static List<TargetDraft> ReadTargets(IReadOnlyList<string> lines)
    {
        var targets = new List<TargetDraft>();
        var inTargets = false;
        var introduced = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var clean = Clean(lines[i]);
            if (clean.Length == 0) continue;
            var folded = VietnameseText.Fold(clean);
            var isHeading = HeadingMark().IsMatch(lines[i]) || Regex.IsMatch(clean, @"^([IVX]+|[0-9]+|[a-z])[.)]\s") && !clean.StartsWith('-');
            if (isHeading)
            {
                inTargets = folded.Contains("chi tieu") && !folded.Contains("nhiem vu");
                introduced = false;
                continue;
            }
            if (!inTargets) continue;
            if (clean.StartsWith('-'))
            {
                introduced = clean.EndsWith(':');
                if (!introduced) targets.Add(new TargetDraft(clean.TrimStart('-', ' '), i + 1));
            }
            else if (introduced && clean.StartsWith('+'))
            {
                targets.Add(new TargetDraft(clean.TrimStart('+', ' '), i + 1));
            }
        }
        return targets;
    }
}
