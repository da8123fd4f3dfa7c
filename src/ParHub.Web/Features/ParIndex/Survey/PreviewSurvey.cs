using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Core.Text;
using ParHub.Web.Data;

namespace ParHub.Web.Features.ParIndex.Survey;

/// <summary>A survey line as it would be applied: the agency found in the cycle, the points the rule gives, the value it replaces.</summary>
public sealed record SurveyPreviewLine(SurveyLine Source, int? AssessmentId, string? AgencyName, decimal? Points, decimal? Previous, string? Problem);

/// <summary>
/// Survey (SIPAS) results entered or imported per agency by the province, previewed: agencies matched by code or name
/// among the cycle's members, the points each percentage gives, the value replaced, or what is wrong. Nothing is written
/// (<see cref="ApplySurvey"/> applies them).
/// </summary>
public sealed class PreviewSurvey(ParHubDbContext db, IndexAccess access)
{
    public async Task<List<SurveyPreviewLine>> RunAsync(int cycleId, IReadOnlyList<string[]> rows, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        new CycleFlow(cycle).SurveyChangeable().OrRefuse();
        var f = IndexData.Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var survey = f.Nodes.Where(n => n.IsSurvey).ToDictionary(n => n.Code);
        if (survey.Count == 0) throw new IndexRuleException("Bộ chỉ số của kỳ này không có tiêu chí điều tra xã hội học.");
        var members = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycleId)
            .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { a.Id, g.Code, g.Name, g.ShortName }).ToListAsync(ct);
        var previous = await db.AssessmentScores.AsNoTracking()
            .Where(s => db.Assessments.Any(a => a.Id == s.AssessmentId && a.CycleId == cycleId) && survey.Keys.Contains(s.Code))
            .ToDictionaryAsync(s => (s.AssessmentId, s.Code), s => s.Input, ct);
        var result = new List<SurveyPreviewLine>();
        foreach (var line in SurveyTable.Read(rows, survey.Keys))
        {
            var key = VietnameseText.Fold(line.Agency);
            var found = members.Where(m => string.Equals(m.Code, line.Agency.Trim(), StringComparison.OrdinalIgnoreCase)
                || VietnameseText.Fold(m.Name) == key || (m.ShortName is not null && VietnameseText.Fold(m.ShortName) == key)).ToList();
            var problem = line.Problem ?? (found.Count == 0 ? $"Không có cơ quan \"{line.Agency}\" trong kỳ đánh giá này."
                : found.Count > 1 ? $"\"{line.Agency}\" khớp nhiều cơ quan; ghi mã cơ quan." : null);
            var m = found.Count == 1 ? found[0] : null;
            decimal? points = problem is null
                ? ScoringEngine.Points(survey[line.Code!].Rule!, survey[line.Code!].Max ?? 0, ScoreInput.Of(line.Percent!.Value)) : null;
            var before = m is not null && line.Code is not null && previous.TryGetValue((m.Id, line.Code), out var json) && json is not null
                ? JsonSerializer.Deserialize<ScoreInput>(json, IndexData.Json)?.Number : null;
            result.Add(new SurveyPreviewLine(line, m?.Id, m?.Name, points, before, problem));
        }
        return result;
    }
}
