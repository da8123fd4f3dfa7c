using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Sipas;

namespace ParHub.Web.Features.ParIndex.Survey;

/// <summary>
/// One agency × survey criterion as SIPAS would set it: the target it takes, the new percentage and points, the value
/// it replaces; <see cref="Skipped"/> says why it is left unchanged (no SIPAS result, "chưa đủ mẫu", nothing counted).
/// </summary>
public sealed record SipasFeedLine(int AssessmentId, int AgencyId, string AgencyName, string Code, string Target, int N, decimal? Percent,
    decimal? Points, decimal? Previous, string? Skipped)
{
    public bool Changes => Skipped is null && Percent != Previous;
}

/// <summary>The computed programme a cycle takes its survey points from, the map used, the targets offered and every line.</summary>
public sealed record SipasFeedPreview(SurveyProgramme Programme, IReadOnlyDictionary<string, string> Map, IReadOnlyList<SipasTarget> Targets,
    IReadOnlyList<FrameworkNode> Criteria, IReadOnlyList<SipasFeedLine> Lines);

/// <summary>
/// The cycle's survey criteria as the computed SIPAS programme linked to the cycle (<see cref="SurveyProgramme.ParCycleId"/>,
/// computed or published) would set them, per agency of the cycle (matched by AgencyId; the province's own cycle, group
/// TINH, takes the province's result): percentage (2 decimals, as
/// published) and points by the criterion's rule. Nothing is written (<see cref="ApplySipasFeed"/> applies it).
/// </summary>
public sealed class PreviewSipasFeed(ParHubDbContext db, IndexAccess access, SipasResults results)
{
    /// <summary><paramref name="map"/>: "criterion=target" lines as typed; null or blank: the programme's saved map, else the default.</summary>
    public async Task<SipasFeedPreview> RunAsync(int cycleId, string? map, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        new CycleFlow(cycle).SurveyChangeable().OrRefuse();
        var f = IndexData.Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var criteria = f.Nodes.Where(n => n.IsSurvey && n.AppliesTo(cycle.GroupCode)).ToList();
        if (criteria.Count == 0) throw new IndexRuleException("Bộ chỉ số của kỳ này không có tiêu chí điều tra xã hội học.");
        var linked = await db.SurveyProgrammes.AsNoTracking().Where(p => p.ParCycleId == cycleId)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).ToListAsync(ct);
        var programme = linked.FirstOrDefault(p => p.State is SurveyState.Computed or SurveyState.Published);
        if (programme is null)
            throw new IndexRuleException(linked.Count == 0
                ? "Chưa có đợt khảo sát SIPAS nào cho kỳ đánh giá này (chọn kỳ đánh giá khi lập đợt khảo sát). Có thể nhập tỷ lệ hài lòng bằng bảng bên dưới."
                : $"Đợt khảo sát “{linked[0].Title}” chưa tính kết quả (đang ở trạng thái “{SurveyFlow.StateName(linked[0].State)}”). "
                    + "Tính kết quả SIPAS trước, hoặc nhập tỷ lệ hài lòng bằng bảng bên dưới.");
        var computed = await results.ComputeAsync(programme.Id, ct)
            ?? throw new IndexRuleException($"Đợt khảo sát “{programme.Title}” chưa có phiếu khảo sát.");
        var (chosen, problems) = SipasParFeed.Read(string.IsNullOrWhiteSpace(map) ? programme.ParMap : map, criteria, computed.Spec);
        if (problems.Count > 0) throw new IndexRuleException("Bảng ghép tiêu chí chưa đúng: " + string.Join(" ", problems));
        var codes = criteria.Select(n => n.Code).ToList();
        var members = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycleId)
            .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { a.Id, a.AgencyId, g.Name }).ToListAsync(ct);
        var previous = await db.AssessmentScores.AsNoTracking()
            .Where(s => db.Assessments.Any(a => a.Id == s.AssessmentId && a.CycleId == cycleId) && codes.Contains(s.Code))
            .ToDictionaryAsync(s => (s.AssessmentId, s.Code), s => s.Input, ct);
        var byAgency = computed.Agencies.Where(r => r.AgencyId is not null).ToDictionary(r => r.AgencyId!.Value);
        var lines = new List<SipasFeedLine>();
        foreach (var m in members.OrderBy(m => m.Name, Core.Text.VietnameseCollation.Comparer))
            foreach (var node in criteria)
            {
                var target = chosen[node.Code];
                var before = previous.TryGetValue((m.Id, node.Code), out var json) && json is not null
                    ? JsonSerializer.Deserialize<ScoreInput>(json, IndexData.Json)?.Number : null;
                // The province's own assessment takes the province's result (every agency's forms together).
                var row = cycle.GroupCode == IndexData.ProvinceGroup ? computed.Province : byAgency.GetValueOrDefault(m.AgencyId);
                var n = row?.Result.N ?? 0;
                var percent = row is null ? null : SipasIndex.Round(SipasParFeed.Percent(row.Result, target));
                var skipped = n == 0 ? "Không có kết quả SIPAS (không có phiếu hợp lệ)."
                    : row!.BelowMinimum ? $"Chưa đủ mẫu ({n}/{programme.MinResponses} phiếu)."
                    : percent is null ? $"Không có câu trả lời nào được tính cho {target}."
                    : null;
                lines.Add(new SipasFeedLine(m.Id, m.AgencyId, m.Name, node.Code, target, n, skipped is null ? percent : null,
                    skipped is null ? SipasParFeed.Points(node, percent!.Value) : null, before, skipped));
            }
        return new SipasFeedPreview(programme, chosen, SipasParFeed.Targets(computed.Spec), criteria, lines);
    }
}
