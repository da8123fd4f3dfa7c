using System.Security.Claims;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Sessions sessions, AuditLog audit, ParHubDbContext db) : PageModel
{
    [BindProperty, DataType(DataType.Password)] public string Current { get; set; } = "";
    [BindProperty, DataType(DataType.Password)] public string New { get; set; } = "";
    [BindProperty, DataType(DataType.Password)] public string Confirm { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (New != Confirm) ModelState.AddModelError(nameof(Confirm), "Mật khẩu nhập lại không khớp.");
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        audit.Record("change-password", "User", user.Id, user.AgencyId, $"{user.UserName} đổi mật khẩu", []);
        await db.SaveChangesAsync();
        // The new stamp ends every session of the user, this one included; this browser gets a new session.
        if (User.FindFirstValue(Sessions.ClaimType) is { } sid) await sessions.EndAsync(sid);
        await sessions.SignInAsync(signIn, user, persistent: false, SignInRateLimit.ClientOf(HttpContext));
        TempData["Message"] = "Đã đổi mật khẩu.";
        return Redirect("/");
    }
}
