using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Survey;

/// <summary>
/// Survey (SIPAS) results applied to the cycle's assessments, in one transaction, or not at all when a line is wrong
/// (as <see cref="PreviewSurvey"/> shows them). Every changed value is audited on the agency's assessment.
/// </summary>
public sealed class ApplySurvey(ParHubDbContext db, PreviewSurvey preview, AuditLog audit)
{
    /// <summary>Applies every line, in one transaction; refused (nothing written) while any line has a problem.</summary>
    public Task<int> RunAsync(int cycleId, IReadOnlyList<string[]> rows, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var lines = await preview.RunAsync(cycleId, rows, ct);
        if (lines.Count == 0) throw new IndexRuleException("Không có dòng nào để nhập.");
        if (lines.FirstOrDefault(p => p.Problem is not null) is { } bad)
            throw new IndexRuleException($"Dòng {bad.Source.Line}: {bad.Problem} Chưa nhập dòng nào.");
        var ids = lines.Select(p => p.AssessmentId!.Value).Distinct().ToList();
        var assessments = await db.Assessments.Include(a => a.Scores).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var changed = 0;
        foreach (var group in lines.GroupBy(p => p.AssessmentId!.Value))
        {
            var a = assessments[group.Key];
            var changes = new List<FieldChange>();
            foreach (var p in group)
            {
                var code = p.Source.Code!;
                var row = a.Scores.FirstOrDefault(s => s.Code == code);
                if (row is null) a.Scores.Add(row = new AssessmentScore { Code = code });
                var json = JsonSerializer.Serialize(ScoreInput.Of(p.Source.Percent!.Value), IndexData.Json);
                if (row.Input == json) continue;
                changes.Add(new FieldChange(code, p.Previous?.ToString(CultureInfo.InvariantCulture),
                    p.Source.Percent!.Value.ToString(CultureInfo.InvariantCulture)));
                (row.Input, row.SelfPoints, row.Exempt) = (json, p.Points, false);
            }
            if (changes.Count == 0) continue;
            a.Version++;
            changed++;
            var shown = string.Join(", ", group.Select(p => $"{p.Source.Code} {Core.Reports.VietnameseNumber.Format(p.Source.Percent!.Value)}%"));
            audit.Record("survey", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                $"Kết quả điều tra xã hội học: {shown}", changes);
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }, ct);
}
