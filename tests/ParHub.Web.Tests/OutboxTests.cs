using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Web.Data;
using ParHub.Web.Features.Notifications;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// Mail goes through the outbox: written with the change, sent in the background, retried, and — when the mail server
/// keeps refusing — marked failed and shown to the Coordinator. Here the SMTP port is one where nothing listens.
/// </summary>
public sealed class OutboxTests(OutboxTests.MailServerDown app) : IClassFixture<OutboxTests.MailServerDown>
{
    public sealed class MailServerDown : ParHubFactory
    {
        private static readonly int ClosedPort = FreePort();
        public MailServerDown() : base(DbProvider.Sqlite) { }
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["PARHUB_SMTP_HOST"] = "127.0.0.1", ["PARHUB_SMTP_PORT"] = ClosedPort.ToString(), ["PARHUB_DIGEST"] = "off",
        };

        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }
    }

    [Fact]
    public async Task A_reminder_is_queued_with_its_notification_retried_and_then_shown_failed_to_the_coordinator()
    {
        var coordinator = await app.SignInAsync("cchc");
        var task = await app.WithDbAsync(db => db.TaskAssignments.AsNoTracking()
            .Where(a => a.Role == Core.Plans.AssignmentRole.Lead && a.AgencyId != null)
            .Join(db.Users.Where(u => u.Email != null), a => a.AgencyId, u => u.AgencyId, (a, u) => a.TaskId).FirstAsync());
        var before = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());
        var r = await coordinator.PostFormAsync($"/Tasks/Details/{task}?handler=Remind", new(), $"/Tasks/Details/{task}");
        Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, ((int)r.StatusCode).ToString());
        var queued = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.StartsWith("Nhắc thực hiện")).ToListAsync());
        Assert.True(queued.Count > before, "the reminder put no mail in the outbox");
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Title.StartsWith("Nhắc thực hiện"))));

        // The reminder is in the task's history; a second click the same day tells nobody again.
        var queuedFirst = queued.Count;
        var notified = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Title.StartsWith("Nhắc thực hiện")));
        var second = await coordinator.PostFormAsync($"/Tasks/Details/{task}?handler=Remind", new(), $"/Tasks/Details/{task}");
        Assert.True(second.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, ((int)second.StatusCode).ToString());
        var details = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Tasks/Details/{task}"));
        Assert.Contains("không gửi lại", details);
        Assert.Contains("Nhắc cơ quan chủ trì (", details);
        Assert.Equal(queuedFirst, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("Nhắc thực hiện"))));
        Assert.Equal(notified, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Title.StartsWith("Nhắc thực hiện"))));

        // Each try fails (nothing listens); the next is later each time, until the message is given up.
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 12 && await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.FailedAt == null && m.SentAt == null)); i++)
        {
            now = now.AddHours(5);
            app.SetNow(now);
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync();
        }
        app.SetNow(null);
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(rows, m =>
        {
            Assert.Null(m.SentAt);
            Assert.NotNull(m.FailedAt);
            Assert.Equal(OutboxSender.MaxAttempts, m.Attempts);
            Assert.False(string.IsNullOrEmpty(m.LastError));
        });
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Notifications/Outbox"));
        Assert.Contains($"Không gửi được ({OutboxSender.MaxAttempts} lần)", page);
        Assert.Contains($"<strong class=\"text-danger\">{rows.Count}</strong> thư không gửi được", page);
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Notifications/Outbox")).StatusCode);
    }

    [Fact]
    public async Task A_reminder_whose_change_is_rolled_back_leaves_no_mail()
    {
        // The outbox row is part of the unit of work: rolled back with it.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParHubDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var before = await db.OutboxMessages.CountAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.True(outbox.Enqueue("someone@demo.parhub.vn", "Thử", "Nội dung"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.OutboxMessages.CountAsync());
    }
}
