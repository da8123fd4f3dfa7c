using System.Net;
using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// The text of a table cell that a converter left in HTML ("&lt;ul&gt;&lt;li&gt;- A;&lt;/li&gt;&lt;li&gt;- B&lt;/li&gt;&lt;/ul&gt;",
/// "&lt;p&gt;…&lt;/p&gt;", "&lt;i&gt;…&lt;/i&gt;"): the items of a list joined by "; " without their bullets, paragraphs and breaks
/// as spaces, other tags dropped. Bold marks ("&lt;b&gt;") are kept: they tell group rows (<see cref="TaskTable"/>).
/// </summary>
public static partial class HtmlCellText
{
    private const char ItemMark = '\u0001';

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)] private static partial Regex ItemStart();
    [GeneratedRegex(@"<(?!/?b>)/?[a-z][^>]*>", RegexOptions.IgnoreCase)] private static partial Regex OtherTag();
    [GeneratedRegex(@"^[\s\-–+•*]+")] private static partial Regex Bullet();

    public static string ToText(string cell)
    {
        if (!cell.Contains('<') && !cell.Contains('&')) return cell;
        var marked = ItemStart().Replace(cell, ItemMark.ToString());
        var text = WebUtility.HtmlDecode(OtherTag().Replace(marked, " "));
        var parts = text.Split(ItemMark);
        var items = parts.Skip(1).Select(i => Bullet().Replace(i, "").Trim().TrimEnd(';', ',', ' ')).Where(i => i.Length > 0);
        var joined = string.Join("; ", items);
        var lead = parts[0].Trim();
        return VietnameseText.CollapseWhitespace(lead.Length == 0 ? joined : joined.Length == 0 ? lead : lead + " " + joined).Trim();
    }
}
