using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.SelfAssessment;

/// <summary>The agency's inputs per criterion; <paramref name="Version"/> is the one its page showed; submit: send and lock.</summary>
public sealed record SaveScoresRequest(int Id, int Version, IReadOnlyDictionary<string, CriterionInput> Input, bool Submit);

/// <summary>
/// Saves the agency's self-assessment (and submits it, which locks it). Points follow from the inputs by the rule. In
/// the province's own assessment a department's officer saves only the criteria it leads (posting another's is
/// refused), a returned criterion it changes is corrected, and only the Coordinator submits the whole.
/// </summary>
public sealed class SaveScores(ParHubDbContext db, AuditLog audit, IndexAccess access, IndexQueries queries, ProvinceLeads leads,
    App.ICurrentUser user, TimeProvider clock)
{
    public Task RunAsync(SaveScoresRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (id, input, submit) = (request.Id, request.Input, request.Submit);
        var a = await db.Assessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        var cycle = await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct);
        var resource = IndexResource.Of(a, cycle);
        if (!await access.AllowsAsync(resource, IndexOperations.Read) || !await access.AllowsAsync(resource, IndexOperations.Assess))
            throw new UnauthorizedAccessException();
        var flow = new AssessmentFlow(a, cycle);
        var today = VietnamTime.Today(clock);
        flow.Edit(today).OrRefuse();
        if (request.Version != a.Version)
            throw new IndexConflictException("Bản tự đánh giá vừa được người khác cập nhật; tải lại trang.");
        var f = IndexData.Definition(await db.IndexFrameworks.FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var manage = await access.AllowsAsync(IndexResource.Province, IndexOperations.Manage);
        var team = cycle.GroupCode == IndexData.ProvinceGroup;
        if (team && submit && !manage) throw new UnauthorizedAccessException(); // the Coordinator sends the province's whole
        IReadOnlySet<string>? mine = team && !manage ? await leads.CriteriaOfAsync(f, user.AgencyId, ct) : null;
        if (mine is not null && input.Any(kv => !mine.Contains(kv.Key) && kv.Value.HasContent))
            throw new UnauthorizedAccessException(); // another department's criterion
        var computed = await queries.ComputedAsync(f, a.AgencyId, cycle.Year, ct);
        var changes = new List<FieldChange>();
        var missing = new List<string>();
        var outOfRange = new List<string>();
        var notApplicable = f.NotApplicable(cycle.GroupCode);
        var notForAgency = await queries.AgencyNotApplicableAsync(f, a.AgencyId, cycle.Year, ct);
        foreach (var n in f.Nodes.Where(n => n.Rule is not null && !n.IsSurvey && !notApplicable.Contains(n.Code) && (mine is null || mine.Contains(n.Code))))
        {
            input.TryGetValue(n.Code, out var i);
            var row = a.Scores.FirstOrDefault(s => s.Code == n.Code);
            if (row is null) a.Scores.Add(row = new AssessmentScore { Code = n.Code });
            if (notForAgency.Contains(n.Code))
            {
                // Not the agency's to score (no units to inspect): exempt, so that the engine leaves it out of the agency's total.
                if (!row.Exempt) changes.Add(new FieldChange(n.Code, row.SelfPoints?.ToString(CultureInfo.InvariantCulture), "không áp dụng"));
                (row.Input, row.SelfPoints, row.Exempt) = (null, null, true);
                continue;
            }
            ScoreInput? score;
            if (computed.TryGetValue(n.Code, out var c)) score = c.Input;
            else
            {
                // What the periodic report refuses is refused here too, in its words ("abc", −3, 12 of 10).
                var entry = i is null ? new CriterionEntry.Result(null, [])
                    : CriterionEntry.Read(n.Code, n.Rule!, n.Max ?? 0, i.Value, i.Num, i.Den, i.Flag);
                if (i?.Exempt != true) outOfRange.AddRange(entry.Problems);
                score = entry.Problems.Count == 0 ? entry.Input : null;
                if (entry.Problems.Count == 0 && ScoringEngine.InputProblem(n.Code, n.Rule!, score) is { } problem) outOfRange.Add(problem);
            }
            var points = i?.Exempt == true ? (decimal?)null : ScoringEngine.Points(n.Rule!, n.Max ?? 0, score);
            var json = score is null ? null : JsonSerializer.Serialize(score, IndexData.Json);
            var note = string.IsNullOrWhiteSpace(i?.Note) ? null : i!.Note!.Trim()[..Math.Min(i.Note.Trim().Length, 2000)];
            var changed = row.SelfPoints != points || row.Input != json || row.Exempt != (i?.Exempt == true) || row.NoEvidenceNote != note;
            if (row.SelfPoints != points || row.Input != json)
                changes.Add(new FieldChange(n.Code, row.SelfPoints?.ToString(CultureInfo.InvariantCulture), points?.ToString(CultureInfo.InvariantCulture)));
            if (changed && row.ReturnComment is not null)
            {
                changes.Add(new FieldChange(n.Code + ".Returned", row.ReturnComment, null));
                AssessmentFlow.Corrected(row);
            }
            (row.Input, row.SelfPoints, row.Exempt) = (json, points, i?.Exempt == true);
            row.NoEvidenceNote = note;
            if (score is null && !row.Exempt) missing.Add(n.Code);
        }
        if (outOfRange.Count > 0) throw new IndexRuleException("Chưa lưu được: " + string.Join(" ", outOfRange));
        if (submit)
        {
            IReadOnlyList<string> unexplained = [];
            if (missing.Count == 0)
            {
                var evidence = await db.EvidenceFiles.Where(e => e.AssessmentId == a.Id).Select(e => e.Codes).ToListAsync(ct);
                var covered = evidence.SelectMany(c => c.Split(',', StringSplitOptions.TrimEntries)).ToHashSet();
                var selfAssessed = f.Nodes.Where(n => n.Rule is not null && !n.IsSurvey && !n.IsComputed && !notApplicable.Contains(n.Code)
                        && !notForAgency.Contains(n.Code))
                    .Select(n => n.Code).ToHashSet();
                unexplained = flow.Unexplained(selfAssessed, covered);
            }
            flow.Submit(today, missing, unexplained, clock.GetUtcNow().UtcDateTime).OrRefuse();
        }
        a.Version++;
        audit.Record(submit ? "submit" : "update", IndexData.EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
            submit ? "Gửi bản tự đánh giá Chỉ số CCHC" : "Lưu bản tự đánh giá Chỉ số CCHC", changes);
        await db.SaveOrConflictAsync(ct);
    }, ct);
}
