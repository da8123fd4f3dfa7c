using ParHub.Core.Text;

namespace ParHub.Core.Tthc;

/// <summary>How a dossier reached the agency: at the one-stop counter (<c>truc_tiep</c>), online (<c>truc_tuyen</c>) or by post (<c>buu_chinh</c>).</summary>
public enum DossierChannel
{
    Counter,
    Online,
    Post,
}

/// <summary>The citizen's rating of a resolved dossier: none, satisfied (<c>hai_long</c>) or dissatisfied (<c>khong_hai_long</c>).</summary>
public enum DossierRating
{
    None,
    Satisfied,
    Dissatisfied,
}

/// <summary>
/// One dossier (hồ sơ TTHC) as the province's one-stop system exports it: its code, the agency that handles it, the
/// procedure, the channel, the dates received, due (ngày hẹn trả) and resolved (ngày có kết quả; null while pending),
/// and the flags the service index counts (docs/architecture.md, "TTHC").
/// </summary>
public sealed record Dossier(
    string Code, string AgencyCode, string ProcedureCode, DossierChannel Channel,
    DateOnly Received, DateOnly Due, DateOnly? Resolved,
    bool FeeBearing, bool PaidOnline, bool Digitised, bool ElectronicResult, bool Synced, bool Apology,
    DossierRating Rating);

/// <summary>The codes the exports and the CLI write for channels and ratings.</summary>
public static class DossierCodes
{
    public const string Counter = "truc_tiep";
    public const string Online = "truc_tuyen";
    public const string Post = "buu_chinh";
    public const string Satisfied = "hai_long";
    public const string Dissatisfied = "khong_hai_long";

    public static string Of(DossierChannel channel) => channel switch
    {
        DossierChannel.Counter => Counter,
        DossierChannel.Online => Online,
        DossierChannel.Post => Post,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>The rating's code; empty for none.</summary>
    public static string Of(DossierRating rating) => rating switch
    {
        DossierRating.None => "",
        DossierRating.Satisfied => Satisfied,
        DossierRating.Dissatisfied => Dissatisfied,
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    /// <summary>
    /// A channel from its code (any case, spaces around ignored) or from the Vietnamese words an export writes ("Trực
    /// tiếp", "Nộp trực tuyến", "Qua bưu chính"…, with or without diacritics), or null.
    /// </summary>
    public static DossierChannel? Channel(string code) => code.Trim().ToLowerInvariant() switch
    {
        Counter => DossierChannel.Counter,
        Online => DossierChannel.Online,
        Post => DossierChannel.Post,
        var other => VietnameseText.Fold(other) switch
        {
            "truc tiep" or "nop truc tiep" or "tai quay" or "tai bo phan mot cua" or "bo phan mot cua" => DossierChannel.Counter,
            "truc tuyen" or "nop truc tuyen" or "dvc truc tuyen" or "dich vu cong truc tuyen" => DossierChannel.Online,
            "buu chinh" or "qua buu chinh" or "buu chinh cong ich" => DossierChannel.Post,
            _ => null,
        },
    };

    /// <summary>
    /// A rating from its code (any case; empty = none) or the words an export writes ("Hài lòng", "Rất hài lòng",
    /// "Không hài lòng", "Chưa đánh giá"), or null when unknown.
    /// </summary>
    public static DossierRating? Rating(string code) => code.Trim().ToLowerInvariant() switch
    {
        "" => DossierRating.None,
        Satisfied => DossierRating.Satisfied,
        Dissatisfied => DossierRating.Dissatisfied,
        var other => VietnameseText.Fold(other) switch
        {
            "chua danh gia" or "khong danh gia" => DossierRating.None,
            "hai long" or "rat hai long" => DossierRating.Satisfied,
            "khong hai long" => DossierRating.Dissatisfied,
            _ => null,
        },
    };
}
