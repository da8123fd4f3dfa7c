using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// A real plan nobody here wrote (TP.HCM's QĐ 2820/QĐ-UBND, with rows that continue merged cells) imported in the
/// browser: every one of its 28 task lines is previewed (today 25, with no warning), a row left red blocks Confirm,
/// and once every row is fixed or kept "chưa giao" the plan is stored with all 28.
/// </summary>
[Collection("server")]
public class PlanImportFidelityTests(ParHubServer server)
{
    private const string Doc = "03_hcm-2820-qd-ubnd-2025-kh-trien-khai-qd06-ttg.txt";

    private static string DocumentPath()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var fixture = Path.Combine(d.FullName, "tests", "fixtures", "corpus", "docs", Doc);
            if (File.Exists(fixture)) return fixture;
        }
        throw new FileNotFoundException("tests/fixtures/corpus/docs/" + Doc);
    }

    [Fact]
    public async Task A_plan_with_merged_cell_rows_imports_every_task_and_a_red_row_blocks_confirm()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        await page.GotoAsync("/Plans/Import");
        await page.GetByLabel("Tệp kế hoạch").SetInputFilesAsync(DocumentPath());
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(page.GetByTestId("preview-summary")).ToContainTextAsync("28 nhiệm vụ");
        await Expect(page.Locator("tr[data-row]")).ToHaveCountAsync(28);
        // The un-numbered row that continues a merged cell is its own task, with its own lead (not glued to the row above).
        var row = page.Locator("tr[data-row]", new() { HasText = "Xây dựng hạ tầng kỹ thuật dự phòng" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("textarea[aria-label^='Cơ quan chủ trì']")).ToHaveValueAsync("Trung tâm Chuyển đổi số Thành phố");

        // TP.HCM's agencies are not in this province's directory: every such row is red and Confirm is refused.
        await Expect(page.GetByTestId("confirm-import")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("preview-blocked")).ToContainTextAsync("chưa có cơ quan chủ trì trong danh mục");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-import-blocked.png"), FullPage = true });

        // All but one kept "chưa giao": the one left red still blocks.
        var keeps = page.Locator("tr.blocking input[data-testid^=keep-]");
        var count = await keeps.CountAsync();
        Assert.True(count > 1, $"{count} blocking rows");
        for (var i = count - 1; i >= 1; i--) await keeps.Nth(i).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra lại" }).ClickAsync();
        await Expect(page.Locator("tr.blocking")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("confirm-import")).ToBeDisabledAsync();

        // The last one kept too: confirmed, and every task is stored.
        await page.Locator("tr.blocking input[data-testid^=keep-]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra lại" }).ClickAsync();
        await Expect(page.Locator("tr.blocking")).ToHaveCountAsync(0);
        await page.GetByTestId("confirm-import").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-import-2820-confirmed.png"), FullPage = true });
        await Expect(page.Locator("[data-testid=plan-tasks] tbody tr")).ToHaveCountAsync(28);
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-import-2820.png"), FullPage = true });

        // The tasks kept "chưa giao" are on the Coordinator's board.
        await page.GotoAsync("/Tasks");
        await Expect(page.GetByTestId("unassigned-alert")).ToContainTextAsync("nhiệm vụ chưa giao");
    }
}
