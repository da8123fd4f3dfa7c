using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Time;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>
/// The form for one feedback item: an agency's officer enters for their own agency (the agency is fixed), the Admin
/// and the Coordinator for any. Others get 403.
/// </summary>
public class EntryModel(EnterFeedback enter, ParHubDbContext db, ICurrentUser user, TimeProvider clock) : PageModel
{
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Received { get; set; }
    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? Due { get; set; }
    [BindProperty] public string? Subject { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!FeedbackAccess.CanEnter(user)) return Forbid();
        await LoadAsync(ct);
        var today = VietnamTime.Today(clock);
        (Received, AgencyId) = (VnDate.Show(today), Agencies.Count == 1 ? Agencies[0].Id : 0);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!FeedbackAccess.CanEnter(user)) return Forbid();
        if (!FeedbackAccess.ProvinceWriter(user)) AgencyId = user.AgencyId!.Value; // an officer's own agency, whatever was posted
        try
        {
            var saved = await enter.RunAsync(new FeedbackEntry(AgencyId, Code, Received, Channel, Field, Due, Subject), ct);
            TempData["Message"] = $"Đã thêm phản ánh, kiến nghị “{saved.Code}”.";
            return Redirect($"/Tthc/Pakn/List?agency={saved.AgencyId}&from={VnDate.Show(saved.Received)}&to={VnDate.Show(VietnamTime.Today(clock))}");
        }
        catch (FeedbackForbiddenException) { return Forbid(); }
        catch (FeedbackEntryException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var q = db.Agencies.AsNoTracking().Where(a => a.ValidTo == null || a.ValidTo >= today);
        if (!FeedbackAccess.ProvinceWriter(user)) q = q.Where(a => a.Id == user.AgencyId);
        Agencies = (await q.Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).Select(a => (a.Id, a.Name)).ToList();
    }
}
