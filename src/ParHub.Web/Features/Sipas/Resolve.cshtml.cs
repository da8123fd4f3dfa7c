using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// A paper sheet whose two entries differ: the differences item by item; for each, the survey staff take one entry's
/// value or type the one on the paper; the sheet then counts.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class ResolveModel(ParHubDbContext db, ResolvePaperSheet resolve) : PageModel
{
    public SurveyPaperSheet Sheet { get; private set; } = null!;
    public SurveyDefinition Definition { get; private set; } = null!;
    public List<AnswerDifference> Differences { get; private set; } = [];
    public string Agency { get; private set; } = "";
    public List<string> Problems { get; private set; } = [];
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is not null) return Page();
        var chosen = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var d in Differences)
        {
            var pick = Request.Form[$"c:{d.Code}"].ToString();
            if (pick == "1") chosen[d.Code] = d.First;
            else if (pick == "2") chosen[d.Code] = d.Second;
            else if (pick == "other") chosen[d.Code] = Request.Form[$"o:{d.Code}"].ToString();
        }
        try
        {
            await resolve.RunAsync(id, chosen, ct);
            TempData["Message"] = $"Phiếu số {PaperSheet.Number(Sheet.Number)} đã được đối chiếu và tính.";
            return Redirect($"/Sipas/Sheets/{Sheet.ProgrammeId}");
        }
        catch (SurveyAnswerException e) { Problems = e.Problems.ToList(); }
        catch (SurveyRuleException e) { Problems = [e.Message]; }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            (Sheet, Definition, _, Differences) = await PaperSheet.DifferencesAsync(db, id, ct);
        }
        catch (KeyNotFoundException) { return false; }
        catch (SurveyRuleException e)
        {
            Sheet = await db.SurveyPaperSheets.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            Closed = e.Message;
        }
        Agency = await db.Agencies.Where(a => a.Id == Sheet.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return true;
    }
}
