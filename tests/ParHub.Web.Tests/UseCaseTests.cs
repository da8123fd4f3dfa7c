using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Small use cases that no other test class reaches: each through the page a user meets.</summary>
public abstract partial class UseCaseTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task Marking_notifications_read_touches_only_the_users_own_unread_ones()
    {
        var (officer, other) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "tuphap").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "cchc").Select(u => u.Id).SingleAsync()));
        var ids = await app.WithDbAsync(async db =>
        {
            var mine = new Notification { UserId = officer, At = DateTime.UtcNow, Title = "Thông báo thử của tôi" };
            var theirs = new Notification { UserId = other, At = DateTime.UtcNow, Title = "Thông báo thử của người khác" };
            db.Notifications.AddRange(mine, theirs);
            await db.SaveChangesAsync();
            return (mine.Id, theirs.Id);
        });
        var client = await app.SignInAsync("tuphap");
        Assert.Contains("Thông báo thử của tôi", WebUtility.HtmlDecode(await client.GetStringAsync("/Notifications")));
        var r = await client.PostFormAsync("/Notifications", new(), "/Notifications");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var (mineRead, theirsRead) = await app.WithDbAsync(async db => (
            await db.Notifications.Where(n => n.Id == ids.Item1).Select(n => n.ReadAt).SingleAsync(),
            await db.Notifications.Where(n => n.Id == ids.Item2).Select(n => n.ReadAt).SingleAsync()));
        Assert.NotNull(mineRead);
        Assert.Null(theirsRead);
    }

    // Today some pages showed UTC 09:31 beside Vietnam 16:32 for actions a minute apart.
    [Fact]
    public async Task Notifications_and_the_audit_log_show_times_in_Vietnam_time()
    {
        var at = new DateTime(2026, 3, 1, 2, 5, 7, DateTimeKind.Utc); // 09:05:07 in Vietnam
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "tuphap").Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification { UserId = officer, At = at, Title = "Thông báo giờ Việt Nam" });
            db.AuditEntries.Add(new AuditEntry
            {
                At = at, UserName = "cchc", Action = "update", EntityType = "TimeCheck", EntityId = "1", Summary = "Kiểm tra giờ hiển thị",
            });
            return await db.SaveChangesAsync();
        });
        var notifications = await (await app.SignInAsync("tuphap")).GetStringAsync("/Notifications");
        Assert.Contains("01/03/2026 09:05", notifications);
        Assert.DoesNotContain("01/03/2026 02:05", notifications);
        var audit = await (await app.SignInAsync("cchc")).GetStringAsync("/Audit?entity=TimeCheck");
        Assert.Contains("01/03/2026 09:05:07", audit);
    }

    [Fact]
    public async Task A_user_issues_and_revokes_own_tokens_but_cannot_revoke_anothers()
    {
        var coordinator = await app.SignInAsync("cchc");
        var page = await coordinator.PostFormAsync("/Account/Tokens?handler=Create", new() { ["name"] = "Thử thu hồi" }, "/Account/Tokens");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var secret = TokenPattern().Match(html).Value;
        Assert.False(string.IsNullOrEmpty(secret), "the new token is shown once");
        var row = await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).FirstAsync(t => t.Name == "Thử thu hồi"));
        Assert.Equal(secret[..10], row.Prefix);

        var officer = await app.SignInAsync("tuphap");
        var foreign = await officer.PostFormAsync($"/Account/Tokens?handler=Revoke&id={row.Id}", new(), "/Account/Tokens");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == row.Id).Select(t => t.RevokedAt).SingleAsync()));

        var own = await coordinator.PostFormAsync($"/Account/Tokens?handler=Revoke&id={row.Id}", new(), "/Account/Tokens");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == row.Id).Select(t => t.RevokedAt).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ApiToken" && a.EntityId == row.Prefix && a.Action == "revoke")));
    }

    [GeneratedRegex(@"phk_[A-Za-z0-9_\-]+")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteUseCaseTests(SqliteFactory app) : UseCaseTests<SqliteFactory>(app);
public sealed class PostgresUseCaseTests(PostgresFactory app) : UseCaseTests<PostgresFactory>(app);
