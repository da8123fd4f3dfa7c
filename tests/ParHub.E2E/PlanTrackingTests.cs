using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

[Collection("server")]
public class PlanTrackingTests(ParHubServer server)
{
    private static string SeedText()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var fixture = Path.Combine(d.FullName, "tests", "fixtures", "seeds", "000_4485116301db7f91.txt");
            if (File.Exists(fixture)) return File.ReadAllText(fixture);
            var f = Path.Combine(d.FullName, "shared", "seeds", "000_4485116301db7f91.txt");
            if (File.Exists(f)) return File.ReadAllText(f);
        }
        throw new FileNotFoundException("shared/seeds/000_4485116301db7f91.txt");
    }

    [Fact]
    public async Task Import_seed_000_as_docx_then_an_officer_reports_a_task_done_and_the_digest_reaches_smtp()
    {
        var docx = Path.Combine(server.Artifacts, "ke-hoach-cchc-2018.docx");
        await File.WriteAllBytesAsync(docx, DocxBuilder.FromSeedText(SeedText()));

        // The coordinator imports the plan: upload, preview, confirm.
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        await page.GotoAsync("/Plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập kế hoạch từ tệp" }).ClickAsync();
        await page.GetByLabel("Tệp kế hoạch").SetInputFilesAsync(docx);
        await page.GetByLabel("Năm kế hoạch").FillAsync("2018");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(page.GetByTestId("preview-summary")).ToContainTextAsync("37 nhiệm vụ");
        await Expect(page.Locator("tr[data-row]")).ToHaveCountAsync(37);
        await Expect(page.Locator("td.cell-error").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-import-preview.png") });
        // A row whose lead is not in the directory blocks Confirm until it is fixed, removed or kept "chưa giao".
        var blocking = page.Locator("tr.blocking");
        if (await blocking.CountAsync() > 0)
        {
            await Expect(page.GetByTestId("confirm-import")).ToBeDisabledAsync();
            await Expect(page.GetByTestId("preview-blocked")).ToContainTextAsync("chưa có cơ quan chủ trì trong danh mục");
            var keeps = page.Locator("tr.blocking input[data-testid^=keep-]");
            for (var i = await keeps.CountAsync() - 1; i >= 0; i--) await keeps.Nth(i).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra lại" }).ClickAsync();
            await Expect(page.Locator("tr.blocking")).ToHaveCountAsync(0);
        }
        await Expect(page.GetByTestId("confirm-import")).ToBeEnabledAsync();
        await page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page.GetByTestId("plan-title")).ToContainTextAsync("năm 2018");
        await Expect(page.Locator("[data-testid=plan-tasks] tbody tr")).ToHaveCountAsync(37);
        var done = page.GetByTestId("done-sentence").First;
        await Expect(done).ToHaveTextAsync("00/37 nhiệm vụ hoàn thành");
        var planUrl = page.Url;

        // The officer of Sở Tư pháp reports task 16 done.
        var officer = await server.NewPageAsync();
        await server.SignInAsync(officer, "tuphap");
        await officer.GotoAsync(planUrl);
        await officer.Locator("tr[data-task='16'] a").ClickAsync();
        await officer.GetByLabel("Tình trạng").SelectOptionAsync("Done");
        await officer.GetByLabel("Ngày hoàn thành").FillAsync("20/02/2018"); // typed day first
        await officer.GetByLabel("Số văn bản sản phẩm").FillAsync("456/QĐ-UBND");
        await officer.GetByLabel("Ghi chú").FillAsync("Đã ban hành Quyết định công bố.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu tiến độ" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã cập nhật tiến độ");
        await officer.GotoAsync(planUrl);
        await Expect(officer.GetByTestId("done-sentence").First).ToHaveTextAsync("01/37 nhiệm vụ hoàn thành");
        await Expect(officer.GetByTestId("n-done-on-time").First).ToHaveTextAsync("1");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-after-progress.png"), FullPage = false });

        // The officer cannot move the deadline; the form is not even there.
        await officer.Locator("tr[data-task='17'] a").ClickAsync();
        await Expect(officer.GetByText("Điều chỉnh thời hạn")).ToHaveCountAsync(0);

        // The daily digest of 28/10/2018 (task 17 of Sở Tư pháp is due on 31/10) reaches the local SMTP server, and does not repeat itself.
        using var first = JsonDocument.Parse(await server.RunAsync("digest", "--date", "2018-10-28"));
        Assert.True(first.RootElement.GetProperty("emails").GetInt32() >= 2, first.RootElement.ToString());
        await WaitForAsync(() => server.Smtp.Output.Contains("tuphap@demo.parhub.vn") && server.Smtp.Output.Contains("cchc@demo.parhub.vn"));
        using var second = JsonDocument.Parse(await server.RunAsync("digest", "--date", "2018-10-28"));
        Assert.Equal(0, second.RootElement.GetProperty("items").GetInt32());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the SMTP server did not receive the digest");
            await Task.Delay(200);
        }
    }
}
