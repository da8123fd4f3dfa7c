using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.Improvement;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// Who leads which criterion of the province's own assessment: the province's responsibility map (the one the
/// improvement page keeps, <see cref="DraftImprovementPlan.MapSetting"/>), read once per request.
/// </summary>
public sealed class ProvinceLeads(ParHubDbContext db)
{
    private LeadMap? map;
    private readonly Dictionary<int, string?> codes = [];

    public async Task<LeadMap> MapAsync(CancellationToken ct = default) => map ??= LeadMap.Parse(
        await db.Settings.AsNoTracking().Where(x => x.Key == DraftImprovementPlan.MapSetting).Select(x => x.Value).FirstOrDefaultAsync(ct)
        ?? DraftImprovementPlan.DefaultMap);

    /// <summary>Forget the map read (after it was changed in this request).</summary>
    public void Reset() => map = null;

    /// <summary>An agency's code (null for none).</summary>
    public async Task<string?> CodeOfAsync(int? agencyId, CancellationToken ct = default)
    {
        if (agencyId is not { } id) return null;
        if (!codes.TryGetValue(id, out var code))
            codes[id] = code = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Code).FirstOrDefaultAsync(ct);
        return code;
    }

    /// <summary>Whether <paramref name="agencyId"/> leads <paramref name="code"/> (any criterion when the code is null).</summary>
    public async Task<bool> LeadsAsync(int? agencyId, string? code, CancellationToken ct = default)
    {
        if (await CodeOfAsync(agencyId, ct) is not { } mine) return false;
        var m = await MapAsync(ct);
        return code is null ? m.Entries.Values.Contains(mine, StringComparer.OrdinalIgnoreCase)
            : string.Equals(m.LeadOf(code), mine, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The scored criteria of <paramref name="framework"/> the agency leads.</summary>
    public async Task<IReadOnlySet<string>> CriteriaOfAsync(Framework framework, int? agencyId, CancellationToken ct = default) =>
        await CodeOfAsync(agencyId, ct) is { } mine ? (await MapAsync(ct)).CriteriaOf(framework, mine) : new HashSet<string>();
}
