namespace ParHub.Core.Agencies;

/// <summary>
/// An agency as the directory snapshot holds it: an immutable copy that every request may share (the entity
/// <see cref="Agency"/> is for changing, through a DbContext of one request).
/// </summary>
public sealed record AgencyInfo(int Id, string Code, AgencyKind Kind, string Name, string? ShortName, IReadOnlyList<string> AliasList,
    int? ParentId, DateOnly? ValidFrom, DateOnly? ValidTo, int? SuccessorId, string? Address, string? Phone, string? Email, bool IsDemo,
    IReadOnlyList<int> GroupIds)
{
    public AgencyNames Names => new(Name, (ShortName is null ? AliasList : AliasList.Prepend(ShortName)).ToList());

    /// <summary>Whether the agency existed on a date (both ends inclusive).</summary>
    public bool ExistsOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    public static AgencyInfo From(Agency a, IEnumerable<int> groupIds) => new(a.Id, a.Code, a.Kind, a.Name, a.ShortName,
        a.AliasList.ToArray(), a.ParentId, a.ValidFrom, a.ValidTo, a.SuccessorId, a.Address, a.Phone, a.Email, a.IsDemo,
        groupIds.Order().ToArray());
}

/// <summary>A group as the directory snapshot holds it (immutable).</summary>
public sealed record AgencyGroupInfo(int Id, string Code, string Name, IReadOnlyList<string> AliasList, string? Description);
