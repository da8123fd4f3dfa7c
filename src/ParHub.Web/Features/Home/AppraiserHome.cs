using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex;

namespace ParHub.Web.Features.Home;

/// <summary>A submitted assessment with criteria of the appraiser's fields still to appraise (first round, or again after an explanation).</summary>
public sealed record WaitingAssessment(int Id, string Agency, int ToAppraise, int ToAppraiseAgain);

public sealed record AppraiserCycle(int CycleId, int Year, string Framework, string Group, IReadOnlyList<string> Fields,
    IReadOnlyList<WaitingAssessment> Waiting);

/// <summary>What waits for an appraiser: per unpublished cycle they are assigned to, their fields and the agencies' criteria left.</summary>
public sealed class AppraiserHome(ParHubDbContext db)
{
    public async Task<List<AppraiserCycle>> QueryAsync(string userId, CancellationToken ct = default)
    {
        var userName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? "";
        var assigned = await db.AppraiserAssignments.AsNoTracking().Where(x => x.UserId == userId)
            .Join(db.AssessmentCycles.Where(c => c.PublishedAt == null), x => x.CycleId, c => c.Id, (x, c) => new { x.FieldCode, c })
            .ToListAsync(ct);
        var scoped = await db.AppraiserScopes.AsNoTracking().Where(x => x.UserId == userId)
            .Join(db.AssessmentCycles.Where(c => c.PublishedAt == null), x => x.CycleId, c => c.Id, (x, c) => new { x.AgencyId, c })
            .ToListAsync(ct);
        var result = new List<AppraiserCycle>();
        foreach (var cycle in assigned.Select(x => x.c).Concat(scoped.Select(x => x.c)).DistinctBy(c => c.Id))
        {
            var framework = IndexData.Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(f => f.Id == cycle.FrameworkId, ct));
            // No field assigned but agencies: every field of those agencies.
            var fields = assigned.Where(x => x.c.Id == cycle.Id).Select(x => x.FieldCode).Distinct().Order(StringComparer.Ordinal).ToList();
            if (fields.Count == 0) fields = framework.Nodes.Where(n => !n.Code.Contains('.')).Select(n => n.Code).ToList();
            var agencies = scoped.Where(x => x.c.Id == cycle.Id).Select(x => x.AgencyId).ToList();
            var criteria = framework.Nodes.Where(n => n.Rule is not null && n.AppliesTo(cycle.GroupCode) && fields.Contains(n.Code.Split('.')[0]))
                .Select(n => n.Code).ToHashSet();
            var submitted = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycle.Id && a.Status == AssessmentStatus.Submitted
                    && (agencies.Count == 0 || agencies.Contains(a.AgencyId)))
                .Join(db.Agencies, a => a.AgencyId, x => x.Id, (a, x) => new { a.Id, x.Name }).ToListAsync(ct);
            var ids = submitted.Select(a => a.Id).ToList();
            var scores = (await db.AssessmentScores.AsNoTracking().Where(s => ids.Contains(s.AssessmentId)).ToListAsync(ct))
                .Where(s => criteria.Contains(s.Code)).ToLookup(s => s.AssessmentId);
            // A council member's part is done once they proposed (the chair decides); the chair's, once decided.
            var member = cycle.CouncilChair is { } chair && !string.Equals(chair, userName, StringComparison.OrdinalIgnoreCase);
            var proposed = member
                ? (await db.AppraisalProposals.AsNoTracking().Where(p => ids.Contains(p.AssessmentId) && p.UserName == userName && p.Round == 1)
                    .Select(p => new { p.AssessmentId, p.Code }).ToListAsync(ct)).ToLookup(p => p.AssessmentId, p => p.Code)
                : null;
            var waiting = submitted.Select(a =>
                {
                    var own = scores[a.Id].ToList();
                    var appraised = own.Where(s => s.AppraisedPoints is not null || s.Exempt).Select(s => s.Code)
                        .Concat(proposed?[a.Id] ?? []).ToHashSet();
                    return new WaitingAssessment(a.Id, a.Name, criteria.Count(c => !appraised.Contains(c)),
                        own.Count(s => s.Explanation is not null && s.AppraisedPoints is not null && s.SecondPoints is null));
                })
                .Where(w => w.ToAppraise + w.ToAppraiseAgain > 0).OrderBy(w => w.Agency, Core.Text.VietnameseCollation.Comparer).ToList();
            result.Add(new AppraiserCycle(cycle.Id, cycle.Year, framework.Title, cycle.GroupCode, fields, waiting));
        }
        return result;
    }
}
