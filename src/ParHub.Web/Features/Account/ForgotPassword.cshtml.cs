using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ParHub.Web.Features.Account;

[AllowAnonymous, EnableRateLimiting(SignInRateLimit.Policy)]
public class ForgotPasswordModel(RequestPasswordReset request) : PageModel
{
    [BindProperty] public string? NameOrEmail { get; set; }
    public string? Message { get; private set; }
    public bool MailEnabled => request.MailEnabled;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Message = await request.RunAsync(NameOrEmail, ct);
        return Page();
    }
}
