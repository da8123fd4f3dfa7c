using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Web.Data;
using ParHub.Web.Features.Account;
using ParHub.Web.Features.Admin.Users;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// Access that ends ends at once: after lock (page or command line), logout, password change or reset, and a change
/// of role, the very next request of every session and token of that user is refused (or acts with the new role).
/// </summary>
public abstract class SessionTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static int seq;
    private const string Password = "Phien@2026x";

    /// <summary>A fresh Coordinator (may report progress on any task), created through the admin page.</summary>
    private async Task<string> NewUserAsync(string role = "Coordinator")
    {
        var name = $"phien{Interlocked.Increment(ref seq)}{app.Provider.ToString().ToLowerInvariant()}";
        var admin = await app.SignInAsync("admin");
        var r = await admin.PostFormAsync("/Admin/Users/Edit", new()
        {
            ["UserName"] = name, ["FullName"] = "Người thử phiên", ["Role"] = role, ["Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return name;
    }

    private async Task<(HttpClient Client, CookieContainer Jar)> BrowserAsync(string user, string password = Password)
    {
        var jar = new CookieContainer();
        var client = app.Browser(jar);
        await ParHubFactory.SignInAsync(client, user, password);
        return (client, jar);
    }

    private static async Task<bool> ReadsAsync(HttpClient client)
    {
        var r = await client.GetAsync("/Tasks");
        if (r.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/Account/Login", r.Headers.Location!.PathAndQuery);
        return false;
    }

    private async Task<HttpStatusCode> WritesAsync(HttpClient client)
    {
        var task = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Version }).FirstAsync());
        var r = await client.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress",
            new { progress = "InProgress", note = "thử phiên", version = task.Version });
        return r.StatusCode;
    }

    private async Task<string> EditUserAsync(string name, Dictionary<string, string> fields)
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        var admin = await app.SignInAsync("admin");
        var form = new Dictionary<string, string> { ["UserName"] = name, ["FullName"] = "Người thử phiên", ["Role"] = "Coordinator" };
        foreach (var (k, v) in fields) form[k] = v;
        var r = await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", form, $"/Admin/Users/Edit?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return id;
    }

    [Fact]
    public async Task A_locked_account_is_refused_on_its_next_request_read_and_write_and_its_token_too()
    {
        var name = await NewUserAsync();
        var (browser, _) = await BrowserAsync(name);
        var token = await CreateTokenAsync(browser);
        var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.True(await ReadsAsync(browser));
        Assert.Equal(HttpStatusCode.OK, await WritesAsync(browser));
        Assert.Equal(HttpStatusCode.OK, await WritesAsync(api));

        await EditUserAsync(name, new() { ["Locked"] = "true" });

        Assert.False(await ReadsAsync(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, await WritesAsync(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, await WritesAsync(api));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "User" && e.Summary == name && e.Changes.Contains("Locked"))));
        // Unlocked, the person signs in again; the old cookie stays dead.
        await EditUserAsync(name, new() { ["Locked"] = "false" });
        Assert.False(await ReadsAsync(browser));
        var (again, _) = await BrowserAsync(name);
        Assert.True(await ReadsAsync(again));
    }

    [Fact]
    public async Task Lock_and_unlock_from_the_command_line_use_case_are_audited_and_end_sessions_on_the_next_request()
    {
        var name = await NewUserAsync();
        var (browser, _) = await BrowserAsync(name);
        Assert.True(await ReadsAsync(browser));
        // What `./parhub users lock --username U` runs, in a scope of its own as the command line has.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetLockedAsync(name, locked: true);
        Assert.False(await ReadsAsync(browser));
        var refused = app.Anonymous();
        var login = await refused.PostFormAsync("/Account/Login", new() { ["UserName"] = name, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Tài khoản đã bị khóa", await login.Content.ReadAsStringAsync());
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetLockedAsync(name, locked: false);
        var (again, _) = await BrowserAsync(name);
        Assert.True(await ReadsAsync(again));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "User" && e.Summary == name).Select(e => e.Action).ToListAsync());
        Assert.Contains("lock", actions);
        Assert.Contains("unlock", actions);
    }

    [Fact]
    public async Task After_logout_the_old_cookie_replayed_is_refused()
    {
        var name = await NewUserAsync();
        var (browser, jar) = await BrowserAsync(name);
        var copy = new CookieContainer();
        foreach (Cookie c in jar.GetAllCookies()) copy.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
        var replay = app.Browser(copy);
        Assert.True(await ReadsAsync(replay));
        var logout = await browser.PostFormAsync("/Account/Logout", new(), "/");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.False(await ReadsAsync(replay));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "sign-out" && e.Summary!.StartsWith(name))));
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_sessions_and_keeps_this_one()
    {
        var name = await NewUserAsync();
        var (first, _) = await BrowserAsync(name);
        var (second, _) = await BrowserAsync(name);
        Assert.True(await ReadsAsync(second));
        var r = await first.PostFormAsync("/Account/ChangePassword", new() { ["Current"] = Password, ["New"] = "Moi@2026xy", ["Confirm"] = "Moi@2026xy" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.True(await ReadsAsync(first));
        Assert.False(await ReadsAsync(second));
        await BrowserAsync(name, "Moi@2026xy");
    }

    [Fact]
    public async Task A_password_reset_by_the_admin_ends_every_session()
    {
        var name = await NewUserAsync();
        var (browser, _) = await BrowserAsync(name);
        Assert.True(await ReadsAsync(browser));
        await EditUserAsync(name, new() { ["Password"] = "Datlai@2026x" });
        Assert.False(await ReadsAsync(browser));
    }

    [Fact]
    public async Task A_demoted_user_loses_the_old_role_at_once_in_the_browser_and_through_the_token()
    {
        var name = await NewUserAsync();
        var (browser, _) = await BrowserAsync(name);
        var token = await CreateTokenAsync(browser);
        var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, await WritesAsync(api));
        Assert.Equal(HttpStatusCode.OK, await WritesAsync(browser));

        await EditUserAsync(name, new() { ["Role"] = "Viewer" });

        Assert.False(await ReadsAsync(browser));
        Assert.Equal(HttpStatusCode.Forbidden, await WritesAsync(api));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/agencies")).StatusCode);
    }

    private static async Task<string> CreateTokenAsync(HttpClient browser)
    {
        var page = await browser.PostFormAsync("/Account/Tokens?handler=Create", new() { ["name"] = "Thử phiên" }, "/Account/Tokens");
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "data-testid=\"new-token\">(phk_[^<]+)<").Groups[1].Value;
        Assert.StartsWith(ApiTokenHandler.TokenPrefix, token);
        return token;
    }
}

public sealed class SqliteSessionTests(SqliteFactory app) : SessionTests<SqliteFactory>(app);
public sealed class PostgresSessionTests(PostgresFactory app) : SessionTests<PostgresFactory>(app);
