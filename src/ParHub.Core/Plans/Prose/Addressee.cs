using System.Text.RegularExpressions;

namespace ParHub.Core.Plans.Prose;

/// <summary>
/// Who a heading or an assignment addresses: "Sở Nội vụ", "Văn phòng UBND tỉnh", "Thủ trưởng các sở, ban, ngành tỉnh;
/// Chủ tịch UBND các xã, phường", "Công an thành phố". Recognised by the words an agency's name opens with; words that
/// also open other phrases ("Ban hành", "Báo cáo") count only before a capitalised name.
/// </summary>
internal static partial class Addressee
{
    [GeneratedRegex(@"^(?:Đề nghị\s+)?(?:(?:Thủ trưởng|Chủ tịch|Giám đốc|Công an|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Các sở|Các cơ quan|Mặt trận)"
        + @"(?=[\s,;:]|$)|(?:Sở|Ban|Bộ|Báo|Đài|Cục|Chi cục|Trung tâm|Thanh tra|Kho bạc|Bảo hiểm|Hội đồng|Ngân hàng|Viện|Tòa án|Văn phòng|"
        + @"Ủy ban|Uỷ ban)\s+(?:và\s+)?\p{Lu})")]
    private static partial Regex Opening();

    /// <summary>
    /// The lower-case words that open what an actor is to do ("Sở Nội vụ triển khai …"); names such as "Sở Xây dựng" are
    /// capitalised, so they are not cut.
    /// </summary>
    [GeneratedRegex(@"(?<=\s)(?:triển khai|thực thi|thực hiện|kiểm tra|chủ trì|phối hợp|tổ chức|xây dựng|tham mưu|hướng dẫn|theo dõi|"
        + @"rà soát|ban hành|nghiên cứu|đôn đốc|báo cáo|tổng hợp|hoàn thiện|hoàn thành|cập nhật|công bố|có trách nhiệm|chịu trách nhiệm|"
        + @"làm đầu mối|là cơ quan|trình|quản lý|thẩm định|bố trí|bảo đảm|đảm bảo|giám sát|đánh giá|tiếp nhận|cung cấp|công khai|"
        + @"soạn thảo|sửa đổi|tiếp tục|khẩn trương|chỉ đạo|phổ biến|tuyên truyền)(?=[\s,;:.]|$)")]
    private static partial Regex Verb();

    public static bool Opens(string text) => Opening().IsMatch(text);

    /// <summary>
    /// The addressee a heading names, and the text after its colon ("Thủ trưởng các cơ quan, đơn vị: Có trách nhiệm …");
    /// null when the heading is a task or a topic ("Ban hành văn bản", "Sở Nội vụ chủ trì xây dựng …").
    /// </summary>
    public static (string Name, string Text)? OfHeading(string title)
    {
        if (!Opens(title)) return null;
        var colon = title.IndexOf(':');
        var name = (colon < 0 ? title : title[..colon]).Trim().TrimEnd('.', ';', ',');
        if (name.Split(' ').Length > 40 || colon < 0 && Verb().IsMatch(name)) return null;
        return (name, colon < 0 ? "" : title[(colon + 1)..].Trim());
    }

    /// <summary>An actor and what it is to do: "Sở Nội vụ triển khai …" → ("Sở Nội vụ", "triển khai …").</summary>
    public static (string Actor, string Action)? Split(string text)
    {
        if (!Opens(text)) return null;
        var verb = Verb().Match(text);
        if (!verb.Success) return null;
        return (text[..verb.Index].Trim().TrimEnd(',', ':'), text[verb.Index..].Trim());
    }
}
