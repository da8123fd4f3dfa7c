using System.Text;
using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>What a column of a task table holds.</summary>
/// <remarks><see cref="Criterion"/>: the criterion or index a task answers ("Tiêu chí", "Nội dung chỉ số");
/// <see cref="Requirement"/>: what the task must reach ("Yêu cầu").</remarks>
public enum ColumnRole { No, Content, Lead, Cooperating, Product, Timeframe, Note, AssignedBy, Criterion, Requirement }

/// <summary>A row of a table as read from any source (DOCX table, XLSX sheet, text line), with its origin.</summary>
public sealed record TableRow(IReadOnlyList<string> Cells, int Line, bool Bold = false)
{
    /// <summary>Prose between tables: the table above has ended.</summary>
    public static TableRow Break(int line) => new([], line) { IsBreak = true };

    public bool IsBreak { get; private init; }
}

/// <summary>
/// Turns the rows of a document into tasks: finds the header row by its names in any column order, skips repeated
/// headers, turns group rows ("I", "<b>Cải cách thể chế</b>", a title alone in its row) into the current group, joins
/// rows split over two lines, and keeps "a)", "b)" sub-rows as parts of their task. Tasks numbered by the codes of a
/// criterion tree ("1.3.1") sit under the nearest heading row of their code ("1.3"); a coded row without a task of its own
/// is such a heading.
/// </summary>
public static partial class TaskTable
{
    /// <summary>The columns a header row names, or null when the row is not a task-table header.</summary>
    public static Dictionary<ColumnRole, int>? Header(IReadOnlyList<string> cells)
    {
        var roles = new Dictionary<ColumnRole, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var h = VietnameseText.Fold(cells[i]);
            ColumnRole? role =
                h is "stt" or "tt" or "so thu tu" or "so tt" ? ColumnRole.No
                : h.Contains("tieu chi") || h.Contains("chi so") || h.StartsWith("linh vuc") ? ColumnRole.Criterion
                : h.StartsWith("yeu cau") ? ColumnRole.Requirement
                : h.StartsWith("noi dung") || h.StartsWith("nhiem vu") || h.StartsWith("ten ") || h == "cong viec" ? ColumnRole.Content
                : h.Contains("chu tri") || h.Contains("chiu trach nhiem") ? ColumnRole.Lead
                : h.Contains("phoi hop") ? ColumnRole.Cooperating
                : h.StartsWith("san pham") || h.StartsWith("ket qua") || h.StartsWith("chi tieu") ? ColumnRole.Product
                : h.StartsWith("thoi gian") || h.StartsWith("thoi han") ? ColumnRole.Timeframe
                : h.StartsWith("ghi chu") || h.StartsWith("chu thich") ? ColumnRole.Note
                : h.StartsWith("van ban giao") ? ColumnRole.AssignedBy
                : null;
            if (role is { } r && !roles.ContainsKey(r)) roles[r] = i;
        }
        var isHeader = roles.ContainsKey(ColumnRole.Content) && roles.ContainsKey(ColumnRole.No)
            && (roles.ContainsKey(ColumnRole.Lead) || roles.ContainsKey(ColumnRole.Timeframe));
        return isHeader ? roles : null;
    }

    [GeneratedRegex(@"^([0-9]{1,3}[a-zđ]?)[.)]?$")] private static partial Regex TaskNo();
    [GeneratedRegex(@"^([IVXLC]+|[A-ZĐ])(\.[0-9]+)*[.]?$")] private static partial Regex GroupNo();
    [GeneratedRegex(@"^\s*([a-zđ])\s*\)\s*-?\s*")] private static partial Regex SubRow();
    [GeneratedRegex(@"</?b>", RegexOptions.IgnoreCase)] private static partial Regex BoldTags();
    [GeneratedRegex(@"^\s*(ghi chú|chú thích)\s*:", RegexOptions.IgnoreCase)] private static partial Regex Footnote();

    [GeneratedRegex(@"^(trang|page)\s*[0-9]+(\s*/\s*[0-9]+)?$")] private static partial Regex PageMark();

    /// <summary>
    /// Reads every task table in the rows. <paramref name="headings"/> maps a line to a heading met between rows
    /// (a markdown "#### Cải cách thể chế"), which starts a group when inside a table. Rows of a task table that carry
    /// text but are read as nothing go to <paramref name="unread"/> (rows of tables without a task header do not).
    /// </summary>
    public static List<TaskDraft> Read(IEnumerable<TableRow> rows, IReadOnlyDictionary<int, string>? headings = null,
        ICollection<UnreadLine>? unread = null)
    {
        var tasks = new List<TaskBuilder>();
        Dictionary<ColumnRole, int>? columns = null;
        var width = 0;
        string? group = null;
        TaskBuilder? current = null;
        var lastHeadingLine = 0;
        var codeHeadings = new CodeHeadings();

        foreach (var row in rows)
        {
            if (columns is not null && headings is not null)
            {
                foreach (var (line, text) in headings.Where(h => h.Key > lastHeadingLine && h.Key < row.Line).OrderBy(h => h.Key))
                {
                    group = text;
                    current = null;
                    lastHeadingLine = line;
                }
            }
            if (row.IsBreak)
            {
                columns = null;
                current = null;
                codeHeadings.Clear();
                continue;
            }
            var cells = row.Cells.Select(c => VietnameseText.CollapseWhitespace(BoldTags().Replace(c, ""))).ToArray();
            if (Header(cells) is { } header)
            {
                // A repeated header (page break) keeps the table going; a new one may reorder the columns.
                columns = header;
                width = cells.Length;
                continue;
            }
            if (columns is null || cells.All(string.IsNullOrWhiteSpace)) continue;
            // A row with fewer cells than the header continues merged cells of the rows above: its cells are placed
            // in the columns they fit (by what they hold, in order), and the merged ones are taken from the task above.
            // The table's footnote spilled into its last row ("29 | Tổng quỹ … | Chính thức | Ghi chú: số liệu …") is no cell.
            if (cells.Length < width) cells = cells.Where(c => !Footnote().IsMatch(c)).ToArray();
            var merged = new HashSet<int>();
            if (cells.Length < width)
            {
                var placed = RowAlignment.Align(cells, columns, width);
                merged = Enumerable.Range(0, width).Where(i => placed[i] is null).ToHashSet();
                cells = placed.Select(c => c ?? "").ToArray();
            }

            string Cell(ColumnRole role) => columns.TryGetValue(role, out var i) && i < cells.Length ? cells[i] : "";
            var no = Cell(ColumnRole.No).Trim();
            var content = Cell(ColumnRole.Content);
            var filled = cells.Count(c => c.Length > 0);
            var isBoldGroup = row.Bold || row.Cells.Any(c => c.Contains("<b>", StringComparison.OrdinalIgnoreCase));

            // Column-numbering rows ("A | B | 1 | 2 …") are not data.
            if (cells.Where(c => c.Length > 0).All(c => c.Length <= 2) && filled >= 3) continue;

            if (GroupNo().IsMatch(no) && !TaskNo().IsMatch(no))
            {
                group = FirstNonEmpty(cells.Skip(1)) ?? no;
                current = null;
                codeHeadings.Clear();
                continue;
            }
            // A numbered row with no task of its own (no task text, lead or time) heads the rows under it:
            // "1 | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "1.2 | Thực hiện chế độ báo cáo định kỳ".
            if (TaskCode.ParseAny(no) is { } headCode && content.Length == 0 && Cell(ColumnRole.Lead).Length == 0
                && Cell(ColumnRole.Timeframe).Length == 0 && FirstNonEmpty(cells.Where((_, i) => i != columns[ColumnRole.No])) is { } title)
            {
                codeHeadings.Add(headCode, title);
                group = title;
                current = null;
                continue;
            }
            if (TaskCode.Parse(no) is { } code)
            {
                // A task whose code turns out to head codes under it ("1.4" before "1.4.1") was a heading.
                if (current is not null && tasks.Count > 0 && tasks[^1] == current && TaskCode.IsUnder(code, current.No))
                {
                    tasks.RemoveAt(tasks.Count - 1);
                    codeHeadings.Add(current.No, FirstNonEmpty([current.Get(ColumnRole.Criterion), current.Get(ColumnRole.Content)]) ?? current.No);
                }
                group = codeHeadings.GroupOf(code) ?? group;
                current = new TaskBuilder(code, group, row.Line);
                tasks.Add(current);
                Fill(current, columns, cells, skipNo: true);
                continue;
            }
            if (TaskNo().Match(no) is { Success: true } m)
            {
                var above = current;
                current = new TaskBuilder(m.Groups[1].Value, group, row.Line);
                tasks.Add(current);
                Fill(current, columns, cells, skipNo: true);
                // A numbered row without the cells merged over it (rowspan) takes them from the task above.
                if (above is not null) Inherit(current, above, columns, merged);
                SplitFirstPart(current);
                continue;
            }
            if (no.Length == 0 && current is not null && SubRow().Match(content) is { Success: true } sub)
            {
                var part = new TaskBuilder(current.No + sub.Groups[1].Value, group, row.Line);
                current.Parts.Add(part);
                Fill(part, columns, cells, skipNo: true);
                part.Cells[ColumnRole.Content] = new StringBuilder(SubRow().Replace(part.Get(ColumnRole.Content), ""));
                continue;
            }
            // A title alone in a full-width row (" | Nhiệm vụ giao Bộ trưởng … chỉ đạo |  |  | ") is a group too.
            var titleRow = no.Length == 0 && filled == 1 && content.Length > 0 && char.IsUpper(content[0])
                && cells.Length >= columns.Values.Max() + 1;
            if (no.Length > 0 && filled == 1 || isBoldGroup && filled <= 2 || no.Length == 0 && filled == 1 && current is null || titleRow)
            {
                // A title alone in its row: a group ("Cải cách tổ chức bộ máy").
                group = FirstNonEmpty(cells) ?? group;
                current = null;
                continue;
            }
            // A row without a number that carries its own task text is a task of its own ("rows that continue a merged
            // cell"): merged cells (lead, time…) are the task's above; a row of lowercase text continues the task above.
            if (no.Length == 0 && content.Length > 0 && StartsTask(content) && !ContinuesAbove(cells, columns)
                && (merged.Count > 0 || Cell(ColumnRole.Lead).Length > 0 || Cell(ColumnRole.Timeframe).Length > 0))
            {
                var task = new TaskBuilder("", group, row.Line);
                Fill(task, columns, cells, skipNo: true);
                if (current is not null) Inherit(task, current, columns, merged);
                tasks.Add(task);
                current = task;
                continue;
            }
            if (current is not null)
            {
                // A task split over two rows: each cell continues the cell above it.
                var target = current.Parts.Count > 0 ? current.Parts[^1] : current;
                Fill(target, columns, cells, skipNo: true);
                continue;
            }
            // Read as nothing: no task above for it to continue. Reported, unless it holds no words (a page number, dashes).
            if (unread is not null && !IsFiller(cells))
                unread.Add(new UnreadLine(row.Line, UnreadLine.TextOf(cells), WhyUnread(no, content, cells, columns)));
        }
        return tasks.Select(t => t.ToDraft()).ToList();
    }

    /// <summary>A row with no words: a page number, a rule of dashes, dots.</summary>
    private static bool IsFiller(string[] cells) =>
        cells.Where(c => c.Length > 0).All(c => !c.Any(char.IsLetter) || PageMark().IsMatch(VietnameseText.Fold(c)));

    /// <summary>Why a row in a task table that is not a task, a group nor the continuation of a task was not read.</summary>
    private static string WhyUnread(string no, string content, string[] cells, Dictionary<ColumnRole, int> columns)
    {
        const string Lead = "Không nhận ra dòng này là nhiệm vụ";
        if (no.Length > 0) return $"{Lead} (số thứ tự “{UnreadLine.TextOf([no])}” không đọc được).";
        if (content.Length == 0) return $"{Lead} (không có nội dung nhiệm vụ).";
        if (!StartsTask(content) || ContinuesAbove(cells, columns))
            return $"{Lead} (dòng viết tiếp nhưng không có nhiệm vụ ở trên để nối vào).";
        return $"{Lead} (không có số thứ tự, cơ quan chủ trì hay thời gian).";
    }

    /// <summary>The cells merged over <paramref name="task"/>'s row (lead, time…) are those of the task above.</summary>
    private static void Inherit(TaskBuilder task, TaskBuilder above, Dictionary<ColumnRole, int> columns, HashSet<int> merged)
    {
        foreach (var (role, i) in columns)
            if (merged.Contains(i) && role is not (ColumnRole.No or ColumnRole.Content) && task.Get(role).Length == 0)
                task.Append(role, above.Get(role));
    }

    /// <summary>
    /// A row whose criterion or lead goes on in lowercase ("phường, thị trấn", "cấp xã") continues the row above, cut by a
    /// page break, though its task cell opens a new sentence.
    /// </summary>
    private static bool ContinuesAbove(string[] cells, Dictionary<ColumnRole, int> columns) =>
        columns.Where(c => c.Key is ColumnRole.Criterion or ColumnRole.Lead && c.Value < cells.Length)
            .Select(c => cells[c.Value].TrimStart('-', '+', '•', ' ', '*'))
            .Any(c => c.Length > 0 && char.IsLower(c[0]));

    /// <summary>Task text opens with a capital, a digit or a bullet; a continuation goes on in lowercase.</summary>
    private static bool StartsTask(string content)
    {
        var t = content.TrimStart('-', '+', '•', ' ', '*');
        return t.Length > 0 && (char.IsUpper(t[0]) || char.IsDigit(t[0]));
    }

    private static void Fill(TaskBuilder b, Dictionary<ColumnRole, int> columns, string[] cells, bool skipNo)
    {
        foreach (var (role, i) in columns)
        {
            if (skipNo && role == ColumnRole.No) continue;
            if (i < cells.Length) b.Append(role, cells[i]);
        }
    }

    /// <summary>Task 8 whose content starts "a)": the first sub-row is on the task's own row.</summary>
    private static void SplitFirstPart(TaskBuilder task)
    {
        var content = task.Get(ColumnRole.Content);
        if (SubRow().Match(content) is not { Success: true } m || m.Groups[1].Value != "a") return;
        var part = new TaskBuilder(task.No + "a", task.Group, task.Line);
        foreach (var (role, sb) in task.Cells) part.Cells[role] = new StringBuilder(sb.ToString());
        part.Cells[ColumnRole.Content] = new StringBuilder(SubRow().Replace(content, ""));
        task.Cells.Clear();
        task.Parts.Add(part);
    }

    private static string? FirstNonEmpty(IEnumerable<string> cells) => cells.FirstOrDefault(c => c.Length > 0);
}
