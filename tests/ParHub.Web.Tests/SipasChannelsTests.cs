using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The collection channels beside the public form: a kiosk at the counter (JSON sends, idempotent on the client's id),
/// paper sheets entered twice by two operators (agree → counted; differ → resolved by the survey staff), and an
/// interviewer's entries (recorded). Each page refuses anonymous users and agency officers.
/// </summary>
public abstract class SipasChannelsTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private Task<int> CountAsync(int programme) => app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == programme));

    [Fact]
    public async Task A_kiosk_send_is_stored_once_however_often_it_is_resent_and_bad_sends_store_nothing()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var coordinator = await app.SignInAsync("cchc");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Sipas/Kiosks/{programme}",
            new() { ["agency"] = agency.ToString(), ["label"] = "Quầy số 1" })).StatusCode);
        var code = await app.WithDbAsync(db => db.SurveyKiosks.Where(k => k.ProgrammeId == programme).Select(k => k.Code).SingleAsync());
        Assert.Contains($"/KhaoSat/{programme}/Kiosk/{code}", await coordinator.GetStringAsync($"/Sipas/Kiosks/{programme}"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "kiosk" && e.EntityId == programme.ToString())));

        var kiosk = app.Anonymous();
        var page = $"/KhaoSat/{programme}/Kiosk/{code}";
        var html = await kiosk.GetStringAsync(page);
        Assert.Contains("/js/kiosk.js", html);
        Assert.DoesNotContain("<script>", html);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(5, doc.QuerySelectorAll("#kiosk-form [data-part]").Length); // every part in one document: it never navigates
        Assert.Equal("8.c=1", doc.QuerySelectorAll("#kiosk-form [data-part]")[3].GetAttribute("data-show-if"));
        Assert.Equal(HttpStatusCode.NotFound, (await kiosk.GetAsync($"/KhaoSat/{programme}/Kiosk/khongphaima")).StatusCode);

        var send = $"{page}?handler=Send";
        var body = new { clientId = Guid.NewGuid().ToString(), answers = new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "5", ["P.1"] = "1" } };
        for (var i = 0; i < 3; i++) // the first send, then two resends (the acknowledgement was lost)
        {
            var r = await kiosk.PostAsJsonAsync(send, body);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        var stored = await app.WithDbAsync(db => db.SurveyResponses.Include(x => x.Answers).SingleAsync(x => x.ProgrammeId == programme));
        Assert.Equal((SurveyChannel.Kiosk, agency, body.clientId, 3), (stored.Channel, stored.AgencyId, stored.ClientId, stored.Answers.Count));

        // Refused, nothing stored: another's code, a form post (no JSON), no id, answers out of range, an unreadable body.
        Assert.Equal(HttpStatusCode.NotFound, (await kiosk.PostAsJsonAsync($"/KhaoSat/{programme}/Kiosk/{new string('a', 32)}?handler=Send",
            body with { clientId = Guid.NewGuid().ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await kiosk.PostAsync(send,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["clientId"] = Guid.NewGuid().ToString() }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kiosk.PostAsJsonAsync(send, new { answers = body.answers })).StatusCode);
        var bad = await kiosk.PostAsJsonAsync(send, new { clientId = Guid.NewGuid().ToString(), answers = new Dictionary<string, string> { ["9.1"] = "9" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problems = (await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("problems");
        Assert.Contains(problems.EnumerateArray(), p => p.GetString()!.StartsWith("Câu 9.1 (", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await kiosk.PostAsync(send,
            new StringContent("{\"clientId\":", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await kiosk.PostAsync(send,
            new StringContent(new string(' ', 70_000) + "{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(1, await CountAsync(programme));

        // Closed: the kiosk's queued answers wait (409), nothing is stored.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Move",
            new() { ["id"] = programme.ToString(), ["to"] = "Closed", ["version"] = "1" }, "/Sipas")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kiosk.PostAsJsonAsync(send, body with { clientId = Guid.NewGuid().ToString() })).StatusCode);
        Assert.Equal(1, await CountAsync(programme));
    }

    private static Dictionary<string, string> Paper(string number, Dictionary<string, string> answers)
    {
        var fields = answers.ToDictionary(a => "a:" + a.Key, a => a.Value);
        fields["number"] = number;
        return fields;
    }

    [Fact]
    public async Task A_paper_sheet_entered_twice_alike_counts_once_with_both_operators_and_the_same_operator_cannot_enter_it_twice()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var coordinator = await app.SignInAsync("cchc");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Sipas/Sheets/{programme}",
            new() { ["agency"] = agency.ToString(), ["count"] = "3" })).StatusCode);
        var tooMany = await coordinator.PostFormAsync($"/Sipas/Sheets/{programme}", new() { ["agency"] = agency.ToString(), ["count"] = "nhiều" });
        Assert.Contains("Số phiếu giấy mỗi lần từ 1 đến 500.", WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()));
        var numbers = await app.WithDbAsync(db => db.SurveyPaperSheets.Where(s => s.ProgrammeId == programme).OrderBy(s => s.Number)
            .Select(s => s.Number).ToListAsync());
        Assert.Equal([1, 2, 3], numbers);

        // The printable sheets: one per number, the number and the agency on each.
        var docx = await coordinator.GetAsync($"/Sipas/Sheets/{programme}?handler=Docx&from=1&to=3");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            foreach (var n in new[] { "000001", "000002", "000003" }) Assert.Contains($"Phiếu số {n}", text);
            var agencyName = await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleAsync());
            Assert.Contains($"Cơ quan được đánh giá: {agencyName}", text);
            Assert.Contains("☐ 5 Rất hài lòng", text);
        }

        var answers = new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "4", ["2"] = "3,1" };
        var first = await coordinator.PostFormAsync($"/Sipas/Paper/{programme}", Paper("000001", answers));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("lần 1", WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Sipas/Paper/{programme}")));
        var again = await coordinator.PostFormAsync($"/Sipas/Paper/{programme}", Paper("1", answers));
        Assert.Contains("lần nhập thứ hai phải do người khác thực hiện", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync(programme));

        var interviewer = await app.SignInAsync("dieutra");
        var second = await interviewer.PostFormAsync($"/Sipas/Paper/{programme}", Paper("1", new() { ["8.c"] = "2", ["9.1"] = "4", ["2"] = "1,3" }));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("hai lần nhập khớp nhau", WebUtility.HtmlDecode(await interviewer.GetStringAsync($"/Sipas/Paper/{programme}")));
        var r = await app.WithDbAsync(db => db.SurveyResponses.Include(x => x.Answers).SingleAsync(x => x.ProgrammeId == programme));
        Assert.Equal((SurveyChannel.Paper, agency), (r.Channel, r.AgencyId));
        Assert.Contains("cchc", r.EnteredBy);
        Assert.Contains("dieutra", r.EnteredBy);
        Assert.Equal(r.Id, await app.WithDbAsync(db => db.SurveyPaperSheets.Where(s => s.ProgrammeId == programme && s.Number == 1)
            .Select(s => s.ResponseId).SingleAsync()));
        var third = await app.SignInAsync("admin");
        var counted = await third.PostFormAsync($"/Sipas/Paper/{programme}", Paper("1", answers));
        Assert.Contains("Phiếu số 000001 đã được tính", WebUtility.HtmlDecode(await counted.Content.ReadAsStringAsync()));
        var unknown = await third.PostFormAsync($"/Sipas/Paper/{programme}", Paper("999", answers));
        Assert.Contains("Không có phiếu số 000999", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(1, await CountAsync(programme));
        var steps = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "SurveyPaperSheet").Join(db.SurveyPaperSheets
            .Where(s => s.ProgrammeId == programme), e => e.EntityId, s => s.Id.ToString(), (e, s) => e.Action).ToListAsync());
        Assert.Equal(["paper-entry", "paper-entry", "paper-counted"], steps);
    }

    [Fact]
    public async Task A_paper_sheet_entered_twice_differently_lists_the_differences_and_counts_once_the_staff_resolved_each()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var coordinator = await app.SignInAsync("cchc");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Sipas/Sheets/{programme}",
            new() { ["agency"] = agency.ToString(), ["count"] = "1" })).StatusCode);
        var interviewer = await app.SignInAsync("dieutra");
        Assert.Equal(HttpStatusCode.Redirect, (await interviewer.PostFormAsync($"/Sipas/Paper/{programme}",
            Paper("000001", new() { ["8.c"] = "2", ["9.1"] = "4", ["9.2"] = "5", ["P.1"] = "1" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Sipas/Paper/{programme}",
            Paper("000001", new() { ["8.c"] = "2", ["9.1"] = "2", ["9.2"] = "5" }))).StatusCode);
        Assert.Contains("khác nhau ở 2 câu (P.1, 9.1)", WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Sipas/Paper/{programme}")));
        Assert.Equal(0, await CountAsync(programme));

        var sheet = await app.WithDbAsync(db => db.SurveyPaperSheets.Where(s => s.ProgrammeId == programme).Select(s => s.Id).SingleAsync());
        var list = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Sipas/Sheets/{programme}"));
        Assert.NotNull(list.QuerySelector("[data-testid=resolve-1]"));
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Sipas/Resolve/{sheet}"));
        var rows = doc.QuerySelectorAll("[data-testid=differences] tbody tr").ToList();
        Assert.Equal(["P.1", "9.1"], rows.Select(x => x.GetAttribute("data-item")));
        Assert.Contains("4 – Hài lòng", rows[1].TextContent);
        Assert.Contains("2 – Không hài lòng", rows[1].TextContent);
        Assert.Contains("(bỏ trống)", rows[0].TextContent);

        // Every difference must be settled; a typed value is checked like an answer.
        var partial = await coordinator.PostFormAsync($"/Sipas/Resolve/{sheet}", new() { ["c:9.1"] = "1" });
        Assert.Contains("Câu P.1: chọn giá trị đúng.", WebUtility.HtmlDecode(await partial.Content.ReadAsStringAsync()));
        var typedBad = await coordinator.PostFormAsync($"/Sipas/Resolve/{sheet}", new() { ["c:9.1"] = "other", ["o:9.1"] = "8", ["c:P.1"] = "2" });
        Assert.Contains("Câu 9.1", WebUtility.HtmlDecode(await typedBad.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync(programme));

        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Resolve/{sheet}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interviewer.GetAsync($"/Sipas/Resolve/{sheet}")).StatusCode);

        var done = await coordinator.PostFormAsync($"/Sipas/Resolve/{sheet}", new() { ["c:9.1"] = "other", ["o:9.1"] = "3", ["c:P.1"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var r = await app.WithDbAsync(db => db.SurveyResponses.Include(x => x.Answers).SingleAsync(x => x.ProgrammeId == programme));
        Assert.Equal(SurveyChannel.Paper, r.Channel);
        Assert.Equal(3, r.Answers.Single(a => a.ItemCode == "9.1").Value);
        Assert.Equal(1, r.Answers.Single(a => a.ItemCode == "P.1").Value);
        Assert.Equal(5, r.Answers.Single(a => a.ItemCode == "9.2").Value);
        Assert.Contains("đối chiếu: cchc", r.EnteredBy);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == "SurveyPaperSheet" && e.EntityId == sheet.ToString()
            && e.Action == "paper-resolve"));
        Assert.Contains("9.1", audit.Changes);
        // Resolved once: the page now says so, and a second resolution stores nothing.
        Assert.Contains("đã được tính", WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Sipas/Resolve/{sheet}")));
        await coordinator.PostFormAsync($"/Sipas/Resolve/{sheet}", new() { ["c:9.1"] = "2", ["c:P.1"] = "2" }, "/Sipas");
        Assert.Equal(1, await CountAsync(programme));
    }

    [Fact]
    public async Task An_interviewer_enters_answers_recorded_as_theirs_counted_once_and_sees_no_results()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var interviewer = await app.SignInAsync("dieutra");
        var entry = WebUtility.HtmlDecode(await interviewer.GetStringAsync("/Sipas/Entry"));
        Assert.Contains($"/Sipas/Interview/{programme}", entry);
        Assert.Contains("Nhập phiếu khảo sát", entry); // the interviewer's menu
        var url = $"/Sipas/Interview/{programme}?agency={agency}";
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await interviewer.GetStringAsync(url));
        var clientId = form.QuerySelector("input[name=clientId]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["agency"] = agency.ToString(), ["clientId"] = clientId, ["a:8.c"] = "1", ["a:9.30"] = "5" };
        var missing = await interviewer.PostFormAsync($"/Sipas/Interview/{programme}", new() { ["agency"] = agency.ToString(), ["clientId"] = clientId }, url);
        Assert.Contains("Câu 8.c", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await interviewer.PostFormAsync($"/Sipas/Interview/{programme}", fields, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await interviewer.PostFormAsync($"/Sipas/Interview/{programme}", fields, url)).StatusCode); // sent twice
        var r = await app.WithDbAsync(db => db.SurveyResponses.Include(x => x.Answers).SingleAsync(x => x.ProgrammeId == programme));
        Assert.Equal((SurveyChannel.Interview, "dieutra", agency), (r.Channel, r.EnteredBy, r.AgencyId));
        Assert.Equal(5, r.Answers.Single(a => a.ItemCode == "9.30").Value);

        foreach (var page in new[] { "/Sipas", $"/Sipas/Results/{programme}", $"/Sipas/Responses/{programme}", $"/Sipas/Sheets/{programme}",
            $"/Sipas/Kiosks/{programme}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await interviewer.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Channel_pages_refuse_anonymous_users_and_agency_officers()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.PostFormAsync($"/Sipas/Sheets/{programme}", new() { ["agency"] = agency.ToString(), ["count"] = "1" });
        var sheet = await app.WithDbAsync(db => db.SurveyPaperSheets.Where(s => s.ProgrammeId == programme).Select(s => s.Id).SingleAsync());
        string[] pages = ["/Sipas/Entry", $"/Sipas/Interview/{programme}", $"/Sipas/Paper/{programme}", $"/Sipas/Sheets/{programme}",
            $"/Sipas/Sheets/{programme}?handler=Docx&from=1&to=1", $"/Sipas/Kiosks/{programme}", $"/Sipas/Resolve/{sheet}"];
        var anonymous = app.Anonymous();
        var officer = await app.SignInAsync("tuphap");
        foreach (var page in pages)
        {
            var a = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
            Assert.Contains("/Account/Login", a.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(page)).StatusCode);
        }
        var token = await officer.AntiforgeryTokenAsync("/Tasks");
        foreach (var (page, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/Sipas/Kiosks/{programme}", new() { ["agency"] = agency.ToString() }),
            ($"/Sipas/Sheets/{programme}", new() { ["agency"] = agency.ToString(), ["count"] = "5" }),
            ($"/Sipas/Paper/{programme}", new() { ["number"] = "1", ["a:8.c"] = "2" }),
            ($"/Sipas/Interview/{programme}", new() { ["agency"] = agency.ToString(), ["a:8.c"] = "2" }),
            ($"/Sipas/Resolve/{sheet}", new() { ["c:9.1"] = "1" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync(page, new FormUrlEncodedContent(fields))).StatusCode);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyPaperSheets.CountAsync(s => s.ProgrammeId == programme)));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyKiosks.CountAsync(s => s.ProgrammeId == programme)));
        Assert.Equal(0, await CountAsync(programme));
    }
}

public sealed class SqliteSipasChannelsTests(SqliteFactory app) : SipasChannelsTests<SqliteFactory>(app);
public sealed class PostgresSipasChannelsTests(PostgresFactory app) : SipasChannelsTests<PostgresFactory>(app);
