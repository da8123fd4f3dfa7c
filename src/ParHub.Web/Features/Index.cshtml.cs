using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Home;

namespace ParHub.Web.Features;

/// <summary>
/// Each role's home, answering "what needs me now" (a user with several roles sees each part); for a visitor without an
/// account, the public portal.
/// </summary>
[AllowAnonymous]
public class IndexModel(Portal.PortalQuery portal, AgencyScope scope, UserManager<AppUser> users, OfficerHome officer, CoordinatorHome coordinator,
    AppraiserHome appraiser, AdminHome admin, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public OfficerHomeView? Officer { get; private set; }
    public CoordinatorHomeView? Coordinator { get; private set; }
    public List<AppraiserCycle>? Appraiser { get; private set; }
    public AdminHomeView? Admin { get; private set; }
    public bool IsLeader { get; private set; }
    public Portal.PortalView? Public { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        if (User.Identity?.IsAuthenticated != true)
        {
            Public = await portal.QueryAsync(ct);
            return Page();
        }
        var id = users.GetUserId(User)!;
        if (User.IsInRole(Roles.AgencyOfficer) && scope.OwnAgencyId is { } agency) Officer = await officer.QueryAsync(agency, id, Today, ct);
        if (User.IsInRole(Roles.Coordinator)) Coordinator = await coordinator.QueryAsync(Today, ct);
        if (User.IsInRole(Roles.Appraiser)) Appraiser = await appraiser.QueryAsync(id, ct);
        if (User.IsInRole(Roles.Admin)) Admin = await admin.QueryAsync(ct);
        IsLeader = User.IsInRole(Roles.Leader);
        // A leader's home is the dashboard.
        if (IsLeader && Officer is null && Coordinator is null && Appraiser is null && Admin is null) return Redirect("/Dashboard");
        return Page();
    }
}
