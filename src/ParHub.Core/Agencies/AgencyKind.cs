namespace ParHub.Core.Agencies;

/// <summary>What kind of body an agency is. Stored by name, so the order may change.</summary>
public enum AgencyKind
{
    /// <summary>UBND tỉnh / thành phố.</summary>
    Province,
    /// <summary>Sở, ban, ngành (and Văn phòng UBND, Thanh tra).</summary>
    Department,
    /// <summary>UBND quận, huyện, thị xã (abolished 30/6/2025).</summary>
    District,
    /// <summary>UBND xã, phường, thị trấn, đặc khu.</summary>
    Commune,
    /// <summary>Cơ quan ngành dọc located in the province (Công an, Thuế, BHXH…).</summary>
    CentralBranch,
    /// <summary>Đơn vị sự nghiệp công lập.</summary>
    PublicServiceUnit,
}

public static class AgencyKinds
{
    public static string Label(AgencyKind kind) => kind switch
    {
        AgencyKind.Province => "UBND tỉnh/thành phố",
        AgencyKind.Department => "Sở, ban, ngành",
        AgencyKind.District => "UBND quận, huyện",
        AgencyKind.Commune => "UBND xã, phường, đặc khu",
        AgencyKind.CentralBranch => "Cơ quan ngành dọc",
        AgencyKind.PublicServiceUnit => "Đơn vị sự nghiệp",
        _ => kind.ToString(),
    };

    /// <summary>Reads a kind from its code name or its Vietnamese label, case- and diacritic-insensitive.</summary>
    public static bool TryParse(string? text, out AgencyKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (Enum.TryParse(text.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind)) return true;
        var folded = Text.VietnameseText.Fold(text);
        foreach (var k in Enum.GetValues<AgencyKind>())
        {
            if (Text.VietnameseText.Fold(Label(k)) == folded) { kind = k; return true; }
        }
        return false;
    }
}
