using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications.</summary>
public class IndexModel(ParHubDbContext db, UserManager<AppUser> users, MarkNotificationsRead markRead) : PageModel
{
    public List<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = users.GetUserId(User);
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == id).OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await markRead.RunAsync(users.GetUserId(User)!, ct);
        return RedirectToPage();
    }
}
