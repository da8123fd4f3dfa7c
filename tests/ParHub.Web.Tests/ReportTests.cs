using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Reports;
using ParHub.Web.Features.Demo;
using ParHub.Web.Features.Reports;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Periodic reports end to end on both providers: fill, submit, review, rates, totals, concurrency, isolation.</summary>
public abstract partial class ReportTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private const string Regime = "haiphong-2018";
    private static readonly DateTimeOffset BeforeDue = new(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset AfterDue = new(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7));

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private static int VersionIn(string html) => int.Parse(VersionPattern().Match(html).Groups[1].Value);

    private async Task<int> AgencyIdAsync(string code) => await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>Opens the officer's report of a period; returns its id and the page.</summary>
    private static async Task<(int Id, string Html)> OpenAsync(HttpClient officer, string period)
    {
        var open = await officer.GetAsync($"/Reports/Open?regime={Regime}&period={period}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var url = open.Headers.Location!.OriginalString;
        return (int.Parse(url.Split('/').Last()), await officer.GetStringAsync(url));
    }

    /// <summary>Every field of the form, valid, typed as a Vietnamese officer types numbers.</summary>
    private static Dictionary<string, string> CompleteFields(string agencyName, int seed, Action<Dictionary<string, FieldValue>>? edit = null)
    {
        var values = DemoReports.Values(ReportForm.CchcPeriodic,
            new ExpectedReporter(0, agencyName, Core.Agencies.AgencyKind.Department, "SBN", "Các sở, ban, ngành"),
            new ReportingPeriod("2026-Q1", "Quý I/2026", PeriodKind.Q1, 2026, null, null, null), new Random(seed));
        edit?.Invoke(values);
        var fields = new Dictionary<string, string>();
        foreach (var (code, v) in values)
        {
            if (v.Text is not null) fields[$"In[{code}].Text"] = v.Text;
            if (v.Value is { } n) fields[$"In[{code}].Value"] = VietnameseNumber.Format(n);
            if (v.Denominator is { } d) fields[$"In[{code}].Denominator"] = VietnameseNumber.Format(d);
        }
        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, int version, Dictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync($"/Reports/Report/{id}");
        var body = new Dictionary<string, string>(fields) { ["Version"] = version.ToString(), ["__RequestVerificationToken"] = token };
        return await client.PostAsync($"/Reports/Report/{id}?handler={handler}", new FormUrlEncodedContent(body));
    }

    private async Task<AgencyReport> ReportAsync(int id) =>
        await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Values).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task The_counts_of_the_governments_tasks_are_prefilled_from_the_tasks_parhub_tracks()
    {
        var coordinator = await app.SignInAsync("cchc");
        async Task<int> AssignAsync(string source, string content, string timeframe)
        {
            var added = await coordinator.PostFormAsync("/Tasks/New", new()
            {
                ["Input.Source"] = source, ["Input.AssignedBy"] = "Quyết định số 45/QĐ-TTg ngày 10/01/2026 của Thủ tướng Chính phủ",
                ["Input.Content"] = content, ["Input.Lead"] = "Sở Khoa học và Công nghệ", ["Input.Timeframe"] = timeframe, ["Input.Year"] = "2026",
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            return int.Parse(added.Headers.Location!.OriginalString.Split('/').Last());
        }
        var done = await AssignAsync("Thủ tướng Chính phủ giao", "Số hóa hồ sơ khoa học", "Trước ngày 31/3/2026");
        await AssignAsync("Chính phủ giao", "Đánh giá đề án đổi mới sáng tạo", "Trước ngày 15/1/2026");
        await AssignAsync("Lãnh đạo tỉnh/thành phố giao", "Báo cáo chuyên đề khoa học", "Trước ngày 30/4/2026"); // not the Government's
        await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == done)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.CompletedOn, new DateOnly(2026, 3, 1)).SetProperty(t => t.Progress, Core.Plans.TaskProgress.Done)));

        app.SetNow(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        try
        {
            var (id, html) = await OpenAsync(await app.SignInAsync("khcn"), "2026-H1");
            Assert.Contains("Theo các nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao", html);
            var values = (await ReportAsync(id)).Values.ToDictionary(v => v.Code);
            // As of the due date (5/6): one done on time, one overdue since 15/1; the leaders' task is not counted.
            Assert.Equal((2m, 1m, 0m, 0m, 1m), (values["gov_total"].Value!.Value, values["gov_done_on_time"].Value!.Value,
                values["gov_done_late"].Value!.Value, values["gov_in_progress"].Value!.Value, values["gov_overdue"].Value!.Value));
            Assert.All(new[] { "gov_total", "gov_done_on_time", "gov_overdue" }, c => Assert.Equal(ValueSource.Prefilled, values[c].Source));
        }
        finally { app.SetNow(null); }
    }

    [Fact]
    public async Task An_agency_prints_its_own_report_for_signing_in_the_official_layout()
    {
        app.SetNow(BeforeDue);
        try
        {
            var officer = await app.SignInAsync("khcn");
            var (id, html) = await OpenAsync(officer, "2026-Q1");
            var fields = CompleteFields("Sở Khoa học và Công nghệ", 7);
            foreach (var prefilled in (await ReportAsync(id)).Values.Where(v => v.Source == ValueSource.Prefilled))
            {
                // ParHub's own figures kept as prefilled (an override would need a reason).
                fields.Remove($"In[{prefilled.Code}].Value");
                fields.Remove($"In[{prefilled.Code}].Denominator");
            }
            var saved = await PostAsync(officer, id, "Save", VersionIn(html), fields);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
            Assert.Contains($"/Reports/Report/{id}?handler=Docx", await officer.GetStringAsync($"/Reports/Report/{id}"));

            var docx = await officer.GetByteArrayAsync($"/Reports/Report/{id}?handler=Docx");
            using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false))
            {
                var body = doc.MainDocumentPart!.Document.Body!;
                var heading = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First().InnerText;
                Assert.Contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", heading); // the department under its committee
                Assert.Contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ", heading);
                Assert.Contains("Hải Phòng, ngày", heading); // dated at the province, not at the agency
                var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
                Assert.Contains("Kính gửi: Sở Nội vụ.", paragraphs);
                Assert.Contains(paragraphs, p => p.Contains("kết quả thực hiện công tác cải cách hành chính quý I năm 2026", StringComparison.Ordinal));
                // The agency's own figures, as it saved them.
                var issued = ReportForm.CchcPeriodic.Fields.Single(f => f.Code == "docs_issued");
                Assert.Contains(paragraphs, p => p.Contains($"{issued.Label}: {fields["In[docs_issued].Value"]} {issued.Unit}", StringComparison.Ordinal));
                Assert.Contains("GIÁM ĐỐC", body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Last().InnerText);
            }
            // Another agency cannot print it.
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("tuphap")).GetAsync($"/Reports/Report/{id}?handler=Docx")).StatusCode);
            if (ParHub.Web.Shared.Office.PdfConverter.Available)
            {
                var pdf = await officer.GetByteArrayAsync($"/Reports/Report/{id}?handler=Pdf");
                Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
            }
        }
        finally { app.SetNow(null); }
    }

    [Fact]
    public async Task An_officer_submits_once_the_coordinator_returns_then_accepts_and_the_report_locks()
    {
        app.SetNow(BeforeDue);
        try
        {
            var officer = await app.SignInAsync("tuphap");
            var (id, html) = await OpenAsync(officer, "2026-Q1");
            Assert.Contains("ParHub điền sẵn", html); // plan tasks of the year, from tracking
            var version = VersionIn(html);

            // Submit refused while incomplete: what was typed stays on the page.
            var early = await PostAsync(officer, id, "Submit", version, new() { ["In[docs_issued].Value"] = "1.150" });
            var earlyHtml = await early.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("Chưa thể gửi báo cáo", earlyHtml);
            Assert.Contains("value=\"1.150\"", earlyHtml);
            Assert.Equal(ReportStatus.Draft, (await ReportAsync(id)).Status);

            var fields = CompleteFields("Sở Tư pháp", 1);
            var stored = await ReportAsync(id);
            var prefill = stored.Values.Single(v => v.Code == "plan_tasks");
            fields["In[plan_tasks].Value"] = VietnameseNumber.Format(prefill.Value!.Value);
            fields["In[plan_tasks].Denominator"] = VietnameseNumber.Format(prefill.Denominator!.Value);
            var submit = await PostAsync(officer, id, "Submit", version, fields);
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
            // The same click arriving twice is one submission.
            var again = await PostAsync(officer, id, "Submit", version, fields);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            var revisions = await app.WithDbAsync(db => db.ReportRevisions.Where(r => r.ReportId == id && r.Action == "submit").CountAsync());
            Assert.Equal(1, revisions);
            var submitted = await ReportAsync(id);
            Assert.Equal((ReportStatus.Submitted, new DateOnly(2026, 3, 4)), (submitted.Status, submitted.FirstSubmittedOn!.Value));
            Assert.True(VietnameseNumber.TryParse(fields["In[invest_plan].Value"], out var plan));
            Assert.Equal(plan, submitted.Values.Single(v => v.Code == "invest_plan").Value);
            Assert.Equal(ValueSource.Prefilled, submitted.Values.Single(v => v.Code == "plan_tasks").Source);

            // A submitted report cannot be edited by its agency.
            var edit = await PostAsync(officer, id, "Save", submitted.Version, fields);
            Assert.Contains("không thể sửa", await edit.Content.ReadAsStringAsync());

            var coordinator = await app.SignInAsync("cchc");
            var noComment = await PostAsync(coordinator, id, "Return", submitted.Version, new() { ["Comment"] = "" });
            Assert.Contains("cần ghi ý kiến", await noComment.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, id, "Return", submitted.Version,
                new() { ["Comment"] = "Bổ sung số liệu phản ánh, kiến nghị." })).StatusCode);
            var returned = await ReportAsync(id);
            Assert.Equal(ReportStatus.Returned, returned.Status);
            Assert.Contains("Bổ sung số liệu", await officer.GetStringAsync($"/Reports/Report/{id}"));

            // Corrected and sent again after the due date: still on time, measured by the first submission.
            app.SetNow(AfterDue);
            officer = await app.SignInAsync("tuphap"); // five days on, the sign-in of the 4th has expired
            coordinator = await app.SignInAsync("cchc");
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, id, "Submit", returned.Version, fields)).StatusCode);
            var resubmitted = await ReportAsync(id);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, id, "Accept", resubmitted.Version, [])).StatusCode);
            var accepted = await ReportAsync(id);
            Assert.Equal(ReportStatus.Accepted, accepted.Status);
            Assert.Contains("đã được tiếp nhận và khóa",
                await (await PostAsync(officer, id, "Save", accepted.Version, fields)).Content.ReadAsStringAsync());

            var rates = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{Regime}/2026-Q1/rates");
            var stp = await AgencyIdAsync("STP");
            var row = rates.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agencyId").GetInt32() == stp);
            Assert.Equal("OnTime", row.GetProperty("state").GetString());
            var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Report" && a.EntityId == id.ToString()).Select(a => a.Action)
                .ToListAsync());
            Assert.Equal(["accept", "create", "return", "submit", "submit"], audit.Order(StringComparer.Ordinal).ToArray());
        }
        finally { app.SetNow(null); }
    }

    [Fact]
    public async Task A_new_form_version_applies_to_reports_made_after_it_and_earlier_reports_keep_theirs()
    {
        var officer = await app.SignInAsync("tuphap");
        var (before, _) = await OpenAsync(officer, "2026-Q3");
        var added = await app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            var setup = scope.ServiceProvider.GetRequiredService<ReportSetup>();
            var v1 = ReportForm.CchcPeriodic;
            var v2 = v1 with
            {
                Sections = [.. v1.Sections.Take(1).Select(s => s with { Fields = [.. s.Fields, new FormField("citizen_dialogues",
                "Số cuộc đối thoại với người dân về CCHC", FieldKind.Count, "cuộc", Required: false)] }), .. v1.Sections.Skip(1)]
            };
            return await setup.AddVersionAsync(v2);
        });
        Assert.True(added.Version >= 2);
        var (after, html) = await OpenAsync(officer, "2026-Y");
        Assert.Contains("Số cuộc đối thoại với người dân", html);
        Assert.DoesNotContain("Số cuộc đối thoại với người dân", await officer.GetStringAsync($"/Reports/Report/{before}"));
        Assert.NotEqual((await ReportAsync(before)).FormId, (await ReportAsync(after)).FormId);
        Assert.Equal(added.Id, (await ReportAsync(after)).FormId);
    }

    [Fact]
    public async Task The_signed_pdf_is_type_checked_and_kept_and_missing_agencies_are_reminded_in_one_click_and_in_the_digest()
    {
        var officer = await app.SignInAsync("tuphap");
        var open = await officer.GetAsync("/Reports/Open?regime=hanoi-2019&period=2026-Q1"); // a regime not in force: still usable
        var id = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name)
        {
            var token = await officer.AntiforgeryTokenAsync($"/Reports/Report/{id}");
            var content =
                new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent(token), "__RequestVerificationToken" } };
            return await officer.PostAsync($"/Reports/Report/{id}?handler=Attach", content);
        }
        Assert.Contains("Chỉ nhận tệp PDF", await (await UploadAsync("hello"u8.ToArray(), "bao-cao.docx")).Content.ReadAsStringAsync());
        Assert.Contains("không phải PDF", await (await UploadAsync("hello"u8.ToArray(), "bao-cao.pdf")).Content.ReadAsStringAsync());
        var pdf = "%PDF-1.4\n%ký số\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(pdf, "bao-cao-ky-so.pdf")).StatusCode);
        var signed = await officer.GetAsync($"/Reports/Report/{id}?handler=Signed");
        Assert.Equal(pdf, await signed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("taichinh")).GetAsync($"/Reports/Report/{id}?handler=Signed")).StatusCode);

        // One click reminds every agency that has not submitted this year's first quarter.
        var coordinator = await app.SignInAsync("cchc");
        var year = DateTime.UtcNow.AddHours(7).Year;
        async Task<int> NotesAsync(string user, string like) => await app.WithDbAsync(db => db.Notifications
            .CountAsync(n => n.Title.Contains(like) && db.Users.Any(u => u.Id == n.UserId && u.UserName == user)));
        var before = await NotesAsync("taichinh", "Nhắc gửi báo cáo");
        var token = await coordinator.AntiforgeryTokenAsync($"/Reports/Rates?regime={Regime}&period={year}-Q3");
        var remind = await coordinator.PostAsync($"/Reports/Rates?handler=Remind&regime={Regime}&period={year}-Q3",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, remind.StatusCode);
        Assert.Equal(before + 1, await NotesAsync("taichinh", "Nhắc gửi báo cáo"));

        // The daily digest a few days before a due date names the report, once.
        using var scope = app.Services.CreateScope();
        var reminders = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.Notifications.Reminders>();
        var day = new DateOnly(year, 9, 1); // Q3 is due on 5 September under the Hải Phòng regime
        await reminders.SendDigestAsync(day);
        var body = await app.WithDbAsync(db =>
            db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == "taichinh") && n.Body!.Contains($"Báo cáo CCHC Quý III/{year}"))
            .Select(n => n.Body).ToListAsync());
        Assert.Single(body);
        Assert.Contains($"đến hạn 05/09/{year}", body[0]);
        await reminders.SendDigestAsync(day.AddDays(1));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == "taichinh")
            && n.Body!.Contains($"Báo cáo CCHC Quý III/{year}"))));
    }

    [Fact]
    public async Task A_regime_is_configured_on_its_page_thematic_reporters_by_agency_code_and_bad_rules_are_refused()
    {
        var coordinator = await app.SignInAsync("cchc");
        var id = await app.WithDbAsync(db => db.ReportRegimes.Where(r => r.Key == "hanoi-2019").Select(r => r.Id).SingleAsync());
        Dictionary<string, string> Form(string reporters, params (string Kind, string Due)[] periods)
        {
            var form = new Dictionary<string, string>
            {
                ["Input.Id"] = id.ToString(), ["Input.Name"] = "Báo cáo chuyên đề", ["Input.FromText"] = "Cơ quan chủ trì lĩnh vực",
                ["Input.ToText"] = "Sở Nội vụ", ["Input.Reporters"] = reporters, ["Input.FormKey"] = ReportForm.CchcKey,
            };
            for (var i = 0; i < periods.Length; i++) (form[$"Input.Periods[{i}].Kind"], form[$"Input.Periods[{i}].Due"]) = periods[i];
            return form;
        }
        // The page offers pickers: the groups, the agencies and the kinds of period, not codes to type.
        var html = await coordinator.GetStringAsync("/Reports/Regimes");
        var regime = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("form[data-regime=hanoi-2019]")!;
        Assert.NotNull(regime.QuerySelector("select[multiple][name='Input.Reporters'] option[value=STP]"));
        Assert.NotNull(regime.QuerySelector("input[type=checkbox][name='Input.Reporters'][value=SBN]"));
        Assert.Equal("9 tháng", regime.QuerySelector("select[name='Input.Periods[2].Kind'] option[selected]")?.TextContent);
        Assert.Equal("05/09", regime.QuerySelector("input[name='Input.Periods[2].Due']")?.GetAttribute("value"));

        var bad = await coordinator.PostFormAsync("/Reports/Regimes", Form("STP,KHONGCO", ("Q1", "05/03")));
        Assert.Contains("KHONGCO", await bad.Content.ReadAsStringAsync());
        var badRule = await coordinator.PostFormAsync("/Reports/Regimes", Form("STP", ("Q1", "05/03"), ("Q3", "31/09")));
        var badHtml = await badRule.Content.ReadAsStringAsync();
        Assert.Contains("Kỳ thứ 2 (Quý III): hạn nộp cần dạng ngày/tháng", badHtml);
        Assert.Contains("value=\"31/09\"", badHtml); // what was typed is kept
        Assert.Equal(HttpStatusCode.Redirect,
            (await coordinator.PostFormAsync("/Reports/Regimes", Form("stp, STC", ("Q1", "05/03"), ("", ""), ("M", "10"), ("A", "15/08")))).StatusCode);

        var rates = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/reports/hanoi-2019/2026-M02/rates");
        Assert.Equal(2, rates.GetProperty("totals").GetProperty("expected").GetInt32());
        Assert.Equal("2026-03-10", rates.GetProperty("due").GetString());
        var periods = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/reports/periods?regime=hanoi-2019&year=2026");
        Assert.Equal(14, periods.GetArrayLength()); // Q1, twelve months, one ad-hoc report
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("tuphap")).GetAsync("/Reports/Regimes")).StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ReportRegime" && a.EntityId == "hanoi-2019")
            .Select(a => a.Changes).ToListAsync()),
            c => c.Contains("STP,STC"));
    }

    [Fact]
    public async Task Two_people_saving_one_draft_never_lose_an_update()
    {
        var first = await app.SignInAsync("taichinh");
        var second = await app.SignInAsync("taichinh");
        var (id, html) = await OpenAsync(first, "2026-H1");
        var version = VersionIn(html);
        var (_, html2) = await OpenAsync(second, "2026-H1");
        Assert.Equal(version, VersionIn(html2));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, id, "Save", version, new() { ["In[docs_issued].Value"] = "3" })).StatusCode);
        var late = await PostAsync(second, id, "Save", version, new() { ["In[news_items].Value"] = "5" });
        var page = await late.Content.ReadAsStringAsync();
        Assert.Contains("vừa được", page);
        Assert.Contains("data-testid=\"unsaved\"", page); // what the second person typed is shown, not dropped
        var stored = await ReportAsync(id);
        Assert.Equal(3m, stored.Values.Single(v => v.Code == "docs_issued").Value);
        Assert.DoesNotContain(stored.Values, v => v.Code == "news_items");
    }

    [Fact]
    public async Task Vietnamese_numbers_bad_numbers_and_overrides_without_reason_are_checked_at_entry()
    {
        var officer = await app.SignInAsync("taichinh");
        var (id, html) = await OpenAsync(officer, "2026-Q3");
        var version = VersionIn(html);
        var bad = await PostAsync(officer, id, "Save", version, new()
        {
            ["In[invest_plan].Value"] = "1.5", ["In[plan_tasks].Value"] = "99", ["In[plan_tasks].Denominator"] = "100",
        });
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("không phải là số", page);
        Assert.Contains("muốn sửa cần ghi lý do", page);
        Assert.Equal(version, (await ReportAsync(id)).Version); // nothing saved

        var ok = await PostAsync(officer, id, "Save", version, new()
        {
            ["In[invest_plan].Value"] = "4.048,546", ["In[plan_tasks].Value"] = "99", ["In[plan_tasks].Denominator"] = "100",
            ["In[plan_tasks].Reason"] = "Có thêm nhiệm vụ giao bổ sung ngoài kế hoạch",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await ReportAsync(id);
        Assert.Equal(4048.546m, stored.Values.Single(v => v.Code == "invest_plan").Value);
        var plan = stored.Values.Single(v => v.Code == "plan_tasks");
        Assert.Equal(ValueSource.Overridden, plan.Source);
        Assert.Contains("[ParHub: ", plan.Reason); // ParHub's own figure is kept beside the override
    }

    [Fact]
    public async Task An_agency_never_reads_or_writes_another_agencys_report()
    {
        var owner = await app.SignInAsync("tuphap");
        var (id, _) = await OpenAsync(owner, "2026-H1");
        var other = await app.SignInAsync("taichinh");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/Reports/Report/{id}")).StatusCode);
        var token = await other.AntiforgeryTokenAsync("/Reports");
        var post = await other.PostAsync($"/Reports/Report/{id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Version"] = "1", ["In[docs_issued].Value"] = "666", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain((await ReportAsync(id)).Values, v => v.Value == 666);
        var stp = await AgencyIdAsync("STP");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/reports/{Regime}/2026-H1?agencyId={stp}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/reports/{Regime}/2025-Q1/aggregate")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/Reports/Rates?regime={Regime}&period=2025-Q1")).StatusCode);
        // The coordinator may read it but not fill it in for the agency.
        var coordinator = await app.SignInAsync("cchc");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/Reports/Report/{id}")).StatusCode);
    }

    [Fact]
    public async Task Agencies_systems_submit_through_the_api_and_the_province_totals_add_numerators_and_denominators()
    {
        var officer = await app.SignInAsync("taichinh");
        var get = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{Regime}/2026-Y");
        var version = get.GetProperty("version").GetInt32();
        var values = CompleteFields("Sở Tài chính", 7).Where(kv => kv.Key.EndsWith(".Value") || kv.Key.EndsWith(".Text") || kv.Key.EndsWith(".Denominator"))
            .GroupBy(kv => kv.Key[3..kv.Key.IndexOf(']')])
            .ToDictionary(g => g.Key, g => new ApiValue(
                g.FirstOrDefault(x => x.Key.EndsWith(".Value")).Value is { } v && VietnameseNumber.TryParse(v, out var n) ? n : null,
                g.FirstOrDefault(x => x.Key.EndsWith(".Denominator")).Value is { } d && VietnameseNumber.TryParse(d, out var m) ? m : null,
                g.FirstOrDefault(x => x.Key.EndsWith(".Text")).Value, null));
        // What ParHub prefilled (tasks, registries) is sent back as it is: the agency's system keeps ParHub's figures.
        foreach (var p in get.GetProperty("values").EnumerateObject().Where(p => p.Value.GetProperty("source").GetString() == "Prefilled"))
            values[p.Name] = new ApiValue(p.Value.GetProperty("value").GetDecimal(),
                p.Value.GetProperty("denominator").ValueKind == JsonValueKind.Number ? p.Value.GetProperty("denominator").GetDecimal() : null, null, null);
        Assert.True(values.ContainsKey("plan_tasks"));

        var stale = await officer.PutAsJsonAsync($"/api/v1/reports/{Regime}/2026-Y", new ReportPut(version + 5, false, values));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var invalid = new Dictionary<string, ApiValue>(values) { ["feedback_overdue"] = new ApiValue(999, null, null, null) };
        var refused = await officer.PutAsJsonAsync($"/api/v1/reports/{Regime}/2026-Y", new ReportPut(version, true, invalid));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("trong hạn + quá hạn", await refused.Content.ReadAsStringAsync());

        var ok = await officer.PutAsJsonAsync($"/api/v1/reports/{Regime}/2026-Y", new ReportPut(version, true, values));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Submitted", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // The province's totals are the sums over the counted reports, from the database.
        var coordinator = await app.SignInAsync("cchc");
        var agg = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{Regime}/2026-Y/aggregate");
        var expected = await app.WithDbAsync(async db =>
        {
            var rows = await db.ReportValues.Where(v => v.Code == "feedback_new" && db.Reports.Any(r => r.Id == v.ReportId && r.RegimeKey == Regime
                && r.PeriodCode == "2026-Y" && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)))
                .Select(v => v.Value).ToListAsync();
            return rows.Sum(v => v ?? 0);
        });
        Assert.Equal(expected, agg.GetProperty("values").GetProperty("feedback_new").GetProperty("value").GetDecimal());
        Assert.True(expected >= values["feedback_new"].Value);

        var docx = await coordinator.GetAsync($"/Reports/Province?handler=Docx&regime={Regime}&period=2026-Y");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains($"Phản ánh, kiến nghị tiếp nhận mới: {VietnameseNumber.Format(expected)}", text);
        var openapi = await coordinator.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/reports/periods", "/api/v1/reports/{regime}/{period}", "/api/v1/reports/{regime}/{period}/aggregate",
            "/api/v1/reports/{regime}/{period}/rates" })
            Assert.Contains($"\"{path}\"", openapi);
        var xlsx = await coordinator.GetAsync($"/Reports/Province?handler=Xlsx&regime={Regime}&period=2026-Y");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Contains(sheet, r => r.Length > 3 && r[1] == "Phản ánh, kiến nghị tiếp nhận mới"
            && decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) == expected);
    }
}

public sealed class SqliteReportTests(SqliteFactory app) : ReportTests<SqliteFactory>(app);
public sealed class PostgresReportTests(PostgresFactory app) : ReportTests<PostgresFactory>(app);
