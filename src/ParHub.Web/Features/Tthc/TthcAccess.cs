using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>Who sees which dossiers' figures: province roles every agency's, an agency's officer only their own, others none.</summary>
public static class TthcAccess
{
    /// <summary>The province roles see all (null); an officer their agency; false when the user sees none.</summary>
    public static bool Scope(ICurrentUser user, out int? agencyId)
    {
        agencyId = null;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Viewer)) return true;
        agencyId = user.AgencyId;
        return agencyId is not null;
    }

    /// <summary>
    /// Who may enter an agency's month totals: the Admin and the Coordinator for any agency, an agency's officer for their
    /// own; the other province roles only read them.
    /// </summary>
    public static bool MayEnter(ICurrentUser user, int agencyId) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || (user.IsInRole(Roles.AgencyOfficer) && user.AgencyId == agencyId);
}
