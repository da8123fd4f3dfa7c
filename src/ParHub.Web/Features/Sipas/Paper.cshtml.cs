using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// An operator types one paper sheet: its number and the answers ticked on it. Each sheet is entered twice, by two
/// different people; the page says what happened (first entry, counted, or waiting for the differences to be resolved).
/// </summary>
[Authorize(Policy = Policies.SurveyEntry)]
public class PaperModel(ParHubDbContext db, EnterPaperSheet enter) : PageModel
{
    public SurveyProgramme Programme { get; private set; } = null!;
    public SurveyDefinition? Definition { get; private set; }
    public string? Closed { get; private set; }
    public string? Number { get; private set; }
    public Dictionary<string, string> Answers { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];
    public SurveyItemsView Items => new(Definition!, Answers, "p");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? number, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is not null) return Page();
        Number = number?.Trim();
        Answers = SurveyItemsView.Posted(Request.Form);
        if (!int.TryParse(Number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            Problems = ["Nhập số phiếu in trên tờ phiếu (ví dụ 000123)."];
            return Page();
        }
        try
        {
            var result = await enter.RunAsync(id, n, Answers, ct);
            var name = PaperSheet.Number(n);
            TempData["Message"] = result.Outcome switch
            {
                PaperEntryOutcome.First => $"Đã nhập phiếu số {name} (lần 1). Phiếu cần một người khác nhập lần 2.",
                PaperEntryOutcome.Counted => $"Phiếu số {name}: hai lần nhập khớp nhau; phiếu đã được tính.",
                _ => $"Phiếu số {name}: hai lần nhập khác nhau ở {result.Differences.Count} câu "
                    + $"({string.Join(", ", result.Differences.Select(d => d.Code))}); chuyên viên khảo sát sẽ đối chiếu.",
            };
            return Redirect($"/Sipas/Paper/{id}");
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
        return true;
    }
}
