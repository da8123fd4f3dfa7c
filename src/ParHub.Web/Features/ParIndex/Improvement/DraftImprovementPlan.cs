using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Improvement;

/// <summary>
/// Next year's improvement plan from a cycle's lost points (province-wide, or for one agency of the cycle); the map is
/// "field=agency code" lines.
/// </summary>
public sealed record DraftImprovementPlanRequest(int CycleId, int? AgencyId, string Map);

/// <summary>
/// Drafts the improvement plan: a task per criterion that lost points (ranked by points lost × agencies affected), led
/// by the agency the responsibility map names, due in Q2 or Q4 of next year by priority; tracked like any plan. The map
/// used becomes the province's map (audited when it changes). Plan, map and audit lines commit together.
/// </summary>
public sealed class DraftImprovementPlan(ParHubDbContext db, AuditLog audit, IndexAccess access, IndexQueries queries, ICurrentUser user,
    TimeProvider clock)
{
    /// <summary>Field → lead agency code, as provinces usually divide the work, until the province saves its own.</summary>
    public const string DefaultMap = "1=SNV\n2=STP\n3=VPUBND\n4=SNV\n5=SNV\n6=STC\n7=SKHCN\n8=SNV";

    /// <summary>The province's responsibility map, kept when a plan is drafted with it (audited when it changes).</summary>
    public const string MapSetting = "par-index.responsibility-map";

    /// <summary>The drafted plan's id.</summary>
    public async Task<int> RunAsync(DraftImprovementPlanRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        return await db.InTransactionAsync(async () =>
        {
            var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CycleId, ct) ?? throw new KeyNotFoundException();
            var (framework, results, names, _) = await queries.ImprovementResultsAsync(cycle, ct);
            var agencyName = request.AgencyId is { } asked ? names.GetValueOrDefault(asked.ToString(CultureInfo.InvariantCulture)) : null;
            var chosen = agencyName is null ? results : results.Where(r => r.Id == request.AgencyId!.Value.ToString(CultureInfo.InvariantCulture));
            var lost = ScoringEngine.Lost(framework, chosen);
            var map = await ReadMapAsync(request.Map, ct);
            if (lost.Count == 0) throw new IndexRuleException("Không có tiêu chí nào bị mất điểm.");
            var now = clock.GetUtcNow().UtcDateTime;
            var plan = Draft(cycle, framework, lost, map, agencyName, now);
            db.Plans.Add(plan);
            await SaveMapAsync(request.Map, now, ct);
            await db.SaveChangesAsync(ct); // the plan's id, for its audit line; both commit together
            audit.Record("create", "Plan", plan.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Kế hoạch khắc phục từ Chỉ số CCHC {cycle.Year}: {plan.Tasks.Count} nhiệm vụ", []);
            await db.SaveChangesAsync(ct);
            return plan.Id;
        }, ct);
    }

    private async Task<Dictionary<string, Core.Agencies.Agency>> ReadMapAsync(string text, CancellationToken ct)
    {
        var codes = await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).ToDictionaryAsync(a => a.Code, a => a, StringComparer.OrdinalIgnoreCase, ct);
        var map = new Dictionary<string, Core.Agencies.Agency>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !codes.TryGetValue(parts[1], out var agency))
                throw new IndexRuleException($"Dòng \"{line}\" của bảng phân công không đúng (dạng 3=VPUBND, mã cơ quan phải có).");
            map[parts[0]] = agency;
        }
        return map;
    }

    private static Plan Draft(AssessmentCycle cycle, Framework framework, IReadOnlyList<LostPoints> lost, Dictionary<string, Core.Agencies.Agency> map,
        string? agencyName, DateTime now)
    {
        var year = cycle.Year + 1;
        var context = new TimeframeContext(year);
        var fields = framework.Nodes.Where(n => !n.Code.Contains('.')).ToDictionary(n => n.Code, n => n.Title);
        var plan = new Plan
        {
            Kind = PlanKind.Improvement, Year = year, Issuer = "Sở Nội vụ (dự thảo)", CreatedAt = now, UpdatedAt = now,
            Title = $"Kế hoạch khắc phục hạn chế, nâng cao Chỉ số CCHC năm {year} (từ kết quả năm {cycle.Year}"
                + (agencyName is null ? ")" : $", {agencyName})"),
            Purposes =
                "Dự thảo do ParHub lập từ các tiêu chí bị mất điểm, xếp theo số điểm mất × số cơ quan bị mất điểm.",
        };
        var order = 0;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        foreach (var l in lost)
        {
            var field = l.Code.Split('.')[0];
            var node = framework.Nodes.First(n => n.Code == l.Code);
            var lead = map.GetValueOrDefault(field);
            var timeframe = l.Weight >= lost[0].Weight / 2 ? $"Quý II/{year}" : $"Quý IV/{year}";
            var tf = TimeframeParser.Parse(timeframe, context);
            var task = new PlanTask
            {
                No = (++order).ToString(CultureInfo.InvariantCulture), SortOrder = order, Group = $"{field}. {fields.GetValueOrDefault(field)}",
                ReformArea = fields.GetValueOrDefault(field),
                Content = $"Khắc phục tiêu chí {l.Code} \"{l.Title}\": mất {ScoringEngine.Round(l.Lost).ToString("0.##", vi)} điểm "
                    + $"ở {l.Agencies} cơ quan. "
                    + $"Yêu cầu: đạt tối đa {node.Max:0.##} điểm.",
                Product = node.Evidence, LeadText = lead?.Name, TimeframeText = timeframe, TimeframeKind = tf.Kind, Start = tf.Start, Due = tf.Due,
                Source = $"Chỉ số CCHC {cycle.Year}", UpdatedAt = now,
            };
            task.RefreshSortDue();
            if (lead is not null) task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = lead.Id, Text = lead.Name });
            plan.Tasks.Add(task);
        }
        return plan;
    }

    /// <summary>The map used becomes the province's map for the next time.</summary>
    private async Task SaveMapAsync(string map, DateTime now, CancellationToken ct)
    {
        var text = string.Join("\n", map.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var setting = await db.Settings.FirstOrDefaultAsync(x => x.Key == MapSetting, ct);
        var before = setting?.Value ?? DefaultMap;
        if (before == text) return;
        if (setting is null) db.Settings.Add(setting = new Setting { Key = MapSetting });
        (setting.Value, setting.UpdatedAt, setting.UpdatedBy) = (text, now, user.Name);
        audit.Record("update", "Setting", MapSetting, null, "Phân công chủ trì khắc phục theo lĩnh vực Chỉ số CCHC",
            [new Core.Audit.FieldChange("Value", before, text)]);
    }
}
