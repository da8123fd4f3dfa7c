using System.Security.Claims;
using ParHub.Web.Data;

namespace ParHub.Web.App;

/// <summary>Who is acting: the signed-in user of a request, or the command line.</summary>
public interface ICurrentUser
{
    string? Id { get; }
    string Name { get; }
    int? AgencyId { get; }
    bool IsInRole(string role);
}

public static class ParHubClaims
{
    public const string AgencyId = "parhub:agency";
    public const string FullName = "parhub:name";
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;
    public string? Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Name => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "?" : "system";
    public int? AgencyId => int.TryParse(Principal?.FindFirstValue(ParHubClaims.AgencyId), out var id) ? id : null;
    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}

/// <summary>What the current user may see and change, decided on the server for every request.</summary>
public sealed class AgencyScope(ICurrentUser user)
{
    /// <summary>Admin, Coordinator and Leader read every agency's data.</summary>
    public bool IsProvinceWide =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Leader);

    public bool CanManageDirectory => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);

    /// <summary>The agency's own (unpublished) data: its users, its audit trail, later its tasks and reports.</summary>
    public bool CanReadPrivate(int agencyId) => IsProvinceWide || user.AgencyId == agencyId;

    /// <summary>An agency officer may keep its own agency's contact details up to date.</summary>
    public bool CanEditProfile(int agencyId) =>
        CanManageDirectory || (user.IsInRole(Roles.AgencyOfficer) && user.AgencyId == agencyId);

    public int? OwnAgencyId => user.AgencyId;
}
