using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// Two officers report the first quarter of the demo year (one on time, one late), the Sở Nội vụ returns one and
/// accepts the other, the reporting-rate page counts them, and the province's Word report carries the totals.
/// </summary>
[Collection("server")]
public class ReportTests(ParHubServer server)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Fills every field of the form: numbers from <paramref name="numbers"/> (0 otherwise), a sentence in each text.</summary>
    private static async Task FillAsync(IPage page, Dictionary<string, string> numbers, string agency)
    {
        foreach (var input in await page.Locator("#report-form input[name$='].Value'], #report-form input[name$='].Denominator']").AllAsync())
        {
            var name = (await input.GetAttributeAsync("name"))!;
            var code = name[3..name.IndexOf(']')];
            if (numbers.TryGetValue(code, out var n)) await input.FillAsync(n);
            else if (await input.InputValueAsync() == "") await input.FillAsync("0");
        }
        foreach (var area in await page.Locator("#report-form textarea").AllAsync())
            await area.FillAsync($"{agency} đã triển khai đầy đủ các nhiệm vụ của kỳ báo cáo.");
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, user);
        return page;
    }

    [Fact]
    public async Task Two_officers_report_the_first_quarter_the_coordinator_reviews_and_the_province_report_carries_the_totals()
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        var period = $"{year}-Q1";
        try
        {
            // Sở Tư pháp reports on 4 March, before the due date (5 March under the Hải Phòng regime).
            server.SetNow(new DateTimeOffset(year, 3, 4, 9, 0, 0, Vietnam));
            var tuphap = await SignedInAsync("tuphap");
            await tuphap.GotoAsync("/Reports");
            await tuphap.Locator($"tr[data-period='{period}'] [data-testid=open-report]").ClickAsync();
            await Expect(tuphap.GetByTestId("report-status")).ToHaveTextAsync("Đang soạn");
            await Expect(tuphap.Locator("[data-field=plan_tasks] .badge").First).ToHaveTextAsync("ParHub điền sẵn");
            // Submit is refused until the form is complete and its parts add up.
            await tuphap.GetByTestId("submit-report").ClickAsync();
            await Expect(tuphap.GetByTestId("report-error")).ToContainTextAsync("Chưa thể gửi báo cáo");
            await FillAsync(tuphap, new()
            {
                ["docs_issued"] = "3", ["feedback_new"] = "1.150", ["feedback_done"] = "1.000", ["feedback_in_progress"] = "150",
                ["feedback_in_time"] = "140", ["feedback_overdue"] = "10"
            }, "Sở Tư pháp");
            await tuphap.GetByTestId("submit-report").ClickAsync();
            await Expect(tuphap.GetByTestId("report-status")).ToHaveTextAsync("Đã gửi, chờ xem xét");
            await Expect(tuphap.GetByTestId("timeliness")).ToHaveTextAsync("đúng hạn");
            var tuphapReport = tuphap.Url;

            // Sở Tài chính reports on 9 March: late.
            server.SetNow(new DateTimeOffset(year, 3, 9, 10, 0, 0, Vietnam));
            var taichinh = await SignedInAsync("taichinh");
            await taichinh.GotoAsync($"/Reports/Open?regime=haiphong-2018&period={period}");
            await FillAsync(taichinh, new()
            {
                ["docs_issued"] = "4", ["feedback_new"] = "50", ["feedback_done"] = "50", ["invest_plan"] = "1.000,5",
                ["invest_disbursed"] = "500,25"
            }, "Sở Tài chính");
            await taichinh.GetByTestId("submit-report").ClickAsync();
            await Expect(taichinh.GetByTestId("report-status")).ToHaveTextAsync("Đã gửi, chờ xem xét");
            await Expect(taichinh.GetByTestId("timeliness")).ToHaveTextAsync("gửi muộn");
            var taichinhReport = taichinh.Url;

            // The coordinator sees the rates, returns the first report and accepts the second.
            var cchc = await SignedInAsync("cchc");
            await cchc.GotoAsync($"/Reports/Rates?regime=haiphong-2018&period={period}");
            await Expect(cchc.GetByTestId("on-time")).ToHaveTextAsync("1");
            await Expect(cchc.GetByTestId("late")).ToHaveTextAsync("1");
            var expected = int.Parse(await cchc.GetByTestId("expected").InnerTextAsync());
            await Expect(cchc.GetByTestId("missing")).ToHaveTextAsync((expected - 2).ToString());
            await Expect(cchc.Locator("tr[data-state=OnTime]")).ToContainTextAsync("Sở Tư pháp");
            await Expect(cchc.Locator("tr[data-state=Late]")).ToContainTextAsync("Sở Tài chính");
            await Expect(cchc.Locator("tr[data-state=Missing]")).ToHaveCountAsync(expected - 2);
            await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "report-rates.png"), FullPage = true });

            await cchc.GotoAsync(tuphapReport);
            await cchc.GetByLabel("Ý kiến (bắt buộc khi trả lại hoặc mở lại)")
                .FillAsync("Đề nghị bổ sung số liệu giải ngân vốn đầu tư công.");
            await cchc.GetByTestId("return-report").ClickAsync();
            await Expect(cchc.GetByTestId("report-status")).ToHaveTextAsync("Bị trả lại, cần sửa");
            await cchc.GotoAsync(taichinhReport);
            await cchc.GetByTestId("accept-report").ClickAsync();
            await Expect(cchc.GetByTestId("report-status")).ToHaveTextAsync("Đã tiếp nhận");

            // Sở Tư pháp is told: the unread count in the menu, the notice with the reason, and one e-mail at the SMTP server.
            tuphap = await SignedInAsync("tuphap");
            await tuphap.GotoAsync("/");
            await Expect(tuphap.GetByTestId("unread-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9][0-9]*\s+chưa đọc$"));
            await tuphap.GetByTestId("notifications-link").ClickAsync();
            var subject = $"Báo cáo CCHC Quý I/{year} bị trả lại";
            var notice = tuphap.GetByTestId("notification").Filter(new() { HasText = subject });
            await Expect(notice).ToHaveCountAsync(1);
            await Expect(notice).ToContainTextAsync("Lý do, ý kiến: Đề nghị bổ sung số liệu giải ngân vốn đầu tư công.");
            await tuphap.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "notifications-officer.png"), FullPage = true });
            bool ToTuphap(MimeKit.MimeMessage m) => m.Subject == subject && m.To.Mailboxes.Any(x => x.Address == "tuphap@demo.parhub.vn");
            await WaitForAsync(() => server.Smtp.Messages.Any(ToTuphap));
            await Task.Delay(TimeSpan.FromSeconds(5)); // two more rounds of the outbox: still one
            var mail = Assert.Single(server.Smtp.Messages, ToTuphap);
            Assert.Contains("Đề nghị bổ sung số liệu giải ngân vốn đầu tư công.", mail.TextBody);
            Assert.Contains(server.BaseUrl + "/Reports/Report/", mail.TextBody);
            // Opening the notice leads to the report and marks it read.
            await notice.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
            await Expect(tuphap).ToHaveURLAsync(
                new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(new Uri(tuphapReport).AbsolutePath) + "$"));

            // Sở Tư pháp corrects and sends again (still on time: the first submission counts); accepted.
            await tuphap.GotoAsync(tuphapReport);
            await Expect(tuphap.GetByTestId("review-comment")).ToContainTextAsync("bổ sung số liệu giải ngân");
            await tuphap.Locator("input[name='In[invest_plan].Value']").FillAsync("2.000");
            await tuphap.Locator("input[name='In[invest_disbursed].Value']").FillAsync("1.499,75");
            await tuphap.GetByTestId("submit-report").ClickAsync();
            await Expect(tuphap.GetByTestId("report-status")).ToHaveTextAsync("Đã gửi, chờ xem xét");
            await cchc.GotoAsync(tuphapReport);
            await cchc.GetByTestId("accept-report").ClickAsync();
            await Expect(cchc.GetByTestId("report-status")).ToHaveTextAsync("Đã tiếp nhận");
            await cchc.GotoAsync($"/Reports/Rates?regime=haiphong-2018&period={period}");
            await Expect(cchc.GetByTestId("on-time")).ToHaveTextAsync("1");
            await Expect(cchc.GetByTestId("late")).ToHaveTextAsync("1");

            // Live totals: sums of the two reports; the disbursement rate is total over total (2.000 of 3.000,5).
            await cchc.GotoAsync($"/Reports/Province?regime=haiphong-2018&period={period}");
            await Expect(cchc.GetByTestId("total-docs_issued")).ToHaveTextAsync("7");
            await Expect(cchc.GetByTestId("total-feedback_new")).ToHaveTextAsync("1.200");
            await Expect(cchc.GetByTestId("total-invest_rate")).ToHaveTextAsync("66,66%");
            await Expect(cchc.GetByTestId("narratives")).ToContainTextAsync("Sở Tư pháp");
            await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "report-province.png"), FullPage = true });

            var download = await cchc.RunAndWaitForDownloadAsync(() => cchc.GetByTestId("download-docx").ClickAsync());
            var docx = Path.Combine(server.Artifacts, "bao-cao-cchc-quy-1.docx");
            await download.SaveAsAsync(docx);
            using (var doc = WordprocessingDocument.Open(docx, false))
            {
                var text = doc.MainDocumentPart!.Document.Body!.InnerText;
                Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
                Assert.Contains("BÁO CÁO", text);
                Assert.Contains($"quý I năm {year}", text);
                Assert.Contains("Số văn bản chỉ đạo, điều hành CCHC đã ban hành: 7 văn bản", text);
                Assert.Contains("Phản ánh, kiến nghị tiếp nhận mới: 1.200 phản ánh, kiến nghị", text);
                Assert.Contains("Tỷ lệ giải ngân vốn đầu tư công: 66,66%", text);
                Assert.Contains("trên cơ sở báo cáo của 2/", text);
            }
            OfficeRendering.RenderToPng(docx, "bao-cao-cchc-quy-1");
        }
        finally
        {
            server.SetNow(null);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the SMTP server did not receive the mail");
            await Task.Delay(200);
        }
    }
}
