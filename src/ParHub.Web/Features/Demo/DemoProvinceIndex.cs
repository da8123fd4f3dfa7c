using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.ParIndex.Frameworks;
using ParHub.Web.Features.ParIndex.Improvement;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// The province's own index, as a team: this year's cycle of group TINH against BNV's structure (points illustrative:
/// the 2017 index's field totals spread over the current criteria, since the Ministry's are not in the corpus), the
/// responsibility map of seed 004's Phụ lục 01 (1.5 to Sở Khoa học và Công nghệ), every criterion scored by its lead
/// except those of Sở Tư pháp (field 2) and Sở Tài chính (field 6), which are theirs to do; and the Ministry's result
/// for 2023 that seed 001 reports (91,87 points, 2nd of 63, +1,78; SIPAS 88,90%, 5th).
/// </summary>
public sealed class DemoProvinceIndex(ParHubDbContext db, TimeProvider clock)
{
    /// <summary>The field totals of QĐ 2948/QĐ-BNV (par-methodology.md §1.3), used as illustrative points.</summary>
    private static readonly decimal[] FieldPoints = [10m, 10m, 14.5m, 11m, 16m, 7m, 16m, 15.5m];

    public async Task<AssessmentCycle> SeedAsync(CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var f = Illustrative(BnvPreset.Framework(today.Year));
        var row = new IndexFramework
        {
            Code = f.Code, Year = today.Year, Title = f.Title, TargetGroup = IndexData.ProvinceGroup, Illustrative = true,
            Definition = JsonSerializer.Serialize(f, IndexData.Json), CreatedAt = now,
        };
        db.IndexFrameworks.Add(row);
        await db.SaveChangesAsync(ct);
        var cycle = new AssessmentCycle
        {
            FrameworkId = row.Id, Year = today.Year, GroupCode = IndexData.ProvinceGroup, SelfAssessmentDue = today.AddDays(30), CreatedAt = now,
        };
        db.AssessmentCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        var province = await db.Agencies.Where(a => a.Kind == Core.Agencies.AgencyKind.Province).Select(a => a.Id).FirstAsync(ct);
        var map = LeadMap.Parse(DraftImprovementPlan.DefaultMap).With("1.5", "SKHCN");
        if (!await db.Settings.AnyAsync(s => s.Key == DraftImprovementPlan.MapSetting, ct))
            db.Settings.Add(new Setting { Key = DraftImprovementPlan.MapSetting, Value = map.Write(), UpdatedAt = now, UpdatedBy = "demo" });
        var names = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var a = new Assessment { CycleId = cycle.Id, AgencyId = province, Status = AssessmentStatus.Draft, Version = 1 };
        foreach (var n in f.Nodes.Where(n => n.Rule is { Type: "manual" }))
        {
            var lead = map.LeadOf(n.Code);
            if (lead is "STP" or "STC") continue; // theirs to score
            var points = Math.Floor((n.Max ?? 0) * 0.9m * 4) / 4;
            var input = ScoreInput.Of(points);
            a.Scores.Add(new AssessmentScore
            {
                Code = n.Code, Input = JsonSerializer.Serialize(input, IndexData.Json), SelfPoints = ScoringEngine.Points(n.Rule!, n.Max ?? 0, input),
                NoEvidenceNote = $"Theo báo cáo của {names.GetValueOrDefault(lead ?? "") ?? "cơ quan chủ trì"} (số liệu mẫu).",
            });
        }
        db.Assessments.Add(a);
        if (!await db.NationalResults.AnyAsync(r => r.Year == 2023, ct))
        {
            const string report = "Báo cáo kết quả CCHC 6 tháng đầu năm 2024 của thành phố";
            db.NationalResults.Add(new NationalResult
            {
                Year = 2023, Points = 91.87m, Change = 1.78m, Rank = 2, RankOf = 63, SipasPercent = 88.90m, SipasRank = 5, UpdatedAt = now, UpdatedBy = "demo",
                Source = $"Bộ Nội vụ công bố Chỉ số CCHC năm 2023 (theo {report})", Version = 1,
            });
            // The year before, as the same report's changes give it (91,87 − 1,78; 88,90 − 5,02); its ranks are not in it.
            db.NationalResults.Add(new NationalResult
            {
                Year = 2022, Points = 90.09m, SipasPercent = 83.88m, RankOf = 63, UpdatedAt = now, UpdatedBy = "demo",
                Source = $"Suy ra từ mức tăng năm 2023 trong {report}", Version = 1,
            });
        }
        await db.SaveChangesAsync(ct);
        return cycle;
    }

    /// <summary>Each field's illustrative total spread over its criteria in quarter points (the remainder to the first).</summary>
    public static Framework Illustrative(Framework preset)
    {
        var points = new List<(string, decimal)>();
        var leaves = preset.Nodes.Where(n => n.Rule is not null).ToList();
        for (var i = 0; i < FieldPoints.Length; i++)
        {
            var field = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var own = leaves.Where(n => n.Code == field || n.Code.StartsWith(field + ".", StringComparison.Ordinal)).ToList();
            if (own.Count == 0) continue;
            var share = Math.Floor(FieldPoints[i] / own.Count * 4) / 4;
            points.AddRange(own.Select((n, k) => (n.Code, k == 0 ? FieldPoints[i] - share * (own.Count - 1) : share)));
        }
        var (framework, problems) = FrameworkPoints.Apply(preset, points);
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
        return framework with { Title = preset.Title + " (điểm minh họa)" };
    }
}
