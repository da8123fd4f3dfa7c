using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.ParIndex;

/// <summary>What one may do with the PAR Index; asked through <see cref="IAuthorizationService"/> with an <see cref="IndexResource"/>.</summary>
public static class IndexOperations
{
    /// <summary>An assessment's scores: its agency, appraisers and province-wide roles; everyone once published.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    /// <summary>Evidence files, notes, the self-assessment report: never public.</summary>
    public static readonly OperationAuthorizationRequirement ReadEvidence = new() { Name = nameof(ReadEvidence) };
    /// <summary>
    /// Being the assessment's assessor (its agency's officers; for the province's own, the Coordinator and the officers of
    /// the departments that lead some of its criteria).
    /// </summary>
    public static readonly OperationAuthorizationRequirement Assess = new() { Name = nameof(Assess) };
    /// <summary>Scoring one criterion (with a code): the agency's officers; in the province's own, the Coordinator and the criterion's lead.</summary>
    public static readonly OperationAuthorizationRequirement AssessCriterion = new() { Name = nameof(AssessCriterion) };
    /// <summary>Changing the self-assessment now: the assessor, a draft, the window open.</summary>
    public static readonly OperationAuthorizationRequirement SelfAssess = new() { Name = nameof(SelfAssess) };
    /// <summary>Explaining appraised criteria: the assessor, submitted, not yet published.</summary>
    public static readonly OperationAuthorizationRequirement Explain = new() { Name = nameof(Explain) };
    /// <summary>Appraising: without a code, being an appraiser at all; with one, the criterion's field (assigned in the cycle).</summary>
    public static readonly OperationAuthorizationRequirement Appraise = new() { Name = nameof(Appraise) };
    /// <summary>A cycle's ranking: province-wide roles and appraisers; everyone once published.</summary>
    public static readonly OperationAuthorizationRequirement SeeResults = new() { Name = nameof(SeeResults) };
    /// <summary>Frameworks, cycles, deadlines, assignments, bonus points, surveys, publication: Admin and Coordinator.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}

/// <summary>What an operation is asked about: a cycle, one of its assessments, a criterion (by code); none for Manage.</summary>
public sealed record IndexResource(AssessmentCycle? Cycle = null, Assessment? Assessment = null, string? Code = null)
{
    public static readonly IndexResource Province = new();
    public static IndexResource Of(Assessment assessment, AssessmentCycle cycle) => new(cycle, assessment);
}

/// <summary>
/// Every PAR Index access decision, in one place: who reads, assesses, explains, appraises (by field), sees results and
/// manages. State conditions (open window, submitted, published) come from the rules in Core.
/// </summary>
public sealed class AssessmentAuthorization(ParHubDbContext db, TimeProvider clock, ProvinceLeads leads)
    : AuthorizationHandler<OperationAuthorizationRequirement, IndexResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        IndexResource resource)
    {
        if (await AllowsAsync(context.User, requirement.Name, resource)) context.Succeed(requirement);
    }

    private static bool IsCoordinator(ClaimsPrincipal u) => u.IsInRole(Roles.Admin) || u.IsInRole(Roles.Coordinator);
    private static bool IsAppraiser(ClaimsPrincipal u) => IsCoordinator(u) || u.IsInRole(Roles.Appraiser);
    private static bool IsProvinceWide(ClaimsPrincipal u) => IsCoordinator(u) || u.IsInRole(Roles.Leader);
    private static int? AgencyOf(ClaimsPrincipal u) => int.TryParse(u.FindFirstValue(ParHubClaims.AgencyId), out var id) ? id : null;

    private async Task<bool> CanReadEvidenceAsync(ClaimsPrincipal u, Assessment a, AssessmentCycle c) =>
        IsProvinceWide(u) || u.IsInRole(Roles.Appraiser) || AgencyOf(u) == a.AgencyId || await IsLeadAsync(u, c, null);

    /// <summary>An officer of a department that leads <paramref name="code"/> (any criterion when null) of the province's own assessment.</summary>
    private async Task<bool> IsLeadAsync(ClaimsPrincipal u, AssessmentCycle c, string? code) =>
        c.GroupCode == IndexData.ProvinceGroup && u.IsInRole(Roles.AgencyOfficer) && await leads.LeadsAsync(AgencyOf(u), code);

    private async Task<bool> IsAssessorAsync(ClaimsPrincipal u, Assessment a, AssessmentCycle c) =>
        c.GroupCode == IndexData.ProvinceGroup ? IsCoordinator(u) || await IsLeadAsync(u, c, null)
            : u.IsInRole(Roles.AgencyOfficer) && AgencyOf(u) == a.AgencyId;

    private async Task<bool> AssessesAsync(ClaimsPrincipal u, Assessment a, AssessmentCycle c, string? code) =>
        code is not null && (c.GroupCode == IndexData.ProvinceGroup ? IsCoordinator(u) || await IsLeadAsync(u, c, code) : await IsAssessorAsync(u, a, c));

    private async Task<bool> AllowsAsync(ClaimsPrincipal u, string operation, IndexResource r)
    {
        var (c, a) = (r.Cycle, r.Assessment);
        return operation switch
        {
            nameof(IndexOperations.Manage) => IsCoordinator(u),
            nameof(IndexOperations.SeeResults) => c is not null && (c.PublishedAt is not null || IsProvinceWide(u) || u.IsInRole(Roles.Appraiser)),
            nameof(IndexOperations.Appraise) => r.Code is null || c is null ? IsAppraiser(u) : await CanAppraiseAsync(u, c.Id, r.Code, a?.AgencyId),
            _ when a is null || c is null => false,
            nameof(IndexOperations.Read) => c.PublishedAt is not null || await CanReadEvidenceAsync(u, a, c),
            nameof(IndexOperations.ReadEvidence) => await CanReadEvidenceAsync(u, a, c),
            nameof(IndexOperations.Assess) => await IsAssessorAsync(u, a, c),
            nameof(IndexOperations.AssessCriterion) => await AssessesAsync(u, a, c, r.Code),
            nameof(IndexOperations.SelfAssess) => await IsAssessorAsync(u, a, c) && new AssessmentFlow(a, c).CanBeEdited(VietnamTime.Today(clock)),
            nameof(IndexOperations.Explain) => await IsAssessorAsync(u, a, c) && new AssessmentFlow(a, c).CanBeExplained,
            _ => false,
        };
    }

    /// <summary>
    /// Coordinators appraise every field; an appraiser the fields assigned to them in the cycle (every field when they
    /// have only agencies), and, when agencies are assigned to them (a district's communes), only those agencies.
    /// </summary>
    private async Task<bool> CanAppraiseAsync(ClaimsPrincipal u, int cycleId, string code, int? agencyId)
    {
        if (IsCoordinator(u)) return true;
        var id = u.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!u.IsInRole(Roles.Appraiser) || id is null) return false;
        var field = code.Split('.')[0];
        var fields = await db.AppraiserAssignments.Where(x => x.CycleId == cycleId && x.UserId == id).Select(x => x.FieldCode).ToListAsync();
        var scopes = await db.AppraiserScopes.Where(x => x.CycleId == cycleId && x.UserId == id).Select(x => x.AgencyId).ToListAsync();
        var fieldOk = fields.Count > 0 ? fields.Contains(field) : scopes.Count > 0;
        return fieldOk && (scopes.Count == 0 || agencyId is { } ag && scopes.Contains(ag));
    }
}

/// <summary>The use cases' way to ask <see cref="AssessmentAuthorization"/> about the signed-in user of the request.</summary>
public sealed class IndexAccess(IAuthorizationService auth, IHttpContextAccessor http)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public async Task<bool> AllowsAsync(IndexResource resource, OperationAuthorizationRequirement operation) =>
        (await auth.AuthorizeAsync(User, resource, operation)).Succeeded;

    /// <summary>Refused: <see cref="UnauthorizedAccessException"/> (answered 403).</summary>
    public async Task DemandAsync(IndexResource resource, OperationAuthorizationRequirement operation)
    {
        if (!await AllowsAsync(resource, operation)) throw new UnauthorizedAccessException();
    }
}

public static class IndexAuthorizationExtensions
{
    public static async Task<bool> AllowsAsync(this IAuthorizationService auth, ClaimsPrincipal user, IndexResource resource,
        OperationAuthorizationRequirement operation) => (await auth.AuthorizeAsync(user, resource, operation)).Succeeded;
}
