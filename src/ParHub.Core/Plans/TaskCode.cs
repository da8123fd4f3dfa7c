using System.Text.RegularExpressions;

namespace ParHub.Core.Plans;

/// <summary>
/// Task numbers written as the codes of a tree of criteria ("1.3.1", "2.4.", "7,3" as printed): recognised by their
/// pattern, written with dots and without the trailing one, and related to the codes they sit under.
/// </summary>
public static partial class TaskCode
{
    [GeneratedRegex(@"^([0-9]{1,2}(?:[.,][0-9]{1,2})+)\.?$")] private static partial Regex Code();
    [GeneratedRegex(@"^([0-9]{1,3})[.)]?$")] private static partial Regex Plain();

    /// <summary>The code of a cell that holds one ("1.3.1", "7,3" → "7.3"), else null. A plain "1" is no code.</summary>
    public static string? Parse(string cell) => Code().Match(cell.Trim()) is { Success: true } m ? m.Groups[1].Value.Replace(',', '.') : null;

    /// <summary>The code of a row's number cell, a plain number ("1", "2.") included.</summary>
    public static string? ParseAny(string cell) =>
        Parse(cell) ?? (Plain().Match(cell.Trim()) is { Success: true } m ? m.Groups[1].Value : null);

    /// <summary>Whether <paramref name="child"/> sits under <paramref name="parent"/> ("1.4.1" under "1.4" and "1").</summary>
    public static bool IsUnder(string child, string parent) => child.StartsWith(parent + ".", StringComparison.Ordinal);
}

/// <summary>
/// The headings of a criterion tree met so far ("1 Công tác chỉ đạo", "1.3 Kiểm tra"): a coded row's group is the
/// title of the nearest heading its code sits under.
/// </summary>
public sealed class CodeHeadings
{
    private readonly List<(string Code, string Title)> open = [];

    public void Add(string code, string title)
    {
        open.RemoveAll(h => !TaskCode.IsUnder(code, h.Code));
        open.Add((code, title));
    }

    public string? GroupOf(string code) =>
        open.LastOrDefault(h => TaskCode.IsUnder(code, h.Code)) is { Code: not null } h ? h.Title : null;

    public void Clear() => open.Clear();
}
