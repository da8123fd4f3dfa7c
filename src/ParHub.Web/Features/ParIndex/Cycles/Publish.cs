using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Cycles;

/// <summary>Publishes a cycle's results under a decision: the ranking and every agency's scores become public; no score changes after.</summary>
public sealed class Publish(ParHubDbContext db, AuditLog audit, IndexAccess access, Notifications.Notifier notifier, TimeProvider clock)
{
    public async Task RunAsync(int cycleId, string? decision, bool confirmNotSubmitted = false, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        CycleFlow.CheckDecision(decision).OrRefuse();
        await db.InTransactionAsync(async () =>
        {
            var c = await db.AssessmentCycles.FirstOrDefaultAsync(x => x.Id == cycleId, ct) ?? throw new KeyNotFoundException();
            new CycleFlow(c).Publish(decision, clock.GetUtcNow().UtcDateTime, VietnamTime.Today(clock), await StateAsync(c.Id, ct),
                confirmNotSubmitted).OrRefuse();
            audit.Record("publish", "AssessmentCycle", c.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Công bố kết quả Chỉ số CCHC: {c.PublicationDecision}", []);
            var notice = new Notifications.Notice($"cycle:{c.Id}:published", $"Công bố kết quả Chỉ số CCHC năm {c.Year}",
                $"Kết quả Chỉ số CCHC năm {c.Year} đã được công bố theo {c.PublicationDecision}. Xem điểm, xếp hạng của cơ quan trên ParHub.",
                $"/ParIndex/Results/{c.Id}");
            await notifier.ToAgenciesAsync(await db.Assessments.Where(a => a.CycleId == c.Id).Select(a => a.AgencyId).ToListAsync(ct), notice, ct);
            await notifier.ToRolesAsync([Roles.Leader, Roles.Coordinator], notice, ct);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    private async Task<PublicationState> StateAsync(int cycleId, CancellationToken ct)
    {
        var rows = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycleId)
            .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new
            {
                g.Name, a.Status,
                Waiting = a.Scores.Any(s => s.Explanation != null && s.AppraisedPoints != null && s.SecondPoints == null),
            })
            .ToListAsync(ct);
        var order = Core.Text.VietnameseCollation.Comparer;
        return new PublicationState(
            rows.Where(r => r.Status != AssessmentStatus.Submitted).Select(r => r.Name).Order(order).ToList(),
            rows.Where(r => r.Waiting).Select(r => r.Name).Order(order).ToList());
    }
}
