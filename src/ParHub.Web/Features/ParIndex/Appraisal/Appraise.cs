using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Appraisal;

/// <summary>
/// Criteria of one assessment appraised (code → points and reason; rows without points are skipped), in one round;
/// <paramref name="Version"/> is the assessment version the appraiser's page showed (0: not known).
/// </summary>
public sealed record AppraiseRequest(int Id, IReadOnlyDictionary<string, AppraisalInput> Input, int Round, int Version = 0)
{
    /// <summary>One criterion alone.</summary>
    public static AppraiseRequest One(int id, string code, string? points, string? reason, int round, int version = 0) =>
        new(id, new Dictionary<string, AppraisalInput> { [code] = new() { Points = points, Reason = reason } }, round, version);
}

/// <summary>
/// The appraiser's score for criteria, with a reason; the self-assessed points stay beside it. Round 2 is the appraisal
/// after the agency's explanation (giải trình) of that criterion; it becomes the final score and the first appraisal
/// stays beside it. Every row is checked first — points within [0, max], a reason, the appraiser's fields, round 2 only
/// after an explanation — and then all are saved in one transaction, or none. A save made since the page was read is
/// not overwritten (<see cref="IndexConflictException"/>), and of two at once only one is saved.
/// </summary>
/// <remarks>
/// In a cycle appraised by a council (<see cref="AssessmentCycle.CouncilChair"/>) a member's scores are proposals
/// (<see cref="Council.Propose"/>: kept, the agency not told); the chair's (or a Coordinator's) are the decision,
/// audited with every proposal beside it.
/// </remarks>
public sealed class Appraise(ParHubDbContext db, AuditLog audit, IndexAccess access, ICurrentUser user, Notifications.Notifier notifier,
    TimeProvider clock)
{
    public async Task<int> RunAsync(AppraiseRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Appraise);
        return await db.InTransactionAsync(async () =>
        {
            var a = await db.Assessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new KeyNotFoundException();
            if (request.Version != 0 && request.Version != a.Version) throw new IndexConflictException(IndexData.Stale);
            var cycle = await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct);
            var flow = new AssessmentFlow(a, cycle);
            flow.Appraisable().OrRefuse();
            var f = IndexData.Definition(await db.IndexFrameworks.FirstAsync(x => x.Id == cycle.FrameworkId, ct));
            var entries = request.Input.Where(kv => !string.IsNullOrWhiteSpace(kv.Value.Points)).ToList();
            if (entries.Count == 0) throw new IndexRuleException("Chưa nhập điểm thẩm định nào.");
            var planned = new List<AppraisalEntry>();
            foreach (var (code, entry) in entries)
            {
                var node = f.Nodes.FirstOrDefault(n => n.Code == code && n.Rule is not null) ?? throw new IndexRuleException($"Không có tiêu chí {code}.");
                await access.DemandAsync(new IndexResource(cycle, a, code), IndexOperations.Appraise);
                planned.Add(flow.Appraise(code, node.Max, entry.Points, entry.Reason, request.Round).OrRefuse());
            }
            var decides = cycle.CouncilChair is null || string.Equals(cycle.CouncilChair, user.Name, StringComparison.OrdinalIgnoreCase)
                || await access.AllowsAsync(IndexResource.Province, IndexOperations.Manage);
            var proposals = cycle.CouncilChair is null ? []
                : await db.AppraisalProposals.Where(x => x.AssessmentId == a.Id).ToListAsync(ct);
            if (!decides)
            {
                foreach (var p in planned)
                {
                    var isNew = !proposals.Any(x => x.Code == p.Code && x.Round == p.Round && x.UserName == user.Name);
                    var proposal = Council.Propose(proposals, a.Id, p, user.Name, clock.GetUtcNow().UtcDateTime);
                    if (isNew) db.AppraisalProposals.Add(proposal);
                    audit.Record("propose", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                        $"Thành viên hội đồng đề xuất {(p.Round == 2 ? "lần 2 " : "")}tiêu chí {p.Code}: {p.Reason}",
                        [new FieldChange(p.Code + ".Proposal." + user.Name, null, p.Points.ToString(CultureInfo.InvariantCulture))]);
                }
                a.Version++;
                await db.SaveOrConflictAsync(ct);
                return planned.Count;
            }
            var spreads = Council.Spread(proposals);
            foreach (var p in planned)
            {
                var spread = spreads.FirstOrDefault(x => x.Code == p.Code && x.Round == p.Round);
                var before = AssessmentFlow.Record(p, user.Name);
                if (spread is not null)
                {
                    audit.Record("decide", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId, Council.Decision(p, spread),
                        [new FieldChange(p.Code, before?.ToString(CultureInfo.InvariantCulture), p.Points.ToString(CultureInfo.InvariantCulture))]);
                    continue;
                }
                audit.Record(p.Round == 2 ? "appraise-2" : "appraise", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                    $"Thẩm định {(p.Round == 2 ? "lần 2 " : "")}tiêu chí {p.Code}: {p.Reason}",
                    [new FieldChange(p.Code, before?.ToString(CultureInfo.InvariantCulture), p.Points.ToString(CultureInfo.InvariantCulture))]);
            }
            a.Version++;
            await notifier.ToAgenciesAsync([a.AgencyId], Notice(a, cycle, planned), ct);
            await db.SaveOrConflictAsync(ct);
            return planned.Count;
        }, ct);
    }

    /// <summary>
    /// The agency is told of its appraised criteria; where the appraisal is below its own score it is asked for an
    /// explanation (giải trình) in the first round.
    /// </summary>
    private static Notifications.Notice Notice(Assessment a, AssessmentCycle cycle, List<AppraisalEntry> planned)
    {
        var v = Core.Text.VietnameseCollation.Culture;
        var lines = planned.Select(p => $"- Tiêu chí {p.Code}: {p.Points.ToString("0.##", v)} điểm"
            + (p.Row.SelfPoints is { } self ? $" (tự chấm {self.ToString("0.##", v)})" : "") + $"; lý do: {p.Reason}");
        var lower = planned.Where(p => p.Round == 1 && p.Row.SelfPoints is { } self && p.Points < self).Select(p => p.Code).ToList();
        var ask = lower.Count == 0 ? ""
            : $"\n\nĐề nghị cơ quan giải trình các tiêu chí bị chấm thấp hơn điểm tự chấm: {string.Join(", ", lower)}.";
        var title = lower.Count > 0 ? $"Chỉ số CCHC {cycle.Year}: đề nghị giải trình {lower.Count} tiêu chí"
            : $"Chỉ số CCHC {cycle.Year}: {planned.Count} tiêu chí đã được thẩm định";
        return new Notifications.Notice($"assessment:{a.Id}:appraise:{a.Version}", title,
            $"Hội đồng thẩm định đã chấm {planned.Count} tiêu chí của cơ quan:\n{string.Join("\n", lines)}{ask}", $"/ParIndex/Assessment/{a.Id}");
    }
}
