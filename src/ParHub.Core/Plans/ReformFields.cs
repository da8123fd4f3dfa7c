using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// The six standard fields of administrative reform (NQ 76/NQ-CP, 2021–2030) that a task's own heading (its plan's
/// "reform area", written in every plan's own words: "Hoàn thiện thể chế", "CẢI CÁCH CÔNG VỤ, CÔNG CHỨC", "Về cải cách tài
/// chính công") is read as, so that the board filters by field and not by twenty ways of writing one. A heading of
/// leadership, inspection or communication, or of none of the six, is <see cref="Other"/>.
/// </summary>
public static partial class ReformFields
{
    public sealed record Field(string Code, string Name);

    public const string Other = "khac";

    public static readonly IReadOnlyList<Field> All =
    [
        new("the-che", "Cải cách thể chế"), new("tthc", "Cải cách thủ tục hành chính"),
        new("bo-may", "Cải cách tổ chức bộ máy hành chính nhà nước"), new("cong-vu", "Cải cách chế độ công vụ"),
        new("tai-chinh", "Cải cách tài chính công"), new("chinh-phu-so", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
        new(Other, "Chỉ đạo, điều hành và nhiệm vụ khác"),
    ];

    /// <summary>Headings that open with these are the work around the reform (leadership, inspection, communication).</summary>
    private static readonly string[] AroundTheReform = ["cong tac chi dao", "chi dao", "chi dao dieu hanh", "kiem tra", "cong tac kiem tra", "tuyen truyen"];

    /// <summary>Whole words that name each field, folded (<see cref="VietnameseText.Fold"/>), tried in this order.</summary>
    private static readonly (string Code, string[] Words)[] Words =
    [
        ("tthc", ["thu tuc hanh chinh", "tthc", "mot cua", "dich vu cong", "giai quyet ho so"]),
        ("tai-chinh", ["tai chinh", "ngan sach", "dau tu cong", "tu chu", "tai san cong"]),
        ("cong-vu", ["cong vu", "cong chuc", "vien chuc", "can bo", "bien che", "vi tri viec lam", "dao tao", "tap huan"]),
        ("bo-may", ["bo may", "phan cap", "phan quyen", "sap xep", "kien toan"]),
        ("the-che", ["the che", "van ban quy pham", "phap luat", "chinh sach"]),
        ("chinh-phu-so", ["dien tu", "chinh phu so", "chinh quyen so", "chuyen doi so", "cong nghe thong tin", "nen tang so", "du lieu", "ha tang so",
            "so hoa", "an ninh mang", "hien dai hoa", "ung dung"]),
    ];

    /// <summary>The field a heading is read as; null for a task without a heading.</summary>
    public static string? Of(string? area)
    {
        if (string.IsNullOrWhiteSpace(area)) return null;
        var folded = " " + VietnameseText.Fold(Numbering().Replace(area, "")) + " ";
        if (AroundTheReform.Any(w => folded.StartsWith(" " + w + " ", StringComparison.Ordinal))) return Other;
        return Words.FirstOrDefault(f => f.Words.Any(w => folded.Contains(" " + w + " ", StringComparison.Ordinal))).Code ?? Other;
    }

    /// <summary>A heading's own number: "II.", "3)", "1.2.", "a)".</summary>
    [GeneratedRegex(@"^\s*(?:[IVXLCivxlc]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*")] private static partial Regex Numbering();

    public static string NameOf(string code) => All.FirstOrDefault(f => f.Code == code)?.Name ?? code;

    public static bool IsField(string? code) => All.Any(f => f.Code == code);
}
