using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// An officer of agency A (Sở Tư pháp, user "tuphap") cannot read or change agency B's (Sở Tài chính) private data
/// by editing an id in a URL or a form; the server refuses, whatever the page showed.
/// </summary>
public abstract class AgencyIsolationTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private Task<int> IdOf(string code) => app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());
    private Task<string?> PhoneOf(string code) => app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Phone).SingleAsync());

    [Fact]
    public async Task An_officer_updates_its_own_agencys_contact_details_and_the_change_is_audited()
    {
        var own = await IdOf("STP");
        var officer = await app.SignInAsync("tuphap");
        var r = await officer.PostFormAsync($"/Agencies/Profile/{own}",
            new() { ["Address"] = "1 Lê Đại Hành", ["Phone"] = "0225 111 222", ["Email"] = "stp@haiphong.gov.vn" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("0225 111 222", await PhoneOf("STP"));
        var entry =
            await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.EntityType == "Agency" && e.EntityId == own.ToString()));
        Assert.Equal("tuphap", entry.UserName);
        Assert.Contains("0225 111 222", entry.Changes);
    }

    [Fact]
    public async Task An_officer_cannot_open_or_post_another_agencys_contact_form()
    {
        var other = await IdOf("STC");
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Agencies/Profile/{other}")).StatusCode);

        // A form built from its own page, with the id in the URL changed to agency B's.
        var token = await officer.AntiforgeryTokenAsync($"/Agencies/Profile/{await IdOf("STP")}");
        var post = await officer.PostAsync($"/Agencies/Profile/{other}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Phone"] = "0999 hacked", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.NotEqual("0999 hacked", await PhoneOf("STC"));
    }

    [Fact]
    public async Task An_officer_cannot_edit_any_agency_in_the_directory_nor_through_the_api()
    {
        var other = await IdOf("STC");
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Agencies/Edit/{other}")).StatusCode);
        var token = await officer.AntiforgeryTokenAsync("/Agencies");
        var post = await officer.PostAsync($"/Agencies/Edit/{other}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "STC", ["Input.Kind"] = "Department", ["Input.Name"] = "Sở bị sửa", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var put = await officer.PutAsJsonAsync($"/api/v1/agencies/{other}", new { code = "STC", kind = "Department", name = "Sở bị sửa" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("Sở Tài chính", await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == other).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_officer_sees_its_own_agencys_people_but_not_another_agencys()
    {
        var officer = await app.SignInAsync("tuphap");
        var own = await officer.GetStringAsync($"/Agencies/Details/{await IdOf("STP")}");
        Assert.Contains("tuphap", own);
        var other = await officer.GetStringAsync($"/Agencies/Details/{await IdOf("STC")}");
        Assert.Contains("Sở Tài chính", other); // the public directory entry
        Assert.DoesNotContain("taichinh", other);
        Assert.DoesNotContain("Lê Thu Hà", other);
        var coordinator = await app.SignInAsync("cchc");
        Assert.Contains("taichinh", await coordinator.GetStringAsync($"/Agencies/Details/{await IdOf("STC")}"));
    }

    [Fact]
    public async Task An_officer_reads_only_its_own_agencys_audit_trail()
    {
        // Agency B has an audit line.
        var b = await IdOf("STC");
        var other = await app.SignInAsync("taichinh");
        await other.PostFormAsync($"/Agencies/Profile/{b}", new() { ["Phone"] = "0225 333 444" });

        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Audit?agencyId={b}")).StatusCode);
        var page = await officer.GetStringAsync("/Audit");
        Assert.DoesNotContain("0225 333 444", page);
        var coordinator = await app.SignInAsync("cchc");
        Assert.Contains("0225 333 444", await coordinator.GetStringAsync($"/Audit?agencyId={b}"));
    }

    [Fact]
    public async Task Only_admins_reach_the_account_pages()
    {
        foreach (var user in new[] { "tuphap", "cchc", "lanhdao", "thamdinh", "xem" })
        {
            var client = await app.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Users")).StatusCode);
        }
        var admin = await app.SignInAsync("admin");
        Assert.Contains("tuphap", await admin.GetStringAsync("/Admin/Users"));
    }

    [Fact]
    public async Task A_coordinator_edits_any_agency_and_every_change_is_in_the_audit_log()
    {
        var id = await IdOf("SNGV");
        var coordinator = await app.SignInAsync("cchc");
        var r = await coordinator.PostFormAsync($"/Agencies/Edit/{id}", new()
        {
            ["Input.Code"] = "SNGV", ["Input.Kind"] = "Department", ["Input.Name"] = "Sở Ngoại vụ", ["Input.ShortName"] = "SNgV",
            ["Input.Aliases"] = "Sở NgV", ["Input.ValidTo"] = "2025-02-28", ["Input.SuccessorId"] = (await IdOf("SNV")).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.EntityId == id.ToString()));
        Assert.Equal("update", entry.Action);
        Assert.Equal("cchc", entry.UserName);
        Assert.Contains("2025-02-28", entry.Changes);
        var page = await coordinator.GetStringAsync($"/Agencies/Details/{id}");
        Assert.Contains("Cơ quan kế thừa", page);
        Assert.Contains("28/02/2025", page);
    }
}

public sealed class SqliteAgencyIsolationTests(SqliteFactory app) : AgencyIsolationTests<SqliteFactory>(app);
public sealed class PostgresAgencyIsolationTests(PostgresFactory app) : AgencyIsolationTests<PostgresFactory>(app);
