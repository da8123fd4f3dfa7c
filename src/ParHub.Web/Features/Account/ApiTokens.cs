using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

/// <summary>A user's own API tokens: listed, issued (the secret shown once, only its hash kept) and revoked; audited.</summary>
public sealed class ApiTokens(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);

    /// <summary>Issues a token and returns its secret (shown to the user once); the audit line says where it was made.</summary>
    public Task<string> IssueAsync(string userId, string? name, int? agencyId = null, string? summary = null, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
    {
        var token = ApiTokenHandler.NewToken();
        var trimmed = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim();
        var row = new ApiToken
        {
            UserId = userId, Name = trimmed[..Math.Min(100, trimmed.Length)],
            TokenHash = ApiTokenHandler.Hash(token), Prefix = token[..10], CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(row);
        audit.Record("create", "ApiToken", row.Prefix, agencyId, summary ?? $"Tạo mã truy cập API “{row.Name}”", []);
        await db.SaveChangesAsync(ct);
        return token;
    }, ct);

    /// <summary>Revokes one of the user's tokens; false when the user has no such token.</summary>
    public Task<bool> RevokeAsync(string userId, int id, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (row is null) return false;
        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("revoke", "ApiToken", row.Prefix, null, $"Thu hồi mã truy cập API “{row.Name}”", []);
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);
}
