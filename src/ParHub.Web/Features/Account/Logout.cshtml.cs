using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

/// <summary>Ends this session on the server (its cookie, replayed, is refused) and removes the cookie.</summary>
[AllowAnonymous]
public class LogoutModel(SignInManager<AppUser> signIn, Sessions sessions, AuditLog audit, ParHubDbContext db) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.FindFirstValue(Sessions.ClaimType) is { } sid)
        {
            await sessions.EndAsync(sid);
            audit.Record("sign-out", "User", User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-", null, $"{User.Identity?.Name} đăng xuất", []);
            await db.SaveChangesAsync();
        }
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
