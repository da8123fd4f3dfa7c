using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// A row inside a task table that carries text but was read as nothing — no task, group, heading, continuation of a task
/// or repeated header — so that the import preview can list it: its line (or row) in the document, its text (shortened)
/// and why it was not read.
/// </summary>
public sealed record UnreadLine(int Line, string Text, string Reason)
{
    public const int MaxText = 200;

    /// <summary>The row's cells with text, joined as written and shortened to <see cref="MaxText"/> characters.</summary>
    public static string TextOf(IEnumerable<string> cells)
    {
        var text = VietnameseText.CollapseWhitespace(string.Join(" | ", cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())));
        return text.Length <= MaxText ? text : text[..(MaxText - 1)].TrimEnd() + "…";
    }
}
