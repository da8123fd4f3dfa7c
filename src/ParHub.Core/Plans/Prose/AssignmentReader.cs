using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans.Prose;

/// <summary>
/// Tasks a decision assigns in sentences: "Giao Sở Nội vụ triển khai, thực thi phương án …", "Giao cho Văn phòng
/// UBND tỉnh kiểm tra, đôn đốc …". The agency named after "Giao" is the lead; the task is what it is to do ("Triển khai, thực thi …"). The group
/// is the article or section the sentence stands in ("Tổ chức thực hiện").
/// </summary>
public static partial class AssignmentReader
{
    [GeneratedRegex(@"^Giao\s+(?:cho\s+)?")] private static partial Regex Giao();

    public static List<TaskDraft> Read(IReadOnlyList<string> lines) => Read(ProseNode.Forest(ProseParagraphs.Read(lines)));

    internal static List<TaskDraft> Read(List<ProseNode> roots)
    {
        var tasks = new List<TaskDraft>();
        string? group = null;
        foreach (var node in ProseNode.All(roots))
        {
            var p = node.Paragraph;
            if (p.Mark == ProseMark.Section) group = p.Body.TrimEnd(':', '.');
            var giao = Giao().Match(p.Body);
            if (!giao.Success || Addressee.Split(p.Body[giao.Length..]) is not { } assigned) continue;
            var action = VietnameseText.CollapseWhitespace(assigned.Action);
            var content = char.ToUpperInvariant(action[0]) + action[1..];
            var no = p.Mark is ProseMark.Letter or ProseMark.Numbered ? p.No : "";
            tasks.Add(new TaskDraft(no, group, content, assigned.Actor, "", "", ProseTimeframe.FromText(content), null, null, p.Line, []));
        }
        return tasks;
    }
}
