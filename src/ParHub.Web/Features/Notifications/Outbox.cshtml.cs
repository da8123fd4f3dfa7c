using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>The outbox for the Coordinator and the Admin: what was sent, what waits for a retry, what failed and why.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class OutboxModel(ParHubDbContext db) : PageModel
{
    public List<OutboxMessage> Items { get; private set; } = [];
    public int Failed { get; private set; }
    public int Waiting { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Failed = await db.OutboxMessages.CountAsync(m => m.FailedAt != null, ct);
        Waiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null, ct);
        Items = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
    }

    public static string State(OutboxMessage m) =>
        m.SentAt is not null ? "Đã gửi" : m.FailedAt is not null ? $"Không gửi được ({m.Attempts} lần)" : m.Attempts > 0
            ? $"Chờ gửi lại (đã thử {m.Attempts} lần)" : "Đang chờ gửi";
}
