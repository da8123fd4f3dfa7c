using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.ParIndex;
using ParHub.Core.Plans;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.ParIndex.Improvement;
using ParHub.Web.Features.Plans;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The province's own index as a team (departments score the criteria they lead, the Coordinator returns and submits),
/// appraisal by scope (a district's communes), the Ministry's points and result beside the self-assessment, and the
/// external indices with targets bound to them. Each test uses its own year or cycle.
/// </summary>
public abstract partial class ProvinceIndexTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string page)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string page, string fileName, byte[] content,
        params (string Name, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName }, { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (n, v) in fields) form.Add(new StringContent(v), n);
        return await client.PostAsync(url, form);
    }

    private Task<(int Id, Framework Framework, LeadMap Map)> DemoProvinceAssessmentAsync() => app.WithDbAsync(async db =>
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        var cycle = await db.AssessmentCycles.SingleAsync(c => c.GroupCode == IndexData.ProvinceGroup && c.Year == year);
        var f = IndexData.Definition(await db.IndexFrameworks.SingleAsync(x => x.Id == cycle.FrameworkId));
        var map = LeadMap.Parse(await db.Settings.Where(s => s.Key == DraftImprovementPlan.MapSetting).Select(s => s.Value).SingleAsync());
        return (await db.Assessments.Where(a => a.CycleId == cycle.Id).Select(a => a.Id).SingleAsync(), f, map);
    });

    private Task<AssessmentScore?> ScoreAsync(int assessment, string code) =>
        app.WithDbAsync(db => db.AssessmentScores.AsNoTracking().SingleOrDefaultAsync(s => s.AssessmentId == assessment && s.Code == code));

    private static Dictionary<string, string> Inputs(Framework f, IEnumerable<string> codes, decimal share, string note)
    {
        var fields = new Dictionary<string, string>();
        foreach (var code in codes)
        {
            var max = f.Nodes.Single(n => n.Code == code).Max!.Value;
            (fields[$"In[{code}].Value"], fields[$"In[{code}].Note"]) = (VietnameseNumber.Format(Math.Floor(max * share * 4) / 4), note);
        }
        return fields;
    }

    [Fact]
    public async Task Departments_score_only_the_criteria_they_lead_one_is_returned_and_corrected_and_the_coordinator_submits()
    {
        var (id, f, map) = await DemoProvinceAssessmentAsync();
        var url = $"/ParIndex/Assessment/{id}";
        var manual = f.Nodes.Where(n => n.Rule is { Type: "manual" }).Select(n => n.Code).ToList();
        var stp = manual.Where(c => map.LeadOf(c) == "STP").ToList();
        var stc = manual.Where(c => map.LeadOf(c) == "STC").ToList();
        Assert.NotEmpty(stp);
        Assert.NotEmpty(stc);
        Assert.Contains(f.Nodes, n => n.Code == "2.4" && n.IsSurvey); // survey criteria are not the departments' to score

        // Sở Tư pháp sees the province's assessment with inputs for its own criteria only.
        var tuphap = await app.SignInAsync("tuphap");
        var page = await tuphap.GetStringAsync(url);
        Assert.Contains($"name=\"In[{stp[0]}].Value\"", page);
        Assert.DoesNotContain($"name=\"In[{stc[0]}].Value\"", page);
        Assert.DoesNotContain("data-testid=\"submit-assessment\"", page);
        Assert.Contains("data-testid=\"team-progress\"", page);
        Assert.Contains("data-testid=\"province-assessment\"", await tuphap.GetStringAsync("/ParIndex"));
        var version = VersionPattern().Match(page).Groups[1].Value;

        // Another department's criterion is refused, and nothing of the post is saved.
        var intrusion = new Dictionary<string, string>(Inputs(f, stp, 1, "x")) { ["Version"] = version, [$"In[{stc[0]}].Value"] = "0" };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(tuphap, $"{url}?handler=Save", intrusion, url)).StatusCode);
        Assert.Null((await ScoreAsync(id, stp[0]))?.Input);
        Assert.Null(await ScoreAsync(id, stc[0]));

        var own = new Dictionary<string, string>(Inputs(f, stp, 1, "Theo báo cáo công tác pháp chế năm")) { ["Version"] = version };
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tuphap, $"{url}?handler=Save", own, url)).StatusCode);
        Assert.NotNull((await ScoreAsync(id, stp[0]))!.SelfPoints);
        // Evidence only for its own criteria; only the Coordinator submits the whole.
        var pdf = "%PDF-1.4 báo cáo pháp chế"u8.ToArray();
        var refused = await UploadAsync(tuphap, $"{url}?handler=Evidence", url, "bao-cao.pdf", pdf, ("codes", stc[0]));
        Assert.Contains("do cơ quan khác chủ trì", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(tuphap, $"{url}?handler=Evidence", url, "bao-cao.pdf", pdf, ("codes", stp[0]))).StatusCode);
        version = VersionPattern().Match(await tuphap.GetStringAsync(url)).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Forbidden,
            (await PostAsync(tuphap, $"{url}?handler=Submit", new(Inputs(f, stp, 1, "x")) { ["Version"] = version }, url)).StatusCode);

        // Sở Tài chính scores its own, and cannot touch Sở Tư pháp's.
        var taichinh = await app.SignInAsync("taichinh");
        var tcPage = await taichinh.GetStringAsync(url);
        Assert.DoesNotContain($"name=\"In[{stp[0]}].Value\"", tcPage);
        var tcFields = new Dictionary<string, string>(Inputs(f, stc, 0.5m, "Theo báo cáo quyết toán ngân sách"))
        {
            ["Version"] = VersionPattern().Match(tcPage).Groups[1].Value,
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(taichinh, $"{url}?handler=Save",
            new(tcFields) { [$"In[{stp[0]}].Value"] = "0" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(taichinh, $"{url}?handler=Save", tcFields, url)).StatusCode);
        Assert.NotEqual(0, (await ScoreAsync(id, stp[0]))!.SelfPoints);

        // The Coordinator returns one of Sở Tư pháp's criteria; the department is told; the whole cannot be sent meanwhile.
        var cchc = await app.SignInAsync("cchc");
        var cPage = await cchc.GetStringAsync(url);
        Assert.Contains("data-testid=\"return-form\"", cPage);
        var returned = stp[^1];
        Assert.Contains("cần ghi ý kiến", await (await PostAsync(cchc, $"{url}?handler=Return",
            new() { ["code"] = returned, ["comment"] = "", ["Version"] = VersionPattern().Match(cPage).Groups[1].Value }, url)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, $"{url}?handler=Return",
            new() { ["code"] = returned, ["comment"] = "Thiếu danh mục văn bản đã rà soát", ["Version"] = VersionPattern().Match(cPage).Groups[1].Value },
            url)).StatusCode);
        Assert.Equal("Thiếu danh mục văn bản đã rà soát", (await ScoreAsync(id, returned))!.ReturnComment);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Key!.StartsWith($"assessment:{id}:returned:{returned}")
            && db.Users.Any(u => u.Id == n.UserId && u.UserName == "tuphap"))));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(tuphap, $"{url}?handler=Return",
            new() { ["code"] = stc[0], ["comment"] = "x", ["Version"] = "1" }, url)).StatusCode);
        cPage = await cchc.GetStringAsync(url);
        var everything = FormOf(cPage);
        var blocked = await PostAsync(cchc, $"{url}?handler=Submit", everything, url);
        Assert.Contains($"{returned} đã trả lại cơ quan chủ trì", await blocked.Content.ReadAsStringAsync());

        // The department corrects it; the comment is cleared (the audit keeps it); the Coordinator sends the whole.
        page = await tuphap.GetStringAsync(url);
        Assert.Contains($"data-testid=\"returned-{returned}\"", page);
        var fixedFields = new Dictionary<string, string>(Inputs(f, stp, 1, "Theo báo cáo công tác pháp chế năm"))
        {
            ["Version"] = VersionPattern().Match(page).Groups[1].Value, [$"In[{returned}].Note"] = "Kèm danh mục 126 văn bản đã rà soát",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tuphap, $"{url}?handler=Save", fixedFields, url)).StatusCode);
        Assert.Null((await ScoreAsync(id, returned))!.ReturnComment);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, $"{url}?handler=Submit", FormOf(await cchc.GetStringAsync(url)), url)).StatusCode);
        var a = await app.WithDbAsync(db => db.Assessments.SingleAsync(x => x.Id == id));
        Assert.Equal(AssessmentStatus.Submitted, a.Status);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(x => x.EntityType == IndexData.EntityType && x.EntityId == id.ToString())
            .Select(x => x.Action).ToListAsync());
        Assert.Contains("return", audit);
        Assert.Contains("submit", audit);
    }

    /// <summary>What the Coordinator's page would post: every input as shown.</summary>
    private static Dictionary<string, string> FormOf(string html)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = new Dictionary<string, string>();
        foreach (var input in doc.QuerySelectorAll("#self-form input[name], #self-form select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (input is AngleSharp.Html.Dom.IHtmlSelectElement select) form[name] = select.Value ?? "";
            else if (input.GetAttribute("type") == "checkbox") { if (input.HasAttribute("checked")) form[name] = input.GetAttribute("value") ?? "on"; }
            else form[name] = input.GetAttribute("value") ?? "";
        }
        return form;
    }

    [Fact]
    public async Task The_provinces_sipas_criteria_take_the_provinces_result_of_the_linked_survey()
    {
        var (id, f, _) = await DemoProvinceAssessmentAsync();
        var cycleId = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.CycleId).SingleAsync());
        // Last year's published survey of the demo, linked to the province's cycle (as chosen when a programme is made).
        await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Where(x => x.State == Core.Sipas.SurveyState.Published).OrderBy(x => x.Id).FirstAsync();
            p.ParCycleId = cycleId;
            return await db.SaveChangesAsync();
        });
        var cchc = await app.SignInAsync("cchc");
        var page = $"/ParIndex/Survey/{cycleId}";
        var form = new Dictionary<string, string>();
        foreach (var n in f.Nodes.Where(n => n.IsSurvey)) form[$"Target[{n.Code}]"] = "SIPAS";
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await cchc.PostFormAsync(page + "?handler=SipasPreview", form, page))
            .Content.ReadAsStringAsync());
        var line = doc.QuerySelector("[data-testid=sipas-lines] tbody tr[data-code='8.5.1']")!;
        Assert.Matches(@"^\d+(,\d+)?%$", line.QuerySelector("[data-testid=new]")!.TextContent.Trim());
        Assert.DoesNotContain("Không có kết quả SIPAS", line.TextContent);
    }

    [Fact]
    public async Task A_department_that_leads_nothing_has_no_hand_in_the_provinces_assessment_and_a_lead_moved_moves_the_rights()
    {
        var (id, f, map) = await DemoProvinceAssessmentAsync();
        var url = $"/ParIndex/Assessment/{id}";
        var cchc = await app.SignInAsync("cchc");
        // Criterion 7.1 is given to Sở Tư pháp: it may score 7.1 now, Sở Khoa học và Công nghệ (field 7) no more.
        var code = f.Nodes.First(n => n.Rule is { Type: "manual" } && n.Code.StartsWith("7.", StringComparison.Ordinal)).Code;
        Assert.Equal("SKHCN", map.LeadOf(code));
        Assert.Contains("Không có cơ quan mã", await (await PostAsync(cchc, $"{url}?handler=Lead", new() { ["code"] = code, ["agency"] = "KHONGCO" }, url))
            .Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, $"{url}?handler=Lead", new() { ["code"] = code, ["agency"] = "STP" }, url)).StatusCode);
        var tuphap = await app.SignInAsync("tuphap");
        Assert.Contains("Chủ trì: Sở Tư pháp", LeadShown(await tuphap.GetStringAsync(url), code));
        Assert.True(await LeadsAsync("STP", code));
        Assert.False(await LeadsAsync("SKHCN", code));
        var khcn = await app.SignInAsync("khcn");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await tuphap.PostFormAsync($"{url}?handler=Lead", new() { ["code"] = code, ["agency"] = "STP" }, url)).StatusCode);
        // Back to its field's lead.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, $"{url}?handler=Lead", new() { ["code"] = code, ["agency"] = "" }, url)).StatusCode);
        Assert.Contains("Chủ trì: Sở Khoa học và Công nghệ", LeadShown(await khcn.GetStringAsync(url), code));
        Assert.True(await LeadsAsync("SKHCN", code));
        // An appraiser or a viewer reads, never scores.
        var xem = await app.SignInAsync("xem");
        var r = await xem.GetAsync(url);
        Assert.True(r.StatusCode is HttpStatusCode.Forbidden || !(await r.Content.ReadAsStringAsync()).Contains("name=\"In["));
    }

    private static string LeadShown(string html, string code) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector($"[data-testid='lead-{code}']")?.TextContent.Trim() ?? "";

    private async Task<bool> LeadsAsync(string agencyCode, string code)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParHub.Web.Data.ParHubDbContext>();
        var agency = await db.Agencies.Where(a => a.Code == agencyCode).Select(a => a.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<ProvinceLeads>().LeadsAsync(agency, code);
    }

    [Fact]
    public async Task A_district_appraiser_appraises_its_communes_and_no_other_agency()
    {
        var cchc = await app.SignInAsync("cchc");
        await cchc.GetStringAsync("/ParIndex");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(x => x.Code == IndexPresets.DemoDepartmentsCode && x.Year == year)
            .Select(x => x.Id).SingleAsync());
        // The communes of 2024, under their districts (before the two-tier reorganisation of 1/7/2025).
        var open = await cchc.PostFormAsync("/ParIndex", new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "XA", ["Due"] = "2024-12-15" });
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var cycleId = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var members = await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == cycleId)
            .Join(db.Agencies, a => a.AgencyId, x => x.Id, (a, x) => new { a.Id, x.Code, x.ParentId }).ToListAsync());
        var district = await app.WithDbAsync(db => db.Agencies.SingleAsync(x => x.Code == "Q-LECHAN"));
        var own = members.Where(m => m.ParentId == district.Id).ToList();
        var other = members.First(m => m.ParentId != district.Id);
        Assert.NotEmpty(own);
        var f = IndexData.Definition(await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(x => x.Id == frameworkId)));
        var code = f.Nodes.First(n => n.Rule is not null && !n.IsComputed && !n.IsSurvey && n.AppliesTo("XA")).Code;
        await app.WithDbAsync(async db =>
        {
            foreach (var a in await db.Assessments.Include(x => x.Scores).Where(x => x.CycleId == cycleId).ToListAsync())
            {
                (a.Status, a.SubmittedAt) = (AssessmentStatus.Submitted, DateTime.UtcNow);
                a.Scores.Add(new AssessmentScore { Code = code, Input = "{\"number\":1}", SelfPoints = 1, NoEvidenceNote = "Theo báo cáo" });
            }
            return await db.SaveChangesAsync();
        });

        var results = $"/ParIndex/Results/{cycleId}";
        Assert.Contains("và các đơn vị trực thuộc không có trong kỳ đánh giá", await (await PostAsync(cchc, $"{results}?handler=Assign",
            new() { ["appraiser"] = "thamdinh", ["agencies"] = "STP" }, results)).Content.ReadAsStringAsync());
        Assert.Contains("Các đơn vị thuộc Ủy ban nhân dân quận Lê Chân", await cchc.GetStringAsync(results));
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostAsync(cchc, $"{results}?handler=Assign", new() { ["appraiser"] = "thamdinh", ["agencies"] = "Q-LECHAN" }, results)).StatusCode);
        Assert.Equal(own.Count, await app.WithDbAsync(db => db.AppraiserScopes.CountAsync(s => s.CycleId == cycleId)));

        var thamdinh = await app.SignInAsync("thamdinh");
        async Task<HttpResponseMessage> AppraiseAsync(int assessment)
        {
            var page = $"/ParIndex/Assessment/{assessment}";
            var version = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == assessment).Select(a => a.Version).SingleAsync());
            return await PostAsync(thamdinh, $"{page}?handler=AppraiseMany", new()
            {
                ["Version"] = version.ToString(), ["round"] = "1", [$"appraise[{code}].Points"] = "0,5", [$"appraise[{code}].Reason"] = "Thiếu kiểm chứng",
            }, page);
        }
        Assert.Contains("data-testid=\"appraise-form\"", await thamdinh.GetStringAsync($"/ParIndex/Assessment/{own[0].Id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await AppraiseAsync(own[0].Id)).StatusCode);
        Assert.Equal(0.5m, (await ScoreAsync(own[0].Id, code))!.AppraisedPoints);
        Assert.DoesNotContain("data-testid=\"appraise-form\"", await thamdinh.GetStringAsync($"/ParIndex/Assessment/{other.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await AppraiseAsync(other.Id)).StatusCode);
        Assert.Null((await ScoreAsync(other.Id, code))!.AppraisedPoints);
        // The appraiser's home lists the district's communes only.
        var home = await thamdinh.GetStringAsync("/");
        var lastOwn = own[^1].Code;
        var communeName = await app.WithDbAsync(db => db.Agencies.Where(x => x.Code == lastOwn).Select(x => x.Name).SingleAsync());
        var otherName = await app.WithDbAsync(db => db.Agencies.Where(x => x.Code == other.Code).Select(x => x.Name).SingleAsync());
        Assert.Contains(communeName, home);
        Assert.DoesNotContain(otherName, home);
    }

    [Fact]
    public async Task A_councils_members_propose_and_the_chair_decides_with_every_proposal_kept()
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParHub.Web.Data.AppUser>>();
            foreach (var name in new[] { "hoidong1", "hoidong2" })
            {
                var u = new ParHub.Web.Data.AppUser
                {
                    UserName = name, FullName = "Thành viên " + name, Email = $"{name}@demo.parhub.vn", EmailConfirmed = true,
                };
                u.PasswordHash = users.PasswordHasher.HashPassword(u, ParHub.Web.Features.Demo.DemoProvince.DemoPassword);
                Assert.True((await users.CreateAsync(u)).Succeeded);
                await users.AddToRoleAsync(u, "Appraiser");
            }
        }
        var cchc = await app.SignInAsync("cchc");
        await cchc.GetStringAsync("/ParIndex");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(x => x.Code == IndexPresets.DemoDepartmentsCode && x.Year == year)
            .Select(x => x.Id).SingleAsync());
        var open = await cchc.PostFormAsync("/ParIndex",
            new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "SBN", ["Due"] = $"{year + 1}-01-31" });
        var cycleId = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var f = IndexData.Definition(await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(x => x.Id == frameworkId)));
        var node = f.Nodes.First(n => n.Rule is not null && !n.IsComputed && !n.IsSurvey && n.Max >= 1);
        var code = node.Code;
        var id = await app.WithDbAsync(async db =>
        {
            var a = await db.Assessments.Include(x => x.Scores).Where(x => x.CycleId == cycleId).OrderBy(x => x.Id).FirstAsync();
            (a.Status, a.SubmittedAt) = (AssessmentStatus.Submitted, DateTime.UtcNow);
            a.Scores.Add(new AssessmentScore { Code = code, Input = "{\"number\":1}", SelfPoints = 1, NoEvidenceNote = "Theo báo cáo" });
            await db.SaveChangesAsync();
            return a.Id;
        });
        var results = $"/ParIndex/Results/{cycleId}";
        var field = code.Split('.')[0];
        foreach (var member in new[] { "thamdinh", "hoidong1", "hoidong2" })
            Assert.Equal(HttpStatusCode.Redirect,
                (await PostAsync(cchc, $"{results}?handler=Assign", new() { ["appraiser"] = member, ["fields"] = field }, results)).StatusCode);
        Assert.Contains("không có vai trò thẩm định",
            await (await PostAsync(cchc, $"{results}?handler=Council", new() { ["chair"] = "tuphap" }, results)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, $"{results}?handler=Council", new() { ["chair"] = "thamdinh" }, results)).StatusCode);

        var url = $"/ParIndex/Assessment/{id}";
        async Task<HttpResponseMessage> AppraiseAsync(HttpClient client, string points, string reason)
        {
            var version = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
            return await PostAsync(client, $"{url}?handler=AppraiseMany", new()
            {
                ["Version"] = version.ToString(), ["round"] = "1", [$"appraise[{code}].Points"] = points, [$"appraise[{code}].Reason"] = reason,
            }, url);
        }
        var one = await app.SignInAsync("hoidong1");
        Assert.Contains("data-testid=\"council-member\"", await one.GetStringAsync(url));
        async Task<int> LeftAsync(HttpClient client)
        {
            var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/"));
            var row = home.QuerySelector($"a[href='/ParIndex/Assessment/{id}']")?.Closest("tr");
            return row is null ? 0 : int.Parse(row.QuerySelectorAll("td")[1].TextContent.Trim());
        }
        var before = await LeftAsync(one); // what waits on the member's home
        Assert.Equal(HttpStatusCode.Redirect, (await AppraiseAsync(one, "0,5", "Thiếu kiểm chứng quý IV")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppraiseAsync(await app.SignInAsync("hoidong2"), "1", "Đủ kiểm chứng")).StatusCode);
        Assert.True(before > 0);
        Assert.Equal(before - 1, await LeftAsync(one)); // proposed: that criterion is the chair's now
        Assert.Null((await ScoreAsync(id, code))!.AppraisedPoints); // proposals only
        var chair = await app.SignInAsync("thamdinh");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await chair.GetStringAsync(url));
        var shown = page.QuerySelector($"[data-testid='proposals-{code}']")!.TextContent;
        Assert.Contains("hoidong1 0,5 (Thiếu kiểm chứng quý IV)", shown);
        Assert.Contains("chưa thống nhất", shown);
        Assert.NotNull(page.QuerySelector("[data-testid='council-chair']"));
        Assert.Equal(HttpStatusCode.Redirect, (await AppraiseAsync(chair, "0,75", "Kiểm chứng quý IV nộp bổ sung, chưa đủ")).StatusCode);
        Assert.Equal(0.75m, (await ScoreAsync(id, code))!.AppraisedPoints);
        var decision = await app.WithDbAsync(db => db.AuditEntries.Where(x => x.EntityType == IndexData.EntityType && x.EntityId == id.ToString()
            && x.Action == "decide").Select(x => x.Summary).SingleAsync());
        Assert.Contains("hoidong1 0,5; hoidong2 1", decision);
        Assert.Equal(2, await app.WithDbAsync(db => db.AppraisalProposals.CountAsync(p => p.AssessmentId == id)));
    }

    [Fact]
    public async Task The_ministrys_points_and_result_sit_beside_the_self_assessment_and_feed_the_improvement_page()
    {
        const int year = 2032;
        var cchc = await app.SignInAsync("cchc");
        var created = await PostAsync(cchc, "/ParIndex?handler=Bnv", new() { ["year"] = year.ToString() }, "/ParIndex");
        var frameworkUrl = created.Headers.Location!.OriginalString;
        var frameworkId = int.Parse(frameworkUrl.Split('/').Last());
        var preset = IndexData.Definition(await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(x => x.Id == frameworkId)));
        var leaves = preset.Nodes.Where(n => n.Rule is not null).Select(n => n.Code).ToList();
        Assert.Equal(["2.4", "4.4", "5.7", "6.4", "7.4", "8.5.1", "8.5.2", "8.5.3", "8.5.4", "8.5.5", "8.5.6"],
            preset.Nodes.Where(n => n.IsSurvey).Select(n => n.Code));

        // The Ministry's points from its table: a parent that does not add up refuses the whole table.
        byte[] Table(IEnumerable<(string Code, string? Max, string? Score)> rows, bool score = false) => Xlsx.Write("Điểm",
            score ? ["Mã", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm đạt được"] : ["Mã", "Lĩnh vực, tiêu chí", "Điểm tối đa"],
            rows.Select(r => (IReadOnlyList<string?>)(score ? [r.Code, "x", r.Max, r.Score] : [r.Code, "x", r.Max])));
        var wrong = Table(leaves.Select(c => (c, (string?)"1", (string?)null)).Prepend(("1", "99", null)));
        var refused = await UploadAsync(cchc, $"{frameworkUrl}?handler=Points", frameworkUrl, "diem-bnv.xlsx", wrong);
        Assert.Contains("1: điểm tối đa 99 khác tổng", await refused.Content.ReadAsStringAsync());
        Assert.Null(IndexData.Definition(await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(x => x.Id == frameworkId))).Nodes[0].Max);
        var points = await UploadAsync(cchc, $"{frameworkUrl}?handler=Points", frameworkUrl, "diem-bnv.xlsx",
            Table(leaves.Select(c => (c, (string?)"1", (string?)null))));
        Assert.Equal(HttpStatusCode.Redirect, points.StatusCode);
        Assert.Contains("Bộ chỉ số đã hoàn chỉnh", await cchc.GetStringAsync(points.Headers.Location!.OriginalString));

        // The province's cycle, self-assessed by the Coordinator (1 point each) and sent.
        var open = await PostAsync(cchc, "/ParIndex",
            new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "TINH", ["Due"] = $"{year}-12-15" }, "/ParIndex");
        var cycleId = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var assessment = await app.WithDbAsync(db => db.Assessments.SingleAsync(a => a.CycleId == cycleId));
        var url = $"/ParIndex/Assessment/{assessment.Id}";
        var html = await cchc.GetStringAsync(url);
        var fields = new Dictionary<string, string> { ["Version"] = VersionPattern().Match(html).Groups[1].Value };
        foreach (var code in preset.Nodes.Where(n => n.Rule is { Type: "manual" }).Select(n => n.Code))
            (fields[$"In[{code}].Value"], fields[$"In[{code}].Note"]) = ("1", "Theo báo cáo tổng kết năm");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, $"{url}?handler=Submit", fields, url)).StatusCode);

        // The Ministry's result typed: ranges checked, then kept.
        var national = $"/ParIndex/National/{year}";
        var bad = await PostAsync(cchc, national, new() { ["Points"] = "91,87", ["Rank"] = "70", ["RankOf"] = "63", ["Version"] = "0" }, national);
        Assert.Contains("Thứ hạng 70 lớn hơn số tỉnh", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, national, new()
        {
            ["Points"] = "91,87", ["Change"] = "1,78", ["Rank"] = "2", ["RankOf"] = "63", ["Sipas"] = "88,90", ["SipasRank"] = "5",
            ["Source"] = "Quyết định công bố Chỉ số CCHC của Bộ Nội vụ", ["Version"] = "0",
        }, national)).StatusCode);
        var stale = await PostAsync(cchc, national, new() { ["Points"] = "90", ["Version"] = "0" }, national);
        Assert.Contains("vừa được người khác cập nhật", await stale.Content.ReadAsStringAsync());

        // Its points per criterion: every leaf 1 but 2.2 (½) and 6.1 (0); SIPAS 8.5.1 at 0,9. A code of no framework refuses the table.
        var six = leaves.First(c => c.StartsWith("6.", StringComparison.Ordinal));
        string Score(string c) => c == "2.2" ? "0,5" : c == six ? "0" : c == "8.5.1" ? "0,9" : "1";
        var unknown = await UploadAsync(cchc, $"{national}?handler=Import", national, "ket-qua-bnv.xlsx",
            Table(leaves.Select(c => (c, (string?)"1", (string?)Score(c))).Append(("9.9", "1", "1")), score: true));
        Assert.Contains("Mã 9.9 không có trong bộ chỉ số năm 2032", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.NationalScores.CountAsync(s => db.NationalResults.Any(r => r.Id == s.ResultId && r.Year == year))));
        var imported = await UploadAsync(cchc, $"{national}?handler=Import", national, "ket-qua-bnv.xlsx",
            Table(leaves.Select(c => (c, (string?)"1", (string?)Score(c))), score: true));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var gaps = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await cchc.GetStringAsync(national));
        string Gap(string code) => gaps.QuerySelector($"[data-testid='gap-{code}']")!.TextContent.Trim();
        Assert.Equal(("+0,5", "+1", "0"), (Gap("2.2"), Gap(six), Gap("1.1")));
        Assert.Contains("91,87", gaps.QuerySelector("[data-testid='national-results']")!.TextContent);

        // The survey criteria filled from the Ministry's figures: 8.5.1 at 90 %.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, $"{national}?handler=Survey", [], national)).StatusCode);
        Assert.Contains("\"number\":90", (await ScoreAsync(assessment.Id, "8.5.1"))!.Input);

        // The lost-points page ranks what the Ministry took away; the drafted plan's first tasks are field 6's (Sở Tài chính) and 2.2.
        var improve = await cchc.GetStringAsync($"/ParIndex/Improve/{cycleId}");
        Assert.Contains("data-testid=\"improve-national\"", improve);
        var lostCodes = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(improve).QuerySelectorAll("[data-testid='lost-points'] tbody tr")
            .Select(r => r.GetAttribute("data-code")).ToList();
        Assert.Equal([six, "2.2", "8.5.1"], lostCodes.Take(3));
        var draft = await PostAsync(cchc, $"/ParIndex/Improve/{cycleId}", [], $"/ParIndex/Improve/{cycleId}");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var planId = int.Parse(draft.Headers.Location!.OriginalString.Split('/').Last());
        var first = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Assignments).Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).FirstAsync());
        Assert.Contains($"tiêu chí {six} ", first.Content);
        Assert.Equal("STC", await app.WithDbAsync(db => db.Agencies.Where(x => x.Id == first.Assignments.First().AgencyId).Select(x => x.Code).SingleAsync()));
    }

    [Fact]
    public async Task External_indices_are_typed_or_imported_shown_as_trends_and_measure_the_targets_bound_to_them()
    {
        var cchc = await app.SignInAsync("cchc");
        Assert.Contains("Điểm phải là số từ 0 đến 100.", await (await PostAsync(cchc, "/Indices",
            new() { ["IndexCode"] = "PCI", ["Year"] = "2040", ["Score"] = "150" }, "/Indices")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cchc, "/Indices", new()
        { ["IndexCode"] = "PCI", ["Year"] = "2040", ["Score"] = "70,5", ["Rank"] = "3", ["RankOf"] = "34", ["Source"] = "VCCI" }, "/Indices")).StatusCode);
        // A spreadsheet with one wrong line writes nothing; corrected, every line.
        byte[] Sheet(params string?[][] rows) =>
            Xlsx.Write("Chỉ số", ParHub.Web.Features.Indices.ImportIndexValues.Header, rows.Select(r => (IReadOnlyList<string?>)r));
        var badSheet = Sheet(["PCI", "2041", "", "", "72", "2", "34", "VCCI"], ["PAPI", "2041", "", "", "95", "", "", ""]);
        Assert.Contains("Dòng 3: Điểm phải là số từ 0 đến 80.", await (await UploadAsync(cchc, "/Indices?handler=Import", "/Indices", "chi-so.xlsx", badSheet))
            .Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.ExternalIndexValues.AnyAsync(v => v.Year == 2041)));
        var good = Sheet(["PCI", "2041", "", "", "72", "2", "34", "VCCI"], ["PAPI", "2041", "", "", "45,2", "", "", ""],
            ["PAPI", "2041", "1", "Tham gia của người dân ở cấp cơ sở", "5,4", "", "", ""]);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(cchc, "/Indices?handler=Import", "/Indices", "chi-so.xlsx", good)).StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.ExternalIndexValues.CountAsync(v => v.Year >= 2040)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("tuphap")).GetAsync("/Indices")).StatusCode);
        var lanhdao = await app.SignInAsync("lanhdao");
        var dashboard = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await lanhdao.GetStringAsync("/Dashboard"));
        var pci = dashboard.QuerySelector("[data-testid='ext-trend-PCI']")!.TextContent;
        Assert.Contains("2040", pci);
        Assert.Contains("2/34", pci);
        Assert.Contains("91,87", dashboard.QuerySelector("[data-testid='ext-trend-PAR']")!.TextContent); // seed 001's 2023 result, from the demo
        Assert.Equal(HttpStatusCode.Forbidden, (await lanhdao.PostFormAsync("/Indices", new() { ["IndexCode"] = "PCI", ["Year"] = "2042", ["Score"] = "1" },
            "/Indices")).StatusCode);

        // A target of seed 002's kind, bound to the PCI rank, is measured by the latest figure of its years.
        using var scope = app.Services.CreateScope();
        var measurer = scope.ServiceProvider.GetRequiredService<TargetMeasurer>();
        var text = "Chỉ số PCI một trong 5 địa phương đạt thứ hạng cao nhất cả nước giai đoạn 2040 - 2041";
        var m = TargetReader.Read(text)!;
        var target = new PlanTarget
        {
            Text = text, Comparator = m.Comparator, Threshold = m.Threshold, Unit = m.Unit, MetricKey = TargetMetrics.Guess(text, m.Unit),
        };
        var measured = (await measurer.MeasureAsync([(target, new Plan { Id = 1, Year = 2040, Title = "KH" })], new DateOnly(2042, 6, 1))).Single();
        Assert.Equal((2m, true), (measured.Result.Actual!.Value, measured.Result.Met!.Value));
        Assert.Contains("PCI năm 2041", measured.Source);
        var sipas = new PlanTarget { Text = "SIPAS tối thiểu 95%", Comparator = ">=", Threshold = 95, Unit = "%", MetricKey = TargetMetrics.NationalSipas };
        var s = (await measurer.MeasureAsync([(sipas, new Plan { Id = 1, Year = 2023, Title = "KH" })], new DateOnly(2024, 6, 1))).Single();
        Assert.Equal((88.90m, false), (s.Result.Actual!.Value, s.Result.Met!.Value));
    }
}

public sealed class SqliteProvinceIndexTests(SqliteFactory app) : ProvinceIndexTests<SqliteFactory>(app);
public sealed class PostgresProvinceIndexTests(PostgresFactory app) : ProvinceIndexTests<PostgresFactory>(app);
