using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Web.Data;
using ParHub.Web.Features.Account;
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
    public async Task A_user_who_chose_the_digest_gets_a_moved_deadline_in_app_at_once_and_by_mail_once_in_the_next_digest()
    {
        var officer = await app.SignInAsync("tuphap");
        var r = await officer.PostFormAsync("/Notifications?handler=Mail", new() { ["mode"] = "digest" }, "/Notifications");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var (userId, email, agency) = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "tuphap")
            .Select(u => new ValueTuple<string, string, int>(u.Id, u.Email!, u.AgencyId!.Value)).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.MailDigest).SingleAsync()));
        var task = await app.WithDbAsync(db => db.TaskAssignments.Where(a => a.AgencyId == agency).Select(a => a.TaskId).FirstAsync());
        var mailsBefore = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email));

        var coordinator = await app.SignInAsync("cchc");
        var moved = await coordinator.PostFormAsync($"/Tasks/Details/{task}?handler=Deadline",
            new() { ["newDue"] = "2031-05-20", ["reason"] = "Chờ văn bản hướng dẫn của Bộ" }, $"/Tasks/Details/{task}");
        Assert.True(moved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, ((int)moved.StatusCode).ToString());
        var notice = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .SingleAsync(n => n.UserId == userId && n.Key!.StartsWith($"task:{task}:due:")));
        Assert.Contains("20/05/2031", notice.Title);
        Assert.Contains("Chờ văn bản hướng dẫn của Bộ", notice.Body);
        Assert.True(notice.MailPending);
        Assert.Equal(mailsBefore, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email))); // not mailed at once
        var menu = WebUtility.HtmlDecode(await officer.GetStringAsync("/"));
        Assert.Matches("data-testid=\"unread-count\">[1-9]", menu);

        // The digest mails it once; the next digest does not again.
        async Task<int> DigestAsync()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Reminders>().SendDigestAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)));
            return await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Body.Contains(notice.Title)));
        }
        Assert.Equal(1, await DigestAsync());
        Assert.False(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == notice.Id).Select(n => n.MailPending).SingleAsync()));
        Assert.Equal(1, await DigestAsync());

        // Back to immediate mail: the next notice is mailed at once.
        await officer.PostFormAsync("/Notifications?handler=Mail", new() { ["mode"] = "now" }, "/Notifications");
        await coordinator.PostFormAsync($"/Tasks/Details/{task}?handler=Deadline",
            new() { ["newDue"] = "2031-06-30", ["reason"] = "Theo đề nghị của cơ quan" }, $"/Tasks/Details/{task}");
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.Contains("30/06/2031"))));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_once_through_the_e_mailed_link()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var email = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "khcn").Select(u => u.Email!).SingleAsync());
        async Task<string> AskAsync(string who)
        {
            var r = await client.PostFormAsync("/Account/ForgotPassword", new() { ["NameOrEmail"] = who }, "/Account/ForgotPassword");
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        }
        // An unknown account gets the same answer and no mail.
        var before = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());
        Assert.Contains(RequestPasswordReset.Sent, await AskAsync("khong-co-ai"));
        Assert.Equal(before, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Contains(RequestPasswordReset.Sent, await AskAsync(email.ToUpperInvariant())); // by e-mail, any case
        var mail = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email && m.Subject == "ParHub: đặt lại mật khẩu")
            .OrderByDescending(m => m.Id).FirstAsync());
        var link = System.Text.RegularExpressions.Regex.Match(mail.Body, @"/Account/ResetPassword\?u=[^\s]+").Value;
        Assert.NotEmpty(link);
        var query = System.Web.HttpUtility.ParseQueryString(link[(link.IndexOf('?') + 1)..]);
        Dictionary<string, string> Form(string password, string confirm) =>
            new() { ["U"] = query["u"]!, ["T"] = query["t"]!, ["Password"] = password, ["Confirm"] = confirm };

        var mismatch = await client.PostFormAsync(link, Form("Moi#Matkhau2026", "Khac#Matkhau2026"), link);
        Assert.Contains("Hai lần nhập mật khẩu mới không khớp.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        var done = await client.PostFormAsync(link, Form("Moi#Matkhau2026", "Moi#Matkhau2026"), link);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Account/Login", done.Headers.Location?.OriginalString);
        await app.SignInAsync("khcn", "Moi#Matkhau2026"); // throws when refused
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "reset-password" && e.Summary!.StartsWith("khcn"))));
        // The link works once.
        var again = await client.PostFormAsync(link, Form("Lan#Nua2026abc", "Lan#Nua2026abc"), link);
        Assert.Contains(ResetOwnPassword.BadLink, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        // The sign-in page links to it.
        Assert.Contains("/Account/ForgotPassword", await client.GetStringAsync("/Account/Login"));
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
