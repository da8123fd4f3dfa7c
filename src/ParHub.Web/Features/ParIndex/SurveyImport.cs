using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Scoring;
using ParHub.Core.Text;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex;

/// <summary>A survey line as it would be applied: the agency found in the cycle, the points the rule gives, the value it replaces.</summary>
public sealed record SurveyPreviewLine(SurveyLine Source, int? AssessmentId, string? AgencyName, decimal? Points, decimal? Previous, string? Problem);

/// <summary>
/// Survey (SIPAS) results entered or imported per agency by the province: previewed first (agencies matched by code or
/// name among the cycle's members, the points each percentage gives), then applied in one transaction, or not at all
/// when a line is wrong. Every changed value is audited on the agency's assessment.
/// </summary>
public sealed class SurveyImport(ParHubDbContext db, IndexService index, AuditLog audit)
{
    public async Task<List<SurveyPreviewLine>> PreviewAsync(int cycleId, IReadOnlyList<string[]> rows, CancellationToken ct = default)
    {
        if (!index.IsCoordinator) throw new UnauthorizedAccessException();
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        if (cycle.PublishedAt is not null) throw new IndexRuleException("Kết quả đã công bố; không nhập điểm điều tra được nữa.");
        var f = IndexService.Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var survey = f.Nodes.Where(n => n.IsSurvey).ToDictionary(n => n.Code);
        if (survey.Count == 0) throw new IndexRuleException("Bộ chỉ số của kỳ này không có tiêu chí điều tra xã hội học.");
        var members = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycleId)
            .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { a.Id, g.Code, g.Name, g.ShortName }).ToListAsync(ct);
        var previous = await db.AssessmentScores.AsNoTracking().Where(s => db.Assessments.Any(a => a.Id == s.AssessmentId && a.CycleId == cycleId) && survey.Keys.Contains(s.Code))
            .ToDictionaryAsync(s => (s.AssessmentId, s.Code), s => s.Input, ct);
        var result = new List<SurveyPreviewLine>();
        foreach (var line in SurveyTable.Read(rows, survey.Keys))
        {
            var key = VietnameseText.Fold(line.Agency);
            var found = members.Where(m => string.Equals(m.Code, line.Agency.Trim(), StringComparison.OrdinalIgnoreCase)
                || VietnameseText.Fold(m.Name) == key || (m.ShortName is not null && VietnameseText.Fold(m.ShortName) == key)).ToList();
            var problem = line.Problem ?? (found.Count == 0 ? $"Không có cơ quan \"{line.Agency}\" trong kỳ đánh giá này." : found.Count > 1 ? $"\"{line.Agency}\" khớp nhiều cơ quan; ghi mã cơ quan." : null);
            var m = found.Count == 1 ? found[0] : null;
            decimal? points = problem is null ? ScoringEngine.Points(survey[line.Code!].Rule!, survey[line.Code!].Max ?? 0, ScoreInput.Of(line.Percent!.Value)) : null;
            var before = m is not null && line.Code is not null && previous.TryGetValue((m.Id, line.Code), out var json) && json is not null
                ? JsonSerializer.Deserialize<ScoreInput>(json, IndexService.Json)?.Number : null;
            result.Add(new SurveyPreviewLine(line, m?.Id, m?.Name, points, before, problem));
        }
        return result;
    }

    /// <summary>Applies every line, in one transaction; refused (nothing written) while any line has a problem.</summary>
    public async Task<int> ApplyAsync(int cycleId, IReadOnlyList<string[]> rows, CancellationToken ct = default)
    {
        var preview = await PreviewAsync(cycleId, rows, ct);
        if (preview.Count == 0) throw new IndexRuleException("Không có dòng nào để nhập.");
        if (preview.FirstOrDefault(p => p.Problem is not null) is { } bad) throw new IndexRuleException($"Dòng {bad.Source.Line}: {bad.Problem} Chưa nhập dòng nào.");
        var ids = preview.Select(p => p.AssessmentId!.Value).Distinct().ToList();
        var assessments = await db.Assessments.Include(a => a.Scores).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var changed = 0;
        foreach (var group in preview.GroupBy(p => p.AssessmentId!.Value))
        {
            var a = assessments[group.Key];
            var changes = new List<FieldChange>();
            foreach (var p in group)
            {
                var code = p.Source.Code!;
                var row = a.Scores.FirstOrDefault(s => s.Code == code);
                if (row is null) a.Scores.Add(row = new AssessmentScore { Code = code });
                var json = JsonSerializer.Serialize(ScoreInput.Of(p.Source.Percent!.Value), IndexService.Json);
                if (row.Input == json) continue;
                changes.Add(new FieldChange(code, p.Previous?.ToString(CultureInfo.InvariantCulture), p.Source.Percent!.Value.ToString(CultureInfo.InvariantCulture)));
                (row.Input, row.SelfPoints, row.Exempt) = (json, p.Points, false);
            }
            if (changes.Count == 0) continue;
            a.Version++;
            changed++;
            audit.Record("survey", IndexService.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                $"Kết quả điều tra xã hội học: {string.Join(", ", group.Select(p => $"{p.Source.Code} {Core.Reports.VietnameseNumber.Format(p.Source.Percent!.Value)}%"))}", changes);
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
