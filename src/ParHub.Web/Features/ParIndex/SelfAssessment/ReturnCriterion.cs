using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.ParIndex;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Notifications;

namespace ParHub.Web.Features.ParIndex.SelfAssessment;

/// <summary>
/// The Coordinator returns one criterion of the province's own draft assessment to the department that leads it, with
/// what to correct; the department is notified; returned criteria keep the whole from being submitted until corrected.
/// </summary>
public sealed class ReturnCriterion(ParHubDbContext db, AuditLog audit, IndexAccess access, ProvinceLeads leads, Notifier notifier, ICurrentUser user,
    TimeProvider clock)
{
    public async Task RunAsync(int id, string code, string? comment, int version, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        await db.InTransactionAsync(async () =>
        {
            var a = await db.Assessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
            var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == a.CycleId, ct);
            if (cycle.GroupCode != IndexData.ProvinceGroup)
                throw new IndexRuleException("Chỉ trả lại tiêu chí trong bản tự đánh giá của tỉnh (do các sở chủ trì chấm).");
            if (version != a.Version) throw new IndexConflictException("Bản tự đánh giá vừa được cập nhật; tải lại trang rồi trả lại.");
            new AssessmentFlow(a, cycle).Return(code, comment, VietnamTime.Today(clock), user.Name).OrRefuse();
            a.Version++;
            var lead = (await leads.MapAsync(ct)).LeadOf(code);
            var leadId = lead is null ? null
                : await db.Agencies.AsNoTracking().Where(x => x.Code == lead && x.ValidTo == null).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
            audit.Record("return", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                $"Trả lại tiêu chí {code} cho {lead ?? "(chưa phân công)"}", [new FieldChange(code + ".Returned", null, comment!.Trim())]);
            if (leadId is { } l)
                await notifier.ToAgenciesAsync([l], new Notice($"assessment:{a.Id}:returned:{code}:{a.Version}",
                    $"Tiêu chí {code} của Chỉ số CCHC tỉnh bị trả lại",
                    comment.Trim(), $"/ParIndex/Assessment/{a.Id}#c-{code}"), ct);
            await db.SaveOrConflictAsync(ct);
        }, ct);
    }
}
