using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>The kiosk links of a programme: the survey staff make one per counter's tablet, bound to an agency.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class KiosksModel(ParHubDbContext db, CreateKiosk create) : PageModel
{
    public sealed record Row(int Id, string Agency, string Label, string Url, DateTime CreatedAt);

    public SurveyProgramme Programme { get; private set; } = null!;
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<Row> Kiosks { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int agency, string? label, CancellationToken ct)
    {
        try
        {
            await create.RunAsync(id, agency, label, ct);
            TempData["Message"] = "Đã tạo đường dẫn kiosk.";
            return Redirect($"/Sipas/Kiosks/{id}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (SurveyRuleException e)
        {
            Error = e.Message;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p is null) return false;
        Programme = p;
        Agencies = await SurveyForms.AgenciesAsync(db, p, ct);
        var names = Agencies.ToDictionary(a => a.Id, a => a.Name);
        var site = $"{Request.Scheme}://{Request.Host}";
        var rows = await db.SurveyKiosks.AsNoTracking().Where(k => k.ProgrammeId == id).OrderBy(k => k.Id).ToListAsync(ct);
        Kiosks = rows.Select(k => new Row(k.Id, names.GetValueOrDefault(k.AgencyId, "?"), k.Label, $"{site}/KhaoSat/{id}/Kiosk/{k.Code}", k.CreatedAt))
            .ToList();
        return true;
    }
}
