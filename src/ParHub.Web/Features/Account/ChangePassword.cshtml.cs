using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParHub.Web.Features.Account;

public class ChangePasswordModel(ChangeOwnPassword change) : PageModel
{
    [BindProperty, DataType(DataType.Password)] public string Current { get; set; } = "";
    [BindProperty, DataType(DataType.Password)] public string New { get; set; } = "";
    [BindProperty, DataType(DataType.Password)] public string Confirm { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (New != Confirm) ModelState.AddModelError(nameof(Confirm), "Mật khẩu nhập lại không khớp.");
        if (!ModelState.IsValid) return Page();
        var errors = await change.RunAsync(User, Current, New, SignInRateLimit.ClientOf(HttpContext), ct);
        if (errors is null) return Challenge();
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError("", e);
            return Page();
        }
        TempData["Message"] = "Đã đổi mật khẩu.";
        return Redirect("/");
    }
}
