namespace ParHub.Core.Agencies;

/// <summary>
/// A body in the province's directory. Agencies are never deleted: an abolished or merged agency gets an end date
/// (<see cref="ValidTo"/>) and a <see cref="SuccessorId"/>, so history (a 2024 task of a district) stays right.
/// </summary>
public class Agency
{
    public int Id { get; set; }
    /// <summary>Stable code, unique across the directory ("SNV", "Q-LECHAN").</summary>
    public string Code { get; set; } = "";
    public AgencyKind Kind { get; set; }
    /// <summary>Full official name, e.g. "Sở Kế hoạch và Đầu tư".</summary>
    public string Name { get; set; } = "";
    /// <summary>Usual short name, e.g. "Sở KH&amp;ĐT".</summary>
    public string? ShortName { get; set; }
    /// <summary>Other names and abbreviations, one per line.</summary>
    public string Aliases { get; set; } = "";
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SuccessorId { get; set; }
    public Agency? Successor { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>Folded name, short name and aliases for search (maintained on save).</summary>
    public string SearchText { get; set; } = "";
    /// <summary>Generated demo data, not a real agency.</summary>
    public bool IsDemo { get; set; }
    public List<AgencyGroupMember> Groups { get; set; } = [];

    public IReadOnlyList<string> AliasList =>
        Aliases.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public AgencyNames Names =>
        new(Name, (ShortName is null ? AliasList : AliasList.Prepend(ShortName)).ToList());

    /// <summary>Whether the agency existed on a date (both ends inclusive).</summary>
    public bool ExistsOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    public void RefreshSearchText() =>
        SearchText = string.Join(" | ", Names.OtherNames.Prepend(Name).Select(Text.VietnameseText.Fold));
}

/// <summary>A named group that plans assign tasks to ("Các sở, ban, ngành", "UBND cấp xã").</summary>
public class AgencyGroup
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Other phrases that name the group, one per line.</summary>
    public string Aliases { get; set; } = "";
    public string? Description { get; set; }
    public List<AgencyGroupMember> Members { get; set; } = [];

    public IReadOnlyList<string> AliasList =>
        Aliases.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public class AgencyGroupMember
{
    public int GroupId { get; set; }
    public AgencyGroup? Group { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
}
