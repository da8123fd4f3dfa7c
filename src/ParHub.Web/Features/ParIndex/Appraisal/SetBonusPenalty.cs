using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.ParIndex;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Appraisal;

public sealed record SetBonusPenaltyRequest(int Id, string? Bonus, string? Penalty, string? Reason);

/// <summary>Bonus and penalty points of an agency (the framework's caps apply when scoring), by the Coordinator, with a reason.</summary>
public sealed class SetBonusPenalty(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public async Task RunAsync(SetBonusPenaltyRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        await db.InTransactionAsync(async () =>
        {
            var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new KeyNotFoundException();
            var cycle = await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct);
            var (bonus, penalty) = (a.Bonus, a.Penalty);
            new AssessmentFlow(a, cycle).SetBonusPenalty(request.Bonus, request.Penalty, request.Reason).OrRefuse();
            var changes = new List<FieldChange>
            {
                new("Bonus", bonus.ToString(CultureInfo.InvariantCulture), a.Bonus.ToString(CultureInfo.InvariantCulture)),
                new("Penalty", penalty.ToString(CultureInfo.InvariantCulture), a.Penalty.ToString(CultureInfo.InvariantCulture)),
            };
            a.Version++;
            audit.Record("bonus-penalty", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                $"Điểm thưởng {a.Bonus}, điểm trừ {a.Penalty}: {request.Reason!.Trim()}", changes);
            await db.SaveOrConflictAsync(ct);
        }, ct);
    }
}
