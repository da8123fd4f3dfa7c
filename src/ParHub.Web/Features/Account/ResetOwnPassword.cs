using Microsoft.AspNetCore.Identity;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

/// <summary>
/// A new password from the e-mailed link: the token is checked by Identity (once: the security stamp changes, which
/// also ends every session of the user), a lock is lifted, and the audit line commits with it.
/// </summary>
public sealed class ResetOwnPassword(ParHubDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public const string BadLink = "Đường dẫn đặt lại mật khẩu không còn hiệu lực (đã dùng hoặc quá 2 giờ). Hãy yêu cầu đường dẫn mới.";

    /// <summary>The Vietnamese reasons it was refused; empty when the password was reset.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(string? userId, string? token, string? password, string? confirm, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(password) || password.Length > 512) return ["Vui lòng nhập mật khẩu mới."];
        if (password != confirm) return ["Hai lần nhập mật khẩu mới không khớp."];
        var user = userId is null || userId.Length > 64 ? null : await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(token) || token.Length > 2000) return [BadLink];
        return await db.InTransactionAsync<IReadOnlyList<string>>(async () =>
        {
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
                return result.Errors.Any(e => e.Code == "InvalidToken") ? [BadLink] : result.Errors.Select(e => e.Description).ToList();
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            audit.Record("reset-password", "User", user.Id, user.AgencyId, $"{user.UserName} đặt lại mật khẩu qua thư điện tử", []);
            await db.SaveChangesAsync(ct);
            return [];
        }, ct);
    }
}
