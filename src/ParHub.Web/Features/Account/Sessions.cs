using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Account;

/// <summary>
/// Server-side sign-in sessions. The auth cookie carries a session id; on every request the session must not have
/// ended and the user's security stamp must be the one the cookie was issued with. So logout (this session), and
/// lock, unlock, password change or reset, role or agency change (every session of the user, through the stamp)
/// take effect on the next request — in every process that shares the database, since the check reads it.
/// </summary>
public sealed class Sessions(ParHubDbContext db, TimeProvider clock)
{
    public const string ClaimType = "parhub:sid";

    public async Task<string> StartAsync(AppUser user, string? client, CancellationToken ct = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        db.UserSessions.Add(new UserSession
        {
            Id = id, UserId = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Client = client is { Length: > 64 } ? client[..64] : client,
        });
        await db.SaveChangesAsync(ct);
        return id;
    }

    public async Task EndAsync(string sessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>Whether a cookie's principal still stands: its session is open and its stamp is the user's.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, string stampClaimType, CancellationToken ct = default)
    {
        var sid = principal.FindFirstValue(ClaimType);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(stampClaimType);
        if (sid is null || userId is null || stamp is null) return false;
        var current = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sid && s.UserId == userId && s.EndedAt == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => u.SecurityStamp)
            .FirstOrDefaultAsync(ct);
        return current is not null && current == stamp;
    }

    /// <summary>Signs the user in with a new session (and its id in the cookie).</summary>
    public async Task SignInAsync(SignInManager<AppUser> signIn, AppUser user, bool persistent, string? client, CancellationToken ct = default)
    {
        var sid = await StartAsync(user, client, ct);
        await signIn.SignInWithClaimsAsync(user, persistent, [new Claim(ClaimType, sid)]);
    }

    /// <summary>The cookie handler's per-request check (replaces Identity's 30-minute security stamp validation).</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (await services.GetRequiredService<Sessions>().IsCurrentAsync(context.Principal, stampClaim, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
