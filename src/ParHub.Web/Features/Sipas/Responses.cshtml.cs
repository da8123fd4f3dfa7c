using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>The responses of a programme for the survey staff: filter by agency and status, review each one.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class ResponsesModel(ParHubDbContext db, ReviewResponse review) : PageModel
{
    public const int PageSize = 100;

    public SurveyProgramme Programme { get; private set; } = null!;
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<SurveyResponse> Rows { get; private set; } = [];
    public Dictionary<long, int> AnswerCounts { get; private set; } = [];
    public int Total { get; private set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public ResponseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, long response, ResponseStatus to, string? reason, CancellationToken ct)
    {
        try
        {
            await review.RunAsync(response, to, reason, ct);
            TempData["Message"] = $"Phiếu {response}: {ReviewResponse.Name(to)}.";
            return Redirect($"/Sipas/Responses/{id}?agency={Agency}&status={Status}&p={P}");
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
        var q = db.SurveyResponses.AsNoTracking().Where(r => r.ProgrammeId == id);
        if (Agency is { } a) q = q.Where(r => r.AgencyId == a);
        if (Status is { } s) q = q.Where(r => r.Status == s);
        Total = await q.CountAsync(ct);
        P = Math.Max(1, P);
        Rows = await q.OrderByDescending(r => r.Id).Skip((P - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = Rows.Select(r => r.Id).ToList();
        AnswerCounts = await db.SurveyAnswers.Where(x => ids.Contains(x.ResponseId)).GroupBy(x => x.ResponseId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return true;
    }
}
