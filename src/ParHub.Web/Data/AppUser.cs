using Microsoft.AspNetCore.Identity;
using ParHub.Core.Agencies;

namespace ParHub.Web.Data;

/// <summary>A person who signs in. Agency officers are bound to one agency.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Notices are e-mailed in the daily digest rather than at once (the user's choice; in-app they arrive at once).</summary>
    public bool MailDigest { get; set; }
}

/// <summary>The roles of ParHub. Names are stored; labels are shown.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Leader = "Leader";
    public const string AgencyOfficer = "AgencyOfficer";
    public const string Appraiser = "Appraiser";
    public const string Viewer = "Viewer";
    /// <summary>Điều tra viên: enters survey answers (interviews, paper forms); sees no results.</summary>
    public const string Interviewer = "Interviewer";

    public static readonly string[] All = [Admin, Coordinator, Leader, AgencyOfficer, Appraiser, Viewer, Interviewer];

    /// <summary>Roles that see every agency's data.</summary>
    public const string ProvinceWide = Admin + "," + Coordinator + "," + Leader;
    public const string DirectoryEditors = Admin + "," + Coordinator;

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Coordinator => "Chuyên viên CCHC Sở Nội vụ",
        Leader => "Lãnh đạo",
        AgencyOfficer => "Cán bộ đầu mối cơ quan",
        Appraiser => "Thành viên thẩm định",
        Viewer => "Người xem",
        Interviewer => "Điều tra viên",
        _ => role,
    };
}
