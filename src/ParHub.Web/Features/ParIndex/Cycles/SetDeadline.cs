using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.ParIndex;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Cycles;

/// <summary>The Coordinator moves the self-assessment deadline (an extension, or a correction), with a reason; audited.</summary>
public sealed class SetDeadline(ParHubDbContext db, AuditLog audit, IndexAccess access, TimeProvider clock)
{
    public async Task RunAsync(int cycleId, DateOnly due, string? reason, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        await db.InTransactionAsync(async () =>
        {
            var c = await db.AssessmentCycles.FirstOrDefaultAsync(x => x.Id == cycleId, ct) ?? throw new KeyNotFoundException();
            var before = c.SelfAssessmentDue;
            new CycleFlow(c).SetDeadline(due, reason, VietnamTime.Today(clock)).OrRefuse();
            audit.Record("deadline", "AssessmentCycle", c.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Hạn tự đánh giá {before:dd/MM/yyyy} → {due:dd/MM/yyyy}: {reason!.Trim()}",
                [new FieldChange("SelfAssessmentDue", Day(before), Day(due))]);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
