using System.Net;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>The Coordinator plans a survey programme, opens and closes its collection and publishes it; every step audited.</summary>
public abstract class SipasProgrammeTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task A_programme_is_planned_collected_closed_computed_and_published_with_its_decision_and_each_step_audited()
    {
        var coordinator = await app.SignInAsync("cchc");
        var group = await app.WithDbAsync(db => db.AgencyGroups.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        var title = $"Khảo sát SIPAS thử {Guid.NewGuid():N}";

        // Every problem at once; nothing stored.
        var bad = await coordinator.PostFormAsync("/Sipas?handler=Create", new()
        {
            ["Input.Year"] = "2026", ["Input.Title"] = " ", ["Input.FieldworkFrom"] = "2026-02-01", ["Input.FieldworkTo"] = "2026-01-01",
            ["Input.MarginPercent"] = "0", ["Input.Confidence"] = "1,96", ["Input.MinResponses"] = "30",
        }, "/Sipas");
        var notNumber = WebUtility.HtmlDecode(await (await coordinator.PostFormAsync("/Sipas?handler=Create",
            new() { ["Input.Year"] = "2026", ["Input.MarginPercent"] = "năm", ["Input.Confidence"] = "1,96" }, "/Sipas")).Content.ReadAsStringAsync());
        Assert.Contains("Sai số e: “năm” không phải là số", notNumber);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        foreach (var m in new[] { "Vui lòng nhập tên đợt khảo sát.", "Ngày kết thúc thu thập phải sau ngày bắt đầu.", "Sai số e phải lớn hơn 0",
            "Chọn ít nhất một nhóm cơ quan" })
            Assert.Contains(m, html);

        var ok = await coordinator.PostFormAsync("/Sipas?handler=Create", new()
        {
            ["Input.Year"] = "2026", ["Input.Title"] = title, ["Input.FieldworkFrom"] = "2026-01-05", ["Input.FieldworkTo"] = "2026-02-15",
            ["Input.MarginPercent"] = "5", ["Input.Confidence"] = "1,96", ["Input.MinResponses"] = "30", ["Input.GroupIds"] = group.ToString(),
        }, "/Sipas");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var p = await app.WithDbAsync(db => db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Title == title));
        Assert.Equal((SurveyState.Planned, 0.05m, group), (p.State, p.MarginOfError, p.Groups.Single().GroupId));

        async Task<HttpResponseMessage> Move(SurveyState to, string? decision = null)
        {
            var version = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Id == p.Id).Select(x => x.Version).SingleAsync());
            var fields = new Dictionary<string, string> { ["id"] = p.Id.ToString(), ["to"] = to.ToString(), ["version"] = version.ToString() };
            if (decision is not null) fields["decision"] = decision;
            return await coordinator.PostFormAsync("/Sipas?handler=Move", fields, "/Sipas");
        }
        var skipped = WebUtility.HtmlDecode(await (await Move(SurveyState.Published, "QĐ 1")).Content.ReadAsStringAsync());
        Assert.Contains("Không chuyển được từ “Kế hoạch” sang “Đã công bố”.", skipped);
        foreach (var to in new[] { SurveyState.Collecting, SurveyState.Closed, SurveyState.Computed })
            Assert.Equal(HttpStatusCode.Redirect, (await Move(to)).StatusCode);
        var noDecision = WebUtility.HtmlDecode(await (await Move(SurveyState.Published, "")).Content.ReadAsStringAsync());
        Assert.Contains("Ghi số, ngày của quyết định công bố kết quả khảo sát.", noDecision);
        Assert.Equal(HttpStatusCode.Redirect, (await Move(SurveyState.Published, "Quyết định số 45/QĐ-UBND ngày 01/3/2026")).StatusCode);
        p = await app.WithDbAsync(db => db.SurveyProgrammes.SingleAsync(x => x.Id == p.Id));
        Assert.Equal((SurveyState.Published, "Quyết định số 45/QĐ-UBND ngày 01/3/2026"), (p.State, p.Decision));
        var steps = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "SurveyProgramme" && e.EntityId == p.Id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["create", "state", "state", "state", "state"], steps);

        // A stale form (the version moved on) is refused, not applied twice.
        var stale = await coordinator.PostFormAsync("/Sipas?handler=Move",
            new() { ["id"] = p.Id.ToString(), ["to"] = "Collecting", ["version"] = "0" }, "/Sipas");
        Assert.Contains("vừa được người khác thay đổi", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_agency_officer_can_neither_see_nor_change_survey_programmes()
    {
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Sipas")).StatusCode);
        var token = await officer.AntiforgeryTokenAsync("/Tasks");
        var post = await officer.PostAsync("/Sipas?handler=Move", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["id"] = "1", ["to"] = "Collecting", ["version"] = "0", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}

public sealed class SqliteSipasProgrammeTests(SqliteFactory app) : SipasProgrammeTests<SqliteFactory>(app);
public sealed class PostgresSipasProgrammeTests(PostgresFactory app) : SipasProgrammeTests<PostgresFactory>(app);
