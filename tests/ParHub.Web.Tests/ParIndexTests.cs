using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Scoring;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.ParIndex.Frameworks;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>A PAR Index cycle on both providers: self-assessment, evidence, appraisal, explanation, ranking, publication, scoping.</summary>
public abstract partial class ParIndexTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string page)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>Every criterion of the demo framework filled; <paramref name="good"/> scales the figures.</summary>
    private static Dictionary<string, string> SelfScores(int good) => new()
    {
        ["In[1.1].Value"] = good > 5 ? "Kịp thời" : "Không kịp thời", ["In[1.4].Flag"] = "true", ["In[1.5].Value"] = good.ToString(),
        ["In[2.1].Flag"] = "true", ["In[2.2].Num"] = good.ToString(), ["In[2.2].Den"] = "10",
        ["In[3.1].Flag"] = "true", ["In[3.2].Num"] = (90 + good).ToString(), ["In[3.2].Den"] = "100", ["In[3.3].Num"] = good.ToString(), ["In[3.3].Den"] = "10",
        ["In[4.1].Flag"] = "true", ["In[4.2].Value"] = "Không vượt", ["In[5.1].Num"] = good.ToString(), ["In[5.1].Den"] = "10", ["In[5.2].Flag"] = "true",
        ["In[6.1].Num"] = (good * 10).ToString(), ["In[6.1].Den"] = "100", ["In[7.1].Num"] = good.ToString(), ["In[7.1].Den"] = "10",
    };

    private static Dictionary<string, string> WithNotes(Dictionary<string, string> d)
    {
        foreach (var c in new[] { "1.1", "1.4", "1.5", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "5.1", "5.2", "6.1", "7.1" })
            d[$"In[{c}].Note"] = "Số liệu theo báo cáo năm của cơ quan.";
        return d;
    }

    [Fact]
    public async Task Last_years_framework_is_cloned_and_exported_as_json_and_an_invalid_one_is_refused()
    {
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.GetStringAsync("/ParIndex");
        var thisYear = DateTime.UtcNow.AddHours(7).Year;
        var source = await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == thisYear));
        var cloned = await PostAsync(coordinator, "/ParIndex?handler=Clone", new() { ["frameworkId"] = source.Id.ToString() }, "/ParIndex");
        Assert.Equal(HttpStatusCode.Redirect, cloned.StatusCode);
        var next = await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(f => f.Code == source.Code && f.Year == source.Year + 1));
        Assert.Contains((source.Year + 1).ToString(), next.Title);
        var again = await PostAsync(coordinator, "/ParIndex?handler=Clone", new() { ["frameworkId"] = source.Id.ToString() }, "/ParIndex");
        Assert.Contains($"Đã có bộ chỉ số {source.Code} năm {source.Year + 1}", await again.Content.ReadAsStringAsync());

        var json = await coordinator.GetStringAsync($"/ParIndex?handler=Export&frameworkId={next.Id}");
        var (f, _, _) = ScoringJson.Parse($"{{\"framework\":{json},\"agencies\":[]}}");
        Assert.Equal(IndexPresets.DemoDepartments(next.Year).Nodes.Count, f.Nodes.Count);
        Assert.Empty(f.Problems());

        // The framework as an Excel table imports back to the same tree, points and rules; a file of another kind is refused.
        var table = await coordinator.GetByteArrayAsync($"/ParIndex/Framework/{next.Id}?handler=Xlsx");
        var importToken = await coordinator.AntiforgeryTokenAsync("/ParIndex");
        var import = new MultipartFormDataContent
        {
            { new ByteArrayContent(table), "file", "bo-chi-so.xlsx" }, { new StringContent("2040"), "year" }, { new StringContent("tu-excel"), "code" },
            { new StringContent(importToken), "__RequestVerificationToken" },
        };
        var imported = await coordinator.PostAsync("/ParIndex?handler=Import", import);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var preset = IndexPresets.DemoDepartments(2040);
        Assert.Contains($"Đã nhập {preset.Nodes.Count} mục ({preset.Nodes.Count(n => n.Rule is not null)} tiêu chí được chấm)",
            await coordinator.GetStringAsync(imported.Headers.Location!.OriginalString));
        var fromExcel = IndexData.Definition(await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(x => x.Code == "tu-excel" && x.Year == 2040)));
        static string Shape(FrameworkNode n) =>
            $"{n.Code}|{n.Title}|{n.Max}|{n.Rule?.Type}|{(n.Rule is null ? "" : RuleText.Format(n.Rule))}|{n.Evidence}|{n.Source}";
        Assert.Equal(f.Nodes.Select(Shape), fromExcel.Nodes.Select(Shape));
        // The Word table (the decision's annex) imports back the same way.
        var word = await coordinator.GetByteArrayAsync($"/ParIndex/Framework/{next.Id}?handler=Docx");
        var wordImport = new MultipartFormDataContent
        {
            { new ByteArrayContent(word), "file", "bo-chi-so.docx" }, { new StringContent("2040"), "year" }, { new StringContent("tu-word"), "code" },
            { new StringContent(await coordinator.AntiforgeryTokenAsync("/ParIndex")), "__RequestVerificationToken" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync("/ParIndex?handler=Import", wordImport)).StatusCode);
        var fromWord = IndexData.Definition(await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(x => x.Code == "tu-word" && x.Year == 2040)));
        Assert.Equal(f.Nodes.Select(Shape), fromWord.Nodes.Select(Shape));
        var pdf = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "bo-chi-so.pdf" }, { new StringContent("2041"), "year" },
            { new StringContent(await coordinator.AntiforgeryTokenAsync("/ParIndex")), "__RequestVerificationToken" },
        };
        Assert.Contains("chỉ nhận .docx, .xlsx, .txt hoặc .md",
            await (await coordinator.PostAsync("/ParIndex?handler=Import", pdf)).Content.ReadAsStringAsync());

        using var scope = app.Services.CreateScope();
        var add = scope.ServiceProvider.GetRequiredService<AddFramework>();
        var broken = f with { Code = "broken", Nodes = [.. f.Nodes.Where(n => n.Code != "1.1")] }; // field 1 no longer adds up
        var e = await Assert.ThrowsAsync<IndexRuleException>(
            () => add.RunAsync(new AddFrameworkRequest(broken, 2030, "SBN", false)));
        Assert.Contains("1: điểm tối đa 14", e.Message);
    }

    /// <summary>The framework page's form as it is, with changes: every input and selected option, by name.</summary>
    private static Dictionary<string, string> FormOf(string html)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = new Dictionary<string, string>();
        foreach (var input in doc.QuerySelectorAll("form input[name], form select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (input is AngleSharp.Html.Dom.IHtmlSelectElement select) form[name] = select.Value ?? "";
            else if (input.GetAttribute("type") == "checkbox") { if (input.HasAttribute("checked")) form[name] = input.GetAttribute("value") ?? "on"; }
            else if (input.GetAttribute("type") != "file") form[name] = input.GetAttribute("value") ?? "";
        }
        return form;
    }

    [Fact]
    public async Task The_province_self_assesses_against_the_bnv_structure_once_its_points_are_entered_and_reports_in_word()
    {
        var coordinator = await app.SignInAsync("cchc");
        const int year = 2031;
        var created = await PostAsync(coordinator, "/ParIndex?handler=Bnv", new() { ["year"] = year.ToString() }, "/ParIndex");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var frameworkUrl = created.Headers.Location!.OriginalString;
        var frameworkId = int.Parse(frameworkUrl.Split('/').Last());

        // The preset is Phụ lục 01 of seed 004 as `framework extract` reads it: the same codes, the un-numbered row under 1.2 as 1.2.1.
        var seed = SharedFiles.Path("seeds/004_21b0049b0f504cbc.txt");
        List<ExtractedNode> extracted;
        using (var stream = File.OpenRead(seed)) extracted = FrameworkFileReader.Read(seed, stream);
        var stored = await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(f => f.Id == frameworkId));
        var preset = IndexData.Definition(stored);
        Assert.Equal(extracted.Select(n => n.Code ?? n.Parent + ".1"), preset.Nodes.Select(n => n.Code));
        Assert.Equal(8, preset.Nodes.Count(n => !n.Code.Contains('.')));
        Assert.Contains(preset.Nodes, n => n.Code == "8.5.6");
        Assert.Equal("TINH", stored.TargetGroup);

        // Only the province-wide roles and appraisers read a framework; only Coordinators change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("tuphap")).GetAsync(frameworkUrl)).StatusCode);
        var leader = await app.SignInAsync("lanhdao");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(frameworkUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader, frameworkUrl, new() { ["Title"] = "x" }, frameworkUrl)).StatusCode);

        // Without points it lists what is missing and opens no cycle.
        var page = await coordinator.GetStringAsync(frameworkUrl);
        Assert.Contains("data-testid=\"framework-problems\"", page);
        Assert.Contains("1.1: chưa có điểm tối đa.", page);
        var refused = await PostAsync(coordinator, "/ParIndex",
            new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "TINH", ["Due"] = $"{year}-12-15" }, "/ParIndex");
        Assert.Contains("Bộ chỉ số chưa hoàn chỉnh", await refused.Content.ReadAsStringAsync());

        // The administrator enters points: 1 per criterion, 1.1 scored by options; parents are summed.
        var form = FormOf(page);
        var leaves = preset.Nodes.Where(n => n.Rule is not null).Select(n => n.Code).ToHashSet();
        for (var i = 0; form.ContainsKey($"Nodes[{i}].Code"); i++)
        {
            var code = form[$"Nodes[{i}].Code"];
            if (leaves.Contains(code)) form[$"Nodes[{i}].Max"] = "1";
            if (code == "1.1")
                (form[$"Nodes[{i}].Rule"], form[$"Nodes[{i}].Params"]) = ("options", "Hoàn thành=1; Hoàn thành một phần=0,5; Không hoàn thành=0");
        }
        var bad = new Dictionary<string, string>(form) { ["Bands"] = "A=90; B=tám mươi" };
        Assert.Contains("không phải số không âm", await (await PostAsync(coordinator, frameworkUrl, bad, frameworkUrl)).Content.ReadAsStringAsync());
        var saved = await PostAsync(coordinator, frameworkUrl, form, frameworkUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Bộ chỉ số đã hoàn chỉnh", await coordinator.GetStringAsync(saved.Headers.Location!.OriginalString));
        var complete = IndexData.Definition(await app.WithDbAsync(db => db.IndexFrameworks.SingleAsync(f => f.Id == frameworkId)));
        Assert.Equal(leaves.Count,
            complete.Nodes.Single(n => n.Code == "1").Max + complete.Nodes.Where(n => !n.Code.Contains('.') && n.Code != "1").Sum(n => n.Max));
        Assert.Empty(complete.Problems());
        // A form loaded before that save does not overwrite it.
        Assert.Contains("vừa được người khác sửa",
            await (await PostAsync(coordinator, frameworkUrl, form, frameworkUrl)).Content.ReadAsStringAsync());
        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "IndexFramework" && a.EntityId == frameworkId.ToString() && a.Action == "update").CountAsync());
        Assert.Equal(1, audit);

        // The province's cycle: one member, the province; the Coordinator assesses it.
        var open = await PostAsync(coordinator, "/ParIndex",
            new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "TINH", ["Due"] = $"{year}-12-15" }, "/ParIndex");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var cycleId = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var assessment = await app.WithDbAsync(db => db.Assessments.SingleAsync(a => a.CycleId == cycleId));
        Assert.Equal("HP", await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == assessment.AgencyId).Select(a => a.Code).SingleAsync()));
        var url = $"/ParIndex/Assessment/{assessment.Id}";
        // Sở Tư pháp leads field 2 (the responsibility map): it reads the province's assessment but may not score field 1.
        var tuphap = await app.SignInAsync("tuphap");
        var own = await tuphap.GetStringAsync(url);
        Assert.DoesNotContain("name=\"In[1.1].Value\"", own);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(tuphap, $"{url}?handler=Save",
            new() { ["Version"] = VersionPattern().Match(own).Groups[1].Value, ["In[1.1].Value"] = "Hoàn thành" }, url)).StatusCode);

        var token = await coordinator.AntiforgeryTokenAsync(url);
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 kế hoạch CCHC"u8.ToArray()), "file", "ke-hoach-cchc-2031.pdf" },
            { new StringContent("1.1"), "codes" }, { new StringContent(token), "__RequestVerificationToken" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"{url}?handler=Evidence", upload)).StatusCode);
        var html = await coordinator.GetStringAsync(url);
        var fields =
            new Dictionary<string, string> { ["Version"] = VersionPattern().Match(html).Groups[1].Value, ["In[1.1].Value"] = "Hoàn thành một phần" };
        foreach (var code in leaves.Where(c => c != "1.1"))
            (fields[$"In[{code}].Value"], fields[$"In[{code}].Note"]) = (code.StartsWith("2.") ? "0,5" : "1", "Theo báo cáo tổng kết năm của tỉnh");
        fields["In[3.1].Exempt"] = "true";
        fields.Remove("In[3.1].Note");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, $"{url}?handler=Submit", fields, url)).StatusCode);

        // The report: the summary table of self-scores per criterion, evidence or the explanation where there is none.
        using var docx =
            DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await coordinator.GetByteArrayAsync($"{url}?handler=Docx")), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains($"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}", text);
        Assert.Contains("Kính gửi: Bộ Nội vụ.", text);
        // The survey criteria (2.4, 4.4, …, 8.5.x) are not self-assessed: no points until their results are entered.
        var surveys = preset.Nodes.Where(n => n.IsSurvey).Select(n => n.Code).ToHashSet();
        var twos = leaves.Count(c => c.StartsWith("2.") && !surveys.Contains(c));
        var applicable = leaves.Count - 1; // 3.1 does not apply
        var total = 0.5m + (applicable - 1 - twos - surveys.Count) + twos * 0.5m;
        Assert.Contains(
            $"Tổng điểm tự đánh giá: {total.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}/{applicable} điểm", text);
        var rows = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        var r11 = rows.Single(r => r.Length == 5 && r[0] == "1.1");
        Assert.Equal(("1", "0,5", "ke-hoach-cchc-2031.pdf"), (r11[2], r11[3], r11[4]));
        Assert.Equal("Giải thích: Theo báo cáo tổng kết năm của tỉnh", rows.Single(r => r.Length == 5 && r[0] == "8.4")[4]);
        Assert.Contains("tiêu chí chưa có tài liệu kiểm chứng, được giải thích cách chấm tại Bảng tổng hợp trên: 1.2.1, ", text);
        Assert.Equal(("—", "Không áp dụng"), (rows.Single(r => r.Length == 5 && r[0] == "3.1")[3], rows.Single(r => r.Length == 5 && r[0] == "3.1")[4]));
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", text);

        // A framework in use is frozen.
        var frozen = FormOf(await coordinator.GetStringAsync(frameworkUrl));
        Assert.Contains("data-testid=\"framework-in-use\"", await coordinator.GetStringAsync(frameworkUrl));
        Assert.Contains("đã dùng cho một kỳ đánh giá",
            await (await PostAsync(coordinator, frameworkUrl, frozen, frameworkUrl)).Content.ReadAsStringAsync());
    }

    /// <summary>Opens a cycle of this year's demo framework for SBN due on <paramref name="due"/>; its id and one agency's assessment.</summary>
    private async Task<(int CycleId, int AssessmentId)> OpenDemoCycleAsync(HttpClient coordinator, DateOnly due, string agencyCode)
    {
        await coordinator.GetStringAsync("/ParIndex");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year)
            .Select(f => f.Id).SingleAsync());
        var open = await PostAsync(coordinator, "/ParIndex",
            new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "SBN", ["Due"] = due.ToString("yyyy-MM-dd") }, "/ParIndex");
        var cycleId = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var id = await app.WithDbAsync(db => db.Assessments
            .Where(a => a.CycleId == cycleId && db.Agencies.Any(x => x.Id == a.AgencyId && x.Code == agencyCode)).Select(a => a.Id).SingleAsync());
        return (cycleId, id);
    }

    [Fact]
    public async Task The_self_assessment_closes_at_its_deadline_until_the_coordinator_extends_it()
    {
        var coordinator = await app.SignInAsync("cchc");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var (cycleId, id) = await OpenDemoCycleAsync(coordinator, today.AddDays(-1), "STP");
        var tuphap = await app.SignInAsync("tuphap");
        var url = $"/ParIndex/Assessment/{id}";
        var page = await tuphap.GetStringAsync(url);
        Assert.Contains("data-testid=\"assessment-closed\"", page);
        Assert.DoesNotContain("data-testid=\"save-assessment\"", page);
        var late = await PostAsync(tuphap, $"{url}?handler=Save", new(SelfScores(5)) { ["Version"] = VersionPattern().Match(page).Groups[1].Value }, url);
        Assert.Contains("Đã hết hạn tự đánh giá", await late.Content.ReadAsStringAsync());

        var results = $"/ParIndex/Results/{cycleId}";
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(tuphap, $"{results}?handler=Deadline",
            new() { ["due"] = today.AddDays(5).ToString("yyyy-MM-dd"), ["reason"] = "x" }, url)).StatusCode);
        Assert.Contains("cần ghi lý do", await (await PostAsync(coordinator, $"{results}?handler=Deadline",
            new() { ["due"] = today.AddDays(5).ToString("yyyy-MM-dd") }, results)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, $"{results}?handler=Deadline",
            new() { ["due"] = today.AddDays(5).ToString("yyyy-MM-dd"), ["reason"] = "Nhiều cơ quan đề nghị vì trùng kỳ báo cáo năm" },
                results)).StatusCode);
        page = await tuphap.GetStringAsync(url);
        var saved = await PostAsync(tuphap, $"{url}?handler=Save", new(SelfScores(5)) { ["Version"] = VersionPattern().Match(page).Groups[1].Value }, url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("deadline", await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "AssessmentCycle" && a.EntityId == cycleId.ToString()).Select(a => a.Action).ToListAsync()));
    }

    // Today: "abc"/10 was silently erased with "Đã lưu.", 12/10 got the full points, −3/10 scored 0 without a message.
    [Theory]
    [InlineData("abc", "10", "\"abc\" không phải là số")]
    [InlineData("12", "10", "tử số (12) lớn hơn mẫu số (10)")]
    [InlineData("-3", "10", "không được là số âm")]
    [InlineData("7", "", "cần nhập cả tử số và mẫu số")]
    public async Task The_self_assessment_refuses_what_the_periodic_report_refuses_and_keeps_what_was_typed(string num, string den, string message)
    {
        var coordinator = await app.SignInAsync("cchc");
        var (_, id) = await OpenDemoCycleAsync(coordinator, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(10), "STP");
        var tuphap = await app.SignInAsync("tuphap");
        var url = $"/ParIndex/Assessment/{id}";
        var page = await tuphap.GetStringAsync(url);
        var fields = new Dictionary<string, string>(SelfScores(5)) { ["Version"] = VersionPattern().Match(page).Groups[1].Value };
        (fields["In[2.2].Num"], fields["In[2.2].Den"]) = (num, den);
        var refused = await PostAsync(tuphap, $"{url}?handler=Save", fields, url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Tiêu chí 2.2", html);
        Assert.Contains(message, html);
        Assert.DoesNotContain("Đã lưu", html);
        // What was typed is shown again, and nothing was stored.
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(num, doc.QuerySelector("[name='In[2.2].Num']")?.GetAttribute("value"));
        Assert.Empty(await app.WithDbAsync(db => db.AssessmentScores.Where(x => x.AssessmentId == id && x.SelfPoints != null).ToListAsync()));
    }

    [Fact]
    public async Task A_cycle_from_self_assessment_to_publication_with_appraisal_explanation_and_scoping()
    {
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.GetStringAsync("/ParIndex"); // the demo framework is created for the year
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year)
            .Select(f => f.Id).SingleAsync());
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
        var open = await PostAsync(coordinator, "/ParIndex",
            new() { ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "SBN", ["Due"] = due.ToString("yyyy-MM-dd") }, "/ParIndex");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var cycleId = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());

        // Last year's cycle of the same framework and group: its points are shown beside this year's.
        await app.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.Where(x => x.Code == "STP").Select(x => x.Id).SingleAsync();
            var f = IndexPresets.DemoDepartments(year - 1);
            var fw = new IndexFramework
            {
                Code = f.Code, Year = year - 1, Title = f.Title, TargetGroup = "SBN",
                Definition = System.Text.Json.JsonSerializer.Serialize(f, IndexData.Json), CreatedAt = DateTime.UtcNow
            };
            db.IndexFrameworks.Add(fw);
            await db.SaveChangesAsync();
            var c = new AssessmentCycle
            {
                FrameworkId = fw.Id, Year = year - 1, GroupCode = "SBN", SelfAssessmentDue = new DateOnly(year - 1, 12, 15),
                CreatedAt = DateTime.UtcNow
            };
            db.AssessmentCycles.Add(c);
            await db.SaveChangesAsync();
            db.Assessments.Add(new Assessment
            {
                CycleId = c.Id, AgencyId = agency, Status = AssessmentStatus.Submitted, Version = 1,
                Scores = [new AssessmentScore { Code = "3.2", Input = System.Text.Json.JsonSerializer.Serialize(ScoreInput.Rate(95, 100), IndexData.Json),
                    SelfPoints = 6 }]
            });
            return await db.SaveChangesAsync();
        });
        async Task<int> AssessmentOf(string code) => await app.WithDbAsync(db =>
            db.Assessments.Where(a => a.CycleId == cycleId && db.Agencies.Any(x => x.Id == a.AgencyId && x.Code == code)).Select(a => a.Id).SingleAsync());
        var stp = await AssessmentOf("STP");
        var stc = await AssessmentOf("STC");

        var tuphap = await app.SignInAsync("tuphap");
        var taichinh = await app.SignInAsync("taichinh");
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync($"/ParIndex/Assessment/{stp}")).StatusCode); // sign in first
        // Before publication an agency sees neither another agency's assessment nor the ranking.
        Assert.Equal(HttpStatusCode.Forbidden, (await taichinh.GetAsync($"/ParIndex/Assessment/{stp}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await taichinh.GetAsync($"/ParIndex/Results/{cycleId}")).StatusCode);

        // Submit is refused without evidence or an explanation of how each criterion was scored.
        var page = await tuphap.GetStringAsync($"/ParIndex/Assessment/{stp}");
        Assert.Contains("ParHub tính", page); // tasks on time and reports on time come from ParHub
        Assert.Matches("data-testid=\"last-year-3.2\">6<", page);   // last year: 95% → the 95% band, 6 points
        Assert.Matches("data-testid=\"last-year-1.1\">0<", page);   // no input last year: 0
        var version = int.Parse(VersionPattern().Match(page).Groups[1].Value);
        var refused = await PostAsync(tuphap, $"/ParIndex/Assessment/{stp}?handler=Submit", new(SelfScores(8)) { ["Version"] = version.ToString() },
            $"/ParIndex/Assessment/{stp}");
        Assert.Contains("chưa có tài liệu kiểm chứng hoặc giải thích", await refused.Content.ReadAsStringAsync());

        // One evidence file serves several criteria; the others are explained.
        var token = await tuphap.AntiforgeryTokenAsync($"/ParIndex/Assessment/{stp}");
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 kế hoạch"u8.ToArray()), "file", "ke-hoach-cchc.pdf" },
            { new StringContent("1.1"), "codes" }, { new StringContent("1.4"), "codes" }, { new StringContent(token), "__RequestVerificationToken" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await tuphap.PostAsync($"/ParIndex/Assessment/{stp}?handler=Evidence", upload)).StatusCode);
        var fileId = await app.WithDbAsync(db => db.EvidenceFiles.Where(e => e.AssessmentId == stp).Select(e => e.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await taichinh.GetAsync($"/ParIndex/Assessment/{stp}?handler=File&fileId={fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tuphap.GetAsync($"/ParIndex/Assessment/{stp}?handler=File&fileId={fileId}")).StatusCode);

        foreach (var (client, id, good) in new[] { (tuphap, stp, 8), (taichinh, stc, 5) })
        {
            var html = await client.GetStringAsync($"/ParIndex/Assessment/{id}");
            var v = int.Parse(VersionPattern().Match(html).Groups[1].Value);
            var ok = await PostAsync(client, $"/ParIndex/Assessment/{id}?handler=Submit", new(WithNotes(SelfScores(good))) { ["Version"] = v.ToString() },
                $"/ParIndex/Assessment/{id}");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var scores = await app.WithDbAsync(db => db.AssessmentScores.Where(s => s.AssessmentId == stp).ToDictionaryAsync(s => s.Code));
        Assert.Equal(2m, scores["1.1"].SelfPoints);   // options: Kịp thời
        Assert.Equal(8m, scores["3.2"].SelfPoints);   // rate-bands: 98% → 8
        Assert.False(scores.ContainsKey("8.1")); // the survey criterion is the province's to enter, not the agency's

        // Survey results per agency: previewed, refused whole while a line is wrong, then applied in one transaction.
        var surveyPage = $"/ParIndex/Survey/{cycleId}";
        Assert.Equal(HttpStatusCode.Forbidden, (await tuphap.GetAsync(surveyPage)).StatusCode);
        var preview = await (await PostAsync(coordinator, surveyPage + "?handler=Preview",
            new() { ["Rows"] = "Cơ quan\tTỷ lệ (%)\nSTP\t88\nSở Tài chính\t80\nSở Không Có\t70" }, surveyPage)).Content.ReadAsStringAsync();
        Assert.Contains("Không có cơ quan &quot;Sở Không Có&quot; trong kỳ đánh giá này.", preview);
        Assert.DoesNotContain("data-testid=\"survey-apply\"", preview); // nothing to apply while a line is wrong
        // The same table from an Excel file is shown in the text box and previewed; what is applied is what was seen.
        var sheet = ParHub.Web.Shared.Office.Xlsx.Write("SIPAS", ["Cơ quan", "Tỷ lệ hài lòng (%)"], [["STP", "88"], ["Sở Tài chính", "80,5"]]);
        var surveyToken = await coordinator.AntiforgeryTokenAsync(surveyPage);
        var fromExcel = await (await coordinator.PostAsync(surveyPage + "?handler=Preview", new MultipartFormDataContent
        {
            { new ByteArrayContent(sheet), "file", "sipas.xlsx" }, { new StringContent(surveyToken), "__RequestVerificationToken" },
        })).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"survey-apply\"", fromExcel);
        Assert.Contains("Sở Tài chính\t80,5", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(fromExcel).QuerySelector("#rows")!.TextContent);
        var refusedSurvey = await PostAsync(coordinator, surveyPage + "?handler=Apply", new() { ["Rows"] = "STP\t88\nSở Không Có\t70" }, surveyPage);
        Assert.Contains("Chưa nhập dòng nào", await refusedSurvey.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.AssessmentScores.AnyAsync(x => x.Code == "8.1" && (x.AssessmentId == stp || x.AssessmentId == stc))));
        var applied = await PostAsync(coordinator, surveyPage + "?handler=Apply", new() { ["Rows"] = "STP\t88\nSở Tài chính\t80,5%" }, surveyPage);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        // 88% of 10
        Assert.Equal(8.8m, (await app.WithDbAsync(db => db.AssessmentScores.SingleAsync(x => x.AssessmentId == stp && x.Code == "8.1"))).SelfPoints);
        Assert.Equal(8.05m, (await app.WithDbAsync(db => db.AssessmentScores.SingleAsync(x => x.AssessmentId == stc && x.Code == "8.1"))).SelfPoints);
        Assert.Contains("survey", await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Assessment" && a.EntityId == stc.ToString())
            .Select(a => a.Action).ToListAsync()));
        // A submitted assessment is locked.
        var locked =
            await PostAsync(tuphap, $"/ParIndex/Assessment/{stp}?handler=Save", new(SelfScores(10)) { ["Version"] = "99" }, $"/ParIndex/Assessment/{stp}");
        Assert.Contains("đã gửi và được khóa", await locked.Content.ReadAsStringAsync());

        // The appraiser changes a score with a reason; both scores stay; the agency explains.
        var thamdinh = await app.SignInAsync("thamdinh");
        // An appraiser scores only the fields assigned to them.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=Appraise",
            new() { ["code"] = "3.2", ["points"] = "6", ["reason"] = "x" }, $"/ParIndex/Assessment/{stp}")).StatusCode);
        var badAssign = await PostAsync(coordinator, $"/ParIndex/Results/{cycleId}?handler=Assign", new() { ["appraiser"] = "thamdinh", ["fields"] = "3,9" },
            $"/ParIndex/Results/{cycleId}");
        Assert.Contains("Không có lĩnh vực: 9", await badAssign.Content.ReadAsStringAsync());
        // The Coordinator picks the appraiser by name and the fields by title, not by typing codes.
        var assignForm = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/ParIndex/Results/{cycleId}"))
            .QuerySelector("[data-testid=assign-form]")!;
        Assert.Equal("Vũ Quốc Bảo (Tổ thẩm định)", assignForm.QuerySelector("select#appraiser option[value=thamdinh]")?.TextContent);
        Assert.Equal(8, assignForm.QuerySelectorAll("input[type=checkbox][name=fields]").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, $"/ParIndex/Results/{cycleId}?handler=Assign",
            new() { ["appraiser"] = "thamdinh", ["fields"] = "3, 5" }, $"/ParIndex/Results/{cycleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=Appraise",
            new() { ["code"] = "1.1", ["points"] = "0", ["reason"] = "x" }, $"/ParIndex/Assessment/{stp}")).StatusCode);
        // Several rows at once are saved together or not at all: one row without a reason stops them all.
        var partial = await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=AppraiseMany",
            new()
            {
                ["appraise[3.1].Points"] = "3", ["appraise[3.1].Reason"] = "Công bố thiếu 2 thủ tục", ["appraise[3.3].Points"] = "5",
                ["round"] = "1"
            }, $"/ParIndex/Assessment/{stp}");
        Assert.Contains("cần ghi lý do (tiêu chí 3.3)", await partial.Content.ReadAsStringAsync());
        Assert.Null((await app.WithDbAsync(db => db.AssessmentScores.SingleAsync(x => x.AssessmentId == stp && x.Code == "3.1"))).AppraisedPoints);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=AppraiseMany",
            new()
            {
                ["appraise[3.1].Points"] = "6", ["appraise[3.1].Reason"] = "Đủ thủ tục", ["appraise[5.1].Points"] = "4,5",
                ["appraise[5.1].Reason"] = "Theo đề án vị trí việc làm", ["appraise[3.3].Points"] = "", ["round"] = "1"
            },
            $"/ParIndex/Assessment/{stp}")).StatusCode);
        Assert.Equal((6m, 4.5m),
            await app.WithDbAsync(async db => ((await db.AssessmentScores.SingleAsync(x => x.AssessmentId == stp && x.Code == "3.1")).AppraisedPoints!.Value,
            (await db.AssessmentScores.SingleAsync(x => x.AssessmentId == stp && x.Code == "5.1")).AppraisedPoints!.Value)));
        var noReason = await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=Appraise", new() { ["code"] = "3.2", ["points"] = "6" },
            $"/ParIndex/Assessment/{stp}");
        Assert.Contains("cần ghi lý do", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=Appraise",
            new() { ["code"] = "3.2", ["points"] = "6", ["reason"] = "Số liệu hệ thống chỉ đạt 96%" }, $"/ParIndex/Assessment/{stp}")).StatusCode);
        var foreign =
            await PostAsync(taichinh, $"/ParIndex/Assessment/{stp}?handler=Explain", new() { ["code"] = "3.2", ["text"] = "x" }, $"/ParIndex/Assessment/{stc}");
        Assert.True(foreign.StatusCode == HttpStatusCode.Forbidden, await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tuphap, $"/ParIndex/Assessment/{stp}?handler=Explain",
            new() { ["code"] = "3.2", ["text"] = "Hồ sơ trễ hạn do lỗi đồng bộ, đã có văn bản xác nhận." },
                $"/ParIndex/Assessment/{stp}")).StatusCode);
        // The second appraisal, after the explanation, is the final score; the first stays beside it.
        var noExplanation = await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=Appraise",
            new() { ["code"] = "3.1", ["points"] = "0", ["reason"] = "x", ["round"] = "2" }, $"/ParIndex/Assessment/{stp}");
        Assert.Contains("chỉ dành cho tiêu chí đã có giải trình", await noExplanation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=Appraise",
            new() { ["code"] = "3.2", ["points"] = "7", ["reason"] = "Chấp nhận giải trình một phần", ["round"] = "2" },
                $"/ParIndex/Assessment/{stp}")).StatusCode);
        var s32 = await app.WithDbAsync(db => db.AssessmentScores.SingleAsync(s => s.AssessmentId == stp && s.Code == "3.2"));
        Assert.Equal((8m, 6m, "Số liệu hệ thống chỉ đạt 96%"), (s32.SelfPoints!.Value, s32.AppraisedPoints!.Value, s32.AppraisalReason));
        Assert.Equal((7m, "Chấp nhận giải trình một phần"), (s32.SecondPoints!.Value, s32.SecondReason));
        Assert.NotNull(s32.Explanation);
        Assert.Contains("Thẩm định lần 2: <strong>7</strong>", await thamdinh.GetStringAsync($"/ParIndex/Assessment/{stp}"));
        using (var scope = app.Services.CreateScope())
        {
            var cycle = await app.WithDbAsync(db => db.AssessmentCycles.SingleAsync(c => c.Id == cycleId));
            var (_, results, _) = await scope.ServiceProvider.GetRequiredService<IndexQueries>().ResultsAsync(cycle);
            var stpAgency = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == stp).Select(a => a.AgencyId).SingleAsync());
            var c32 = results.Single(r => r.Id == stpAgency.ToString()).Criteria.Single(c => c.Code == "3.2");
            Assert.Equal((7m, true), (c32.Points, c32.Appraised));
        }
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Assessment" && a.EntityId == stp.ToString()).Select(a => a.Action)
            .ToListAsync());
        Assert.Contains("appraise", audit);
        Assert.Contains("appraise-2", audit);
        Assert.Contains("explain", audit);
        Assert.Contains("submit", audit);

        // Bonus and penalty by the Coordinator, with a basis; the framework's caps apply in the total.
        Assert.Contains("cần ghi căn cứ", await (await PostAsync(coordinator, $"/ParIndex/Assessment/{stc}?handler=Bonus", new() { ["bonus"] = "9" },
            $"/ParIndex/Assessment/{stc}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, $"/ParIndex/Assessment/{stc}?handler=Bonus",
            new() { ["bonus"] = "9", ["penalty"] = "0", ["basis"] = "Mô hình một cửa số được Bộ Nội vụ công nhận" },
                $"/ParIndex/Assessment/{stc}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(taichinh, $"/ParIndex/Assessment/{stc}?handler=Bonus",
            new() { ["bonus"] = "3", ["basis"] = "x" }, $"/ParIndex/Assessment/{stc}")).StatusCode);

        // Ranking: Sở Tư pháp above Sở Tài chính; the page and the engine agree.
        var ranking = await coordinator.GetStringAsync($"/ParIndex/Results/{cycleId}");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(ranking);
        var rows = doc.QuerySelectorAll("[data-testid=ranking] tbody tr").ToList();
        var stpRow = rows.Single(r => r.TextContent.Contains("Sở Tư pháp"));
        var stcRow = rows.Single(r => r.TextContent.Contains("Sở Tài chính"));
        Assert.Equal("1", stpRow.QuerySelector("[data-testid=rank]")!.TextContent);
        Assert.Equal("2", stcRow.QuerySelector("[data-testid=rank]")!.TextContent);
        // Last year's index beside this year's: Sở Tư pháp had 6 points of 100 (only 3.2 was scored), Sở Tài chính no cycle.
        Assert.Equal("6", stpRow.QuerySelector("[data-testid=last-year]")!.TextContent.Trim());
        var stpIndex = decimal.Parse(stpRow.QuerySelector("[data-testid=index]")!.TextContent.Trim(), System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Equal("+" + (stpIndex - 6).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")),
            stpRow.QuerySelector("[data-testid=change]")!.TextContent.Trim());
        Assert.Equal("—", stcRow.QuerySelector("[data-testid=last-year]")!.TextContent.Trim());
        // The results as the decision's annex (XLSX), the same figures as the page.
        var xlsx =
            ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(new MemoryStream(await coordinator.GetByteArrayAsync($"/ParIndex/Results/{cycleId}?handler=Xlsx")));
        var stcLine = xlsx.Single(r => r.Length > 1 && r[1] == "Sở Tài chính");
        Assert.Equal(stcRow.QuerySelector("[data-testid=index]")!.TextContent.Trim(), stcLine[5]); // a number cell, read back as the page shows it
        Assert.Equal("Đã gửi", stcLine[2]);
        var syt = rows.Single(r => r.TextContent.Contains("Sở Y tế"));
        Assert.Contains("Chưa gửi", syt.QuerySelector("[data-testid=submitted]")!.TextContent);
        // Not ranked: "—" and "Chưa nộp", never "0 – Yếu" below or between those that submitted.
        Assert.Equal(("—", "Chưa nộp"),
            (syt.QuerySelector("[data-testid=rank]")!.TextContent.Trim(), syt.QuerySelector("[data-testid=band]")!.TextContent.Trim()));

        // Publication waits while agencies may still submit (today it went through with 1 of 15 submitted)…
        var resultsUrl = $"/ParIndex/Results/{cycleId}";
        var decision = $"Quyết định số 123/QĐ-UBND ngày 20/01/{year + 1}";
        var early = await PostAsync(coordinator, $"{resultsUrl}?handler=Publish", new() { ["decision"] = decision }, resultsUrl);
        Assert.Contains("Chưa công bố được: đang trong hạn tự đánh giá", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
        Assert.Null(await app.WithDbAsync(db => db.AssessmentCycles.Where(c => c.Id == cycleId).Select(c => c.PublishedAt).SingleAsync()));
        // …after the deadline it names those that did not submit and asks to confirm; confirmed, it publishes.
        app.SetNow(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
        try
        {
            var afterDue = await app.SignInAsync("cchc");
            var unconfirmed = WebUtility.HtmlDecode(await (await PostAsync(afterDue, $"{resultsUrl}?handler=Publish",
                new() { ["decision"] = decision }, resultsUrl)).Content.ReadAsStringAsync());
            Assert.Contains("cơ quan chưa nộp bản tự đánh giá", unconfirmed);
            Assert.Contains("Sở Y tế", unconfirmed);
            Assert.Contains("data-testid=\"confirm-not-submitted\"", unconfirmed);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(afterDue, $"{resultsUrl}?handler=Publish",
                new() { ["decision"] = decision, ["confirmNotSubmitted"] = "true" }, resultsUrl)).StatusCode);
        }
        finally { app.SetNow(null); }
        Assert.Equal(HttpStatusCode.OK, (await taichinh.GetAsync($"/ParIndex/Results/{cycleId}")).StatusCode);
        Assert.Contains("123/QĐ-UBND", await app.Anonymous().GetStringAsync($"/ParIndex/Results/{cycleId}"));
        // Every agency's points per criterion in one table, public once published: Sở Tư pháp's 3.2 is the second appraisal's 7.
        var matrix = ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(
            new MemoryStream(await app.Anonymous().GetByteArrayAsync($"/ParIndex/Results/{cycleId}?handler=Criteria")));
        var column = Array.FindIndex(matrix[0], h => h.StartsWith("3.2 "));
        Assert.Equal("7", matrix.Single(r => r.Length > 1 && r[1] == "Sở Tư pháp")[column]);
        Assert.Equal("8,05", matrix.Single(r => r.Length > 1 && r[1] == "Sở Tài chính")[Array.FindIndex(matrix[0], h => h.StartsWith("8.1 "))]);
        // Published scores per criterion are public, also without an account; evidence, notes and the report stay with the agency.
        var citizen = app.Anonymous();
        var publicPage = await citizen.GetStringAsync($"/ParIndex/Assessment/{stp}");
        Assert.Matches("data-testid=\"self-3.2\">8<", publicPage);
        Assert.Contains("Thẩm định lần 2: <strong>7</strong>", publicPage);
        Assert.Contains("98/100 (98%)", publicPage); // the input as people write it
        Assert.DoesNotContain("ke-hoach-cchc.pdf", publicPage);
        Assert.DoesNotContain("Số liệu theo báo cáo năm của cơ quan.", publicPage);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync($"/ParIndex/Assessment/{stp}?handler=File&fileId={fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync($"/ParIndex/Assessment/{stp}?handler=Docx")).StatusCode);
        // Published scores per criterion are open to every signed-in user; evidence files stay with the agency.
        Assert.Equal(HttpStatusCode.OK, (await taichinh.GetAsync($"/ParIndex/Assessment/{stp}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await taichinh.GetAsync($"/ParIndex/Assessment/{stp}?handler=File&fileId={fileId}")).StatusCode);
        // Lost points → a drafted improvement plan, tracked like any plan.
        var lostPage = await coordinator.GetStringAsync($"/ParIndex/Improve/{cycleId}");
        Assert.Contains("data-code=\"3.2\"", lostPage);
        var badMap = await PostAsync(coordinator, $"/ParIndex/Improve/{cycleId}", new() { ["Map"] = "3=KHONGCO" }, $"/ParIndex/Improve/{cycleId}");
        Assert.Contains("bảng phân công không đúng", await badMap.Content.ReadAsStringAsync());
        // The lead agency of each field is picked from the directory (field 8 moved from Sở Nội vụ to the Văn phòng UBND).
        var picked = new Dictionary<string, string>();
        var mapRows = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(lostPage).QuerySelectorAll("[data-testid=responsibility-map] tbody tr");
        Assert.Equal(8, mapRows.Length);
        Assert.Equal("Sở Nội vụ", mapRows[7].QuerySelector("select option[selected]")?.TextContent);
        for (var i = 0; i < mapRows.Length; i++)
        {
            var field = mapRows[i].QuerySelector("input[name=MapField]")!.GetAttribute("value")!;
            picked[$"MapField[{i}]"] = field;
            picked[$"MapAgency[{i}]"] = field == "8" ? "VPUBND" : mapRows[i].QuerySelector("select option[selected]")?.GetAttribute("value") ?? "";
        }
        var draft = await PostAsync(coordinator, $"/ParIndex/Improve/{cycleId}", picked, $"/ParIndex/Improve/{cycleId}");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var planId = int.Parse(draft.Headers.Location!.OriginalString.Split('/').Last());
        // The map used is the province's map next time (a changed map is audited).
        var again = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/ParIndex/Improve/{cycleId}"));
        Assert.Equal("VPUBND", again.QuerySelector("select[aria-label='Cơ quan chủ trì lĩnh vực 8'] option[selected]")?.GetAttribute("value"));
        Assert.Contains("8=VPUBND",
            await app.WithDbAsync(db => db.Settings.Where(x => x.Key == "par-index.responsibility-map").Select(x => x.Value).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Setting" && a.EntityId == "par-index.responsibility-map")));
        var plan = await app.WithDbAsync(db => db.Plans.Include(p => p.Tasks).ThenInclude(t => t.Assignments).SingleAsync(p => p.Id == planId));
        Assert.Equal(Core.Plans.PlanKind.Improvement, plan.Kind);
        // One task per criterion the page lists as lost — by the agencies that submitted only: most departments did not
        // assess, and their empty criteria are not lost points (they were counted before, making every criterion "lost").
        var listed = Regex.Matches(lostPage, "data-code=\"([0-9.]+)\"").Select(m => m.Groups[1].Value).Distinct().Count();
        Assert.Equal(listed, plan.Tasks.Count);
        Assert.True(plan.Tasks.Count < IndexPresets.DemoDepartments(year).Nodes.Count(n => n.Rule is not null));
        var t32 = plan.Tasks.Single(t => t.Content.Contains("tiêu chí 3.2"));
        var vp = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "VPUBND").Select(a => a.Id).SingleAsync());
        Assert.Equal(vp, t32.Assignments.Single().AgencyId);
        Assert.NotNull(t32.Due);
        // The decision's annex in Word carries the published ranking.
        var annexBytes = await coordinator.GetByteArrayAsync($"/ParIndex/Results/{cycleId}?handler=Docx");
        using (var annex = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(annexBytes), false))
        {
            var text = annex.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("PHỤ LỤC", text);
            Assert.Contains("Kèm theo Quyết định số 123/QĐ-UBND", text);
            Assert.Contains("Sở Tư pháp", text);
            Assert.Contains(stpRow.QuerySelector("[data-testid=index]")!.TextContent.Trim(), text);
        }
        // Laid out as Word would (LibreOffice), no header word breaks in two ("Hạn" / "g" in a column too narrow).
        if (ParHub.Web.Shared.Office.PdfConverter.Available && File.Exists("/usr/bin/pdftotext"))
        {
            var pdf = Path.Combine(Path.GetTempPath(), $"annex-{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(pdf, await ParHub.Web.Shared.Office.PdfConverter.DocxToPdfAsync(annexBytes, default));
            var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext", [pdf, "-"]) { RedirectStandardOutput = true };
            using var pdftotext = System.Diagnostics.Process.Start(start)!;
            var words = Regex.Split(await pdftotext.StandardOutput.ReadToEndAsync(), @"\s+").ToHashSet();
            await pdftotext.WaitForExitAsync();
            File.Delete(pdf);
            Assert.All(new[] { "Hạng", "Tổng", "điểm", "Điểm", "tối", "đa", "Chỉ", "số", "(%)", "Xếp", "loại", "LV" }, w => Assert.Contains(w, words));
        }
        var late = await PostAsync(thamdinh, $"/ParIndex/Assessment/{stp}?handler=Appraise", new() { ["code"] = "3.2", ["points"] = "10", ["reason"] = "x" },
            $"/ParIndex/Assessment/{stp}");
        Assert.Contains("đã công bố", await late.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteParIndexTests(SqliteFactory app) : ParIndexTests<SqliteFactory>(app);
public sealed class PostgresParIndexTests(PostgresFactory app) : ParIndexTests<PostgresFactory>(app);
