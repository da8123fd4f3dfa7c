using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using ParHub.Core.Reports;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>What one may do with an agency's report (the resource authorization operations).</summary>
public static class ReportOperations
{
    /// <summary>Read it: province-wide roles read every agency's report, anyone else only their own agency's.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Fill it in and submit it: only the agency's own officers.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Return, accept, reopen; write the province's own report: Sở Nội vụ (Admin, Coordinator).</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };

    /// <summary>Attach the signed PDF: the agency's officers or Sở Nội vụ.</summary>
    public static readonly OperationAuthorizationRequirement Attach = new() { Name = nameof(Attach) };
}

/// <summary>
/// The one place that decides access to reports, for pages, endpoints and use cases alike. For a report not made yet,
/// the resource is a report naming only the agency (<see cref="ReportAccess.CanEditAsync"/>).
/// </summary>
public sealed class ReportAuthorization : AuthorizationHandler<OperationAuthorizationRequirement, AgencyReport>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        AgencyReport resource)
    {
        if (Allows(context.User, requirement.Name, resource)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool Allows(ClaimsPrincipal user, string operation, AgencyReport report)
    {
        var agency = int.TryParse(user.FindFirstValue(ParHubClaims.AgencyId), out var id) ? id : (int?)null;
        var reviewer = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
        var provinceWide = reviewer || user.IsInRole(Roles.Leader);
        var ownOfficer = user.IsInRole(Roles.AgencyOfficer) && agency == report.AgencyId;
        return operation switch
        {
            nameof(ReportOperations.Read) => provinceWide || agency == report.AgencyId,
            nameof(ReportOperations.Edit) => ownOfficer,
            nameof(ReportOperations.Review) => reviewer,
            nameof(ReportOperations.Attach) => ownOfficer || reviewer,
            _ => false,
        };
    }
}

/// <summary>Asks <see cref="ReportAuthorization"/> (through ASP.NET Core's authorization service) about the signed-in user.</summary>
public sealed class ReportAccess(IAuthorizationService authorization, IHttpContextAccessor http)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public async Task<bool> AllowsAsync(AgencyReport report, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, report, operation)).Succeeded;

    /// <summary>Whether the user may fill in the agency's report (made or not yet).</summary>
    public Task<bool> CanEditAsync(int agencyId) => AllowsAsync(new AgencyReport { AgencyId = agencyId }, ReportOperations.Edit);

    /// <summary>Whether the user reviews reports (Sở Nội vụ), whatever the agency.</summary>
    public Task<bool> IsReviewerAsync() => AllowsAsync(new AgencyReport(), ReportOperations.Review);

    /// <summary>Refuses (<see cref="UnauthorizedAccessException"/>, answered 403) what the user may not do.</summary>
    public async Task DemandAsync(AgencyReport report, OperationAuthorizationRequirement operation)
    {
        if (!await AllowsAsync(report, operation)) throw new UnauthorizedAccessException();
    }
}
