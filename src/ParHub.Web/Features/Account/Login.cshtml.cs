using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ParHub.Web.Features.Account;

[AllowAnonymous, EnableRateLimiting(SignInRateLimit.Policy)]
public class LoginModel(PasswordSignIn signIn) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty, DataType(DataType.Password)] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > 256 || Password.Length > 512)
        {
            Error = "Vui lòng nhập tên đăng nhập và mật khẩu.";
            return Page();
        }
        var outcome = await signIn.SignInAsync(UserName, Password, RememberMe, SignInRateLimit.ClientOf(HttpContext), HttpContext.RequestAborted);
        if (outcome == SignInOutcome.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = PasswordSignIn.Message(outcome);
        return Page();
    }
}
