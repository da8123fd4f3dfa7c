using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// An interviewer (in person or by phone) enters one respondent's answers for an agency: channel Interview, the
/// interviewer recorded. The form carries its own id, so sending it twice (a double click, a retry) counts once.
/// </summary>
[Authorize(Policy = Policies.SurveyEntry)]
public class InterviewModel(ParHubDbContext db, SubmitResponse submit, ICurrentUser user) : PageModel
{
    public SurveyProgramme Programme { get; private set; } = null!;
    public SurveyDefinition? Definition { get; private set; }
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public int? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    public string? Closed { get; private set; }
    public string ClientId { get; private set; } = "";
    public Dictionary<string, string> Answers { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];
    public SurveyItemsView Items => new(Definition!, Answers, "i");

    public async Task<IActionResult> OnGetAsync(int id, int? agency, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is null && agency is { } a && Agencies.Any(x => x.Id == a)) (AgencyId, AgencyName) = (a, Agencies.Single(x => x.Id == a).Name);
        ClientId = $"iv-{Guid.NewGuid():N}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int agency, string? clientId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is not null) return Page();
        if (!Agencies.Any(x => x.Id == agency)) return NotFound();
        (AgencyId, AgencyName) = (agency, Agencies.Single(x => x.Id == agency).Name);
        Answers = SurveyItemsView.Posted(Request.Form);
        ClientId = clientId is { Length: > 3 and <= 64 } c && c.StartsWith("iv-", StringComparison.Ordinal) ? c : $"iv-{Guid.NewGuid():N}";
        try
        {
            await submit.RunAsync(new ResponseInput(id, agency, SurveyChannel.Interview, Answers, ClientId: ClientId, EnteredBy: user.Name), ct);
            TempData["Message"] = $"Đã ghi phiếu phỏng vấn cho {AgencyName}.";
            return Redirect($"/Sipas/Interview/{id}?agency={agency}");
        }
        catch (SurveyAnswerException e) { Problems = e.Problems.ToList(); }
        catch (SurveyRuleException e) { Problems = [e.Message]; }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p is null) return false;
        Programme = p;
        if (p.State != SurveyState.Collecting) { Closed = "Đợt khảo sát này hiện không nhận phiếu."; return true; }
        var q = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == p.QuestionnaireId, ct);
        Definition = SurveyDefinition.FromJson(q.Definition);
        Agencies = await SurveyForms.AgenciesAsync(db, p, ct);
        return true;
    }
}
