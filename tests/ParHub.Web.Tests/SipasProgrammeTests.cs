using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Posts the survey page's form as a browser would, with the answers given for this page.</summary>
    private static async Task<string> NextAsync(HttpClient client, string url, string html, Dictionary<string, string> answers, string move = "next")
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = doc.QuerySelector("form[method=post]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(answers.Select(a => new KeyValuePair<string, string>("a:" + a.Key, a.Value))).Append(new("move", move));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        if (response.StatusCode == HttpStatusCode.Redirect) return "redirect:" + response.Headers.Location;
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_citizen_answers_the_public_form_without_an_account_part_by_part_and_the_service_part_only_after_a_procedure()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var citizen = app.Anonymous();
        var url = $"/KhaoSat/{programme}?agency={agency}";
        var html = WebUtility.HtmlDecode(await citizen.GetStringAsync(url));
        Assert.Contains("Phần 1/4", html); // the service part waits for 8.c
        html = await NextAsync(citizen, url, html, new() { ["P.1"] = "2", ["P.3"] = "3" });
        Assert.Contains("Phần 2/4", html);
        // 8.c is required; a level out of range is refused by name.
        var refused = await NextAsync(citizen, url, html, new() { ["1.1"] = "9" });
        Assert.Contains("Câu 1.1 (Phát triển kinh tế): câu trả lời không hợp lệ.", refused);
        Assert.Contains("Câu 8.c (Giải quyết thủ tục hành chính tại cơ quan cấp tỉnh hoặc cấp xã): vui lòng trả lời.", refused);
        html = await NextAsync(citizen, url, html, new() { ["1.1"] = "4", ["2"] = "1,6", ["8.c"] = "1" });
        Assert.Contains("Phần 3/5", html); // a procedure: part II is asked
        Assert.Contains("Xây dựng, tổ chức thực hiện chính sách", html);
        html = await NextAsync(citizen, url, html, Enumerable.Range(1, 23).ToDictionary(i => $"9.{i}", i => i % 2 == 0 ? "4" : "5"));
        Assert.Contains("Cung ứng dịch vụ hành chính công", html);
        html = await NextAsync(citizen, url, html, Enumerable.Range(24, 16).ToDictionary(i => $"9.{i}", i => i == 24 ? "2" : "4"));
        Assert.Contains("Nhu cầu, mong đợi", html);
        var done = await NextAsync(citizen, url, html, new() { ["10.1"] = "4" });
        Assert.StartsWith($"redirect:/KhaoSat/{programme}/CamOn", done);
        var stored = await app.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.ProgrammeId == programme));
        Assert.Equal((agency, SurveyChannel.Web, ResponseStatus.Valid), (stored.AgencyId, stored.Channel, stored.Status));
        Assert.Equal(2 + 3 + 23 + 16 + 1, stored.Answers.Count);
        Assert.Equal("1,6", stored.Answers.Single(a => a.ItemCode == "2").Text);
        Assert.Equal(2, stored.Answers.Single(a => a.ItemCode == "9.24").Value);

        // Without a procedure (8.c = Không), part II is skipped and nothing of it is stored.
        html = WebUtility.HtmlDecode(await citizen.GetStringAsync(url));
        html = await NextAsync(citizen, url, html, []);
        html = await NextAsync(citizen, url, html, new() { ["8.c"] = "2" });
        Assert.Contains("Phần 3/4", html);
        html = await NextAsync(citizen, url, html, new() { ["9.1"] = "3" });
        Assert.Contains("Nhu cầu, mong đợi", html);
        Assert.StartsWith("redirect:", await NextAsync(citizen, url, html, []));
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == programme)));
    }

    [Fact]
    public async Task Forms_sent_at_the_same_moment_are_stored_together_yet_each_judged_on_its_own_a_resend_once_and_a_slip_once()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var agency = await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Id == programme);
            return (await ParHub.Web.Features.Sipas.SurveyForms.AgenciesAsync(db, p, default))[0].Id;
        });
        string code;
        using (var scope = app.Services.CreateScope())
            code = (await scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SurveyTokens>().IssueAsync(programme, agency, 1)).Single().Code;
        var answers = new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "4", ["9.2"] = "5" };
        var inputs = Enumerable.Range(0, 40).Select(_ => new ParHub.Web.Features.Sipas.ResponseInput(programme, agency, SurveyChannel.Web, answers))
            .Concat(Enumerable.Range(0, 5).Select(_ => new ParHub.Web.Features.Sipas.ResponseInput(programme, agency, SurveyChannel.Kiosk, answers,
                ClientId: "cung-mot-phieu")))
            .Concat(Enumerable.Range(0, 3).Select(_ => new ParHub.Web.Features.Sipas.ResponseInput(programme, agency, SurveyChannel.Web, answers,
                Token: code)))
            .ToList();
        using var start = new Barrier(inputs.Count);
        var sent = inputs.Select(input => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var submit = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SubmitResponse>();
            start.SignalAndWait();
            try { return (Id: await submit.RunAsync(input), Refused: (string?)null); }
            catch (ParHub.Web.Features.Sipas.SurveyRuleException e) { return (Id: 0L, Refused: e.Message); }
        })).ToList();
        var outcomes = await Task.WhenAll(sent);

        Assert.All(outcomes.Take(40), o => Assert.True(o.Id > 0 && o.Refused is null));
        Assert.Equal(40, outcomes.Take(40).Select(o => o.Id).Distinct().Count());
        var resent = outcomes.Skip(40).Take(5).ToList();
        Assert.Single(resent.Select(o => o.Id).Distinct()); // five sends of one kiosk answer: one response, the same id to each
        Assert.True(resent[0].Id > 0);
        var slip = outcomes.Skip(45).ToList();
        Assert.Single(slip, o => o.Refused is null);
        Assert.Equal(2, slip.Count(o => o.Refused == ParHub.Web.Features.Sipas.SurveyTokens.UsedMessage));
        var stored = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.ProgrammeId == programme)
            .Select(r => new { r.Id, r.Channel, Answers = r.Answers.Count }).ToListAsync());
        Assert.Equal(42, stored.Count);
        Assert.All(stored, r => Assert.Equal(3, r.Answers));
        Assert.Equal(slip.Single(o => o.Refused is null).Id, stored.Single(r => r.Channel == SurveyChannel.Token).Id);
        Assert.Equal(resent[0].Id, stored.Single(r => r.Channel == SurveyChannel.Kiosk).Id);
    }

    [Fact]
    public async Task The_index_computed_by_the_database_equals_the_pure_rule_on_the_same_responses_and_a_resend_counts_once()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var agencies = await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Id == programme);
            return (await ParHub.Web.Features.Sipas.SurveyForms.AgenciesAsync(db, p, default)).Select(a => a.Id).Take(3).ToList();
        });
        var random = new Random(20261201);
        var sent = new List<SipasResponse>();
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SubmitResponse>();
            for (var i = 0; i < 60; i++)
            {
                var agency = agencies[i % agencies.Count];
                var usedProcedure = random.Next(3) > 0;
                var answers = new Dictionary<string, string> { ["8.c"] = usedProcedure ? "1" : "2" };
                foreach (var item in Enumerable.Range(1, usedProcedure ? 39 : 23).Where(_ => random.Next(10) > 0))
                    answers[$"9.{item}"] = random.Next(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await submit.RunAsync(new(programme, agency, SurveyChannel.Kiosk, answers, ClientId: $"k-{i}"));
                if (i == 0) await submit.RunAsync(new(programme, agency, SurveyChannel.Kiosk, answers, ClientId: "k-0")); // resent
                sent.Add(new SipasResponse($"k-{i}", agency.ToString(System.Globalization.CultureInfo.InvariantCulture), "kiosk",
                    answers.Where(a => a.Key.StartsWith("9.", StringComparison.Ordinal)).ToDictionary(a => a.Key, a => (decimal?)decimal.Parse(a.Value))));
            }
        }
        Assert.Equal(60, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == programme)));
        using var read = app.Services.CreateScope();
        var computed = (await read.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SipasResults>().ComputeAsync(programme))!;
        var expected = SipasIndex.Compute(computed.Spec, sent).ToDictionary(r => r.Agency);
        foreach (var row in computed.Agencies.Where(r => r.Result.N > 0).Append(computed.Province))
        {
            var e = expected[row.AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SipasIndex.Province];
            Assert.Equal(e.N, row.Result.N);
            Assert.Equal(e.Sipas, row.Result.Sipas);
            Assert.Equal(e.Components, row.Result.Components);
            Assert.True(row.BelowMinimum == (row.Result.N < 30));
        }
        var coordinator = await app.SignInAsync("cchc");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Sipas/Results/{programme}"));
        Assert.Contains(SipasIndex.Show(expected[SipasIndex.Province].Sipas, new System.Globalization.CultureInfo("vi-VN")), page);
        Assert.Contains("chưa đủ mẫu", page);
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Results/{programme}")).StatusCode);
    }

    [Fact]
    public async Task An_invitation_slip_opens_the_form_for_its_agency_once_and_is_then_refused()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var coordinator = await app.SignInAsync("cchc");
        var issued = await coordinator.PostFormAsync($"/Sipas/Tokens/{programme}", new() { ["agency"] = agency.ToString(), ["count"] = "3" },
            $"/Sipas/Tokens/{programme}?agency={agency}");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var sheet = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Sipas/Tokens/{programme}?agency={agency}"));
        var slips = sheet.QuerySelectorAll("[data-testid=slips] .slip").ToList();
        Assert.Equal(3, slips.Count);
        Assert.All(slips, s => Assert.NotNull(s.QuerySelector("svg")));
        var code = slips[0].GetAttribute("data-code")!;
        Assert.EndsWith($"/KhaoSat/{programme}?t={code}", slips[0].QuerySelector("[data-testid=slip-url]")!.TextContent);
        // The same slips as a sheet to print: DOCX with each QR code as a picture, and PDF (LibreOffice on the server).
        var docx = await coordinator.GetAsync($"/Sipas/Tokens/{programme}?handler=Docx&agency={agency}");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Equal(3, word.MainDocumentPart!.ImageParts.Count());
            var text = word.MainDocumentPart.Document.Body!.InnerText;
            Assert.All(slips, s => Assert.Contains(s.GetAttribute("data-code")!, text));
            Assert.Contains($"/KhaoSat/{programme}?t={code}", text);
        }
        var pdf = await coordinator.GetAsync($"/Sipas/Tokens/{programme}?handler=Pdf&agency={agency}");
        if (ParHub.Web.Shared.Office.PdfConverter.Available)
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        else Assert.Contains("chưa cài LibreOffice", WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/Sipas/Tokens/{programme}?handler=Docx&agency=999999")).StatusCode);
        var tooMany = await coordinator.PostFormAsync($"/Sipas/Tokens/{programme}", new() { ["agency"] = agency.ToString(), ["count"] = "501" },
            $"/Sipas/Tokens/{programme}?agency={agency}");
        Assert.Contains("Số phiếu mời mỗi lần từ 1 đến 500.", WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()));

        var citizen = app.Anonymous();
        var url = $"/KhaoSat/{programme}?t={code}";
        var html = WebUtility.HtmlDecode(await citizen.GetStringAsync(url));
        Assert.DoesNotContain("choose-agency", html); // the slip names the agency
        Assert.Contains("survey-agency", html);
        html = await NextAsync(citizen, url, html, []);
        html = await NextAsync(citizen, url, html, new() { ["8.c"] = "2" });
        html = await NextAsync(citizen, url, html, new() { ["9.1"] = "5" });
        var lastPage = html;
        Assert.StartsWith("redirect:", await NextAsync(citizen, url, html, []));
        var stored = await app.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.ProgrammeId == programme));
        Assert.Equal((SurveyChannel.Token, agency), (stored.Channel, stored.AgencyId));

        // The slip again: refused, on opening and on sending the last page once more.
        Assert.Contains(ParHub.Web.Features.Sipas.SurveyTokens.UsedMessage, WebUtility.HtmlDecode(await citizen.GetStringAsync(url)));
        Assert.Contains(ParHub.Web.Features.Sipas.SurveyTokens.UsedMessage, await NextAsync(citizen, url, lastPage, []));
        Assert.Contains(ParHub.Web.Features.Sipas.SurveyTokens.UsedMessage,
            WebUtility.HtmlDecode(await citizen.GetStringAsync($"/KhaoSat/{programme}?t=KHONGCOMA")));
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == programme)));
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Tokens/{programme}")).StatusCode);
    }

    [Fact]
    public async Task The_public_form_is_rate_limited_per_client_and_another_client_is_not_affected()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var url = $"/KhaoSat/{programme}?agency={agency}";
        var flooding = app.Anonymous();
        var html = WebUtility.HtmlDecode(await flooding.GetStringAsync(url));
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 125; i++)
            statuses.Add((await flooding.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            { ["agency"] = agency.ToString(), ["page"] = "0", ["move"] = "next", ["__RequestVerificationToken"] = token }))).StatusCode);
        Assert.All(statuses.Take(120), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var other = app.Anonymous();
        Assert.Contains("Phần 2/", WebUtility.HtmlDecode(await NextAsync(other, url, WebUtility.HtmlDecode(await other.GetStringAsync(url)), [])));
    }

    [Fact]
    public async Task A_rejected_response_needs_a_reason_is_audited_and_no_longer_counts()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SubmitResponse>();
            await submit.RunAsync(new(programme, agency, SurveyChannel.Paper, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "5" }));
            await submit.RunAsync(new(programme, agency, SurveyChannel.Paper, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "1" }));
        }
        var ids = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.ProgrammeId == programme).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        var coordinator = await app.SignInAsync("cchc");
        async Task<string> SipasAsync() => new AngleSharp.Html.Parser.HtmlParser()
            .ParseDocument(await coordinator.GetStringAsync($"/Sipas/Results/{programme}")).QuerySelector("[data-testid=sipas-province]")!.TextContent;
        Assert.Equal("50,00", await SipasAsync());
        var page = $"/Sipas/Responses/{programme}";
        var noReason = await coordinator.PostFormAsync(page, new() { ["response"] = ids[1].ToString(), ["to"] = "Rejected", ["reason"] = "" });
        Assert.Contains("Ghi lý do khi tạm giữ hoặc loại phiếu.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        var rejected = await coordinator.PostFormAsync(page,
            new() { ["response"] = ids[1].ToString(), ["to"] = "Rejected", ["reason"] = "Phúc tra: người trả lời không có thật" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal("100,00", await SipasAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "SurveyResponse" && e.EntityId == ids[1].ToString()
            && e.Action == "review")));
        var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{page}?status=Rejected"));
        Assert.Contains("1 phiếu", list);
        Assert.Contains("Phúc tra: người trả lời không có thật", list);
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task An_agency_sees_only_its_own_aggregates_and_only_with_enough_forms()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var tuphap = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Sở Tư pháp").Select(a => a.Id).SingleAsync());
        var other = await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Id == programme);
            var all = await ParHub.Web.Features.Sipas.SurveyForms.AgenciesAsync(db, p, default);
            Assert.Contains(all, a => a.Id == tuphap);
            return all.First(a => a.Id != tuphap).Id;
        });
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SubmitResponse>();
            for (var i = 0; i < 30; i++)
                await submit.RunAsync(new(programme, tuphap, SurveyChannel.Web,
                    new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = i < 24 ? "5" : "2" }));
            for (var i = 0; i < 5; i++)
                await submit.RunAsync(new(programme, other, SurveyChannel.Web, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "1" }));
        }
        var coordinator = await app.SignInAsync("cchc");
        foreach (var to in new[] { "Closed", "Computed" })
        {
            var version = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Id == programme).Select(x => x.Version).SingleAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Move",
                new() { ["id"] = programme.ToString(), ["to"] = to, ["version"] = version.ToString() }, "/Sipas")).StatusCode);
        }
        var officer = await app.SignInAsync("tuphap");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await officer.GetStringAsync("/Sipas/Mine"));
        var mine = doc.QuerySelector($"[data-testid=mine-{programme}]")!;
        Assert.Equal("80,00%", mine.QuerySelector("[data-testid=mine-sipas]")!.TextContent);
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == other).Select(a => a.Name).SingleAsync()), doc.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Results/{programme}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Responses/{programme}")).StatusCode);
    }

    [Fact]
    public async Task Populations_give_each_agency_its_sample_size_bad_values_store_nothing_and_the_margin_uses_N()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var other = await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Id == programme);
            return (await ParHub.Web.Features.Sipas.SurveyForms.AgenciesAsync(db, p, default)).First(a => a.Id != agency).Id;
        });
        var coordinator = await app.SignInAsync("cchc");
        var page = $"/Sipas/Sample/{programme}";
        var bad = await coordinator.PostFormAsync(page, new() { [$"n:{agency}"] = "10.000", [$"n:{other}"] = "nhiều" });
        Assert.Contains("“nhiều” không phải số nguyên", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyPopulations.CountAsync(x => x.ProgrammeId == programme)));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(page, new() { [$"n:{agency}"] = "10.000", [$"n:{other}"] = "30" })).StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync(page));
        Assert.Equal("385", doc.QuerySelector($"[data-testid=required-{agency}]")!.TextContent);
        Assert.Equal("30", doc.QuerySelector($"[data-testid=required-{other}]")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "SurveyProgramme" && e.EntityId == programme.ToString()
            && e.Action == "population")));

        // Every one of the 30 people served answered: no sampling error left.
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SubmitResponse>();
            for (var i = 0; i < 30; i++)
                await submit.RunAsync(new(programme, other, SurveyChannel.Web,
                    new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = i % 3 == 0 ? "2" : "4" }));
        }
        using var read = app.Services.CreateScope();
        var computed = (await read.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SipasResults>().ComputeAsync(programme))!;
        var row = computed.Agencies.Single(r => r.AgencyId == other);
        Assert.Equal((30, 0m, false), (row.Result.N, row.Margin!.Value, row.BelowMinimum));
        Assert.True(computed.Province.Margin > 0);
    }

    [Fact]
    public async Task A_programme_closed_by_another_process_takes_nothing_more_though_its_form_is_still_kept_here()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var answers = new Dictionary<string, string> { ["8.c"] = "2" };
        using var scope = app.Services.CreateScope();
        var submit = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SubmitResponse>();
        await submit.RunAsync(new(programme, agency, SurveyChannel.Web, answers)); // the form is now cached as collecting
        // Another process (no cache of ours to drop) closes it.
        await app.WithDbAsync(db => db.SurveyProgrammes.Where(p => p.Id == programme)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.State, SurveyState.Closed)));
        var refused = await Assert.ThrowsAsync<ParHub.Web.Features.Sipas.SurveyRuleException>(() =>
            submit.RunAsync(new(programme, agency, SurveyChannel.Web, answers)));
        Assert.Contains("không nhận phiếu", refused.Message);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == programme)));
    }

    [Fact]
    public async Task A_programme_that_is_not_collecting_takes_no_answers()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var citizen = app.Anonymous();
        var form = $"/KhaoSat/{programme}?agency={agency}";
        Assert.DoesNotContain("không nhận phiếu", WebUtility.HtmlDecode(await citizen.GetStringAsync(form))); // the form is read (and kept)
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Move",
            new() { ["id"] = programme.ToString(), ["to"] = "Closed", ["version"] = "1" }, "/Sipas")).StatusCode);
        var html = WebUtility.HtmlDecode(await citizen.GetStringAsync(form));
        Assert.Contains("Đợt khảo sát này hiện không nhận phiếu", html);
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Sipas.SubmitResponse>();
            var refused = await Assert.ThrowsAsync<ParHub.Web.Features.Sipas.SurveyRuleException>(() => submit.RunAsync(
                new(programme, agency, SurveyChannel.Web, new Dictionary<string, string> { ["8.c"] = "2" })));
            Assert.Contains("không nhận phiếu", refused.Message);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/KhaoSat/999999")).StatusCode);
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
