using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Sipas;

namespace ParHub.Web.Features.ParIndex.Survey;

/// <summary>What applying SIPAS did: assessments changed, and agency × criterion lines left unchanged.</summary>
public sealed record SipasFeedApplied(int Changed, int Skipped);

/// <summary>
/// Applies what <see cref="PreviewSipasFeed"/> shows, in one transaction: every agency with a SIPAS result takes its
/// percentage and points on each survey criterion (audited like a pasted value); the others are left unchanged. The map
/// used is kept on the programme (audited when it changes).
/// </summary>
public sealed class ApplySipasFeed(ParHubDbContext db, PreviewSipasFeed preview, AuditLog audit)
{
    public Task<SipasFeedApplied> RunAsync(int cycleId, string? map, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var p = await preview.RunAsync(cycleId, map, ct);
        var usable = p.Lines.Where(l => l.Skipped is null).ToList();
        if (usable.Count == 0) throw new IndexRuleException("Không cơ quan nào của kỳ đánh giá có kết quả SIPAS đủ mẫu; chưa nhập gì.");
        var writes = usable.Select(l => new SurveyWrite(l.AssessmentId, l.Code, l.Percent!.Value, l.Points!.Value, l.Previous)).ToList();
        var changed = await SurveyScores.WriteAsync(db, audit, writes, $"từ SIPAS: {p.Programme.Title}", ct);
        var text = SipasParFeed.Format(p.Map);
        var programme = await db.SurveyProgrammes.SingleAsync(x => x.Id == p.Programme.Id, ct);
        if (programme.ParMap != text)
        {
            audit.Record("update", CreateProgramme.EntityType, programme.Id.ToString(CultureInfo.InvariantCulture), null,
                "Ghép tiêu chí Chỉ số CCHC với kết quả SIPAS", [new FieldChange("ParMap", programme.ParMap, text)]);
            programme.ParMap = text;
            await db.SaveChangesAsync(ct);
        }
        return new SipasFeedApplied(changed, p.Lines.Count - usable.Count);
    }, ct);
}
