using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// Imported, corrected by hand (in the preview and on the task's page), then imported again in the browser: the
/// preview shows per task what the document changed and what was corrected by hand; the corrections survive unless
/// the officer picks the document's value; quarterly work becomes four dues.
/// </summary>
[Collection("server")]
public class PlanReimportTests(ParHubServer server)
{
    private static string Plan(string number, string row3, string row2 = "2\tBáo cáo tình hình thực hiện\tSở Nội vụ\tHằng quý\n") =>
        $"ỦY BAN NHÂN DÂN TỈNH THỬ\nSố: {number}/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2024\n"
        + "STT\tNội dung công việc\tCơ quan chủ trì\tThời gian thực hiện\n"
        + "1\tRà soát thủ tục hành chính\tSở Nôi vụ viết sai\tQuý II/2024\n" + row2 + row3;

    private async Task PreviewAsync(IPage page, string text, string name)
    {
        var path = Path.Combine(server.Artifacts, name);
        await File.WriteAllTextAsync(path, text);
        await page.GotoAsync("/Plans/Import");
        await page.GetByLabel("Tệp kế hoạch").SetInputFilesAsync(path);
        await page.GetByLabel("Năm kế hoạch").FillAsync("2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
    }

    [Fact]
    public async Task Hand_corrections_survive_a_reimport_and_the_preview_shows_the_diff()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        var number = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row3 = "3\tKiểm tra công vụ\tSở Nội vụ\tQuý III/2024\n";

        // First import: the unknown lead fixed in the preview; "Hằng quý" is shown as four dues.
        await PreviewAsync(page, Plan(number, row3), $"kh-{number}.txt");
        await Expect(page.GetByTestId("occurrences-1")).ToContainTextAsync("4 lần: Quý I/2024 … Quý IV/2024");
        await page.GetByTestId("lead-0").FillAsync("Sở Nội vụ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra lại" }).ClickAsync();
        await page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page.Locator("[data-testid=plan-tasks] tbody tr")).ToHaveCountAsync(6);

        // Task 3 corrected on its page.
        await page.Locator("[data-testid=plan-tasks] a", new() { HasText = "Kiểm tra công vụ" }).ClickAsync();
        await page.GetByTestId("correct-task").Locator("summary").ClickAsync();
        await page.Locator("#c-content").FillAsync("Kiểm tra công vụ tại 10 cơ quan");
        await page.GetByTestId("correct-lead").FillAsync("Sở Tư pháp");
        await page.GetByTestId("correct-save").ClickAsync();
        await Expect(page.GetByTestId("task-content")).ToContainTextAsync("Kiểm tra công vụ tại 10 cơ quan");

        // The document changes task 3's lead (corrected by hand too: a conflict) and its time (not corrected).
        await PreviewAsync(page, Plan(number, "3\tKiểm tra công vụ\tSở Tài chính\tQuý IV/2024\n"), $"kh-{number}-sua.txt");
        var diff = page.GetByTestId("reimport-diff");
        await Expect(diff).ToBeVisibleAsync();
        await Expect(diff.Locator("tr[data-row='1'][data-field=Lead]")).ToContainTextAsync("giữ bản sửa tay");
        await Expect(diff.Locator("tr[data-row='3'][data-field=Content]")).ToContainTextAsync("Kiểm tra công vụ tại 10 cơ quan");
        await Expect(diff.Locator("tr[data-row='3'][data-field=Lead]")).ToContainTextAsync("văn bản cũng thay đổi");
        await Expect(diff.Locator("tr[data-row='3'][data-field=Timeframe]")).ToContainTextAsync("cập nhật theo văn bản");
        // The document's unknown lead of row 1 does not block: the stored correction stays.
        await Expect(page.GetByTestId("confirm-import")).ToBeEnabledAsync();
        await diff.Locator("tr[data-row='3'][data-field=Lead] input[type=checkbox]").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-reimport-diff.png"), FullPage = true });
        await page.GetByTestId("confirm-import").ClickAsync();

        var row = page.Locator("[data-testid=plan-tasks] tr[data-task='3']");
        await Expect(row).ToContainTextAsync("Kiểm tra công vụ tại 10 cơ quan");
        await Expect(row).ToContainTextAsync("Sở Tài chính");
        await Expect(row).ToContainTextAsync("31/12/2024");
        await Expect(page.Locator("[data-testid=plan-tasks] tr[data-task='1']")).ToContainTextAsync("Sở Nội vụ");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-reimport-applied.png"), FullPage = true });
    }
}
