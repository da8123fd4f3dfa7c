using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Time;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>
/// An agency's feedback items in scope of a period — pending ones first (overdue at the top), then the answered — with a
/// form to mark a pending one answered for whoever may write the agency. Scoped as the figures are.
/// </summary>
public class ListModel(ParHubDbContext db, AnswerFeedback answer, ICurrentUser user, TimeProvider clock) : PageModel
{
    public const int Shown = 500;

    public int AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public DateOnly Today { get; private set; }
    public List<FeedbackRecord> Items { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanWrite { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int agency, string? from, string? to, CancellationToken ct) => await LoadAsync(agency, from, to, ct);

    public async Task<IActionResult> OnPostAnswerAsync(int agency, string? from, string? to, long id, string? answered, bool published, string? rating,
        CancellationToken ct)
    {
        try
        {
            var item = await answer.RunAsync(new FeedbackAnswer(id, answered, published, rating), ct);
            TempData["Message"] = $"Đã ghi nhận trả lời phản ánh, kiến nghị “{item.Code}”.";
            return Redirect($"/Tthc/Pakn/List?agency={item.AgencyId}&from={Uri.EscapeDataString(from ?? "")}&to={Uri.EscapeDataString(to ?? "")}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (FeedbackForbiddenException) { return Forbid(); }
        catch (FeedbackEntryException e)
        {
            var page = await LoadAsync(agency, from, to, ct);
            Error = e.Message;
            return page;
        }
    }

    private async Task<IActionResult> LoadAsync(int agency, string? from, string? to, CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out var own)) return Forbid();
        if (own is { } mine && mine != agency) return Forbid();
        if (!VnDate.TryParse(from, out var f) || !VnDate.TryParse(to, out var t) || f > t) return BadRequest();
        var name = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct);
        if (name is null) return NotFound();
        (AgencyId, AgencyName, From, To, Today, CanWrite) = (agency, name, f, t, VietnamTime.Today(clock), FeedbackAccess.CanWrite(user, agency));
        var items = FeedbackFigures.InScope(db.Feedback.AsNoTracking().Where(x => x.AgencyId == agency), f, t);
        Total = await items.CountAsync(ct);
        Items = await items.OrderBy(x => x.Answered != null && x.Answered <= t).ThenBy(x => x.Due).ThenBy(x => x.Code).Take(Shown).ToListAsync(ct);
        return Page();
    }
}
