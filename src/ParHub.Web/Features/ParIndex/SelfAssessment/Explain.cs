using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.ParIndex;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.SelfAssessment;

/// <summary>The agency's explanation (giải trình) of a criterion after appraisal; audited.</summary>
public sealed class Explain(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public Task RunAsync(int id, string code, string? text, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var a = await db.Assessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        var cycle = await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct);
        await access.DemandAsync(IndexResource.Of(a, cycle), IndexOperations.Explain);
        var before = a.Scores.FirstOrDefault(s => s.Code == code)?.Explanation;
        new AssessmentFlow(a, cycle).Explain(code, text).OrRefuse();
        a.Version++;
        audit.Record("explain", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId, $"Giải trình tiêu chí {code}",
            [new FieldChange(code + ".Explanation", before, a.Scores.First(s => s.Code == code).Explanation)]);
        await db.SaveOrConflictAsync(ct);
    }, ct);
}
