using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Sipas;

namespace ParHub.Web.Features.ParIndex.Improvement;

/// <summary>A SIPAS component of an agency below its target (its own, else the programme's: <see cref="Target"/>).</summary>
public sealed record WeakComponent(int AgencyId, string AgencyName, string Code, string Title, decimal Percent, int N, decimal Target);

/// <summary>The computed programme of a cycle, its target and the weak components of the cycle's agencies (weakest first).</summary>
public sealed record WeakComponents(SurveyProgramme Programme, decimal Target, IReadOnlyList<WeakComponent> Items)
{
    /// <summary>The agencies' own targets; the others have the programme's <see cref="Target"/>.</summary>
    public IReadOnlyDictionary<int, decimal> Targets { get; init; } = new Dictionary<int, decimal>();

    public decimal TargetOf(int agencyId) => Targets.TryGetValue(agencyId, out var t) ? t : Target;
}

/// <summary>
/// The SIPAS components below target (the agency's own target set on the sample page, else the programme's
/// <see cref="SurveyProgramme.TargetPercent"/>) of the agencies of a PAR cycle, from
/// the computed or published programme linked to the cycle; agencies "chưa đủ mẫu" are left out. Province-wide roles only.
/// Null when the cycle has no computed programme.
/// </summary>
public sealed class ListWeakComponents(ParHubDbContext db, SipasResults results, ICurrentUser user)
{
    public async Task<WeakComponents?> RunAsync(int cycleId, int? agencyId, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.Leader)) throw new UnauthorizedAccessException();
        var programme = await db.SurveyProgrammes.AsNoTracking()
            .Where(p => p.ParCycleId == cycleId && (p.State == SurveyState.Computed || p.State == SurveyState.Published))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (programme is null || await results.ComputeAsync(programme.Id, ct) is not { } computed) return null;
        var members = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycleId).Select(a => a.AgencyId).ToListAsync(ct);
        var items = computed.Agencies
            .Where(r => r.AgencyId is { } a && members.Contains(a) && (agencyId is null || a == agencyId) && !r.BelowMinimum && r.Result.N > 0)
            .SelectMany(r => SipasParFeed.Weak(computed.Spec, r.Result, computed.TargetOf(r))
                .Select(w => new WeakComponent(r.AgencyId!.Value, r.Name, w.Component.Code, w.Component.Title, w.Percent, r.Result.N, computed.TargetOf(r))))
            .OrderBy(w => w.Percent).ThenBy(w => w.AgencyName, Core.Text.VietnameseCollation.Comparer).ToList();
        return new WeakComponents(programme, programme.TargetPercent, items) { Targets = computed.Targets };
    }
}
