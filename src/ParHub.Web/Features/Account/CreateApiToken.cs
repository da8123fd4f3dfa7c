using Microsoft.AspNetCore.Identity;
using ParHub.Web.Data;
using ParHub.Web.Features.Admin.Users;

namespace ParHub.Web.Features.Account;

/// <summary>A personal API token, created for a user from the command line.</summary>
public sealed record CreatedApiToken(AppUser User, string Token);

/// <summary>
/// Creates a personal API token for a user (for an integration or a benchmark) with its audit line, in one
/// transaction. Only the hash is stored; the token itself is returned once.
/// </summary>
public sealed class CreateApiToken(UserManager<AppUser> users, ApiTokens tokens)
{
    public async Task<CreatedApiToken> RunAsync(string userName, string name, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new AccountException(["Không tìm thấy tài khoản."]);
        var token = await tokens.IssueAsync(user.Id, name, user.AgencyId, $"Tạo mã truy cập API cho {user.UserName} từ dòng lệnh", ct);
        return new CreatedApiToken(user, token);
    }
}
