using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Audit;
using ParHub.Core.Text;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Admin.Users;

/// <summary>Create or edit an account: role, agency, password reset, lock. Admin only; audited.</summary>
[Authorize(Policy = Policies.Admin)]
public class EditModel(ParHubDbContext db, UserManager<AppUser> users, UserAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string FullName { get; set; } = "";
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.AgencyOfficer;
    [BindProperty] public int? AgencyId { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Locked { get; set; }
    public List<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null)
        {
            var u = await users.FindByIdAsync(Id);
            if (u is null) return NotFound();
            (UserName, FullName, Email, AgencyId) = (u.UserName!, u.FullName, u.Email, u.AgencyId);
            Role = (await users.GetRolesAsync(u)).FirstOrDefault() ?? Roles.Viewer;
            Locked = UserAccounts.IsLocked(u);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Agencies = (await db.Agencies.AsNoTracking().ToListAsync()).OrderBy(a => a.Kind).ThenBy(a => a.Name, VietnameseCollation.Comparer).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        var input = new AccountInput(UserName ?? "", FullName ?? "", Email, Role, AgencyId, Password, Locked);
        try
        {
            if (Id is null) await accounts.CreateAsync(input);
            else await accounts.UpdateAsync(Id, input);
        }
        catch (AccountException e)
        {
            foreach (var m in e.Messages) ModelState.AddModelError("", m);
            await LoadAsync();
            return Page();
        }
        TempData["Message"] = "Đã lưu tài khoản.";
        return Redirect("/Admin/Users");
    }
}
