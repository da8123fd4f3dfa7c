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
                if (NotForAgency(n, agency, year)) { a.Scores.Add(Exempt(n)); continue; }
                var input = Input(n, rng);
                a.Scores.Add(new AssessmentScore
                {
                    Code = n.Code, Input = JsonSerializer.Serialize(input, IndexData.Json), SelfPoints = ScoringEngine.Points(n.Rule!, n.Max ?? 0, input),
                    NoEvidenceNote = "Số liệu mẫu.",
                });
            }
            db.Assessments.Add(a);
        }
        await db.SaveChangesAsync(ct);
        return agencies.Count;
    }

    /// <summary>
    /// This year's cycle of the departments (SBN), open for two more weeks, so that every home has something to show:
    /// most departments submitted, Sở Tư pháp half-way, Sở Khoa học và Công nghệ not started, Sở Tài chính submitted and
    /// appraised in field 1 by the demo appraiser (one criterion below its own score: an explanation is asked for).
    /// </summary>
    public async Task<AssessmentCycle> SeedOpenAsync(int seed = 2026, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var framework = await demoFramework.RunAsync(today.Year, ct);
        var f = IndexData.Definition(framework);
        var codes = db.Agencies.Select(a => new { a.Id, a.Code }).ToDictionary(a => a.Id, a => a.Code);
        var agencies = db.AgencyGroupMembers.Where(m => m.Group!.Code == "SBN").Select(m => m.AgencyId).Distinct().OrderBy(id => id).ToList();
        var cycle = new AssessmentCycle
        {
            FrameworkId = framework.Id, Year = today.Year, GroupCode = "SBN", SelfAssessmentDue = today.AddDays(14), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AssessmentCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        var rng = new Random(seed);
        var criteria = f.Nodes.Where(n => n.Rule is not null).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var agency in agencies)
        {
            var code = codes.GetValueOrDefault(agency);
            var a = new Assessment { CycleId = cycle.Id, AgencyId = agency, Status = AssessmentStatus.Draft, Version = 1 };
            var scored = code switch { "SKHCN" => 0, "STP" => criteria.Count / 2, _ => criteria.Count };
            foreach (var n in criteria.Take(scored))
            {
                if (NotForAgency(n, agency, today.Year)) { a.Scores.Add(Exempt(n)); continue; }
                var input = Input(n, rng);
                var row = new AssessmentScore
                {
                    Code = n.Code, Input = JsonSerializer.Serialize(input, IndexData.Json), SelfPoints = ScoringEngine.Points(n.Rule!, n.Max ?? 0, input),
                    NoEvidenceNote = "Số liệu mẫu.",
                };
                if (code == "STC" && n.Code.StartsWith("1.", StringComparison.Ordinal))
                {
                    row.SelfPoints = n.Max;
                    row.AppraisedPoints = n.Code == "1.1" ? (n.Max ?? 0) / 2 : n.Max;
                    row.AppraisalReason = n.Code == "1.1" ? "Kế hoạch CCHC ban hành sau thời hạn." : "Đúng như tự chấm.";
                    row.AppraisedBy = "thamdinh";
                }
                a.Scores.Add(row);
            }
            if (scored == criteria.Count && code != "STP" && (code == "STC" || rng.NextDouble() < 0.7))
            {
                a.Status = AssessmentStatus.Submitted;
                a.SubmittedAt = now;
                a.Version = 2;
            }
            db.Assessments.Add(a);
        }
        if (db.Users.FirstOrDefault(u => u.UserName == "thamdinh") is { } appraiser)
            db.AppraiserAssignments.AddRange(new[] { "1", "2" }
                .Select(c => new AppraiserAssignment { CycleId = cycle.Id, UserId = appraiser.Id, FieldCode = c }));
        await db.SaveChangesAsync(ct);
        return cycle;
    }

    /// <summary>The inspection of an agency's own units does not apply to one without units (as <see cref="IndexQueries.AgencyNotApplicableAsync"/>).</summary>
    private bool NotForAgency(FrameworkNode n, int agency, int year)
    {
        if (n.Source != "kiemtra.bao_phu") return false;
        var end = new DateOnly(year, 12, 31);
        return !db.Agencies.Any(x => x.ParentId == agency && (x.ValidFrom == null || x.ValidFrom <= end) && (x.ValidTo == null || x.ValidTo >= end));
    }

    private static AssessmentScore Exempt(FrameworkNode n) => new() { Code = n.Code, Exempt = true };

    private static ScoreInput Input(FrameworkNode n, Random rng) => n.Rule!.Type switch
    {
        "binary" => ScoreInput.Yes(rng.NextDouble() < 0.8),
        "options" => ScoreInput.Named(n.Rule.Options!.Keys.ElementAt(rng.Next(n.Rule.Options.Count))),
        "rate-bands" or "proportional" => ScoreInput.Rate(rng.Next(50, 101), 100),
        "count-steps" => ScoreInput.Of(rng.Next(0, 4)),
        _ => ScoreInput.Of(rng.Next(60, 100)),
    };
}
