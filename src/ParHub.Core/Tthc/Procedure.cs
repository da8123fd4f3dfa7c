using ParHub.Core.Text;

namespace ParHub.Core.Tthc;

/// <summary>The level of government that resolves a procedure: cấp tỉnh, cấp huyện (until 30/6/2025) or cấp xã.</summary>
public enum ProcedureLevel
{
    Province,
    District,
    Commune,
}

/// <summary>How a procedure is received: at one agency's one-stop counter (một cửa) or passed between agencies (liên thông).</summary>
public enum OneStopKind
{
    OneStop,
    Interlinked,
}

/// <summary>The procedure's online public service: full (toàn trình), partial (một phần) or none (không).</summary>
public enum OnlineLevel
{
    None,
    Partial,
    Full,
}

/// <summary>
/// A publishing decision (quyết định công bố TTHC): its number ("1234/QĐ-UBND"), its date, the date its legal basis
/// takes effect, and the date the procedures were published on the national database (CSDL quốc gia về TTHC).
/// </summary>
public class TthcDecision
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public DateOnly Date { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? PublishedOnDatabase { get; set; }

    /// <summary>Issued no later than its legal basis takes effect (NĐ 63/2010, art. 15); null while the effective date is unknown.</summary>
    public bool? OnTime => EffectiveFrom is { } e ? Date <= e : null;
}

/// <summary>
/// An administrative procedure (thủ tục hành chính) of the province's catalogue, by its national code (mã TTHC, unique):
/// name, field (lĩnh vực), level, the ParHub agency that resolves it (null when the catalogue does not say or names
/// none of the directory), one-stop kind, online level, fee-bearing, postal, and the decision that published it.
/// </summary>
public class TthcProcedure
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
    public ProcedureLevel Level { get; set; }
    public int? AgencyId { get; set; }
    public OneStopKind OneStop { get; set; }
    public OnlineLevel Online { get; set; }
    public bool FeeBearing { get; set; }
    public bool Postal { get; set; }
    public int? DecisionId { get; set; }
    public TthcDecision? Decision { get; set; }
    /// <summary>When an import last changed the row.</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The Vietnamese labels of the procedure enums, and the reading of the words a catalogue writes for them.</summary>
public static class ProcedureLabels
{
    public static string Label(ProcedureLevel level) => level switch
    {
        ProcedureLevel.Province => "Cấp tỉnh",
        ProcedureLevel.District => "Cấp huyện",
        ProcedureLevel.Commune => "Cấp xã",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string Label(OneStopKind kind) => kind switch
    {
        OneStopKind.OneStop => "Một cửa",
        OneStopKind.Interlinked => "Liên thông",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(OnlineLevel level) => level switch
    {
        OnlineLevel.None => "Không",
        OnlineLevel.Partial => "Một phần",
        OnlineLevel.Full => "Toàn trình",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>"Cấp tỉnh", "tỉnh", "cap_tinh" (any case, with or without diacritics); also "thành phố" for a city province; or null.</summary>
    public static ProcedureLevel? Level(string? text) => VietnameseText.Fold(text) switch
    {
        "cap tinh" or "tinh" or "cap thanh pho" or "thanh pho" => ProcedureLevel.Province,
        "cap huyen" or "huyen" or "cap quan huyen" => ProcedureLevel.District,
        "cap xa" or "xa" or "cap xa phuong" => ProcedureLevel.Commune,
        _ => null,
    };

    /// <summary>"một cửa" (or empty: most procedures are), "liên thông" / "một cửa liên thông"; or null.</summary>
    public static OneStopKind? OneStop(string? text) => VietnameseText.Fold(text) switch
    {
        "" or "mot cua" => OneStopKind.OneStop,
        "lien thong" or "mot cua lien thong" => OneStopKind.Interlinked,
        _ => null,
    };

    /// <summary>"toàn trình", "một phần", "không" or empty (also with "DVC trực tuyến" before them); or null.</summary>
    public static OnlineLevel? Online(string? text)
    {
        var folded = VietnameseText.Fold(text);
        foreach (var prefix in new[] { "dich vu cong truc tuyen ", "dvc truc tuyen ", "dvctt ", "truc tuyen " })
            if (folded.StartsWith(prefix, StringComparison.Ordinal)) folded = folded[prefix.Length..];
        return folded switch
        {
            "toan trinh" => OnlineLevel.Full,
            "mot phan" => OnlineLevel.Partial,
            "" or "khong" => OnlineLevel.None,
            _ => null,
        };
    }
}
