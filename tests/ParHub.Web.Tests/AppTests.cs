using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Account;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Health, sign-in, the shell and the API on a freshly seeded demo province.</summary>
public abstract class AppTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task Health_answers_200_with_the_database_check()
    {
        var response = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var db = json.RootElement.GetProperty("database");
        Assert.Equal("ok", db.GetProperty("status").GetString());
        Assert.Equal(app.Provider.ToString(), db.GetProperty("provider").GetString());
        Assert.Equal(Migrator.All(app.Provider).Count, db.GetProperty("appliedMigrations").GetInt32());
    }

    [Fact]
    public async Task Pages_require_sign_in_and_the_api_answers_401()
    {
        var client = app.Anonymous();
        var page = await client.GetAsync("/Agencies");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/agencies")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_vietnamese_and_five_failures_lock_the_account()
    {
        var admin = await app.SignInAsync("admin");
        var create = await admin.PostFormAsync("/Admin/Users/Edit", new()
        {
            ["UserName"] = "khoa.thu", ["FullName"] = "Người thử khóa", ["Role"] = "Viewer", ["Password"] = "Thu@2026x",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var client = app.Anonymous();
        string html = "";
        for (var i = 0; i < 5; i++)
        {
            var r = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "khoa.thu", ["Password"] = "sai-mat-khau" });
            html = await r.Content.ReadAsStringAsync();
            if (i == 0) Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", html);
        }
        Assert.Contains("tạm thời bị khóa", html);
        // Even the right password is refused while locked.
        var locked = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "khoa.thu", ["Password"] = "Thu@2026x" });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
    }

    [Fact]
    public async Task Change_password_enforces_the_policy_and_the_new_password_works()
    {
        var admin = await app.SignInAsync("admin");
        await admin.PostFormAsync("/Admin/Users/Edit", new()
        {
            ["UserName"] = "doi.mk", ["FullName"] = "Người đổi mật khẩu", ["Role"] = "Viewer", ["Password"] = "Cu@20261",
        });
        var user = await app.SignInAsync("doi.mk", "Cu@20261");
        var weak = await user.PostFormAsync("/Account/ChangePassword", new() { ["Current"] = "Cu@20261", ["New"] = "abc", ["Confirm"] = "abc" });
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
        var ok = await user.PostFormAsync("/Account/ChangePassword", new() { ["Current"] = "Cu@20261", ["New"] = "Moi@20262", ["Confirm"] = "Moi@20262" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await app.SignInAsync("doi.mk", "Moi@20262");
    }

    [Fact]
    public async Task The_shell_is_vietnamese_and_unknown_pages_get_a_friendly_404()
    {
        var client = await app.SignInAsync("cchc");
        var home = await client.GetStringAsync("/");
        Assert.Contains("lang=\"vi\"", home);
        Assert.Contains("Cơ quan, đơn vị", home);
        var missing = await client.GetAsync("/Agencies/Details/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy trang", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_lists_the_demo_agencies_and_searches_vietnamese_without_accents()
    {
        var client = await app.SignInAsync("xem");
        var all = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/agencies");
        Assert.Contains(all!, a => a.GetProperty("name").GetString() == "Sở Nội vụ" && a.GetProperty("kind").GetString() == "Department");
        Assert.Equal(15, all!.Count(a => a.GetProperty("kind").GetString() == "District"));
        foreach (var q in new[] { "so ke hoach", "KH&ĐT", "kế hoạch đầu tư" })
        {
            var hits = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/agencies?q={Uri.EscapeDataString(q)}");
            Assert.Equal("Sở Kế hoạch và Đầu tư", hits![0].GetProperty("name").GetString());
        }
        // History: a district of 2024 still exists, with its successor; on 1/7/2025 it no longer does.
        var before = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/agencies?q=quan%20le%20chan&activeOn=2024-05-01");
        var district = Assert.Single(before!, a => a.GetProperty("kind").GetString() == "District");
        Assert.True(district.GetProperty("successorId").ValueKind == JsonValueKind.Number);
        var after = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/agencies?q=quan%20le%20chan&activeOn=2025-07-01");
        Assert.DoesNotContain(after!, a => a.GetProperty("kind").GetString() == "District");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_agency_api()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/agencies", doc);
        Assert.Contains("/api/v1/agencies/{id}", doc);
    }

    [Fact]
    public async Task Personal_api_tokens_authenticate_with_the_users_roles_and_stop_working_when_revoked()
    {
        var cchc = await app.SignInAsync("cchc");
        var page = await cchc.PostFormAsync("/Account/Tokens?handler=Create", new() { ["name"] = "Hệ thống một cửa" }, "/Account/Tokens");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"new-token\">(phk_[^<]+)<").Groups[1].Value;
        Assert.StartsWith(ApiTokenHandler.TokenPrefix, token);

        var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/agencies")).StatusCode);
        var created =
            await api.PostAsJsonAsync("/api/v1/agencies", new { code = "TOKEN-TEST", kind = "PublicServiceUnit", name = "Trung tâm thử nghiệm" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Agency" && e.Action == "create" && e.UserName == "cchc")));

        var bad = app.Anonymous();
        bad.DefaultRequestHeaders.Authorization = new("Bearer", "phk_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/v1/agencies")).StatusCode);

        var id = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.TokenHash == ApiTokenHandler.Hash(token)).Select(t => t.Id).SingleAsync());
        await cchc.PostFormAsync($"/Account/Tokens?handler=Revoke&id={id}", new(), "/Account/Tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/agencies")).StatusCode);
    }

    [Fact]
    public async Task The_api_validates_in_vietnamese_and_refuses_viewers_writes()
    {
        var coordinator = await app.SignInAsync("cchc");
        var invalid = await coordinator.PostAsJsonAsync("/api/v1/agencies", new { code = "SNV", kind = "Department", name = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("đã được dùng", body);
        Assert.Contains("Vui lòng nhập tên cơ quan", body);

        var viewer = await app.SignInAsync("xem");
        var refused = await viewer.PostAsJsonAsync("/api/v1/agencies", new { code = "X1", kind = "Department", name = "Sở X" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class SqliteAppTests(SqliteFactory app) : AppTests<SqliteFactory>(app);
public sealed class PostgresAppTests(PostgresFactory app) : AppTests<PostgresFactory>(app);
