using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Plans;
using ParHub.Web.Features.Tasks;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Plan import through the web page, tracking, deadline moves and counts, on both providers.</summary>
public abstract class PlanTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static readonly string Seed000 = File.ReadAllText(SharedFiles.Path("seeds/000_4485116301db7f91.txt"));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name, string? year = "2018")
    {
        var token = await client.AntiforgeryTokenAsync("/Plans/Import");
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", name);
        if (year is not null) content.Add(new StringContent(year), "year");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/Plans/Import?handler=Preview", content);
    }

    /// <summary>Posts the preview form back as the browser would (every input and textarea), to a handler.</summary>
    private static async Task<HttpResponseMessage> SubmitPreviewAsync(HttpClient client, string html, string handler,
        Action<Dictionary<string, string>>? edit = null)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = doc.QuerySelectorAll("form[method=post]").First(f => f.QuerySelector("[name='Plan.Title']") is not null);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var el in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var name = el.GetAttribute("name")!;
            // As a browser: an unticked checkbox sends nothing.
            if (el.GetAttribute("type") == "checkbox" && !el.HasAttribute("checked")) continue;
            var value = el.TagName == "TEXTAREA" ? el.TextContent : el.GetAttribute("value") ?? "";
            fields.Add(new(name, value));
        }
        var dict = fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        edit?.Invoke(dict);
        return await client.PostAsync($"/Plans/Import?handler={handler}", new FormUrlEncodedContent(dict));
    }

    private async Task<int> ImportSeedAsync(HttpClient coordinator)
    {
        var preview = await UploadAsync(coordinator, System.Text.Encoding.UTF8.GetBytes(Seed000), "ke-hoach-2018.txt");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("37 nhiệm vụ", html);
        var apply = await SubmitPreviewAsync(coordinator, html, "Apply");
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        return int.Parse(apply.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task The_papi_action_table_of_seed_004_imports_as_tasks_grouped_by_papi_dimension_with_their_leads()
    {
        var coordinator = await app.SignInAsync("cchc");
        var preview = await UploadAsync(coordinator, await File.ReadAllBytesAsync(SharedFiles.Path("seeds/004_21b0049b0f504cbc.txt")), "kh-229.txt", "2023");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        // "UBND cấp huyện, cấp xã" resolves to the directory's groups; what stays unassigned names departments the province no
        // longer has (Sở Thông tin và Truyền thông, Sở Công Thương, Sở Nông nghiệp), or none: the officer keeps those "chưa giao".
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var keep = doc.QuerySelectorAll("input[data-testid^='keep-']").Select(e => e.GetAttribute("name")!).ToList();
        var flagged = keep.Select(n => doc.QuerySelector($"textarea[name='{n.Replace(".KeepUnassigned", ".Lead")}']")!.TextContent).ToList();
        Assert.All(flagged, lead => Assert.Matches("^$|Thông tin và Truyền thông|TT&TT|Công [Tt]hương|Nông nghiệp", lead)); // or none at all
        var apply = await SubmitPreviewAsync(coordinator, html, "Apply", f => { foreach (var n in keep) f[n] = "true"; });
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var planId = int.Parse(apply.Headers.Location!.OriginalString.Split('/').Last());
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Assignments).Where(t => t.PlanId == planId).ToListAsync());
        // Phụ lục 02: the eight PAPI dimensions, each a group of tasks (seed 004 lists 28 rows under them).
        string[] dimensions = ["Tham gia của người dân ở cấp cơ sở", "Công khai minh bạch trong hoạt động chính sách", "Trách nhiệm giải trình với người dân",
            "Kiểm soát tham nhũng trong khu vực công", "Thủ tục hành chính công", "Cung ứng dịch vụ công", "Quản trị môi trường", "Quản trị điện tử"];
        var papi = tasks.Where(t => dimensions.Any(d => (t.Group ?? "").Contains(d, StringComparison.Ordinal))).ToList();
        Assert.All(dimensions, d => Assert.Contains(papi, t => t.Group!.Contains(d, StringComparison.Ordinal)));
        Assert.True(papi.Count >= 25, $"{papi.Count} PAPI tasks");
        var snv = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "SNV").Select(a => a.Id).SingleAsync());
        var first = papi.Where(t => t.Group!.Contains(dimensions[0], StringComparison.Ordinal)).OrderBy(t => t.SortOrder).First();
        Assert.Contains(first.Assignments, x => x.Role == AssignmentRole.Lead && x.AgencyId == snv);
        Assert.Contains("Luật Thực hiện dân chủ ở cơ sở", first.Content);
    }

    [Fact]
    public async Task Import_previews_flags_unknown_agencies_then_stores_36_tasks_and_a_second_import_updates_them()
    {
        var coordinator = await app.SignInAsync("cchc");
        var preview = await UploadAsync(coordinator, System.Text.Encoding.UTF8.GetBytes(Seed000), "ke-hoach-2018.txt");
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy cơ quan “Báo Hải Phòng” trong danh mục.", html);
        Assert.Contains("cell-error", html);
        var before = await app.WithDbAsync(db => db.PlanTasks.CountAsync());
        var existed = await app.WithDbAsync(db => db.Plans.AnyAsync(p => p.Number == "3538/QĐ-UBND"));

        var planId = await ImportSeedAsync(coordinator);
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ToListAsync());
        Assert.Equal(37, tasks.Count - 0);
        Assert.Equal(before + (existed ? 0 : 37), await app.WithDbAsync(db => db.PlanTasks.CountAsync()));
        Assert.Equal(new DateOnly(2018, 3, 31), tasks[2].Due);
        var plan = await app.WithDbAsync(db => db.Plans.Include(p => p.Targets).SingleAsync(p => p.Id == planId));
        Assert.Equal("3538/QĐ-UBND", plan.Number);
        Assert.Equal(15, plan.Targets.Count);
        Assert.True(plan.Targets.Count(t => t.Threshold is not null && t.Unit is not null) >= 12);
        var snv = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "SNV").Select(a => a.Id).SingleAsync());
        Assert.True(
            await app.WithDbAsync(db => db.TaskAssignments.AnyAsync(a => a.TaskId == tasks[2].Id && a.Role == AssignmentRole.Lead && a.AgencyId == snv)));

        // The same document again: updated in place, nothing duplicated.
        Assert.Equal(planId, await ImportSeedAsync(coordinator));
        Assert.Equal(37, await app.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.PlanId == planId)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Plan" && e.Action == "reimport")));
    }

    // Today: 08_hanoi-310 showed all 6 rows red (leads outside the directory) and Confirm still saved them, and then
    // nobody saw those tasks. Now Confirm is refused naming the rows, until each is fixed, removed or kept "chưa giao";
    // kept rows are listed for the Coordinator.
    [Fact]
    public async Task Rows_without_a_lead_of_the_directory_block_confirm_until_fixed_removed_or_kept_unassigned()
    {
        var coordinator = await app.SignInAsync("cchc");
        var bytes = File.ReadAllBytes(SharedFiles.Path("corpus/docs/08_hanoi-310-kh-ubnd-2025-ha-tang-5g-iot.txt"));
        var html = await (await UploadAsync(coordinator, bytes, "kh-310.txt", null)).Content.ReadAsStringAsync();
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains("6 nhiệm vụ", decoded);
        Assert.Contains("Còn 6 dòng chưa có cơ quan chủ trì trong danh mục", decoded);
        Assert.Matches("data-testid=\"confirm-import\"[^>]*disabled", html);
        var before = await app.WithDbAsync(db => db.PlanTasks.CountAsync());

        // Confirm posted anyway (no JavaScript, or a crafted request): refused, nothing stored.
        var refused = await SubmitPreviewAsync(coordinator, html, "Apply");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Còn 6 dòng chưa có cơ quan chủ trì", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.PlanTasks.CountAsync()));

        // One row fixed by hand, one removed, the other four kept "chưa giao": confirmed. Row 6 is "Hàng năm" work in the
        // 2025–2030 plan: six dues, each a task of its own.
        var apply = await SubmitPreviewAsync(coordinator, html, "Apply", f =>
        {
            f["Rows[0].Lead"] = "Sở Nội vụ";
            f["Rows[1].Remove"] = "true";
            foreach (var i in new[] { 2, 3, 4, 5 }) f[$"Rows[{i}].KeepUnassigned"] = "true";
        });
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var planId = int.Parse(apply.Headers.Location!.OriginalString.Split('/').Last());
        var stored = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Assignments).Where(t => t.PlanId == planId).ToListAsync());
        Assert.Equal(4 + 6, stored.Count);
        Assert.Equal(["Năm 2025", "Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029", "Năm 2030"],
            stored.Where(t => t.Occurrence != null).OrderBy(t => t.SortOrder).Select(t => t.Occurrence));
        Assert.Equal(3 + 6, stored.Count(t => !t.Assignments.Any(a => a.Role == AssignmentRole.Lead && (a.AgencyId != null || a.GroupId != null))));

        // The Coordinator's board lists them.
        var board = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Tasks?planId={planId}"));
        Assert.Contains("9 nhiệm vụ chưa giao", board);
        var unassigned = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Tasks?planId={planId}&unassigned=true"));
        Assert.Contains("9 nhiệm vụ · trang", unassigned);
    }

    [Fact]
    public async Task A_plan_with_merged_cell_rows_kept_unassigned_is_stored_with_every_task()
    {
        var coordinator = await app.SignInAsync("cchc");
        var bytes = File.ReadAllBytes(SharedFiles.Path("corpus/docs/03_hcm-2820-qd-ubnd-2025-kh-trien-khai-qd06-ttg.txt"));
        var html = await (await UploadAsync(coordinator, bytes, "qd-2820.txt", null)).Content.ReadAsStringAsync();
        Assert.Contains("28 nhiệm vụ", WebUtility.HtmlDecode(html));
        var apply = await SubmitPreviewAsync(coordinator, html, "Apply", f =>
        {
            for (var i = 0; i < 28; i++) f[$"Rows[{i}].KeepUnassigned"] = "true";
        });
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var planId = int.Parse(apply.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(28, await app.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.PlanId == planId)));
    }

    [Fact]
    public async Task The_preview_shows_the_targets_it_read()
    {
        var coordinator = await app.SignInAsync("cchc");
        var html = WebUtility.HtmlDecode(await (await UploadAsync(coordinator, System.Text.Encoding.UTF8.GetBytes(Seed000), "kh.txt"))
            .Content.ReadAsStringAsync());
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var targets = doc.QuerySelectorAll("[data-testid=preview-targets] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(15, targets.Count);
        Assert.StartsWith("100% nhiệm vụ trong Kế hoạch", targets.First(t => t.StartsWith("100% nhiệm vụ")));
    }

    [Fact]
    public async Task Rows_of_the_task_table_that_could_not_be_read_are_listed_with_their_line_and_stay_listed_on_recheck()
    {
        var coordinator = await app.SignInAsync("cchc");
        var text = "STT | Nội dung công việc | Cơ quan chủ trì | Thời gian thực hiện\nabc | def ghi | jkl | mno\n"
            + "1 | Rà soát thủ tục | Sở Nội vụ | Quý II/2024\n";
        var html = await (await UploadAsync(coordinator, System.Text.Encoding.UTF8.GetBytes(text), "kh.txt", "2024")).Content.ReadAsStringAsync();
        string Unread(string h) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(h).QuerySelector("[data-testid=preview-unread]")?.TextContent ?? "";
        Assert.Contains("1 dòng trong bảng nhiệm vụ không đọc được", Unread(html));
        Assert.Contains("Dòng 2: abc | def ghi | jkl | mno — Không nhận ra dòng này là nhiệm vụ", Unread(html));
        var recheck = await (await SubmitPreviewAsync(coordinator, html, "Recheck")).Content.ReadAsStringAsync();
        Assert.Contains("Dòng 2: abc", Unread(recheck));
    }

    [Fact]
    public async Task Inline_fixes_in_the_preview_are_what_gets_stored()
    {
        var coordinator = await app.SignInAsync("cchc");
        var text =
            "STT\tNội dung công việc\tCơ quan chủ trì\tThời gian thực hiện\n1\tViệc thử\tSở Nôi vụ sai chính tả\tkhông rõ\n";
        var html = await (await UploadAsync(coordinator, System.Text.Encoding.UTF8.GetBytes(text), "thu.txt", "2024")).Content.ReadAsStringAsync();
        Assert.Contains("cell-error", html);
        var apply = await SubmitPreviewAsync(coordinator, html, "Apply", f =>
        {
            f["Rows[0].Lead"] = "Sở Nội vụ";
            f["Rows[0].Timeframe"] = "Quý II/2024";
            f["Plan.Title"] = "Kế hoạch thử sửa trực tiếp";
        });
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var task =
            await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Assignments).SingleAsync(t => t.Plan!.Title == "Kế hoạch thử sửa trực tiếp"));
        Assert.Equal(new DateOnly(2024, 6, 30), task.Due);
        Assert.NotNull(Assert.Single(task.Assignments).AgencyId);
    }

    private static string SmallPlan(string number, string row3, string row2 = "2\tBáo cáo tình hình thực hiện\tSở Nội vụ\tHằng quý\n",
        string row4 = "") =>
        $"ỦY BAN NHÂN DÂN TỈNH THỬ\nSố: {number}/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2024\n"
        + "STT\tNội dung công việc\tCơ quan chủ trì\tThời gian thực hiện\n"
        + "1\tRà soát thủ tục hành chính\tSở Nôi vụ viết sai\tQuý II/2024\n" + row2 + row3 + row4;

    private async Task<string> PreviewAsync(HttpClient coordinator, string text) =>
        await (await UploadAsync(coordinator, System.Text.Encoding.UTF8.GetBytes(text), "kh-thu.txt", "2024")).Content.ReadAsStringAsync();

    // Today: re-importing a plan reported "25 cập nhật", put the leads fixed by hand back to the unknown agency and
    // restored the title, with no diff shown. Now a hand correction (in the preview or afterwards) survives the next
    // import unless the officer picks the document's value; the preview lists what changed, what was added and removed.
    [Fact]
    public async Task Reimport_keeps_hand_corrections_shows_the_diff_and_takes_the_document_only_where_picked()
    {
        var coordinator = await app.SignInAsync("cchc");
        var number = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row3 = "3\tKiểm tra công vụ\tSở Nội vụ\tQuý III/2024\n";
        var title = $"Kế hoạch CCHC 2024 (sửa tay {number})";
        var first = await SubmitPreviewAsync(coordinator, await PreviewAsync(coordinator, SmallPlan(number, row3)), "Apply", f =>
        {
            f["Rows[0].Lead"] = "Sở Nội vụ";
            f["Plan.Title"] = title;
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var planId = int.Parse(first.Headers.Location!.OriginalString.Split('/').Last());
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ToListAsync());
        // "Hằng quý" is four dues, each a task of its own.
        Assert.Equal(["", "Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024", ""], tasks.Select(t => t.Occurrence ?? ""));
        Assert.Equal(new DateOnly(2024, 9, 30), tasks[3].Due);

        // Task 3 corrected by hand afterwards.
        var task3 = tasks[5];
        var corrected = await coordinator.PostFormAsync($"/Tasks/Details/{task3.Id}?handler=Correct", new()
        {
            ["Correction.Content"] = "Kiểm tra công vụ tại 10 cơ quan", ["Correction.Lead"] = "Sở Tư pháp",
            ["Correction.Timeframe"] = "Quý III/2024", ["Correction.Version"] = task3.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, $"/Tasks/Details/{task3.Id}");
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        // The same document again: every correction is listed as kept, nothing is blocked by the document's unknown lead.
        var again = await PreviewAsync(coordinator, SmallPlan(number, row3));
        var html = WebUtility.HtmlDecode(again);
        Assert.Contains("data-testid=\"reimport-diff\"", html);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var kept = doc.QuerySelectorAll("[data-testid=reimport-changes] tr[data-outcome=KeptCorrection]")
            .Select(tr => (tr.GetAttribute("data-row"), tr.GetAttribute("data-field"))).ToList();
        Assert.Equal([(null, "Title"), ("1", "Lead"), ("3", "Content"), ("3", "Lead")], kept);
        Assert.DoesNotMatch("data-testid=\"confirm-import\"[^>]*disabled", again);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitPreviewAsync(coordinator, again, "Apply")).StatusCode);
        var plan = await app.WithDbAsync(db => db.Plans.Include(p => p.Tasks).ThenInclude(t => t.Assignments).SingleAsync(p => p.Id == planId));
        Assert.Equal(title, plan.Title);
        var byNo = plan.Tasks.Where(t => t.Occurrence is null).ToDictionary(t => t.No);
        Assert.Equal("Sở Nội vụ", byNo["1"].LeadText);
        Assert.NotNull(Assert.Single(byNo["1"].Assignments).AgencyId);
        Assert.Equal(("Kiểm tra công vụ tại 10 cơ quan", "Sở Tư pháp"), (byNo["3"].Content, byNo["3"].LeadText));

        // The document changes: task 3's lead (corrected by hand: a conflict, the document picked) and time (not corrected:
        // taken); the quarterly task is gone, task 4 is new.
        var changed = SmallPlan(number, "3\tKiểm tra công vụ\tSở Tài chính\tQuý IV/2024\n", row2: "",
            row4: "4\tTập huấn nghiệp vụ\tSở Nội vụ\tTháng 10/2024\n");
        var third = await PreviewAsync(coordinator, changed);
        doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(WebUtility.HtmlDecode(third));
        Assert.Equal("Conflict", doc.QuerySelector("[data-testid=reimport-changes] tr[data-row='3'][data-field=Lead]")!.GetAttribute("data-outcome"));
        Assert.Equal("FromDocument",
            doc.QuerySelector("[data-testid=reimport-changes] tr[data-row='3'][data-field=Timeframe]")!.GetAttribute("data-outcome"));
        Assert.Contains("Tập huấn nghiệp vụ", doc.QuerySelector("[data-testid=reimport-added]")!.TextContent);
        Assert.Equal(4, doc.QuerySelectorAll("[data-testid=reimport-removed] li").Length);
        var index3 = doc.QuerySelector("[data-testid=reimport-changes] tr[data-row='3'][data-field=Lead] input[type=checkbox]")!
            .GetAttribute("name")!;
        var apply = await SubmitPreviewAsync(coordinator, third, "Apply", f => f[index3] = "Lead");
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        plan = await app.WithDbAsync(db => db.Plans.Include(p => p.Tasks).SingleAsync(p => p.Id == planId));
        Assert.Equal(["1", "3", "4"], plan.Tasks.OrderBy(t => t.SortOrder).Select(t => t.No));
        var t3 = plan.Tasks.Single(t => t.No == "3");
        Assert.Equal(("Kiểm tra công vụ tại 10 cơ quan", "Sở Tài chính", new DateOnly(2024, 12, 31)), (t3.Content, t3.LeadText, t3.Due));
        Assert.Equal(title, plan.Title);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.EntityType == "Plan" && e.EntityId == planId.ToString() && e.Action == "reimport" && e.Summary!.Contains("lấy theo văn bản 1"))));
    }

    [Theory]
    [InlineData("hong.docx", "PK\u0003\u0004 not really a zip", "bị hỏng")]
    [InlineData("mat-khau.docx", "\u00D0\u00CF\u0011\u00E0 encrypted office", "mật khẩu")]
    [InlineData("bang.xlsx", "garbage", "không phải định dạng Office")]
    [InlineData("anh.png", "\u0089PNG", "chỉ nhận .docx, .xlsx, .txt hoặc .md")]
    [InlineData("khong-bang.txt", "Văn bản không có bảng nhiệm vụ nào.", "Không tìm thấy bảng nhiệm vụ")]
    public async Task Bad_files_get_a_clear_vietnamese_message_and_nothing_is_stored(string name, string content, string message)
    {
        var coordinator = await app.SignInAsync("cchc");
        var plans = await app.WithDbAsync(db => db.Plans.CountAsync());
        var html =
            WebUtility.HtmlDecode(await (await UploadAsync(coordinator, System.Text.Encoding.Latin1.GetBytes(content), name)).Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Equal(plans, await app.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task A_tcvn3_text_file_is_converted_with_a_warning_and_nothing_is_stored_before_confirming()
    {
        var coordinator = await app.SignInAsync("cchc");
        var plans = await app.WithDbAsync(db => db.Plans.CountAsync());
        var legacy = ParHub.Core.Text.LegacyVietnamese.FromUnicode(Seed000, ParHub.Core.Text.LegacyEncoding.Tcvn3);
        var html = WebUtility.HtmlDecode(
            await (await UploadAsync(coordinator, System.Text.Encoding.Latin1.GetBytes(legacy), "ke-hoach-tcvn3.txt")).Content.ReadAsStringAsync());
        Assert.Contains("bảng mã cũ TCVN3 (ABC)", html);
        Assert.Contains("37 nhiệm vụ", html);
        Assert.Contains("Sở Nội vụ", html);
        Assert.Equal(plans, await app.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task A_100_mb_file_is_refused_with_a_message()
    {
        var coordinator = await app.SignInAsync("cchc");
        var big = new byte[100 * 1024 * 1024];
        var response = await UploadAsync(coordinator, big, "qua-lon.docx");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(html.Contains("Tệp vượt quá 20 MB") || html.Contains("Tệp quá lớn"), html[..Math.Min(300, html.Length)]);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused()
    {
        var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            var entry = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.Fastest);
            using var s = entry.Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 210; i++) s.Write(zeros);
        }
        var coordinator = await app.SignInAsync("cchc");
        var html = WebUtility.HtmlDecode(await (await UploadAsync(coordinator, ms.ToArray(), "bom.docx")).Content.ReadAsStringAsync());
        Assert.Contains("nghi ngờ tệp độc hại", html);
    }

    private async Task<(int PlanId, PlanTask Task)> TaskOfAsync(HttpClient coordinator, string no)
    {
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Number == "3538/QĐ-UBND").Select(p => (int?)p.Id).FirstOrDefaultAsync())
            ?? await ImportSeedAsync(coordinator);
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.No == no));
        return (planId, task);
    }

    [Fact]
    public async Task The_lead_officer_reports_a_task_done_and_the_plans_counts_change_while_another_agency_is_refused()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (planId, task) = await TaskOfAsync(coordinator, "16"); // Sở Tư pháp, due 02/2018
        var countsBefore = await app.Services.CreateScope().ServiceProvider.GetRequiredService<TaskQueries>()
            .CountsAsync(new TaskFilter { PlanId = planId }, new DateOnly(2018, 12, 31));

        var other = await app.SignInAsync("taichinh");
        var refused = await other.PostFormAsync($"/Tasks/Details/{task.Id}?handler=Progress",
            new() { ["Input.Progress"] = "Done", ["Input.CompletedOn"] = "2018-02-20", ["Input.Version"] = task.Version.ToString() },
                $"/Tasks/Details/{task.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var officer = await app.SignInAsync("tuphap");
        var ok = await officer.PostFormAsync($"/Tasks/Details/{task.Id}?handler=Progress",
            new()
            {
                ["Input.Progress"] = "Done", ["Input.CompletedOn"] = "2018-02-20", ["Input.Note"] = "Đã ban hành",
                ["Input.ProductNumber"] = "123/QĐ-UBND", ["Input.Version"] = task.Version.ToString()
            },
            $"/Tasks/Details/{task.Id}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var counts = await app.Services.CreateScope().ServiceProvider.GetRequiredService<TaskQueries>()
            .CountsAsync(new TaskFilter { PlanId = planId }, new DateOnly(2018, 12, 31));
        Assert.Equal(countsBefore.DoneOnTime + 1, counts.DoneOnTime);
        var page = await officer.GetStringAsync($"/Plans/Details/{planId}?asOf=2018-12-31");
        Assert.Contains($"{counts.Done:00}/37 nhiệm vụ hoàn thành", page);
        Assert.True(
            await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Task" && e.EntityId == task.Id.ToString() && e.UserName == "tuphap")));

        // A stale form (the version it saw) is refused with a message, not silently overwritten.
        var stale = await officer.PostFormAsync($"/Tasks/Details/{task.Id}?handler=Progress",
            new() { ["Input.Progress"] = "InProgress", ["Input.Version"] = task.Version.ToString() }, $"/Tasks/Details/{task.Id}");
        Assert.Contains("vừa được người khác cập nhật", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(TaskProgress.Done, await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == task.Id).Select(t => t.Progress).SingleAsync()));
    }

    [Fact]
    public async Task A_coordinator_moves_a_deadline_with_a_reason_and_the_original_stays()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (_, task) = await TaskOfAsync(coordinator, "17");
        var noReason = await coordinator.PostFormAsync($"/Tasks/Details/{task.Id}?handler=Deadline", new() { ["newDue"] = "2018-12-15", ["reason"] = "" },
            $"/Tasks/Details/{task.Id}");
        Assert.Contains("Vui lòng nêu lý do", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        var moved = await coordinator.PostFormAsync($"/Tasks/Details/{task.Id}?handler=Deadline",
            new() { ["newDue"] = "2018-12-15", ["reason"] = "Chờ hướng dẫn của Bộ Tư pháp" }, $"/Tasks/Details/{task.Id}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(task.Due, after.Due);
        Assert.Equal(new DateOnly(2018, 12, 15), after.CurrentDue);
        Assert.True(
            await app.WithDbAsync(db => db.DeadlineChanges.AnyAsync(d => d.TaskId == task.Id && d.Reason == "Chờ hướng dẫn của Bộ Tư pháp")));
        var officer = await app.SignInAsync("tuphap");
        var refused = await officer.PostFormAsync($"/Tasks/Details/{task.Id}?handler=Deadline", new() { ["newDue"] = "2019-01-01", ["reason"] = "x" },
            $"/Tasks/Details/{task.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Status_counts_in_the_database_equal_the_pure_rule_for_any_as_of_date()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (planId, _) = await TaskOfAsync(coordinator, "1");
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId).ToListAsync());
        var queries = app.Services.CreateScope().ServiceProvider.GetRequiredService<TaskQueries>();
        foreach (var asOf in new[] { new DateOnly(2017, 11, 1), new DateOnly(2018, 3, 31), new DateOnly(2018, 4, 1), new DateOnly(2019, 6, 1) })
        {
            var expected = StatusCounts.Of(tasks.Select(t => DeadlineStatuses.Of(t.Start, t.EffectiveDue, t.CompletedOn, asOf)));
            Assert.Equal(expected, await queries.CountsAsync(new TaskFilter { PlanId = planId }, asOf));
            foreach (var s in Enum.GetValues<DeadlineStatus>())
            {
                var (rows, total) = await queries.BoardAsync(new TaskFilter { PlanId = planId, Status = s, PageSize = 500 }, asOf);
                Assert.Equal(tasks.Count(t => DeadlineStatuses.Of(t.Start, t.EffectiveDue, t.CompletedOn, asOf) == s), total);
                Assert.All(rows, r => Assert.Equal(s, r.Status));
            }
        }
    }

    [Fact]
    public async Task The_api_lists_plans_and_tasks_with_filters_and_paging_and_takes_progress_from_the_lead_only()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (planId, task) = await TaskOfAsync(coordinator, "15");
        var plans = await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/plans?year=2018");
        Assert.Contains(plans!, p => p.GetProperty("number").GetString() == "3538/QĐ-UBND" && p.GetProperty("tasks").GetInt32() == 37);
        var page = await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/tasks?planId={planId}&pageSize=10&page=2&asOf=2018-06-30");
        Assert.Equal(37, page.GetProperty("total").GetInt32());
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        var overdue =
            await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/tasks?planId={planId}&status=Overdue&asOf=2018-06-30&pageSize=500");
        Assert.All(overdue.GetProperty("items").EnumerateArray(), t => Assert.Equal("Overdue", t.GetProperty("status").GetString()));

        var other = await app.SignInAsync("taichinh");
        var refused = await other.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { progress = "InProgress", version = task.Version });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var officer = await app.SignInAsync("tuphap");
        var ok = await officer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress",
            new { progress = "InProgress", note = "Đang dự thảo", version = task.Version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale =
            await officer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { progress = "Done", completedOn = "2018-05-01", version = task.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("người khác", await stale.Content.ReadAsStringAsync());
        var doc = await coordinator.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/tasks/{id}/progress", doc);
    }

    [Fact]
    public async Task The_task_table_exports_to_xlsx_with_statuses_and_to_docx_in_the_appendix_layout()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (planId, _) = await TaskOfAsync(coordinator, "1");
        var xlsx = await coordinator.GetByteArrayAsync($"/Plans/Details/{planId}?handler=Xlsx&asOf=2018-06-30");
        var rows = ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(new MemoryStream(xlsx));
        Assert.Equal(ParHub.Web.Features.Plans.PlanExport.Header, rows[0]);
        var taskRows = rows.Skip(1).Where(r => r.Length > 1).ToList();
        Assert.Equal(37, taskRows.Count);
        Assert.Equal("3", taskRows[2][0]);
        Assert.Equal("31/03/2018", taskRows[2][6]);
        Assert.Contains(rows, r => r.Length == 1 && r[0] == "Cải cách thể chế hành chính");
        // Deadlines are date cells a spreadsheet can sort and filter (shown dd/mm/yyyy), not text.
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var third = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().First(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .FirstOrDefault()?.InnerText == "3");
            var due = third.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(6);
            Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, due.DataType!.Value);
            var format = book.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>()
                .ElementAt((int)due.StyleIndex!.Value).NumberFormatId!.Value;
            Assert.Equal("dd/mm/yyyy", book.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!
                .Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value);
        }

        var docx = await coordinator.GetByteArrayAsync($"/Plans/Details/{planId}?handler=Docx");
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        Assert.Equal("DANH MỤC", body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First().InnerText);
        Assert.Contains("3538/QĐ-UBND ngày 25 tháng 12 năm 2017", body.InnerText);
        // The issuer, in capitals in the document (and misspelt "HÀI PHÒNG"), reads as the directory writes it.
        Assert.Contains("của Ủy ban nhân dân thành phố Hải Phòng)", body.InnerText);
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        var trs = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        Assert.Equal(1 + 37 + 8, trs.Count); // header, tasks, group rows
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape,
            body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>()
                .Single().GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Orient!.Value);
        // The exported appendix reads back as the same 37 tasks (task 8 has two sub-rows with their own leads: 8a, 8b).
        var again = ParHub.Web.Features.Plans.PlanFileReader.Read("phu-luc.docx", new MemoryStream(docx), 2018);
        Assert.Equal(37, again.Tasks.Count);
    }

    [Fact]
    public async Task A_coordinator_adds_a_task_assigned_by_the_prime_minister_and_its_lead_reports_on_it()
    {
        var coordinator = await app.SignInAsync("cchc");
        var bad = await coordinator.PostFormAsync("/Tasks/New", new()
        {
            ["Input.Source"] = "Thủ tướng Chính phủ giao",
            ["Input.AssignedBy"] = "Quyết định số 123/QĐ-TTg ngày 01/02/2026 của Thủ tướng Chính phủ",
            ["Input.Content"] = "Cắt giảm thủ tục", ["Input.Lead"] = "Sở Không Có", ["Input.Timeframe"] = "chưa rõ", ["Input.Year"] = "2026",
        });
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy cơ quan “Sở Không Có”", html);
        Assert.Contains("Không đọc được thời hạn", html);
        var ok = await coordinator.PostFormAsync("/Tasks/New", new()
        {
            ["Input.Source"] = "Thủ tướng Chính phủ giao",
            ["Input.AssignedBy"] = "Quyết định số 123/QĐ-TTg ngày 01/02/2026 của Thủ tướng Chính phủ",
            ["Input.Content"] = "Cắt giảm 30% thủ tục nội bộ", ["Input.Lead"] = "Sở Tư pháp", ["Input.Timeframe"] = "Trước ngày 30/6/2026",
            ["Input.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var id = int.Parse(ok.Headers.Location!.OriginalString.Split('/').Last());
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == id));
        Assert.Null(task.PlanId);
        Assert.Equal(new DateOnly(2026, 6, 30), task.Due);
        var officer = await app.SignInAsync("tuphap");
        var report = await officer.PostFormAsync($"/Tasks/Details/{id}?handler=Progress",
            new() { ["Input.Progress"] = "InProgress", ["Input.Version"] = task.Version.ToString() }, $"/Tasks/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Tasks/New")).StatusCode);

        // Quarterly work assigned for a year: one task per quarter, each with its own due.
        var content = $"Báo cáo tiến độ cắt giảm thủ tục {Guid.NewGuid():N}";
        var quarterly = await coordinator.PostFormAsync("/Tasks/New", new()
        {
            ["Input.Source"] = "Thủ tướng Chính phủ giao",
            ["Input.AssignedBy"] = "Quyết định số 123/QĐ-TTg ngày 01/02/2026 của Thủ tướng Chính phủ",
            ["Input.Content"] = content, ["Input.Lead"] = "Sở Tư pháp", ["Input.Timeframe"] = "Hằng quý", ["Input.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, quarterly.StatusCode);
        var dues = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Content == content).OrderBy(t => t.Due).Select(t => new { t.Occurrence, t.Due })
            .ToListAsync());
        Assert.Equal(["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"], dues.Select(d => d.Occurrence));
        Assert.Equal(new DateOnly(2026, 6, 30), dues[1].Due);
    }

    [Fact]
    public async Task The_board_filters_by_the_six_standard_fields_not_by_each_plans_own_headings()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (planId, _) = await TaskOfAsync(coordinator, "1");
        var headings = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId).Select(t => new { t.Id, t.ReformArea }).ToListAsync());
        Assert.Contains(headings, h => h.ReformArea == "Kiểm tra cải cách hành chính, công vụ, công chức");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Tasks?planId={planId}&pageSize=200"));
        var options = doc.QuerySelectorAll("select#area option").Select(o => o.TextContent).Skip(1).ToList();
        Assert.Contains("Cải cách chế độ công vụ", options);
        Assert.All(options, o => Assert.Contains(o, ReformFields.All.Select(f => f.Name))); // no heading as the plan wrote it
        Assert.True(options.Count < headings.Select(h => h.ReformArea).Distinct().Count());

        var html = await coordinator.GetStringAsync($"/Tasks?planId={planId}&area=cong-vu&pageSize=200");
        var listed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("table a[href^='/Tasks/Details/']")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last())).ToHashSet();
        var expected = headings.Where(h => ReformFields.Of(h.ReformArea) == "cong-vu").Select(h => h.Id).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
        // Inspection of the civil service is the work around the reform, not the civil-service field.
        Assert.DoesNotContain(headings.Where(h => h.ReformArea!.StartsWith("Kiểm tra", StringComparison.Ordinal)), h => listed.Contains(h.Id));
    }

    [Fact]
    public async Task The_timeline_draws_a_bar_per_task_from_its_start_to_its_due_month()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (planId, _) = await TaskOfAsync(coordinator, "1");
        var html = await coordinator.GetStringAsync($"/Tasks/Timeline?year=2018&planId={planId}");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var rows = doc.QuerySelectorAll("[data-testid=timeline] .tl-row:not(.tl-head)");
        var dueIn2018 = await app.WithDbAsync(db =>
            db.PlanTasks.CountAsync(t => t.PlanId == planId && t.SortDue >= new DateOnly(2018, 1, 1) && t.SortDue <= new DateOnly(2018, 12, 31)));
        Assert.Equal(dueIn2018, rows.Length);
        // Task 4 runs from Quý I to Quý III/2018: months 1 to 9, grid columns 2 to 11.
        var four = rows.Single(r => r.QuerySelector(".tl-label")!.TextContent.Contains(" · 4. "));
        Assert.Contains("grid-column:2/11", four.QuerySelector(".tl-bar")!.GetAttribute("style"));
        // The plan is picked by its number and title, not by a typed id; the year's tasks come a page at a time.
        Assert.Equal(planId.ToString(), doc.QuerySelector("select#planId option[selected]")?.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("select#agencyId option[value]:not([value=''])"));
        var all = await app.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.SortDue >= new DateOnly(2018, 1, 1) && t.SortDue <= new DateOnly(2018, 12, 31)));
        var pages = (all + 19) / 20;
        Assert.True(pages > 1, $"{all} tasks due in 2018");
        var seen = new HashSet<string>();
        var url = "/Tasks/Timeline?year=2018&size=20";
        for (var n = 1; ; n++)
        {
            var pageDoc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync(url));
            Assert.EndsWith($"trang {n}/{pages}", Regex.Replace(pageDoc.QuerySelector("[data-testid=timeline-paging]")!.TextContent, @"\s+", " "));
            foreach (var a in pageDoc.QuerySelectorAll("[data-testid=timeline] a.tl-label")) Assert.True(seen.Add(a.GetAttribute("href")!));
            if (pageDoc.QuerySelector("[data-testid=timeline-next]") is not { } next) break;
            url = next.GetAttribute("href")!;
        }
        Assert.Equal(all, seen.Count); // every task once, none on two pages
    }

    [Fact]
    public async Task The_board_filters_by_agency_and_an_officer_finds_its_own_tasks()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (planId, _) = await TaskOfAsync(coordinator, "1");
        var stp = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync());
        var officer = await app.SignInAsync("tuphap");
        var html = await officer.GetStringAsync($"/Tasks?planId={planId}&agencyId={stp}&asOf=2018-06-30");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var rows = doc.QuerySelectorAll("[data-testid=task-board] tbody tr");
        Assert.Equal(4, rows.Length); // tasks 14–17 are led by Sở Tư pháp
        Assert.All(rows, r => Assert.Contains("Sở Tư pháp", r.TextContent));
        Assert.Contains("data-testid=\"my-tasks\"", html);
    }
}

public sealed class SqlitePlanTests(SqliteFactory app) : PlanTests<SqliteFactory>(app);
public sealed class PostgresPlanTests(PostgresFactory app) : PlanTests<PostgresFactory>(app);
