using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Survey;

/// <summary>A survey criterion's percentage and points to store on an assessment, with the percentage it replaces.</summary>
internal sealed record SurveyWrite(int AssessmentId, string Code, decimal Percent, decimal Points, decimal? Previous);

/// <summary>
/// Stores survey percentages on the cycle's assessments, whether pasted (<see cref="ApplySurvey"/>) or taken from a
/// computed SIPAS (<see cref="ApplySipasFeed"/>): each changed value audited on the agency's assessment, the same line
/// for both paths. The caller's transaction commits them together.
/// </summary>
internal static class SurveyScores
{
    /// <summary>The number of assessments changed; <paramref name="from"/> names the source in the audit line (null: pasted).</summary>
    public static async Task<int> WriteAsync(ParHubDbContext db, AuditLog audit, IReadOnlyList<SurveyWrite> lines, string? from, CancellationToken ct)
    {
        var ids = lines.Select(p => p.AssessmentId).Distinct().ToList();
        var assessments = await db.Assessments.Include(a => a.Scores).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var changed = 0;
        foreach (var group in lines.GroupBy(p => p.AssessmentId))
        {
            var a = assessments[group.Key];
            var changes = new List<FieldChange>();
            foreach (var p in group)
            {
                var row = a.Scores.FirstOrDefault(s => s.Code == p.Code);
                if (row is null) a.Scores.Add(row = new AssessmentScore { Code = p.Code });
                var json = JsonSerializer.Serialize(ScoreInput.Of(p.Percent), IndexData.Json);
                if (row.Input == json) continue;
                changes.Add(new FieldChange(p.Code, p.Previous?.ToString(CultureInfo.InvariantCulture), p.Percent.ToString(CultureInfo.InvariantCulture)));
                (row.Input, row.SelfPoints, row.Exempt) = (json, p.Points, false);
            }
            if (changes.Count == 0) continue;
            a.Version++;
            changed++;
            var shown = string.Join(", ", group.Select(p => $"{p.Code} {Core.Reports.VietnameseNumber.Format(p.Percent)}%"));
            audit.Record("survey", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                $"Kết quả điều tra xã hội học: {shown}" + (from is null ? "" : $" ({from})"), changes);
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
