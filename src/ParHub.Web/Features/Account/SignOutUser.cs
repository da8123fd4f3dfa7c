using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

/// <summary>Ends this session on the server (its cookie, replayed, is refused), audits it, removes the cookie.</summary>
public sealed class SignOutUser(ParHubDbContext db, SignInManager<AppUser> signIn, Sessions sessions, AuditLog audit)
{
    public async Task RunAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.FindFirstValue(Sessions.ClaimType) is { } sid)
            await db.InTransactionAsync(async () =>
            {
                await sessions.EndAsync(sid, ct);
                audit.Record("sign-out", "User", principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-", null,
                    $"{principal.Identity?.Name} đăng xuất", []);
                await db.SaveChangesAsync(ct);
            }, ct);
        await signIn.SignOutAsync();
    }
}
