using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Notifications;

/// <summary>Puts an e-mail in the outbox, in the unit of work of the change it tells of (nothing is sent here).</summary>
public sealed class Outbox(ParHubDbContext db, SmtpSettings smtp, TimeProvider clock)
{
    /// <summary>Queues the mail when e-mail is configured; false when it is not (in-app notifications only).</summary>
    public bool Enqueue(string to, string subject, string body)
    {
        if (!smtp.Enabled || string.IsNullOrWhiteSpace(to)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to.Length > 256 ? to[..256] : to, Subject = subject.Length > 500 ? subject[..500] : subject, Body = body,
            CreatedAt = now, NextAttemptAt = now,
        });
        return true;
    }
}

/// <summary>
/// Sends what the outbox holds: each message claimed by one process at a time (never sent twice), retried after 1, 5,
/// 15, 60 and 240 minutes, and marked failed after <see cref="MaxAttempts"/> tries with the last error kept.
/// </summary>
public sealed class OutboxSender(ParHubDbContext db, MailSender mail, TimeProvider clock, ILogger<OutboxSender> log)
{
    public const int MaxAttempts = 6;
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    /// <summary>Sends the messages that are due; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var until = now.AddMinutes(5);
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0) continue; // another process has it
            var m = await db.OutboxMessages.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            var error = await mail.TrySendAsync(m.To, m.Subject, m.Body, ct);
            var at = clock.GetUtcNow().UtcDateTime;
            if (error is null)
            {
                await db.OutboxMessages.Where(x => x.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.SentAt, at).SetProperty(x => x.ClaimedUntil, (DateTime?)null)
                        .SetProperty(x => x.Attempts, m.Attempts + 1), ct);
                sent++;
                continue;
            }
            var attempts = m.Attempts + 1;
            var failed = attempts >= MaxAttempts;
            var next = at + Backoff[Math.Min(attempts - 1, Backoff.Length - 1)];
            var text = error.Length > 1000 ? error[..1000] : error;
            await db.OutboxMessages.Where(x => x.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, text).SetProperty(x => x.ClaimedUntil, (DateTime?)null)
                .SetProperty(x => x.NextAttemptAt, next).SetProperty(x => x.FailedAt, failed ? at : null), ct);
            if (failed) log.LogError("Mail {Id} to {To} failed {Attempts} times and is given up: {Error}", id, m.To, attempts, error);
            else log.LogWarning("Mail {Id} to {To} failed (attempt {Attempts}), retried at {Next}: {Error}", id, m.To, attempts, next, error);
        }
        return sent;
    }
}

/// <summary>Sends the outbox every few seconds while <c>serve</c> runs.</summary>
public sealed class OutboxWorker(IServiceProvider services, SmtpSettings smtp, ILogger<OutboxWorker> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!smtp.Enabled) return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var scope = services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Sending the outbox failed");
            }
            try { await Task.Delay(Every, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}
