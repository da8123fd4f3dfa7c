using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

/// <summary>How an agency is shown to API clients and by <c>./parhub agencies list --json</c>.</summary>
public sealed record AgencyDto(
    int Id, string Code, AgencyKind Kind, string Name, string? ShortName, IReadOnlyList<string> Aliases,
    int? ParentId, DateOnly? ValidFrom, DateOnly? ValidTo, int? SuccessorId, string? Address, string? Phone,
    string? Email, bool IsDemo, IReadOnlyList<string> Groups)
{
    public static AgencyDto From(Agency a, IReadOnlyDictionary<int, string>? groupCodes = null) => new(
        a.Id, a.Code, a.Kind, a.Name, a.ShortName, a.AliasList, a.ParentId, a.ValidFrom, a.ValidTo, a.SuccessorId,
        a.Address, a.Phone, a.Email, a.IsDemo,
        a.Groups.Select(g => groupCodes?.GetValueOrDefault(g.GroupId) ?? g.Group?.Code ?? g.GroupId.ToString()).ToList());

    public static AgencyDto From(AgencyInfo a, IReadOnlyDictionary<int, string> groupCodes) => new(
        a.Id, a.Code, a.Kind, a.Name, a.ShortName, a.AliasList, a.ParentId, a.ValidFrom, a.ValidTo, a.SuccessorId,
        a.Address, a.Phone, a.Email, a.IsDemo, a.GroupIds.Select(g => groupCodes.GetValueOrDefault(g) ?? g.ToString()).ToList());
}

public sealed record AgencyGroupDto(int Id, string Code, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<int> MemberIds);

/// <summary><c>/api/v1/agencies</c>: read for signed-in users, write for Admin and Coordinator.</summary>
public static class AgencyApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<Data.TransactionEndpointFilter>().WithTags("Agencies");

        api.MapGet("/agencies", ListAsync).WithName("ListAgencies")
            .WithSummary(
                "Danh mục cơ quan; lọc theo từ khóa (q), loại (kind), cơ quan cấp trên (parentId), ngày hiệu lực (activeOn: yyyy-MM-dd).");
        api.MapGet("/agencies/{id:int}", GetAsync).WithName("GetAgency");
        api.MapPost("/agencies", CreateAsync).WithName("CreateAgency").RequireAuthorization(Policies.DirectoryEditor);
        api.MapPut("/agencies/{id:int}", UpdateAsync).WithName("UpdateAgency").RequireAuthorization(Policies.DirectoryEditor);
        api.MapGet("/agency-groups", GroupsAsync).WithName("ListAgencyGroups");
    }

    public static async Task<List<AgencyDto>> QueryAsync(AgencyQueries service,
        string? q, AgencyKind? kind, int? parentId, DateOnly? activeOn, CancellationToken ct)
    {
        var directory = await service.DirectoryAsync(ct);
        var codes = directory.Groups.ToDictionary(g => g.Key, g => g.Value.Code);
        IEnumerable<AgencyInfo> agencies = string.IsNullOrWhiteSpace(q)
            ? directory.Entries.Select(e => e.Agency)
            : (await service.SearchAsync(q, 200, ct)).Select(h => h.Agency);
        if (kind is { } k) agencies = agencies.Where(a => a.Kind == k);
        if (parentId is { } p) agencies = agencies.Where(a => a.ParentId == p);
        if (activeOn is { } d) agencies = agencies.Where(a => a.ExistsOn(d));
        return agencies.Select(a => AgencyDto.From(a, codes)).ToList();
    }

    private static async Task<Ok<List<AgencyDto>>> ListAsync(AgencyQueries service,
        string? q, AgencyKind? kind, int? parentId, DateOnly? activeOn, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(service, q, kind, parentId, activeOn, ct));

    private static async Task<Results<Ok<AgencyDto>, NotFound>> GetAsync(int id, ParHubDbContext db, CancellationToken ct)
    {
        var a = await db.Agencies.AsNoTracking().Include(x => x.Groups).ThenInclude(g => g.Group).SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? TypedResults.NotFound() : TypedResults.Ok(AgencyDto.From(a));
    }

    private static async Task<Results<Created<AgencyDto>, ValidationProblem>> CreateAsync(
        AgencyInput input, SaveAgency save, CancellationToken ct)
    {
        var result = await save.RunAsync(input, null, ct);
        return result.Agency is { } agency
            ? TypedResults.Created($"/api/v1/agencies/{agency.Id}", AgencyDto.From(agency))
            : Problem(result);
    }

    private static async Task<Results<Ok<AgencyDto>, NotFound, ValidationProblem>> UpdateAsync(
        int id, AgencyInput input, SaveAgency save, CancellationToken ct)
    {
        var result = await save.RunAsync(input, id, ct);
        if (result.NotFound) return TypedResults.NotFound();
        return result.Agency is { } agency ? TypedResults.Ok(AgencyDto.From(agency)) : Problem(result);
    }

    private static ValidationProblem Problem(SaveAgencyResult result) =>
        TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

    private static async Task<Ok<List<AgencyGroupDto>>> GroupsAsync(ParHubDbContext db, CancellationToken ct)
    {
        var groups = await db.AgencyGroups.AsNoTracking().Include(g => g.Members).OrderBy(g => g.Id).ToListAsync(ct);
        return TypedResults.Ok(groups.Select(g => new AgencyGroupDto(g.Id, g.Code, g.Name, g.AliasList,
            g.Members.Select(m => m.AgencyId).ToList())).ToList());
    }
}
