using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ParHub.Web.Features.Account;

[AllowAnonymous, EnableRateLimiting(SignInRateLimit.Policy)]
public class ResetPasswordModel(ResetOwnPassword reset) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? U { get; set; }
    [BindProperty(SupportsGet = true)] public string? T { get; set; }
    [BindProperty, DataType(DataType.Password)] public string? Password { get; set; }
    [BindProperty, DataType(DataType.Password)] public string? Confirm { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Errors = await reset.RunAsync(U, T, Password, Confirm, ct);
        if (Errors.Count > 0) return Page();
        TempData["Message"] = "Đã đặt lại mật khẩu. Hãy đăng nhập bằng mật khẩu mới.";
        return Redirect("/Account/Login");
    }
}
