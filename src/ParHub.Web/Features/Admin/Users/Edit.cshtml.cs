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
public class EditModel(ParHubDbContext db, UserManager<AppUser> users, AuditLog audit) : PageModel
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
            Locked = u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Agencies = (await db.Agencies.AsNoTracking().ToListAsync()).OrderBy(a => a.Kind).ThenBy(a => a.Name, VietnameseCollation.Comparer).ToList();

    private static Dictionary<string, string?> Snapshot(AppUser u, string role, bool locked) => new()
    {
        ["UserName"] = u.UserName, ["FullName"] = u.FullName, ["Email"] = u.Email, ["Role"] = role,
        ["AgencyId"] = u.AgencyId?.ToString(), ["Locked"] = locked ? "true" : "false",
    };

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Roles.All.Contains(Role)) ModelState.AddModelError(nameof(Role), "Vai trò không hợp lệ.");
        if (Role == Roles.AgencyOfficer && AgencyId is null) ModelState.AddModelError(nameof(AgencyId), "Cán bộ đầu mối phải gắn với một cơ quan.");
        if (AgencyId is { } aid && !await db.Agencies.AnyAsync(a => a.Id == aid)) ModelState.AddModelError(nameof(AgencyId), "Cơ quan không tồn tại.");
        if (string.IsNullOrWhiteSpace(FullName)) ModelState.AddModelError(nameof(FullName), "Vui lòng nhập họ tên.");
        if (Id is null && string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Vui lòng nhập mật khẩu.");
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }

        AppUser user;
        Dictionary<string, string?>? before = null;
        IdentityResult result;
        if (Id is null)
        {
            user = new AppUser { UserName = UserName.Trim(), FullName = FullName.Trim(), Email = Email, AgencyId = AgencyId };
            result = await users.CreateAsync(user, Password!);
        }
        else
        {
            user = await users.FindByIdAsync(Id) ?? throw new InvalidOperationException();
            before = Snapshot(user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "", user.LockoutEnd > DateTimeOffset.UtcNow);
            user.FullName = FullName.Trim();
            user.Email = Email;
            user.AgencyId = AgencyId;
            result = await users.UpdateAsync(user);
            if (result.Succeeded && !string.IsNullOrEmpty(Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                result = await users.ResetPasswordAsync(user, token, Password);
            }
            if (result.Succeeded)
                result = await users.SetLockoutEndDateAsync(user, Locked ? DateTimeOffset.MaxValue : null);
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            await LoadAsync();
            return Page();
        }
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([Role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, Role);
        }
        var after = Snapshot(user, Role, Id is not null && Locked);
        var changes = FieldChanges.Between(before ?? new(), after).ToList();
        if (!string.IsNullOrEmpty(Password) && Id is not null) changes.Add(new FieldChange("Password", null, "(đặt lại)"));
        audit.Record(Id is null ? "create" : "update", "User", user.Id, user.AgencyId, user.UserName, changes);
        await db.SaveChangesAsync();
        TempData["Message"] = "Đã lưu tài khoản.";
        return Redirect("/Admin/Users");
    }
}
