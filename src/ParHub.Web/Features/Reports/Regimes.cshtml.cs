using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// The province's reporting regimes: who reports (agency groups), with which form, the period rules (due date and data
/// cut-off per period) and which regime is in force. Changes are audited.
/// </summary>
[Authorize(Roles = Roles.DirectoryEditors)]
public class RegimesModel(ParHubDbContext db, ReportSetup setup) : PageModel
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

    public async Task<IActionResult> OnPostAsync([FromServices] SaveRegime save, CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await save.RunAsync(new(Input.Id, Input.Name, Input.FromText, Input.ToText, Input.ReporterGroups, Input.FormKey, Input.Rules,
                Input.IsActive), ct);
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (ReportRuleException e)
        {
            (Error, ErrorId) = (e.Message, Input.Id);
            return Page();
        }
        return Redirect("/Reports/Regimes?saved=true");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await setup.EnsurePresetsAsync(ct);
        Regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Key).ToListAsync(ct);
        Groups = (await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(ct)).Select(g => (g.Code, g.Name))
            .ToList();
        Forms = await db.ReportForms.AsNoTracking().OrderBy(f => f.Key).ThenByDescending(f => f.Version).ToListAsync(ct);
    }
}
