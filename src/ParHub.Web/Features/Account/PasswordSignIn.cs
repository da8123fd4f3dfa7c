using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using ParHub.Core.Audit;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

public enum SignInOutcome { Succeeded, Failed, Throttled, Locked }

/// <summary>
/// Signing in with a password. What the answer reveals does not depend on whether the account exists: an unknown
/// name costs one password hash like a known one, gets the same message, and after <see cref="MaxFailures"/> failures
/// from one client the same throttle message. Failures throttle that client for that name, not the account, so that
/// nobody can lock another person (or the admin) out by typing wrong passwords. Every attempt is audited.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, Sessions sessions, AuditLog audit,
    ParHubDbContext db, IMemoryCache cache)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan ThrottleFor = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<AppUser> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());

    private sealed class Failures { public int Count; }

    private static string Key(string client, string name) => $"sign-in-failures:{client}:{name.ToUpperInvariant()}";

    public async Task<SignInOutcome> SignInAsync(string userName, string password, bool persistent, string client, CancellationToken ct = default)
    {
        var name = userName.Trim();
        var shown = name.Length > 64 ? name[..64] : name;
        var key = Key(client, name);
        var failures = cache.Get<Failures>(key);
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (failures is { Count: >= MaxFailures })
        {
            Hasher.VerifyHashedPassword(new AppUser(), DummyHash, password); // the same cost as any attempt
            audit.Record("sign-in-throttled", UserAccountsEntity, user?.Id ?? "-", user?.AgencyId,
                $"Đăng nhập bị từ chối (tạm khóa sau {MaxFailures} lần sai): “{shown}” từ {client}", []);
            await db.SaveChangesAsync(ct);
            return SignInOutcome.Throttled;
        }
        bool correct;
        if (user is null) { Hasher.VerifyHashedPassword(new AppUser(), DummyHash, password); correct = false; }
        else correct = await signIn.UserManager.CheckPasswordAsync(user, password);

        if (correct && await signIn.UserManager.IsLockedOutAsync(user!))
        {
            audit.Record("sign-in-locked", UserAccountsEntity, user!.Id, user.AgencyId, $"Tài khoản bị khóa đăng nhập: {user.UserName} từ {client}",
                []);
            await db.SaveChangesAsync(ct);
            return SignInOutcome.Locked;
        }
        if (correct)
        {
            cache.Remove(key);
            await sessions.SignInAsync(signIn, user!, persistent, client, ct);
            audit.Record("sign-in", UserAccountsEntity, user!.Id, user.AgencyId, $"{user.UserName} đăng nhập", []);
            await db.SaveChangesAsync(ct);
            return SignInOutcome.Succeeded;
        }
        failures ??= cache.Set(key, new Failures(), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ThrottleFor, Size = 1 });
        var count = Interlocked.Increment(ref failures.Count);
        var throttled = count >= MaxFailures;
        audit.Record(throttled ? "sign-in-lockout" : "sign-in-failed", UserAccountsEntity, user?.Id ?? "-", user?.AgencyId,
            $"Đăng nhập không thành công ({count}/{MaxFailures}): “{shown}” từ {client}", []);
        await db.SaveChangesAsync(ct);
        return throttled ? SignInOutcome.Throttled : SignInOutcome.Failed;
    }

    private const string UserAccountsEntity = "User";

    public static string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Throttled => "Đăng nhập tạm thời bị khóa do nhập sai mật khẩu nhiều lần. "
            + "Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị.",
        SignInOutcome.Locked => "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị.",
        _ => "Tên đăng nhập hoặc mật khẩu không đúng.",
    };
}

/// <summary>
/// Refuses, for any new password, the demo password (printed in the README) and the common passwords that attackers
/// try first, whatever their case, and passwords that contain the user name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    /// <summary>The demo accounts' password (printed in the README); the demo seeds it as a hash, nobody may choose it.</summary>
    public const string DemoPassword = "ParHub@2026";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        DemoPassword, "Password@123", "Password@1", "P@ssw0rd", "P@ssword1", "P@ssw0rd123", "Passw0rd!",
        "Admin@123", "Admin@1234", "Admin@2024", "Admin@2025", "Admin@2026", "Abc@12345", "Abc@123456", "Abcd@1234",
        "Qwerty@123", "Qwerty@1", "Welcome@123", "Welcome1!", "Matkhau@123", "Matkhau@1", "MatKhau@2026", "Test@1234",
        "Test@123", "Aa@123456", "Aa123456@", "Abc123@@", "Changeme@1", "Hanoi@123", "Haiphong@123", "Vietnam@123",
        "Cchc@2026", "Cchc@123", "Sonoivu@123", "Ubnd@123", "Admin123!", "Zxcvbnm@1", "Iloveyou@1", "Dragon@123",
        "123456Aa@", "Aa@12345", "Qwe@1234", "Asd@1234", "1qaz@WSX", "1qaz!QAZ", "Zaq1@wsx", "Pass@1234", "Pass@123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        if (Common.Contains(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description =
                    "Mật khẩu này quá phổ biến hoặc là mật khẩu mẫu của bản trình diễn; vui lòng chọn mật khẩu khác.",
            }));
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsUserName", Description = "Mật khẩu không được chứa tên đăng nhập.",
            }));
        return Task.FromResult(IdentityResult.Success);
    }
}
