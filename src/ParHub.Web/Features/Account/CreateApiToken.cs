using Microsoft.AspNetCore.Identity;
using ParHub.Web.Data;
using ParHub.Web.Features.Admin.Users;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

/// <summary>A personal API token, created for a user from the command line.</summary>
public sealed record CreatedApiToken(AppUser User, string Token);

/// <summary>
/// Creates a personal API token for a user (for an integration or a benchmark) with its audit line, in one
/// transaction. Only the hash is stored; the token itself is returned once.
/// </summary>
public sealed class CreateApiToken(ParHubDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    public Task<CreatedApiToken> RunAsync(string userName, string name, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var user = await users.FindByNameAsync(userName) ?? throw new AccountException(["Không tìm thấy tài khoản."]);
        var token = ApiTokenHandler.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id, Name = name, TokenHash = ApiTokenHandler.Hash(token), Prefix = token[..10],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record("create", "ApiToken", token[..10], user.AgencyId, $"Tạo mã truy cập API cho {user.UserName} từ dòng lệnh", []);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(user, token);
    }, ct);
}
