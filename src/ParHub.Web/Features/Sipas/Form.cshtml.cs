using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The public survey form: no account, one page per part with its progress, server-rendered and usable without
/// JavaScript (the answers of earlier pages travel in the form itself); nothing is stored until the last page is sent.
/// </summary>
[AllowAnonymous, Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SurveyRateLimit.Policy), OwnTransaction]
public class FormModel(SurveyFormCache forms, SubmitResponse submit, SurveyTokens tokens) : PageModel
{
    public const string AnswerPrefix = "a:";

    public SurveyProgramme? Programme { get; private set; }
    public SurveyDefinition? Definition { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];
    public int? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    /// <summary>The sections asked, given the answers so far; <see cref="Page"/> is the index of the one shown.</summary>
    public List<SurveySection> Sections { get; private set; } = [];
    public new int Page { get; private set; }
    public Dictionary<string, string> Answers { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];
    public string? Closed { get; private set; }
    /// <summary>The invitation's code when the form was opened from a slip (QR code): the agency is the slip's.</summary>
    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? agency, string? t, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is null && t is not null && await InvitationAsync(id, t, ct) is { } bound) agency = bound;
        if (Closed is null && agency is { } a && form!.Surveys(a)) Choose(a);
        return Page();
    }

    /// <summary>The agency of an unused invitation, or null with the form closed and why.</summary>
    private async Task<int?> InvitationAsync(int id, string code, CancellationToken ct)
    {
        var token = await tokens.FindAsync(id, code, ct);
        if (token is null || token.UsedAt is not null) { Closed = SurveyTokens.UsedMessage; return null; }
        Token = token.Code;
        return token.AgencyId;
    }

    public async Task<IActionResult> OnPostAsync(int id, int agency, int page, string? move, string? t, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is null && t is not null && await InvitationAsync(id, t, ct) is { } bound) agency = bound;
        if (Closed is not null) return Page();
        if (!form!.Surveys(agency)) return NotFound();
        Choose(agency);
        foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal)))
            if (string.Join(",", value.ToArray()) is { Length: > 0 } v) Answers[key[AnswerPrefix.Length..]] = v;
        Sections = Asked();
        Page = Math.Clamp(page, 0, Sections.Count - 1);
        if (move == "back") { Page = Math.Max(0, Page - 1); return Page(); }
        Problems = SurveyAnswers.Problems(Definition!, Answers, [Sections[Page]]);
        if (Problems.Count > 0) return Page();
        Sections = Asked(); // an answer on this page may ask or skip a later part (8.c → part II)
        if (Page < Sections.Count - 1) { Page++; return Page(); }
        try
        {
            await submit.RunAsync(new ResponseInput(id, agency, SurveyChannel.Web, Answers, Token: Token), ct);
        }
        catch (SurveyAnswerException e) { Problems = e.Problems.ToList(); return Page(); }
        catch (SurveyRuleException e) { Closed = e.Message; return Page(); }
        return RedirectToPage("/Sipas/Thanks", new { id });
    }

    private void Choose(int agency)
    {
        AgencyId = agency;
        AgencyName = Agencies.First(a => a.Id == agency).Name;
        Sections = Asked();
    }

    private List<SurveySection> Asked() => Definition!.Sections.Where(s => SurveyDefinition.Shown(s.ShowIf, Answers)).ToList();

    private SurveyForm? form;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        form = await forms.FindAsync(id, ct);
        if (form is null) return false;
        Programme = form.Programme;
        if (Programme.State != SurveyState.Collecting) { Closed = "Đợt khảo sát này hiện không nhận phiếu. Cảm ơn ông/bà đã quan tâm."; return true; }
        Definition = form.Definition;
        Agencies = form.Agencies;
        return true;
    }
}
