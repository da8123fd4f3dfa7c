using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Sipas;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>An agency's rank within one of the programme's groups: <see cref="Rank"/> of <see cref="Of"/> ranked agencies.</summary>
public sealed record SipasGroupRank(string Group, int Rank, int Of);

/// <summary>
/// A programme's results as the results page, the report and the public page show them: the index per agency and for
/// the province, each agency's rank within the programme's groups, and last year's SIPAS beside this year's.
/// </summary>
public sealed record SipasReport(SipasResults.Computed Current, IReadOnlyDictionary<int, IReadOnlyList<SipasGroupRank>> Ranks,
    SurveyProgramme? LastYear, IReadOnlyDictionary<int, decimal?> LastYearSipas, decimal? LastYearProvince, string Issuer)
{
    public IReadOnlyList<SipasGroupRank> RanksOf(SipasRow r) => r.AgencyId is { } a && Ranks.TryGetValue(a, out var x) ? x : [];
    public decimal? LastYearOf(SipasRow r) => r.AgencyId is { } a ? LastYearSipas.GetValueOrDefault(a) : LastYearProvince;
    public decimal? ChangeOf(SipasRow r) => SipasRanking.Change(r.Result.Sipas, LastYearOf(r));

    /// <summary>"2/5 (Sở, ban, ngành)" for each group the agency is ranked in; "—" when it is not ranked.</summary>
    public string RankText(SipasRow r) => RanksOf(r) is { Count: > 0 } ranks
        ? string.Join("; ", ranks.Select(x => ranks.Count == 1 && Ranks.Values.SelectMany(v => v).Select(v => v.Group).Distinct().Count() == 1
            ? $"{x.Rank}/{x.Of}" : $"{x.Rank}/{x.Of} ({x.Group})"))
        : "—";
}

/// <summary>Builds a <see cref="SipasReport"/>: <see cref="SipasResults"/> for this year and for last year's programme.</summary>
public sealed class SipasReports(ParHubDbContext db, SipasResults results)
{
    public async Task<SipasReport?> ReportAsync(int programmeId, CancellationToken ct = default)
    {
        if (await results.ComputeAsync(programmeId, ct) is not { } c) return null;
        var p = c.Programme;
        var groupIds = p.Groups.Select(g => g.GroupId).ToList();
        var groups = await db.AgencyGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Include(g => g.Members).OrderBy(g => g.Id).ToListAsync(ct);
        var ranks = new Dictionary<int, List<SipasGroupRank>>();
        foreach (var g in groups)
        {
            var members = g.Members.Select(m => m.AgencyId).ToHashSet();
            var ranked = SipasRanking.Rank(c.Agencies.Where(r => r.AgencyId is { } a && members.Contains(a))
                .Select(r => new SipasRanking.Entry(r.AgencyId!.Value, r.Result.Sipas, r.BelowMinimum)));
            foreach (var (agency, rank) in ranked)
                (ranks.TryGetValue(agency, out var list) ? list : ranks[agency] = []).Add(new SipasGroupRank(g.Name, rank, ranked.Count));
        }
        var last = await LastYearAsync(p, ct);
        var lastComputed = last is null ? null : await results.ComputeAsync(last.Id, ct);
        var lastSipas = lastComputed?.Agencies.Where(r => r.AgencyId is not null && r.Result.N > 0)
            .ToDictionary(r => r.AgencyId!.Value, r => r.Result.Sipas) ?? [];
        var issuer = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Province).OrderBy(a => a.Id).Select(a => a.Name)
            .FirstOrDefaultAsync(ct) ?? "Ủy ban nhân dân tỉnh";
        return new SipasReport(c, ranks.ToDictionary(x => x.Key, x => (IReadOnlyList<SipasGroupRank>)x.Value), lastComputed is null ? null : last,
            lastSipas, lastComputed?.Province.Result.Sipas, issuer);
    }

    /// <summary>Last year's programme of the same questionnaire (its code), once computed; the latest if there are several.</summary>
    private async Task<SurveyProgramme?> LastYearAsync(SurveyProgramme p, CancellationToken ct)
    {
        var code = await db.SurveyQuestionnaires.AsNoTracking().Where(q => q.Id == p.QuestionnaireId).Select(q => q.Code).SingleAsync(ct);
        var codeIds = db.SurveyQuestionnaires.Where(q => q.Code == code).Select(q => (int?)q.Id);
        return await db.SurveyProgrammes.AsNoTracking().Where(x => x.Year == p.Year - 1 && x.Id != p.Id
                && (x.State == SurveyState.Computed || x.State == SurveyState.Published) && codeIds.Contains(x.QuestionnaireId))
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Published programmes, latest year first (the public list).</summary>
    public Task<List<SurveyProgramme>> PublishedAsync(CancellationToken ct = default) =>
        db.SurveyProgrammes.AsNoTracking().Where(x => x.State == SurveyState.Published).OrderByDescending(x => x.Year).ThenByDescending(x => x.Id)
            .ToListAsync(ct);
}
