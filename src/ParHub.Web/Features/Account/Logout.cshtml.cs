using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParHub.Web.Features.Account;

/// <summary>Ends this session on the server (its cookie, replayed, is refused) and removes the cookie.</summary>
[AllowAnonymous]
public class LogoutModel(SignOutUser signOut) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await signOut.RunAsync(User, ct);
        return Redirect("/Account/Login");
    }
}
