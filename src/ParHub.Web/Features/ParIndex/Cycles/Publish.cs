using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Cycles;

/// <summary>Publishes a cycle's results under a decision: the ranking and every agency's scores become public; no score changes after.</summary>
public sealed class Publish(ParHubDbContext db, AuditLog audit, IndexAccess access, TimeProvider clock)
{
    public async Task RunAsync(int cycleId, string? decision, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        CycleFlow.CheckDecision(decision).OrRefuse();
        await db.InTransactionAsync(async () =>
        {
            var c = await db.AssessmentCycles.FirstOrDefaultAsync(x => x.Id == cycleId, ct) ?? throw new KeyNotFoundException();
            new CycleFlow(c).Publish(decision, clock.GetUtcNow().UtcDateTime).OrRefuse();
            audit.Record("publish", "AssessmentCycle", c.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Công bố kết quả Chỉ số CCHC: {c.PublicationDecision}", []);
            await db.SaveChangesAsync(ct);
        }, ct);
    }
}
