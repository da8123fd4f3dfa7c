using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// Where the points were lost (province-wide or for one agency), ranked by points lost × agencies affected; one click
/// drafts next year's improvement plan — a task per criterion, led by the agency the responsibility map names — that
/// is tracked like any plan.
/// </summary>
[Authorize(Roles = Roles.ProvinceWide)]
public class ImproveModel(ParHubDbContext db, IndexService index, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>Field → lead agency code, as provinces usually divide the work, until the province saves its own.</summary>
    public const string DefaultMap = "1=SNV\n2=STP\n3=VPUBND\n4=SNV\n5=SNV\n6=STC\n7=SKHCN\n8=SNV";

    /// <summary>The province's responsibility map, kept when a plan is drafted with it (audited when it changes).</summary>
    public const string MapSetting = "par-index.responsibility-map";

    public AssessmentCycle Cycle { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<LostPoints> Lost { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public int? AgencyId { get; private set; }
    public string? Error { get; private set; }
    [BindProperty] public string Map { get; set; } = DefaultMap;

    public async Task<IActionResult> OnGetAsync(int id, int? agencyId, CancellationToken ct)
    {
        Map = await db.Settings.AsNoTracking().Where(x => x.Key == MapSetting).Select(x => x.Value).FirstOrDefaultAsync(ct) ?? DefaultMap;
        return await LoadAsync(id, agencyId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? agencyId, CancellationToken ct)
    {
        if (!index.IsCoordinator) return Forbid();
        var r = await LoadAsync(id, agencyId, ct);
        if (r is not null) return r;
        var codes = await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).ToDictionaryAsync(a => a.Code, a => a, StringComparer.OrdinalIgnoreCase, ct);
        var map = new Dictionary<string, Core.Agencies.Agency>();
        foreach (var line in Map.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !codes.TryGetValue(parts[1], out var agency)) { Error = $"Dòng \"{line}\" của bảng phân công không đúng (dạng 3=VPUBND, mã cơ quan phải có)."; return Page(); }
            map[parts[0]] = agency;
        }
        if (Lost.Count == 0) { Error = "Không có tiêu chí nào bị mất điểm."; return Page(); }
        var year = Cycle.Year + 1;
        var context = new TimeframeContext(year);
        var fields = Framework.Nodes.Where(n => !n.Code.Contains('.')).ToDictionary(n => n.Code, n => n.Title);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new Plan
        {
            Kind = PlanKind.Improvement, Year = year, Issuer = "Sở Nội vụ (dự thảo)", CreatedAt = now, UpdatedAt = now,
            Title = $"Kế hoạch khắc phục hạn chế, nâng cao Chỉ số CCHC năm {year} (từ kết quả năm {Cycle.Year}" + (AgencyId is null ? ")" : $", {Agencies.First(a => a.Id == AgencyId).Name})"),
            Purposes = "Dự thảo do ParHub lập từ các tiêu chí bị mất điểm, xếp theo số điểm mất × số cơ quan bị mất điểm.",
        };
        var order = 0;
        foreach (var l in Lost)
        {
            var field = l.Code.Split('.')[0];
            var node = Framework.Nodes.First(n => n.Code == l.Code);
            var lead = map.GetValueOrDefault(field);
            var timeframe = l.Weight >= Lost[0].Weight / 2 ? $"Quý II/{year}" : $"Quý IV/{year}";
            var tf = TimeframeParser.Parse(timeframe, context);
            var task = new PlanTask
            {
                No = (++order).ToString(CultureInfo.InvariantCulture), SortOrder = order, Group = $"{field}. {fields.GetValueOrDefault(field)}", ReformArea = fields.GetValueOrDefault(field),
                Content = $"Khắc phục tiêu chí {l.Code} \"{l.Title}\": mất {ScoringEngine.Round(l.Lost).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} điểm ở {l.Agencies} cơ quan. Yêu cầu: đạt tối đa {node.Max:0.##} điểm.",
                Product = node.Evidence, LeadText = lead?.Name, TimeframeText = timeframe, TimeframeKind = tf.Kind, Start = tf.Start, Due = tf.Due,
                Source = $"Chỉ số CCHC {Cycle.Year}", UpdatedAt = now,
            };
            task.RefreshSortDue();
            if (lead is not null) task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = lead.Id, Text = lead.Name });
            plan.Tasks.Add(task);
        }
        db.Plans.Add(plan);
        await SaveMapAsync(now, ct);
        await db.SaveChangesAsync(ct);
        audit.Record("create", "Plan", plan.Id.ToString(CultureInfo.InvariantCulture), null, $"Kế hoạch khắc phục từ Chỉ số CCHC {Cycle.Year}: {plan.Tasks.Count} nhiệm vụ", []);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Plans/Details/{plan.Id}");
    }

    /// <summary>The map used becomes the province's map for the next time.</summary>
    private async Task SaveMapAsync(DateTime now, CancellationToken ct)
    {
        var text = string.Join("\n", Map.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var setting = await db.Settings.FirstOrDefaultAsync(x => x.Key == MapSetting, ct);
        var before = setting?.Value ?? DefaultMap;
        if (before == text) return;
        if (setting is null) db.Settings.Add(setting = new Setting { Key = MapSetting });
        (setting.Value, setting.UpdatedAt, setting.UpdatedBy) = (text, now, User.Identity?.Name ?? "");
        audit.Record("update", "Setting", MapSetting, null, "Phân công chủ trì khắc phục theo lĩnh vực Chỉ số CCHC", [new Core.Audit.FieldChange("Value", before, text)]);
    }

    private async Task<IActionResult?> LoadAsync(int id, int? agencyId, CancellationToken ct)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return NotFound();
        Cycle = cycle;
        var (framework, results, names) = await index.ResultsAsync(cycle, ct);
        Framework = framework;
        Agencies = names.Select(kv => (int.Parse(kv.Key, CultureInfo.InvariantCulture), kv.Value)).OrderBy(a => a.Value, Core.Text.VietnameseCollation.Comparer).ToList();
        AgencyId = agencyId is { } asked && Agencies.Any(x => x.Id == asked) ? asked : null; // an agency outside the cycle: the whole province
        var chosen = AgencyId is { } a ? results.Where(r => r.Id == a.ToString(CultureInfo.InvariantCulture)) : results;
        Lost = ScoringEngine.Lost(framework, chosen);
        return null;
    }
}
