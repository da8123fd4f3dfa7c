using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Admin.Users;

/// <summary>What an administrator asks for an account (the page and the command line).</summary>
public sealed record AccountInput(string UserName, string FullName, string? Email, string Role, int? AgencyId, string? Password, bool Locked);

/// <summary>Thrown for what the administrator did wrong; the messages are shown as they are.</summary>
public sealed class AccountException(IReadOnlyList<string> messages) : Exception(string.Join(" ", messages))
{
    public IReadOnlyList<string> Messages { get; } = messages;
}

/// <summary>
/// Accounts: create, edit (name, role, agency, password reset, lock), lock and unlock. Each change and its audit line
/// commit in one transaction. A change of what the user may do (lock, unlock, password, role, agency) renews the
/// user's security stamp, which ends every session and stops every token cache of that user on their next request.
/// </summary>
public sealed class UserAccounts(ParHubDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public const string EntityType = "User";

    private static Dictionary<string, string?> Snapshot(AppUser u, string role, bool locked) => new()
    {
        ["UserName"] = u.UserName, ["FullName"] = u.FullName, ["Email"] = u.Email, ["Role"] = role,
        ["AgencyId"] = u.AgencyId?.ToString(), ["Locked"] = locked ? "true" : "false",
    };

    public static bool IsLocked(AppUser u) => u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;

    private async Task<List<string>> CheckAsync(AccountInput input, bool creating)
    {
        var errors = new List<string>();
        if (!Roles.All.Contains(input.Role)) errors.Add("Vai trò không hợp lệ.");
        if (input.Role == Roles.AgencyOfficer && input.AgencyId is null) errors.Add("Cán bộ đầu mối phải gắn với một cơ quan.");
        if (input.AgencyId is { } aid && !await db.Agencies.AnyAsync(a => a.Id == aid)) errors.Add("Cơ quan không tồn tại.");
        if (string.IsNullOrWhiteSpace(input.FullName)) errors.Add("Vui lòng nhập họ tên.");
        if (input.FullName.Length > 200) errors.Add("Họ tên không quá 200 ký tự.");
        if (creating && string.IsNullOrEmpty(input.Password)) errors.Add("Vui lòng nhập mật khẩu.");
        return errors;
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(result.Errors.Select(e => e.Description).ToList());
    }

    public Task<AppUser> CreateAsync(AccountInput input, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var errors = await CheckAsync(input, creating: true);
        if (errors.Count > 0) throw new AccountException(errors);
        var user = new AppUser { UserName = input.UserName.Trim(), FullName = input.FullName.Trim(), Email = input.Email, AgencyId = input.AgencyId };
        Ensure(await users.CreateAsync(user, input.Password!));
        Ensure(await users.AddToRoleAsync(user, input.Role));
        audit.Record("create", EntityType, user.Id, user.AgencyId, user.UserName,
            FieldChanges.Between(new Dictionary<string, string?>(), Snapshot(user, input.Role, false)));
        await db.SaveChangesAsync(ct);
        return user;
    }, ct);

    public Task<AppUser> UpdateAsync(string id, AccountInput input, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var errors = await CheckAsync(input, creating: false);
        if (errors.Count > 0) throw new AccountException(errors);
        var user = await users.FindByIdAsync(id) ?? throw new AccountException(["Không tìm thấy tài khoản."]);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var before = Snapshot(user, role, IsLocked(user));
        var accessChanged = role != input.Role || user.AgencyId != input.AgencyId || IsLocked(user) != input.Locked
            || !string.IsNullOrEmpty(input.Password);
        user.FullName = input.FullName.Trim();
        user.Email = input.Email;
        user.AgencyId = input.AgencyId;
        Ensure(await users.UpdateAsync(user));
        if (!string.IsNullOrEmpty(input.Password))
            Ensure(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), input.Password));
        if (IsLocked(user) != input.Locked)
        {
            Ensure(await users.SetLockoutEndDateAsync(user, input.Locked ? DateTimeOffset.MaxValue : null));
            if (!input.Locked) Ensure(await users.ResetAccessFailedCountAsync(user));
        }
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([input.Role]))
        {
            Ensure(await users.RemoveFromRolesAsync(user, current));
            Ensure(await users.AddToRoleAsync(user, input.Role));
        }
        if (accessChanged) Ensure(await users.UpdateSecurityStampAsync(user));
        var changes = FieldChanges.Between(before, Snapshot(user, input.Role, input.Locked)).ToList();
        if (!string.IsNullOrEmpty(input.Password)) changes.Add(new FieldChange("Password", null, "(đặt lại)"));
        audit.Record("update", EntityType, user.Id, user.AgencyId, user.UserName, changes);
        await db.SaveChangesAsync(ct);
        return user;
    }, ct);

    /// <summary>Locks (until unlocked) or unlocks an account; its sessions and tokens stop on their next request.</summary>
    public Task<AppUser> SetLockedAsync(string userName, bool locked, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var user = await users.FindByNameAsync(userName) ?? throw new AccountException(["Không tìm thấy tài khoản."]);
        var was = IsLocked(user);
        Ensure(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!locked) Ensure(await users.ResetAccessFailedCountAsync(user));
        Ensure(await users.UpdateSecurityStampAsync(user));
        audit.Record(locked ? "lock" : "unlock", EntityType, user.Id, user.AgencyId, user.UserName,
            [new FieldChange("Locked", was ? "true" : "false", locked ? "true" : "false")]);
        await db.SaveChangesAsync(ct);
        return user;
    }, ct);

    /// <summary>Sets a new password (and unlocks); every session of the user ends.</summary>
    public Task<AppUser> ResetPasswordAsync(string userName, string password, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var user = await users.FindByNameAsync(userName) ?? throw new AccountException(["Không tìm thấy tài khoản."]);
        Ensure(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
        Ensure(await users.UpdateSecurityStampAsync(user));
        audit.Record("reset-password", EntityType, user.Id, user.AgencyId, user.UserName, [new FieldChange("Password", null, "(đặt lại)")]);
        await db.SaveChangesAsync(ct);
        return user;
    }, ct);
}
