using ParHub.Core.Registries;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Registries;

/// <summary>
/// Who reads and who writes the registries, on the server: the province roles read every agency's entries, an agency's
/// officer only their own agency's and those about it (an inspection of it); the Admin and the Coordinator write any
/// agency's, an officer their own agency's (not a registry the province keeps, <see cref="RegistryKind.ProvinceOnly"/>).
/// </summary>
public static class RegistryAccess
{
    /// <summary>True with a null agency for the province roles, with the officer's agency for an officer; false for the others.</summary>
    public static bool Scope(ICurrentUser user, out int? agencyId)
    {
        agencyId = null;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Viewer)) return true;
        agencyId = user.AgencyId;
        return user.IsInRole(Roles.AgencyOfficer) && agencyId is not null;
    }

    public static bool IsProvince(ICurrentUser user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);

    public static bool MayWrite(ICurrentUser user, RegistryKind kind, int agencyId) =>
        IsProvince(user) || (!kind.ProvinceOnly && user.IsInRole(Roles.AgencyOfficer) && user.AgencyId == agencyId);

    /// <summary>Whether the user may add entries of the kind at all (for one agency or another).</summary>
    public static bool MayWriteAny(ICurrentUser user, RegistryKind kind) =>
        IsProvince(user) || (!kind.ProvinceOnly && user.IsInRole(Roles.AgencyOfficer) && user.AgencyId is not null);

    public static bool MayRead(ICurrentUser user, RegistryEntry entry) =>
        Scope(user, out var own) && (own is null || entry.AgencyId == own || entry.SubjectAgencyId == own);
}
