using Microsoft.Extensions.Caching.Memory;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Account;

/// <summary>
/// Personal API tokens for integrations: <c>Authorization: Bearer phk_…</c>. Only the SHA-256 hash is stored;
/// the token acts with the roles and agency of the user who created it, and stops working when revoked or when
/// the user is locked out.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ParHubDbContext db, SignInManager<AppUser> signIn, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "phk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Mã truy cập không hợp lệ hoặc đã bị thu hồi.");
        var hash = Hash(token);
        // Every request reads the token and its user's security stamp and lock (one indexed query): revoking the
        // token, locking the user, a new password or a new role stop it on the next request, in any process.
        var row = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.UserId, t.LastUsedAt, u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (row is null) return AuthenticateResult.Fail("Mã truy cập không hợp lệ hoặc đã bị thu hồi.");
        var now = clock.GetUtcNow();
        if (row.LockoutEnd is { } end && end > now) return AuthenticateResult.Fail("Tài khoản đã bị khóa.");
        if (row.LastUsedAt is null || now.UtcDateTime - row.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            // A plain UPDATE outside any unit of work; concurrent first uses of a token all succeed.
            var stamp = now.UtcDateTime;
            await db.ApiTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, stamp), Context.RequestAborted);
        }
        // The principal (roles, agency: several queries) is kept while the user's stamp is the same one.
        var key = "api-token:" + hash + ":" + row.SecurityStamp;
        if (!cache.TryGetValue(key, out System.Security.Claims.ClaimsPrincipal? principal) || principal is null)
        {
            var user = await signIn.UserManager.FindByIdAsync(row.UserId);
            if (user is null || user.SecurityStamp != row.SecurityStamp)
                return AuthenticateResult.Fail("Mã truy cập không hợp lệ hoặc đã bị thu hồi.");
            principal = await signIn.CreateUserPrincipalAsync(user);
            cache.Set(key, principal, CacheFor);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() =>
        TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}

/// <summary>Adds the user's agency and full name to the sign-in principal.</summary>
public sealed class ParHubClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        if (user.AgencyId is { } agency) id.AddClaim(new(App.ParHubClaims.AgencyId, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        id.AddClaim(new(App.ParHubClaims.FullName, user.FullName));
        return id;
    }
}
