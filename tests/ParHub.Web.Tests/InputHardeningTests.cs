using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.Reports;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// Bad input never answers 500 and is refused where it was typed: numbers have ranges, overrides of ParHub's figures
/// carry a reason, NUL characters and over-long values stop at the edge, concurrent writers get 409, API errors are
/// ProblemDetails, and private notes stay private. One test per finding of the hardening issue, on both providers.
/// </summary>
public abstract partial class InputHardeningTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private const string Regime = "haiphong-2018";
    private const string Huge = "79228162514264337593543950335";

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex TaskVersionPattern();

    private static int VersionIn(string html) => int.Parse(VersionPattern().Match(html).Groups[1].Value);

    private async Task<int> AgencyIdAsync(string code) => await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private static async Task<(int Id, string Html)> OpenReportAsync(HttpClient officer, string period)
    {
        var open = await officer.GetAsync($"/Reports/Open?regime={Regime}&period={period}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var url = open.Headers.Location!.OriginalString;
        return (int.Parse(url.Split('/').Last()), await officer.GetStringAsync(url));
    }

    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, Dictionary<string, string> fields, string page)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    private static void AssertProblem(HttpResponseMessage r, HttpStatusCode status)
    {
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A plan task led by one agency only (no group), so other agencies are plainly not assigned.</summary>
    private async Task<int> TaskLedByAsync(string code, DateOnly? issued = null)
    {
        var agency = await AgencyIdAsync(code);
        return await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var year = DateTime.UtcNow.AddHours(7).Year;
            var plan = new Plan
            {
                Kind = PlanKind.Annual, Year = year, Title = "Kế hoạch kiểm thử đầu vào", Number = "99/KH-TEST",
                IssuedOn = issued ?? new DateOnly(year, 1, 10), CreatedAt = now, UpdatedAt = now
            };
            var task =
                new PlanTask { No = "1", SortOrder = 1, Content = "Nhiệm vụ kiểm thử", Due = new DateOnly(year, 12, 31), UpdatedAt = now, Version = 1 };
            task.RefreshSortDue();
            task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = agency, Text = code });
            plan.Tasks.Add(task);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return task.Id;
        });
    }

    /// <summary>A cycle of the demo framework for the departments, opened by the Coordinator; its id.</summary>
    private async Task<int> CycleAsync()
    {
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.GetStringAsync("/ParIndex");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year)
            .Select(f => f.Id).SingleAsync());
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
        var open = await PostWithTokenAsync(coordinator, "/ParIndex",
            new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "SBN", ["Due"] = due.ToString("yyyy-MM-dd") }, "/ParIndex");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        return int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<int> AssessmentOfAsync(int cycleId, string code) =>
        await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == cycleId && db.Agencies.Any(x => x.Id == a.AgencyId && x.Code == code))
            .Select(a => a.Id).SingleAsync());

    // ---- 5. Numbers have limits ----

    [Fact]
    public async Task A_rate_out_of_range_is_refused_and_an_out_of_range_stored_value_never_breaks_a_province_view()
    {
        var officer = await app.SignInAsync("taichinh");
        var get = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{Regime}/2026-Q1");
        var version = get.GetProperty("version").GetInt32();
        var huge = decimal.Parse(Huge, System.Globalization.CultureInfo.InvariantCulture);
        var put = await officer.PutAsJsonAsync($"/api/v1/reports/{Regime}/2026-Q1", new ReportPut(version, false, new()
        {
            ["feedback_done_rate"] = new ApiValue(null, null, null, null),
            ["plan_tasks"] = new ApiValue(huge, huge, null, "Số liệu của hệ thống khác"),
        }));
        AssertProblem(put, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("quá lớn", await put.Content.ReadAsStringAsync());

        // Values stored before the limits existed (or written around them) are left out of the totals with a note.
        var year = DateTime.UtcNow.AddHours(7).Year - 1;
        var stored = app.Provider == DbProvider.Sqlite ? decimal.MaxValue : 9_999_999_999_999_999m;
        var period = await app.WithDbAsync(async db =>
        {
            var reports = await db.Reports.Include(r => r.Values)
                .Where(r => r.RegimeKey == Regime && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)
                    && r.PeriodCode.StartsWith(year.ToString()))
                .OrderBy(r => r.PeriodCode).ThenBy(r => r.Id).ToListAsync();
            var p = reports.First().PeriodCode;
            foreach (var r in reports.Where(r => r.PeriodCode == p).Take(3))
                foreach (var code in new[] { "invest_plan", "invest_disbursed", "docs_issued", "plan_tasks" })
                {
                    var row = r.Values.FirstOrDefault(v => v.Code == code);
                    if (row is null) r.Values.Add(row = new ReportValueRow { Code = code });
                    (row.Value, row.Denominator) = (stored, code == "plan_tasks" ? stored : null);
                }
            await db.SaveChangesAsync();
            return p;
        });
        var coordinator = await app.SignInAsync("cchc");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/Reports/Province?regime={Regime}&period={period}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/Reports/Province?handler=Docx&regime={Regime}&period={period}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/Reports/Province?handler=Xlsx&regime={Regime}&period={period}")).StatusCode);
        var agg = await coordinator.GetAsync($"/api/v1/reports/{Regime}/{period}/aggregate");
        Assert.Equal(HttpStatusCode.OK, agg.StatusCode);
        var docs = (await agg.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values").GetProperty("docs_issued");
        Assert.True(docs.GetProperty("skipped").GetInt32() >= 3);
        Assert.True(docs.GetProperty("value").GetDecimal() < ReportCheck.MaxNumber * 10_000);
    }

    [Fact]
    public async Task A_29_digit_self_assessment_value_or_bonus_is_refused_with_a_message()
    {
        var cycleId = await CycleAsync();
        var stp = await AssessmentOfAsync(cycleId, "STP");
        var tuphap = await app.SignInAsync("tuphap");
        var page = await tuphap.GetStringAsync($"/ParIndex/Assessment/{stp}");
        var save = await PostWithTokenAsync(tuphap, $"/ParIndex/Assessment/{stp}?handler=Save",
            new() { ["Version"] = VersionIn(page).ToString(), ["In[2.2].Num"] = Huge, ["In[2.2].Den"] = "10", ["In[1.5].Value"] = Huge },
                $"/ParIndex/Assessment/{stp}");
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("2.2", await save.Content.ReadAsStringAsync());
        // In the periodic report's words (issue 12: the self-assessment refuses what the report refuses, the same way).
        Assert.Contains("quá lớn", await save.Content.ReadAsStringAsync());
        Assert.Null(
            await app.WithDbAsync(db => db.AssessmentScores.Where(s => s.AssessmentId == stp && s.Code == "2.2").Select(s => s.Input).FirstOrDefaultAsync()));

        var coordinator = await app.SignInAsync("cchc");
        var bonus = await PostWithTokenAsync(coordinator, $"/ParIndex/Assessment/{stp}?handler=Bonus",
            new() { ["bonus"] = Huge, ["penalty"] = "0", ["basis"] = "Bằng khen" }, $"/ParIndex/Assessment/{stp}");
        Assert.Equal(HttpStatusCode.OK, bonus.StatusCode);
        Assert.Contains("Điểm thưởng", await bonus.Content.ReadAsStringAsync());
    }

    // ---- 6. The reason for overriding ParHub's figure cannot be skipped ----

    [Fact]
    public async Task Emptying_the_prefilled_figure_keeps_it_and_a_later_different_value_still_needs_a_reason()
    {
        var officer = await app.SignInAsync("khcn");
        var (id, html) = await OpenReportAsync(officer, "2026-Q3");
        var prefilled = await app.WithDbAsync(db => db.ReportValues.AsNoTracking().SingleAsync(v => v.ReportId == id && v.Code == "plan_tasks"));
        Assert.Equal(ValueSource.Prefilled, prefilled.Source);

        var token = await officer.AntiforgeryTokenAsync($"/Reports/Report/{id}");
        async Task<HttpResponseMessage> SaveAsync(int version, Dictionary<string, string> fields) =>
            await officer.PostAsync($"/Reports/Report/{id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
            { ["Version"] = version.ToString(), ["__RequestVerificationToken"] = token }));

        var emptied =
            await SaveAsync(VersionIn(html), new() { ["In[plan_tasks].Value"] = "", ["In[plan_tasks].Denominator"] = "", ["In[docs_issued].Value"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, emptied.StatusCode);
        var kept = await app.WithDbAsync(db => db.ReportValues.AsNoTracking().SingleAsync(v => v.ReportId == id && v.Code == "plan_tasks"));
        Assert.Equal((ValueSource.Prefilled, prefilled.Value, prefilled.Denominator), (kept.Source, kept.Value, kept.Denominator));

        var version = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var changed = await SaveAsync(version, new() { ["In[plan_tasks].Value"] = "99", ["In[plan_tasks].Denominator"] = "100" });
        Assert.Contains("muốn sửa cần ghi lý do", await changed.Content.ReadAsStringAsync());
        var after = await app.WithDbAsync(db => db.ReportValues.AsNoTracking().Where(v => v.ReportId == id).ToListAsync());
        Assert.All(after.Where(v => v.Source != ValueSource.Entered || v.Code == "plan_tasks"),
            v => Assert.True(v.Source == ValueSource.Prefilled || !string.IsNullOrWhiteSpace(v.Reason), v.Code));

        // Through the API too: leaving the field out keeps ParHub's figure; a different one needs a reason.
        var api = await officer.PutAsJsonAsync($"/api/v1/reports/{Regime}/2026-Q3",
            new ReportPut(version, false, new() { ["plan_tasks"] = new ApiValue(1, 1000, null, null) }));
        AssertProblem(api, HttpStatusCode.UnprocessableEntity);
    }

    // ---- 9. No 500 on bad input ----

    [Fact]
    public async Task Out_of_range_query_values_and_unknown_sections_answer_without_500()
    {
        var coordinator = await app.SignInAsync("cchc");
        foreach (var y in new[] { "-1", "0", "2147483647", "10000" })
            AssertProblem(await coordinator.GetAsync($"/api/v1/reports/periods?regime={Regime}&year={y}"), HttpStatusCode.BadRequest);
        // A period code whose first four characters read as a negative year (found by the fuzz test) is no period.
        foreach (var period in new[] { "-2147483648", "-214-Q1", "0000-Q1", "9999-Y" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/Reports/Rates?regime={Regime}&period={period}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/Reports/Province?regime={Regime}&period={period}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Audit?to=9999-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Audit?from=0001-01-01&to=0001-01-01")).StatusCode);
        var year = DateTime.UtcNow.AddHours(7).Year;
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/Reports/Province?regime={Regime}&period={year}-Q1&section=KHONGCO")).StatusCode);
        var cycleId = await CycleAsync();
        Assert.True((int)(await coordinator.GetAsync($"/ParIndex/Improve/{cycleId}?agencyId=2147483647")).StatusCode < 500);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/ParIndex/Improve/{cycleId}?agencyId=2147483647")).StatusCode);

        var id = await app.WithDbAsync(db => db.ReportRegimes.Where(r => r.Key == "hanoi-2019").Select(r => r.Id).SingleAsync());
        var empty = await coordinator.PostFormAsync("/Reports/Regimes", new()
        {
            ["Input.Id"] = id.ToString(), ["Input.Name"] = "", ["Input.FromText"] = "",
            ["Input.ToText"] = "", ["Input.Reporters"] = "", ["Input.FormKey"] = "", ["Input.Periods[0].Kind"] = ""
        });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("không được để trống", await empty.Content.ReadAsStringAsync());
        var noName = await coordinator.PostFormAsync("/Reports/Regimes",
            new() { ["Input.Id"] = id.ToString(), ["Input.Name"] = "Chuyên đề", ["Input.FormKey"] = ReportForm.CchcKey });
        Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
    }

    [Fact]
    public async Task A_nul_character_in_a_profile_a_task_note_or_a_report_text_never_reaches_the_database()
    {
        var stp = await AgencyIdAsync("STP");
        var tuphap = await app.SignInAsync("tuphap");
        var profile = await tuphap.PostFormAsync($"/Agencies/Profile/{stp}",
            new() { ["Address"] = "Số 1\0 Lạch Tray", ["Phone"] = "0225\0", ["Email"] = "stp@haiphong.gov.vn" });
        // A form carrying a NUL is refused (400) or stored without it; never a 500, never a NUL in the database.
        Assert.True((int)profile.StatusCode < 500, profile.StatusCode.ToString());
        if (profile.StatusCode == HttpStatusCode.BadRequest) // the page says what is wrong, not "the system failed"
            Assert.Contains("không hợp lệ", WebUtility.HtmlDecode(await profile.Content.ReadAsStringAsync()));
        Assert.DoesNotContain('\0', await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == stp).Select(a => a.Address ?? "").SingleAsync()));

        var taskId = await TaskLedByAsync("STP");
        var progress = await tuphap.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress", new { progress = "InProgress", note = "Đang\0 làm", version = 1 });
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Equal("Đang làm", await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.LastNote).SingleAsync()));

        var get = await tuphap.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{Regime}/2026-Y");
        var put = await tuphap.PutAsJsonAsync($"/api/v1/reports/{Regime}/2026-Y", new ReportPut(get.GetProperty("version").GetInt32(), false,
            new() { ["strengths"] = new ApiValue(null, null, "Ưu\0 điểm", null) }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var id = get.GetProperty("id").GetInt32();
        Assert.Equal("Ưu điểm",
            await app.WithDbAsync(db => db.ReportValues.Where(v => v.ReportId == id && v.Code == "strengths").Select(v => v.Text).SingleAsync()));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).Take(5).Select(a => a.Changes + a.Summary)
            .ToListAsync()), c => c.Contains('\0') || c.Contains("\\u0000"));
    }

    [Fact]
    public async Task A_product_number_longer_than_its_column_is_refused_through_the_api()
    {
        var taskId = await TaskLedByAsync("STP");
        var tuphap = await app.SignInAsync("tuphap");
        var r = await tuphap.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { progress = "InProgress", productNumber = new string('9', 101), version = 1 });
        AssertProblem(r, HttpStatusCode.BadRequest);
        Assert.Contains("100", await r.Content.ReadAsStringAsync());
        var note =
            await tuphap.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress", new { progress = "InProgress", note = new string('x', 100_000), version = 1 });
        AssertProblem(note, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_file_name_with_quotes_downloads()
    {
        var taskId = await TaskLedByAsync("STP");
        var tuphap = await app.SignInAsync("tuphap");
        var token = await tuphap.AntiforgeryTokenAsync($"/Tasks/Details/{taskId}");
        var file = new ByteArrayContent("%PDF-1.4 biên bản"u8.ToArray());
        file.Headers.ContentType = new("application/pdf");
        var content = new MultipartFormDataContent
        {
            { new StringContent("InProgress"), "Input.Progress" }, { new StringContent("1"), "Input.Version" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        content.Add(file, "files", "bien-ban.pdf");
        // A name with quotes and a line break, as some systems name their files.
        file.Headers.ContentDisposition!.FileName = "\"bien-ban.pdf\"";
        file.Headers.ContentDisposition.FileNameStar = "Biên bản \"họp\" số 1.pdf";
        var post = await tuphap.PostAsync($"/Tasks/Details/{taskId}?handler=Progress", content);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var stored = await app.WithDbAsync(db => db.TaskFiles.Where(f => f.TaskId == taskId).SingleAsync());
        Assert.DoesNotContain('\n', stored.FileName);
        var download = await tuphap.GetAsync($"/Tasks/Details/{taskId}?handler=File&fileId={stored.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("%PDF", await download.Content.ReadAsStringAsync());
        // A name stored before names were cleaned still downloads.
        await app.WithDbAsync(async db =>
            { var f = await db.TaskFiles.SingleAsync(x => x.Id == stored.Id); f.FileName = "a\"b\r\nc.pdf"; return await db.SaveChangesAsync(); });
        Assert.Equal(HttpStatusCode.OK, (await tuphap.GetAsync($"/Tasks/Details/{taskId}?handler=File&fileId={stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task Parallel_progress_posts_have_one_winner_and_the_others_get_409()
    {
        var taskId = await TaskLedByAsync("STP");
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++) clients.Add(await app.SignInAsync("tuphap"));
        var answers = await Task.WhenAll(
            clients.Select((c, i) => c.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress", new { progress = "InProgress", note = $"lần {i}", version = 1 })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => AssertProblem(a, HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.TaskUpdates.CountAsync(u => u.TaskId == taskId)));
    }

    [Fact]
    public async Task Concurrent_appraisals_have_one_winner_and_a_stale_one_gets_409()
    {
        var cycleId = await CycleAsync();
        var stp = await AssessmentOfAsync(cycleId, "STP");
        await app.WithDbAsync(async db =>
        {
            var a = await db.Assessments.Include(x => x.Scores).SingleAsync(x => x.Id == stp);
            a.Status = AssessmentStatus.Submitted;
            a.SubmittedAt = DateTime.UtcNow;
            a.Scores.Add(new AssessmentScore { Code = "2.2", SelfPoints = 6, Input = JsonSerializer.Serialize(ScoreInput.Rate(10, 10), IndexData.Json) });
            a.Scores.Add(new AssessmentScore { Code = "3.3", SelfPoints = 8, Input = JsonSerializer.Serialize(ScoreInput.Rate(10, 10), IndexData.Json) });
            a.Version++;
            return await db.SaveChangesAsync();
        });
        var first = await app.SignInAsync("cchc");
        var second = await app.SignInAsync("cchc");
        var page = await first.GetStringAsync($"/ParIndex/Assessment/{stp}");
        var version = VersionIn(page).ToString();
        var url = $"/ParIndex/Assessment/{stp}?handler=AppraiseMany";
        var won = await PostWithTokenAsync(first, url, new()
        {
            ["Version"] = version, ["round"] = "1", ["appraise[2.2].Points"] = "3",
            ["appraise[2.2].Reason"] = "Thiếu hồ sơ"
        }, $"/ParIndex/Assessment/{stp}");
        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        var stale = await PostWithTokenAsync(second, url, new()
        {
            ["Version"] = version, ["round"] = "1", ["appraise[2.2].Points"] = "5",
            ["appraise[2.2].Reason"] = "Đủ hồ sơ"
        }, $"/ParIndex/Assessment/{stp}");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("người khác", await stale.Content.ReadAsStringAsync());
        Assert.Equal(3m,
            await app.WithDbAsync(db => db.AssessmentScores.Where(s => s.AssessmentId == stp && s.Code == "2.2").Select(s => s.AppraisedPoints).SingleAsync()));

        // In parallel, from the same page: one is saved, the others are told.
        var now = VersionIn(await first.GetStringAsync($"/ParIndex/Assessment/{stp}")).ToString();
        var clients = new[] { first, second, await app.SignInAsync("cchc"), await app.SignInAsync("cchc") };
        var tokens = await Task.WhenAll(clients.Select(c => c.AntiforgeryTokenAsync($"/ParIndex/Assessment/{stp}")));
        var answers = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = now, ["round"] = "1", ["appraise[3.3].Points"] = (i + 1).ToString(), ["appraise[3.3].Reason"] = $"Lý do {i}",
            ["__RequestVerificationToken"] = tokens[i],
        }))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task Api_errors_are_problem_details_never_the_html_error_page()
    {
        var tuphap = await app.SignInAsync("tuphap");
        AssertProblem(await tuphap.GetAsync("/api/v1/khong-co"), HttpStatusCode.NotFound);
        AssertProblem(await tuphap.GetAsync("/api/v1/tasks/2147483647"), HttpStatusCode.NotFound);
        AssertProblem(await app.Anonymous().GetAsync("/api/v1/agencies"), HttpStatusCode.Unauthorized);
        var malformed = await tuphap.PutAsync($"/api/v1/reports/{Regime}/2026-Q1",
            new StringContent("{\"version\": \"x\", ", System.Text.Encoding.UTF8, "application/json"));
        AssertProblem(malformed, HttpStatusCode.BadRequest);
        var taskId = await TaskLedByAsync("STP");
        var stale = await tuphap.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress", new { progress = "InProgress", version = 99 });
        AssertProblem(stale, HttpStatusCode.Conflict);
        var badEnum = await tuphap.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress", new { progress = "Xong", version = 1 });
        AssertProblem(badEnum, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_task_page_keeps_what_was_typed_after_a_refusal()
    {
        var taskId = await TaskLedByAsync("STP");
        var tuphap = await app.SignInAsync("tuphap");
        var refused = await tuphap.PostFormAsync($"/Tasks/Details/{taskId}?handler=Progress", new()
        {
            ["Input.Version"] = "77", ["Input.Progress"] = "Done", ["Input.CompletedOn"] = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd"),
            ["Input.ProductNumber"] = "123/QĐ-STP", ["Input.Note"] = "Ghi chú đang gõ dở",
        }, $"/Tasks/Details/{taskId}");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("người khác cập nhật", html);
        Assert.Contains("value=\"123/QĐ-STP\"", html);
        Assert.Contains("Ghi chú đang gõ dở</textarea>", html);
        Assert.Matches("<option value=\"Done\" selected", html);
    }

    // ---- 10. Smaller ----

    [Fact]
    public async Task Progress_notes_and_file_names_stay_with_those_who_may_see_the_task()
    {
        var taskId = await TaskLedByAsync("STP");
        var tuphap = await app.SignInAsync("tuphap");
        var token = await tuphap.AntiforgeryTokenAsync($"/Tasks/Details/{taskId}");
        var file = new ByteArrayContent("%PDF-1.4"u8.ToArray());
        var content = new MultipartFormDataContent
        {
            { new StringContent("InProgress"), "Input.Progress" }, { new StringContent("1"), "Input.Version" },
            { new StringContent("Ghi chú nội bộ của Sở Tư pháp"), "Input.Note" }, { new StringContent(token), "__RequestVerificationToken" },
            { file, "files", "du-thao-noi-bo.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await tuphap.PostAsync($"/Tasks/Details/{taskId}?handler=Progress", content)).StatusCode);
        Assert.Contains("Ghi chú nội bộ", await tuphap.GetStringAsync($"/Tasks/Details/{taskId}"));
        Assert.Contains("Ghi chú nội bộ", await (await app.SignInAsync("cchc")).GetStringAsync($"/Tasks/Details/{taskId}"));
        foreach (var outsider in new[] { "taichinh", "xem" })
        {
            var html = await (await app.SignInAsync(outsider)).GetStringAsync($"/Tasks/Details/{taskId}");
            Assert.DoesNotContain("Ghi chú nội bộ", html);
            Assert.DoesNotContain("du-thao-noi-bo.pdf", html);
        }
    }

    [Fact]
    public async Task A_completion_date_before_the_task_existed_is_refused()
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        var taskId = await TaskLedByAsync("STP", new DateOnly(year, 1, 10));
        var tuphap = await app.SignInAsync("tuphap");
        var early = await tuphap.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress", new { progress = "Done", completedOn = "1900-01-01", version = 1 });
        AssertProblem(early, HttpStatusCode.BadRequest);
        Assert.Contains("trước ngày", await early.Content.ReadAsStringAsync());
        var page = await tuphap.PostFormAsync($"/Tasks/Details/{taskId}?handler=Progress", new()
        { ["Input.Version"] = "1", ["Input.Progress"] = "Done", ["Input.CompletedOn"] = $"{year}-01-09" }, $"/Tasks/Details/{taskId}");
        Assert.Contains("trước ngày", await page.Content.ReadAsStringAsync());
        Assert.Null(await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.CompletedOn).SingleAsync()));
    }

    [Fact]
    public async Task After_publication_reasons_explanations_and_unsubmitted_inputs_are_not_public()
    {
        var cycleId = await CycleAsync();
        var stp = await AssessmentOfAsync(cycleId, "STP");
        // A department with no demo account, whose self-assessment was never submitted.
        var stc = await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == cycleId
            && db.Agencies.Any(x => x.Id == a.AgencyId && !new[] { "STP", "STC", "SKHCN", "SNV" }.Contains(x.Code)))
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            var a = await db.Assessments.Include(x => x.Scores).SingleAsync(x => x.Id == stp);
            a.Status = AssessmentStatus.Submitted;
            a.Scores.Add(new AssessmentScore
            {
                Code = "2.2", SelfPoints = 6, Input = JsonSerializer.Serialize(ScoreInput.Rate(10, 10), IndexData.Json),
                AppraisedPoints = 3, AppraisalReason = "Lý do thẩm định riêng tư", AppraisedBy = "thamdinh",
                Explanation = "Giải trình riêng tư của cơ quan",
                SecondPoints = 4, SecondReason = "Lý do lần hai riêng tư", SecondBy = "cchc",
            });
            var draft = await db.Assessments.Include(x => x.Scores).SingleAsync(x => x.Id == stc);
            draft.Scores.Add(
                new AssessmentScore { Code = "3.3", SelfPoints = 5, Input = JsonSerializer.Serialize(ScoreInput.Rate(4321, 8642), IndexData.Json) });
            var c = await db.AssessmentCycles.SingleAsync(x => x.Id == cycleId);
            (c.PublishedAt, c.PublicationDecision) = (DateTime.UtcNow, "Quyết định 1/QĐ-UBND");
            return await db.SaveChangesAsync();
        });
        foreach (var reader in new[] { await app.SignInAsync("taichinh"), await app.SignInAsync("xem"), app.Anonymous() })
        {
            var published = await reader.GetAsync($"/ParIndex/Assessment/{stp}");
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var html = await published.Content.ReadAsStringAsync();
            Assert.DoesNotContain("riêng tư", html);
            var draftHtml = await reader.GetStringAsync($"/ParIndex/Assessment/{stc}");
            Assert.True(!draftHtml.Contains("4.321"), draftHtml[Math.Max(0, draftHtml.IndexOf("4.321") - 600)..][..Math.Min(1200, draftHtml.Length)]);
            Assert.DoesNotContain("8.642", draftHtml);
        }
        // The agency itself still sees the reasons given to it.
        Assert.Contains("Lý do thẩm định riêng tư", await (await app.SignInAsync("tuphap")).GetStringAsync($"/ParIndex/Assessment/{stp}"));
    }
}

public sealed class SqliteInputHardeningTests(SqliteFactory app) : InputHardeningTests<SqliteFactory>(app);
public sealed class PostgresInputHardeningTests(PostgresFactory app) : InputHardeningTests<PostgresFactory>(app);
