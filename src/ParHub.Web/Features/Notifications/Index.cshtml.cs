using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications, and how they want them e-mailed.</summary>
public class IndexModel(ParHubDbContext db, UserManager<AppUser> users, MarkNotificationsRead markRead, SetMailDigest setDigest, SmtpSettings smtp)
    : PageModel
{
    public List<Notification> Items { get; private set; } = [];
    public bool MailDigest { get; private set; }
    public bool MailEnabled => smtp.Enabled;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = users.GetUserId(User);
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == id).OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
        MailDigest = await db.Users.Where(u => u.Id == id).Select(u => u.MailDigest).FirstOrDefaultAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await markRead.RunAsync(users.GetUserId(User)!, ct);
        return RedirectToPage();
    }

    /// <summary>Opens what a notification is about, marking it read.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var link = await markRead.OneAsync(users.GetUserId(User)!, id, ct);
        return link is not null && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostMailAsync(string? mode, CancellationToken ct)
    {
        var digest = mode == "digest";
        await setDigest.RunAsync(users.GetUserId(User)!, digest, ct);
        TempData["Message"] = digest ? "Đã lưu: thông báo được gửi thư gộp một lần mỗi ngày." : "Đã lưu: mỗi thông báo được gửi thư ngay.";
        return RedirectToPage();
    }
}
