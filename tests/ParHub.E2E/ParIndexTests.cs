using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// A whole PAR Index cycle for three demo agencies in a browser: self-scores with evidence, an appraisal that changes a
/// score with a reason, the agency's explanation, publication; then the ranking, bands and audit trail.
/// </summary>
[Collection("server")]
public class ParIndexTests(ParHubServer server)
{
    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, user);
        return page;
    }

    /// <summary>Fills every criterion the agency scores itself: checkboxes ticked, options chosen, rates and numbers typed.</summary>
    private static async Task SelfAssessAsync(IPage page, int level)
    {
        await page.Locator("select[name='In[1.1].Value']").SelectOptionAsync(level >= 2 ? "Kịp thời" : "Không kịp thời");
        foreach (var code in new[] { "1.4", "2.1", "3.1", "4.1", "5.2" })
            await page.Locator($"input[name='In[{code}].Flag']").SetCheckedAsync(level >= 1 || code != "5.2");
        await page.Locator("input[name='In[1.5].Value']").FillAsync(level.ToString());
        await page.Locator("select[name='In[4.2].Value']").SelectOptionAsync("Không vượt");
        foreach (var code in new[] { "2.2", "3.3", "5.1", "7.1" })
        {
            await page.Locator($"input[name='In[{code}].Num']").FillAsync((6 + level).ToString());
            await page.Locator($"input[name='In[{code}].Den']").FillAsync("10");
        }
        await page.Locator("input[name='In[3.2].Num']").FillAsync((96 + level).ToString());
        await page.Locator("input[name='In[3.2].Den']").FillAsync("100");
        await page.Locator("input[name='In[6.1].Num']").FillAsync("1.234");
        await page.Locator("input[name='In[6.1].Den']").FillAsync("1.500");
        await Expect(page.GetByTestId("survey-8.1")).ToContainTextAsync("chờ kết quả điều tra"); // the province enters it
        foreach (var note in await page.Locator("input[name$='].Note']").AllAsync())
            if (await note.InputValueAsync() == "") await note.FillAsync("Số liệu theo báo cáo tổng kết năm của cơ quan.");
    }

    [Fact]
    public async Task Three_agencies_self_assess_an_appraisal_changes_a_score_they_explain_and_the_published_ranking_is_right()
    {
        var cchc = await SignedInAsync("cchc");
        await cchc.GotoAsync("/ParIndex");
        var demo = await cchc.Locator("#fw option", new() { HasText = "(minh họa)" }).First.GetAttributeAsync("value");
        await cchc.GetByLabel("Bộ chỉ số", new() { Exact = true }).SelectOptionAsync(demo!);
        await cchc.GetByLabel("Nhóm cơ quan").FillAsync("SBN");
        await cchc.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ đánh giá" }).ClickAsync();
        await Expect(cchc.GetByTestId("publication")).ToContainTextAsync("Chưa công bố");
        var resultsUrl = cchc.Url;
        var cycleId = new Uri(resultsUrl).Segments.Last();

        var evidence = Path.Combine(server.Artifacts, "ke-hoach-cchc.pdf");
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4\n% Kế hoạch CCHC năm\n"u8.ToArray());
        var officers = new[] { ("tuphap", 3), ("taichinh", 1), ("khcn", 2) };
        foreach (var (user, level) in officers)
        {
            var page = await SignedInAsync(user);
            await page.GotoAsync("/ParIndex");
            await page.Locator($"tr[data-cycle='{cycleId}']").GetByTestId("own-assessment").ClickAsync(); // the demo has a cycle of its own
            await Expect(page.GetByTestId("assessment-status")).ToHaveTextAsync("Đang tự đánh giá");
            await Expect(page.GetByTestId("computed-1.2")).ToContainTextAsync("ParHub tính");
            // Evidence: one file for two criteria.
            await page.GetByLabel("Tệp kiểm chứng").SetInputFilesAsync(evidence);
            await page.GetByLabel("Các tiêu chí được kiểm chứng").SelectOptionAsync(["1.1", "1.4"]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Expect(page.GetByTestId("evidence")).ToContainTextAsync("ke-hoach-cchc.pdf — tiêu chí 1.1,1.4");
            await SelfAssessAsync(page, level);
            await page.GetByTestId("submit-assessment").ClickAsync();
            await Expect(page.GetByTestId("assessment-status")).ToHaveTextAsync("Đã gửi, đã khóa");
            if (user == "tuphap") await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "par-index-self-assessment.png"), FullPage = true });
        }

        // The Coordinator imports the survey (SIPAS) results, pasted from a spreadsheet: previewed, then applied.
        await cchc.GotoAsync(resultsUrl);
        await cchc.GetByTestId("survey-link").ClickAsync();
        await cchc.GetByLabel("Bảng kết quả").FillAsync("Cơ quan\tTỷ lệ hài lòng (%)\nSở Tư pháp\t93,5\nSTC\t81,5\nSở KH&CN\t86,5");
        await cchc.GetByTestId("survey-preview").ClickAsync();
        await Expect(cchc.GetByTestId("survey-lines")).ToContainTextAsync("Sở Khoa học và Công nghệ");
        await Expect(cchc.GetByTestId("survey-lines")).ToContainTextAsync("9,35");
        await cchc.GetByTestId("survey-apply").ClickAsync();
        await Expect(cchc.GetByTestId("survey-message")).ToContainTextAsync("Đã nhập kết quả điều tra cho 3 cơ quan");

        // The Coordinator assigns field 3 to the appraiser, who lowers Sở Tư pháp's 3.2 with a reason; the agency explains.
        await cchc.GotoAsync(resultsUrl);
        await cchc.GetByLabel("Người thẩm định").SelectOptionAsync(new SelectOptionValue { Label = "Vũ Quốc Bảo (Tổ thẩm định)" });
        await cchc.Locator("#field-3").CheckAsync();
        await cchc.GetByTestId("assign").ClickAsync();
        await Expect(cchc.GetByTestId("assign-form")).ToContainTextAsync("Vũ Quốc Bảo (Tổ thẩm định) – lĩnh vực 3");
        var thamdinh = await SignedInAsync("thamdinh");
        await thamdinh.GotoAsync(resultsUrl);
        await thamdinh.Locator("[data-testid=ranking] a", new() { HasText = "Sở Tư pháp" }).ClickAsync();
        var tuphapUrl = thamdinh.Url;
        await Expect(thamdinh.GetByTestId("self-3.2")).ToHaveTextAsync("8"); // 99% on time → the 98% band
        await thamdinh.GetByLabel("Điểm thẩm định 3.2").FillAsync("6");
        await thamdinh.GetByLabel("Lý do 3.2").FillAsync("Hệ thống một cửa ghi nhận 96% hồ sơ đúng hạn.");
        await Expect(thamdinh.GetByLabel("Điểm thẩm định 1.1")).ToHaveCountAsync(0); // field 1 is not this appraiser's
        await thamdinh.GetByTestId("appraise").ClickAsync();
        await Expect(thamdinh.GetByTestId("appraised-3.2")).ToContainTextAsync("6");
        await Expect(thamdinh.GetByTestId("appraised-3.2")).ToContainTextAsync("96% hồ sơ đúng hạn");
        await Expect(thamdinh.GetByTestId("self-3.2")).ToHaveTextAsync("8"); // the self-assessed score is kept

        var tuphap = await SignedInAsync("tuphap");
        await tuphap.GotoAsync(tuphapUrl);
        await tuphap.GetByLabel("Tiêu chí").SelectOptionAsync("3.2");
        await tuphap.GetByLabel("Giải trình").FillAsync("Một số hồ sơ trễ do lỗi đồng bộ, đã có xác nhận của Văn phòng UBND.");
        await tuphap.GetByTestId("explain").ClickAsync();
        await Expect(tuphap.GetByTestId("appraised-3.2")).ToContainTextAsync("Giải trình: Một số hồ sơ trễ");
        await Expect(tuphap.GetByTestId("survey-8.1")).ToContainTextAsync("93,5% hài lòng");
        // The second appraisal, after the explanation, accepts part of it: 7 becomes the final score.
        await thamdinh.GotoAsync(tuphapUrl);
        await thamdinh.GetByLabel("Lần thẩm định").SelectOptionAsync("2");
        await thamdinh.GetByLabel("Điểm thẩm định 3.2").FillAsync("7");
        await thamdinh.GetByLabel("Lý do 3.2").FillAsync("Chấp nhận một phần giải trình (có xác nhận lỗi đồng bộ).");
        await thamdinh.GetByTestId("appraise").ClickAsync();
        await Expect(thamdinh.GetByTestId("second-3.2")).ToContainTextAsync("Thẩm định lần 2: 7");
        await Expect(thamdinh.GetByTestId("appraised-3.2")).ToContainTextAsync("96% hồ sơ đúng hạn"); // the first appraisal is kept
        // Before publication an agency cannot open the ranking.
        var forbidden = await tuphap.GotoAsync(resultsUrl);
        Assert.Equal(403, forbidden!.Status);

        // Ranking: each agency's index from the engine, best first; bands by threshold.
        await cchc.GotoAsync(resultsUrl);
        var rows = cchc.Locator("[data-testid=ranking] tbody tr");
        await Expect(rows).ToHaveCountAsync(await rows.CountAsync());
        var ranked = new List<(string Name, decimal Index, string Rank, string Band)>();
        foreach (var name in new[] { "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ" })
        {
            var row = rows.Filter(new() { HasText = name });
            ranked.Add(
                (name, decimal.Parse((await row.GetByTestId("index").InnerTextAsync()).Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture),
                await row.GetByTestId("rank").InnerTextAsync(), await row.GetByTestId("band").InnerTextAsync()));
        }
        Assert.True(ranked[0].Index > ranked[2].Index && ranked[2].Index > ranked[1].Index, string.Join("; ", ranked));
        Assert.Equal(("1", "2", "3"), (ranked[0].Rank, ranked[2].Rank, ranked[1].Rank));
        foreach (var r in ranked)
            Assert.Equal(r.Index >= 90 ? "Tốt" : r.Index >= 80 ? "Khá" : r.Index >= 65 ? "Trung bình" : "Yếu", r.Band);

        // Publication waits while agencies may still submit…
        await cchc.GetByLabel("Quyết định công bố kết quả").FillAsync("Quyết định số 125/QĐ-UBND ngày 20/01/2027");
        await cchc.GetByTestId("publish").ClickAsync();
        await Expect(cchc.GetByTestId("results-error")).ToContainTextAsync("đang trong hạn tự đánh giá");
        // …after the deadline (a month from opening) it names who did not submit and publishes once that is confirmed.
        server.SetNow(DateTimeOffset.UtcNow.AddDays(32));
        try
        {
            var late = await SignedInAsync("cchc");
            await late.GotoAsync(resultsUrl);
            await late.GetByLabel("Quyết định công bố kết quả").FillAsync("Quyết định số 125/QĐ-UBND ngày 20/01/2027");
            await late.GetByTestId("publish").ClickAsync();
            await Expect(late.GetByTestId("results-error")).ToContainTextAsync("cơ quan chưa nộp bản tự đánh giá");
            await late.GetByLabel("Quyết định công bố kết quả").FillAsync("Quyết định số 125/QĐ-UBND ngày 20/01/2027");
            await late.GetByTestId("confirm-not-submitted").CheckAsync();
            await late.GetByTestId("publish").ClickAsync();
            await Expect(late.GetByTestId("publication")).ToContainTextAsync("125/QĐ-UBND");
            await late.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "par-index-ranking.png"), FullPage = true });
        }
        finally { server.SetNow(null); }

        // Published: the agency sees everyone's results; so does a citizen without an account.
        await tuphap.GotoAsync(resultsUrl);
        await Expect(tuphap.Locator("[data-testid=ranking] tbody tr", new() { HasText = "Sở Tài chính" })).ToBeVisibleAsync();
        var citizen = await server.NewPageAsync();
        await citizen.GotoAsync(resultsUrl);
        await Expect(citizen.GetByTestId("publication")).ToContainTextAsync("125/QĐ-UBND");

        // The audit trail holds the appraisal with the old and new score.
        await cchc.GotoAsync("/Audit?entityType=Assessment");
        await Expect(cchc.Locator("body")).ToContainTextAsync("Thẩm định tiêu chí 3.2");
        await Expect(cchc.Locator("body")).ToContainTextAsync("Thẩm định lần 2 tiêu chí 3.2");
        await Expect(cchc.Locator("body")).ToContainTextAsync("Kết quả điều tra xã hội học: 8.1 93,5%");
    }

    [Fact]
    public async Task The_province_enters_the_points_of_bnvs_structure_self_assesses_and_downloads_its_report()
    {
        const int year = 2030;
        var cchc = await SignedInAsync("cchc");
        await cchc.GotoAsync("/ParIndex");
        await cchc.GetByTestId("bnv-preset").GetByLabel("Năm").FillAsync(year.ToString());
        await cchc.GetByTestId("bnv-preset").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(cchc.GetByTestId("framework-problems")).ToContainTextAsync("1.1: chưa có điểm tối đa.");
        var frameworkUrl = cchc.Url;

        // The administrator enters the points: 1 for every criterion without sub-criteria; 1.1 by options; parents are summed.
        var rows = cchc.Locator("[data-testid=framework-nodes] tbody tr");
        var leaves = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var code = await row.Locator("input[name$='.Code']").InputValueAsync();
            if (code == "" || await row.Locator("select[name$='.Rule']").InputValueAsync() is not ("manual" or "survey")) continue;
            leaves.Add(code);
            await row.Locator("input[name$='.Max']").FillAsync("1");
            if (code == "1.1")
            {
                await row.Locator("select[name$='.Rule']").SelectOptionAsync("options");
                await row.Locator("input[name$='.Params']").FillAsync("Hoàn thành=1; Hoàn thành một phần=0,5; Không hoàn thành=0");
            }
        }
        await cchc.GetByTestId("save-framework").ClickAsync();
        await Expect(cchc.GetByTestId("framework-message")).ToContainTextAsync("đã hoàn chỉnh");
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "par-index-framework.png") });
        await Expect(cchc.Locator("tr[data-code='1'] input[name$='.Max']")).ToHaveValueAsync(leaves.Count(c => c.StartsWith("1.")).ToString());

        // The province's own cycle: its one member is the province, assessed by the Coordinator.
        await cchc.GotoAsync("/ParIndex");
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "par-index-cycles.png"), FullPage = true });
        await cchc.GetByLabel("Bộ chỉ số", new() { Exact = true }).SelectOptionAsync(
            new SelectOptionValue { Label = $"Bộ Chỉ số CCHC cấp tỉnh (cấu trúc của Bộ Nội vụ) – tỉnh tự đánh giá năm {year}" });
        await cchc.GetByLabel("Nhóm cơ quan").FillAsync("TINH");
        await cchc.GetByLabel("Hạn tự đánh giá").FillAsync($"{year}-12-15");
        await cchc.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ đánh giá" }).ClickAsync();
        await cchc.Locator("[data-testid=ranking] a", new() { HasText = "Ủy ban nhân dân thành phố Hải Phòng" }).ClickAsync();
        await Expect(cchc.GetByTestId("assessment-status")).ToHaveTextAsync("Đang tự đánh giá");

        var evidence = Path.Combine(server.Artifacts, "ke-hoach-cchc-tinh.pdf");
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4\n% Kế hoạch CCHC của tỉnh\n"u8.ToArray());
        await cchc.GetByLabel("Tệp kiểm chứng").SetInputFilesAsync(evidence);
        await cchc.GetByLabel("Các tiêu chí được kiểm chứng").SelectOptionAsync(["1.1"]);
        await cchc.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Expect(cchc.GetByTestId("evidence")).ToContainTextAsync("ke-hoach-cchc-tinh.pdf — tiêu chí 1.1");

        await cchc.Locator("select[name='In[1.1].Value']").SelectOptionAsync("Hoàn thành một phần");
        foreach (var input in await cchc.Locator("input[name$='].Value']").AllAsync()) await input.FillAsync("1");
        var half = leaves.First(c => c.StartsWith("2."));
        await cchc.Locator($"input[name='In[{half}].Value']").FillAsync("0,5");
        foreach (var note in await cchc.Locator("input[name$='].Note']").AllAsync())
            if (await note.GetAttributeAsync("name") != "In[1.1].Note") await note.FillAsync("Theo báo cáo tổng kết công tác CCHC năm của tỉnh.");
        await cchc.GetByTestId("submit-assessment").ClickAsync();
        await Expect(cchc.GetByTestId("assessment-status")).ToHaveTextAsync("Đã gửi, đã khóa");
        // 1.1 and the first criterion of field 2 are half; the survey criteria (filled from survey results) have none yet.
        var surveys = await cchc.Locator("[data-testid^='survey-']").CountAsync();
        Assert.True(surveys > 0);
        var expected = leaves.Count - surveys - 1m;
        await Expect(cchc.GetByTestId("assessment-total"))
            .ToContainTextAsync($"Tổng điểm: {expected.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}/{leaves.Count}");
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "par-index-province-self-assessment.png"), FullPage = true });

        // The report to the Ministry: the summary table of self-scores, evidence or the explanation per criterion.
        var download = await cchc.RunAndWaitForDownloadAsync(() => cchc.GetByTestId("self-report-docx").ClickAsync());
        var docx = Path.Combine(server.Artifacts, "tu-danh-gia-chi-so-cchc-tinh.docx");
        await download.SaveAsAsync(docx);
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Kính gửi: Bộ Nội vụ.", text);
            Assert.Contains($"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}", text);
            Assert.Contains("ke-hoach-cchc-tinh.pdf", text);
            Assert.Contains("Giải thích: Theo báo cáo tổng kết công tác CCHC năm của tỉnh.", text);
        }
        OfficeRendering.RenderToPng(docx, "tu-danh-gia-chi-so-cchc-tinh");

        // Once a cycle uses the framework it is frozen.
        await cchc.GotoAsync(frameworkUrl);
        await Expect(cchc.GetByTestId("framework-in-use")).ToBeVisibleAsync();
        await Expect(cchc.GetByTestId("save-framework")).ToHaveCountAsync(0);
    }
}
