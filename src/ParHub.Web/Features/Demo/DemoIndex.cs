using System.Text.Json;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.ParIndex.Frameworks;

namespace ParHub.Web.Features.Demo;

/// <summary>A PAR Index cycle with every agency of a group self-assessed and submitted (for <c>--scale large</c>).</summary>
public sealed class DemoIndex(ParHubDbContext db, EnsureDemoFramework demoFramework, TimeProvider clock)
{
    public async Task<int> SeedAsync(string groupCode, int seed = 2026, CancellationToken ct = default)
    {
        var year = VietnamTime.Today(clock).Year - 1;
        var framework = await demoFramework.RunAsync(year, ct);
        var f = IndexData.Definition(framework);
        var agencies = db.AgencyGroupMembers.Where(m => m.Group!.Code == groupCode).Select(m => m.AgencyId).Distinct().ToList();
        var cycle = new AssessmentCycle
        {
            FrameworkId = framework.Id, Year = year, GroupCode = groupCode, SelfAssessmentDue = new DateOnly(year, 12, 15),
            CreatedAt = clock.GetUtcNow().UtcDateTime
        };
        db.AssessmentCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        var rng = new Random(seed);
        foreach (var agency in agencies)
        {
            var a = new Assessment
            {
                CycleId = cycle.Id, AgencyId = agency, Status = AssessmentStatus.Submitted, SubmittedAt = clock.GetUtcNow().UtcDateTime,
                Version = 2
            };
            foreach (var n in f.Nodes.Where(n => n.Rule is not null))
            {
                ScoreInput input = n.Rule!.Type switch
                {
                    "binary" => ScoreInput.Yes(rng.NextDouble() < 0.8),
                    "options" => ScoreInput.Named(n.Rule.Options!.Keys.ElementAt(rng.Next(n.Rule.Options.Count))),
                    "rate-bands" or "proportional" => ScoreInput.Rate(rng.Next(50, 101), 100),
                    "count-steps" => ScoreInput.Of(rng.Next(0, 4)),
                    _ => ScoreInput.Of(rng.Next(60, 100)),
                };
                a.Scores.Add(new AssessmentScore
                {
                    Code = n.Code, Input = JsonSerializer.Serialize(input, IndexData.Json), SelfPoints = ScoringEngine.Points(n.Rule, n.Max ?? 0, input),
                    NoEvidenceNote = "Số liệu mẫu.",
                });
            }
            db.Assessments.Add(a);
        }
        await db.SaveChangesAsync(ct);
        return agencies.Count;
    }
}
