using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Notifications;

namespace ParHub.Web.Features.Account;

/// <summary>
/// "Quên mật khẩu": for an account found by its user name or e-mail that has an e-mail address, a one-time reset link
/// (valid <see cref="LinkHours"/> hours) goes through the outbox, with its audit line in the same save. The answer is
/// the same whether or not the account exists (nobody learns who has an account); without mail the admin resets it.
/// </summary>
public sealed class RequestPasswordReset(ParHubDbContext db, UserManager<AppUser> users, Outbox outbox, SmtpSettings smtp, AuditLog audit)
{
    public const int LinkHours = 2;
    public const string Sent =
        "Nếu tên đăng nhập hoặc địa chỉ thư điện tử này có trong hệ thống, một đường dẫn đặt lại mật khẩu đã được gửi tới hộp thư của tài khoản "
        + "(có hiệu lực 2 giờ). Không nhận được thư? Hãy liên hệ quản trị hệ thống.";
    public const string NoMail = "Hệ thống chưa cấu hình gửi thư điện tử: hãy liên hệ quản trị hệ thống để được đặt lại mật khẩu.";

    public bool MailEnabled => smtp.Enabled;

    public async Task<string> RunAsync(string? nameOrEmail, CancellationToken ct = default)
    {
        if (!smtp.Enabled) return NoMail;
        var key = (nameOrEmail ?? "").Trim();
        if (key.Length is 0 or > 256) return Sent;
        var upper = key.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == upper || u.NormalizedEmail == upper, ct);
        if (user is null || string.IsNullOrWhiteSpace(user.Email)) return Sent;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = smtp.Link($"/Account/ResetPassword?u={Uri.EscapeDataString(user.Id)}&t={Uri.EscapeDataString(token)}");
        outbox.Enqueue(user.Email, "ParHub: đặt lại mật khẩu",
            $"Kính gửi {user.FullName},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản {user.UserName} trên ParHub. Mở đường dẫn sau trong "
            + $"{LinkHours.ToString(CultureInfo.InvariantCulture)} giờ để chọn mật khẩu mới (dùng được một lần):\n{link}\n\n"
            + "Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.");
        audit.Record("reset-request", "User", user.Id, user.AgencyId, $"Gửi đường dẫn đặt lại mật khẩu cho {user.UserName}", []);
        await db.SaveChangesAsync(ct);
        return Sent;
    }
}
