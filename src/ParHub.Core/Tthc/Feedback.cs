namespace ParHub.Core.Tthc;

/// <summary>
/// How a feedback item (phản ánh, kiến nghị — PAKN) reached the agency: in person (<c>truc_tiep</c>), by phone or the
/// hotline (<c>dien_thoai</c>), by letter or post (<c>buu_chinh</c>), through the public-service portal (<c>cong_dvc</c>),
/// by email (<c>email</c>) or through an app (<c>ung_dung</c>). Each channel's system numbers its own items, so a
/// feedback code is unique per channel.
/// </summary>
public enum FeedbackChannel
{
    InPerson,
    Phone,
    Post,
    Portal,
    Email,
    App,
}

/// <summary>The citizen's rating of the answer: none, satisfied (<c>hai_long</c>) or dissatisfied (<c>khong_hai_long</c>).</summary>
public enum FeedbackRating
{
    None,
    Satisfied,
    Dissatisfied,
}

/// <summary>
/// One feedback item (PAKN) as a province's feedback system exports it, or an officer enters it: its code, the date
/// received, the channel, the field (lĩnh vực), the agency that handles it (by ParHub code), the due date, the date
/// answered (null while pending), whether the answer was published, the citizen's rating and a short subject (never
/// anything personal: no name, phone, email or ID number).
/// </summary>
public sealed record Feedback(
    string Code, DateOnly Received, FeedbackChannel Channel, string Field, string AgencyCode, DateOnly Due, DateOnly? Answered,
    bool Published, FeedbackRating Rating, string Subject);

/// <summary>
/// A feedback item as ParHub stores it (table <c>feedback</c>): one row per channel and code, updated in place when an
/// export is imported again; the agency is ParHub's.
/// </summary>
public class FeedbackRecord
{
    public long Id { get; set; }
    public string Code { get; set; } = "";
    public FeedbackChannel Channel { get; set; }
    public DateOnly Received { get; set; }
    public string Field { get; set; } = "";
    public int AgencyId { get; set; }
    public DateOnly Due { get; set; }
    public DateOnly? Answered { get; set; }
    public bool Published { get; set; }
    public FeedbackRating Rating { get; set; }
    public string Subject { get; set; } = "";
    /// <summary>When the row was last written (import, entry or an answer marked).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The pure item, with the agency by its code.</summary>
    public Feedback ToFeedback(string agencyCode) => new(Code, Received, Channel, Field, agencyCode, Due, Answered, Published, Rating, Subject);
}

/// <summary>The codes and Vietnamese names of channels and ratings, and the limits of the text fields.</summary>
public static class FeedbackCodes
{
    public const int MaxCode = 64;
    public const int MaxField = 200;
    public const int MaxSubject = 500;
    public const string Satisfied = "hai_long";
    public const string Dissatisfied = "khong_hai_long";

    /// <summary>Each channel's code (as files write it) and its Vietnamese name (also accepted in files).</summary>
    public static IReadOnlyList<(FeedbackChannel Channel, string Code, string Name)> Channels { get; } =
    [
        (FeedbackChannel.InPerson, "truc_tiep", "Trực tiếp"),
        (FeedbackChannel.Phone, "dien_thoai", "Điện thoại, đường dây nóng"),
        (FeedbackChannel.Post, "buu_chinh", "Thư, bưu chính"),
        (FeedbackChannel.Portal, "cong_dvc", "Cổng dịch vụ công"),
        (FeedbackChannel.Email, "email", "Thư điện tử"),
        (FeedbackChannel.App, "ung_dung", "Ứng dụng"),
    ];

    public static string Of(FeedbackChannel channel) => Channels.First(c => c.Channel == channel).Code;

    public static string Name(FeedbackChannel channel) => Channels.First(c => c.Channel == channel).Name;

    /// <summary>The rating's code; empty for none.</summary>
    public static string Of(FeedbackRating rating) => rating switch
    {
        FeedbackRating.None => "",
        FeedbackRating.Satisfied => Satisfied,
        FeedbackRating.Dissatisfied => Dissatisfied,
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    /// <summary>A channel from its code or Vietnamese name (any case, spaces around ignored), or null.</summary>
    public static FeedbackChannel? Channel(string text)
    {
        var t = text.Trim();
        foreach (var c in Channels)
            if (string.Equals(t, c.Code, StringComparison.OrdinalIgnoreCase) || string.Equals(t, c.Name, StringComparison.OrdinalIgnoreCase))
                return c.Channel;
        return null;
    }

    /// <summary>A rating from its code (any case; empty = none; also “hài lòng”, “không hài lòng”), or null when unknown.</summary>
    public static FeedbackRating? Rating(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" => FeedbackRating.None,
        Satisfied or "hài lòng" => FeedbackRating.Satisfied,
        Dissatisfied or "không hài lòng" => FeedbackRating.Dissatisfied,
        _ => null,
    };

    /// <summary>
    /// Why a subject cannot be stored (Vietnamese), or null: at most <see cref="MaxSubject"/> characters and nothing that
    /// looks personal — an email address, or a run of 9 or more digits (a phone or ID number).
    /// </summary>
    public static string? SubjectProblem(string subject)
    {
        if (subject.Length > MaxSubject) return $"Nội dung dài {subject.Length} ký tự, tối đa {MaxSubject}.";
        if (System.Text.RegularExpressions.Regex.IsMatch(subject, @"[^\s@]+@[^\s@]+\.[^\s@]+"))
            return "Nội dung có địa chỉ email: chỉ ghi tóm tắt vụ việc, không ghi thông tin cá nhân.";
        var digits = 0;
        foreach (var ch in subject)
        {
            digits = char.IsAsciiDigit(ch) ? digits + 1 : ch is ' ' or '-' && digits > 0 ? digits : 0;
            if (digits >= 9) return "Nội dung có dãy số giống số điện thoại hoặc số giấy tờ: chỉ ghi tóm tắt vụ việc, không ghi thông tin cá nhân.";
        }
        return null;
    }
}
