using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

/// <summary>
/// A signed-in user changes their own password: checked by Identity's validators, audited in the same transaction.
/// The new security stamp ends every session of the user; this browser then gets a new session.
/// </summary>
public sealed class ChangeOwnPassword(ParHubDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    Sessions sessions, AuditLog audit)
{
    /// <summary>The Vietnamese reasons it was refused (empty when changed); null when nobody is signed in.</summary>
    public async Task<IReadOnlyList<string>?> RunAsync(ClaimsPrincipal principal, string current, string next, string? client,
        CancellationToken ct = default)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return null;
        var errors = await db.InTransactionAsync(async () =>
        {
            var result = await users.ChangePasswordAsync(user, current, next);
            if (!result.Succeeded) return result.Errors.Select(e => e.Description).ToList();
            audit.Record("change-password", "User", user.Id, user.AgencyId, $"{user.UserName} đổi mật khẩu", []);
            await db.SaveChangesAsync(ct);
            if (principal.FindFirstValue(Sessions.ClaimType) is { } sid) await sessions.EndAsync(sid, ct);
            return [];
        }, ct);
        if (errors.Count == 0) await sessions.SignInAsync(signIn, user, persistent: false, client, ct);
        return errors;
    }
}
