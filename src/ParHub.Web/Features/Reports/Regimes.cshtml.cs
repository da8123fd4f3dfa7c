using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// The province's reporting regimes: who reports (agency groups), with which form, the period rules (due date and data
/// cut-off per period) and which regime is in force. Changes are audited.
/// </summary>
[Authorize(Roles = Roles.DirectoryEditors)]
public class RegimesModel(ParHubDbContext db, ReportSetup setup, AuditLog audit) : PageModel
{
    public sealed class RegimeInput
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public string FromText { get; set; } = "";
        public string ToText { get; set; } = "";
        public string? ReporterGroups { get; set; }
        public string FormKey { get; set; } = "";
        public string Rules { get; set; } = "";
        public bool IsActive { get; set; }
    }

    public List<ReportRegimeSetting> Regimes { get; private set; } = [];
    public List<(string Code, string Name)> Groups { get; private set; } = [];
    public List<ReportFormVersion> Forms { get; private set; } = [];
    public string? Error { get; private set; }
    public int? ErrorId { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public RegimeInput Input { get; set; } = new();

    public async Task OnGetAsync(bool? saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (saved == true) Message = "Đã lưu chế độ báo cáo.";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var r = await db.ReportRegimes.FirstOrDefaultAsync(x => x.Id == Input.Id, ct);
        if (r is null) return NotFound();
        // Fields left empty arrive as null: each is checked below with its message.
        (Input.Name, Input.FromText, Input.ToText, Input.FormKey, Input.Rules) =
            (Input.Name ?? "", Input.FromText ?? "", Input.ToText ?? "", Input.FormKey ?? "", Input.Rules ?? "");
        var groups = (Input.ReporterGroups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => g.ToUpperInvariant()).ToList();
        var agencyCodes = await db.Agencies.AsNoTracking().Where(a => groups.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct);
        var unknown = groups.Where(g => Groups.All(x => x.Code != g) && !agencyCodes.Contains(g)).ToList();
        try
        {
            if (string.IsNullOrWhiteSpace(Input.Name)) throw new FormatException("Tên chế độ báo cáo không được để trống.");
            if (Input.Name.Trim().Length > 300 || Input.FromText.Trim().Length > 300 || Input.ToText.Trim().Length > 300 || string.Join(',', groups).Length > 300)
                throw new FormatException("Tên, cơ quan gửi, cơ quan nhận và nhóm báo cáo mỗi mục tối đa 300 ký tự.");
            if (Input.Rules.Trim().Length > 2000) throw new FormatException("Quy tắc kỳ báo cáo tối đa 2.000 ký tự.");
            if (unknown.Count > 0) throw new FormatException($"Không có nhóm hoặc cơ quan có mã: {string.Join(", ", unknown)}.");
            if (Forms.All(f => f.Key != Input.FormKey)) throw new FormatException($"Không có mẫu báo cáo \"{Input.FormKey}\".");
            if (ReportRegime.ParseRules(Input.Rules).Count == 0) throw new FormatException("Cần ít nhất một kỳ báo cáo.");
        }
        catch (FormatException e)
        {
            (Error, ErrorId) = (e.Message, r.Id);
            return Page();
        }
        var before = Snapshot(r);
        (r.Name, r.FromText, r.ToText, r.ReporterGroups, r.FormKey, r.Rules, r.IsActive) =
            (Input.Name.Trim(), Input.FromText.Trim(), Input.ToText.Trim(), string.Join(',', groups), Input.FormKey, Input.Rules.Trim().Replace("\r", ""), Input.IsActive);
        audit.RecordChange("ReportRegime", r.Key, null, $"Chế độ báo cáo {r.Key}", before, Snapshot(r));
        await db.SaveChangesAsync(ct);
        return Redirect("/Reports/Regimes?saved=true");
    }

    private static Dictionary<string, string?> Snapshot(ReportRegimeSetting r) => new()
    {
        ["Name"] = r.Name, ["FromText"] = r.FromText, ["ToText"] = r.ToText, ["ReporterGroups"] = r.ReporterGroups,
        ["FormKey"] = r.FormKey, ["Rules"] = r.Rules, ["IsActive"] = r.IsActive.ToString(),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        await setup.EnsurePresetsAsync(ct);
        Regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Key).ToListAsync(ct);
        Groups = (await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(ct)).Select(g => (g.Code, g.Name)).ToList();
        Forms = await db.ReportForms.AsNoTracking().OrderBy(f => f.Key).ThenByDescending(f => f.Version).ToListAsync(ct);
    }
}
