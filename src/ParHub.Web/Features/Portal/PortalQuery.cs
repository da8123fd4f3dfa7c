using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Core.Scoring;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Features.Tasks;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Portal;

public sealed record PortalRank(int Rank, string Agency, decimal Index, string? Band);

public sealed record PortalRanking(int CycleId, int Year, string Group, string Decision, IReadOnlyList<PortalRank> Rows);

public sealed record PortalSurvey(int Id, int Year, string Title, decimal? Province, int Responses);

public sealed record PortalPlan(int Id, string Name, int Year, StatusCounts Counts);

public sealed record PortalView(IReadOnlyList<PortalRanking> Rankings, PortalSurvey? Survey, IReadOnlyList<(int Id, string Title)> ServiceIndex,
    IReadOnlyList<PortalPlan> Plans, IReadOnlyList<(int Id, string Title)> OpenSurveys);

/// <summary>
/// The public portal (the site's root for anyone without an account): published PAR Index rankings (latest cycle of
/// each group), the latest published SIPAS result, the published service indices, the progress of the issued plans of
/// this year and last, and the satisfaction surveys open to answer. Only what is published; no names of users.
/// </summary>
public sealed class PortalQuery(ParHubDbContext db, IndexQueries index, SipasResults sipas, TaskQueries tasks, ReadCache cache, TimeProvider clock)
{
    private static readonly string[] Tags = [CacheTags.IndexAll, CacheTags.Surveys, CacheTags.Tasks, CacheTags.Directory];

    /// <summary>The portal's figures, shared by every visitor until one of their areas changes (or <see cref="ReadCache.MaxAge"/>).</summary>
    public Task<PortalView> QueryAsync(CancellationToken ct = default) => cache.GetOrCreateAsync("portal", Tags, LoadAsync, ct);

    private async Task<PortalView> LoadAsync(CancellationToken ct)
    {
        var cycles = (await db.AssessmentCycles.AsNoTracking().Where(c => c.PublishedAt != null && c.PublicationDecision != null).ToListAsync(ct))
            .GroupBy(c => c.GroupCode).Select(g => g.OrderByDescending(c => c.Year).ThenByDescending(c => c.PublishedAt).First())
            .OrderBy(c => c.GroupCode, StringComparer.Ordinal).ToList();
        var rankings = new List<PortalRanking>();
        foreach (var c in cycles)
        {
            var (_, results, _) = await index.ResultsAsync(c, ct);
            rankings.Add(new PortalRanking(c.Id, c.Year, c.GroupCode, c.PublicationDecision!, results.OrderBy(r => r.Rank)
                .ThenBy(r => r.Name, Core.Text.VietnameseCollation.Comparer)
                .Select(r => new PortalRank(r.Rank, r.Name ?? r.Id, ScoringEngine.Round(r.Index), r.Band)).ToList()));
        }
        PortalSurvey? survey = null;
        var programme = await db.SurveyProgrammes.AsNoTracking().Where(p => p.State == SurveyState.Published)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (programme is not null && await sipas.ComputeAsync(programme.Id, ct) is { } computed)
            survey = new PortalSurvey(programme.Id, programme.Year, programme.Title, computed.Province.Result.Sipas, computed.Province.Result.N);
        var serviceIndex = (await db.TthcPublications.AsNoTracking().OrderByDescending(p => p.To).ThenByDescending(p => p.Id).Take(3)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        var year = VietnamTime.Today(clock).Year;
        var plans = await db.Plans.AsNoTracking().Where(p => p.IssuedOn != null && p.Year >= year - 1 && p.Year <= year)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.IssuedOn).ThenBy(p => p.Id).Take(10)
            .Select(p => new { p.Id, Name = p.Number ?? p.Title, p.Title, p.Year }).ToListAsync(ct);
        var counts = await tasks.CountsByPlanAsync(plans.Select(p => p.Id).ToList(), VietnamTime.Today(clock), ct);
        var open = (await db.SurveyProgrammes.AsNoTracking().Where(p => p.State == SurveyState.Collecting).OrderByDescending(p => p.Year)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        return new PortalView(rankings, survey, serviceIndex,
            plans.Select(p => new PortalPlan(p.Id, $"{p.Name}: {p.Title}", p.Year, counts.GetValueOrDefault(p.Id) ?? StatusCounts.Of([]))).ToList(), open);
    }
}
