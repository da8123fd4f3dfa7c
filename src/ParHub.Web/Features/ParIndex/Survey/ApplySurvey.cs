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
        var writes = lines.Select(p => new SurveyWrite(p.AssessmentId!.Value, p.Source.Code!, p.Source.Percent!.Value, p.Points!.Value, p.Previous))
            .ToList();
        return await SurveyScores.WriteAsync(db, audit, writes, null, ct);
    }, ct);
}
