using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

/// <summary>An agency officer keeps its own agency's contact details; other agencies' are refused (403).</summary>
public class ProfileModel(ParHubDbContext db, UpdateAgencyProfile update, AgencyScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    public string AgencyName { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.CanEditProfile(Id)) return Forbid();
        var a = await db.Agencies.FindAsync([Id], ct);
        if (a is null) return NotFound();
        (AgencyName, Address, Phone, Email) = (a.Name, a.Address, a.Phone, a.Email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!scope.CanEditProfile(Id)) return Forbid();
        var a = await db.Agencies.FindAsync([Id], ct);
        if (a is null) return NotFound();
        AgencyName = a.Name;
        Error = await update.RunAsync(Id, Address, Phone, Email, ct);
        if (Error is not null) return Page();
        TempData["Message"] = "Đã cập nhật thông tin liên hệ.";
        return Redirect($"/Agencies/Details/{Id}");
    }
}
