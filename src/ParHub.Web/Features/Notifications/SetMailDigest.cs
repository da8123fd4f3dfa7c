using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>The user's choice: each notice e-mailed at once, or gathered in the daily digest (a user's own setting: not audited).</summary>
public sealed class SetMailDigest(ParHubDbContext db)
{
    public async Task RunAsync(string userId, bool digest, CancellationToken ct = default)
    {
        // Back to immediate mail: what waited for the digest still goes in the next one, so nothing is lost or sent twice.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.MailDigest, digest), ct);
    }
}
