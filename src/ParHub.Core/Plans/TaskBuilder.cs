using System.Text;
using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>A task of a table while its rows are being read: its cells by role, and its sub-rows.</summary>
internal sealed partial class TaskBuilder(string no, string? group, int line)
{
    public string No = no;
    public readonly string? Group = group;
    public readonly int Line = line;
    public readonly Dictionary<ColumnRole, StringBuilder> Cells = [];
    public readonly List<TaskBuilder> Parts = [];

    [GeneratedRegex(@"^(ca nam|nam|quy\s+(iv|iii|ii|i|[1-4])|[0-9]{1,2}\s+thang(\s+(dau|cuoi)\s+nam)?|hang\s+(nam|quy|thang))$")]
    private static partial Regex PeriodName();

    public void Append(ColumnRole role, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        if (!Cells.TryGetValue(role, out var sb)) Cells[role] = sb = new StringBuilder();
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(text.Trim());
    }

    public string Get(ColumnRole role) => Cells.TryGetValue(role, out var sb) ? VietnameseText.CollapseWhitespace(sb.ToString()) : "";

    public TaskDraft ToDraft()
    {
        var parts = Parts.Select(p => p.ToDraft()).ToList();
        string Merged(ColumnRole role) => Get(role) is { Length: > 0 } own ? own
            : string.Join("; ", parts.Select(p => Pick(p, role)).Where(s => s.Length > 0).Distinct());
        // A task cell that names no task ("Cả năm", ".", empty) leaves the task to the criterion it answers.
        var content = Merged(ColumnRole.Content);
        if (!NamesTask(content) && Get(ColumnRole.Criterion) is { Length: > 0 } criterion) content = criterion;
        return new TaskDraft(No, Group, content, Merged(ColumnRole.Lead), Merged(ColumnRole.Cooperating),
            Merged(ColumnRole.Product), Merged(ColumnRole.Timeframe), NullIfEmpty(Get(ColumnRole.Note)),
            NullIfEmpty(Get(ColumnRole.AssignedBy)), Line, parts, Get(ColumnRole.Requirement));
    }

    /// <summary>Task text has letters and is more than the periods it runs in ("Quý I, 6 tháng, Quý III, Cả năm").</summary>
    public static bool NamesTask(string content)
    {
        var parts = VietnameseText.FoldKeepingPunctuation(content).Split([',', ';', '.', '-'], StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0).ToList();
        return parts.Count > 0 && !parts.All(p => PeriodName().IsMatch(VietnameseText.CollapseWhitespace(p)));
    }

    private static string Pick(TaskDraft t, ColumnRole role) => role switch
    {
        ColumnRole.Content => t.Content,
        ColumnRole.Lead => t.Lead,
        ColumnRole.Cooperating => t.Cooperating,
        ColumnRole.Product => t.Product,
        ColumnRole.Timeframe => t.Timeframe,
        _ => "",
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
