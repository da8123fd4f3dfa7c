using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// The Coordinator imports a dossier export (previewed, then applied), sees an agency's rates on /Tthc for the
/// quarter, and drills down to its late dossiers.
/// </summary>
[Collection("server")]
public class TthcTests(ParHubServer server)
{
    private static string Fixture()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var f = Path.Combine(d.FullName, "tests", "fixtures", "tthc", "dossiers.csv");
            if (File.Exists(f)) return f;
        }
        throw new FileNotFoundException("tests/fixtures/tthc/dossiers.csv");
    }

    [Fact]
    public async Task The_coordinator_imports_dossiers_sees_an_agencys_rates_and_drills_to_its_late_dossiers()
    {
        // The fixture's rows under codes of this run's own.
        var tag = $"E2E{Random.Shared.Next(100000, 999999)}-";
        var lines = File.ReadAllLines(Fixture());
        var csv = Path.Combine(server.Artifacts, "ho-so-mot-cua.csv");
        await File.WriteAllLinesAsync(csv, lines.Take(1).Concat(lines.Skip(1).Select(l => tag + l)));

        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        await page.GotoAsync("/Tthc");
        await page.GetByTestId("tthc-import-link").ClickAsync();
        await page.GetByLabel("Tệp hồ sơ").SetInputFilesAsync(csv);
        await page.GetByTestId("import-preview").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("20 dòng hợp lệ, 0 dòng lỗi");
        await Expect(page.GetByTestId("import-agencies")).ToContainTextAsync("Sở Tư pháp");
        await page.GetByTestId("import-apply").ClickAsync();
        await Expect(page.GetByTestId("import-done")).ToContainTextAsync("20 mới, 0 cập nhật, 0 không đổi");

        await page.GotoAsync("/Tthc");
        await page.GetByLabel("Từ ngày").FillAsync("01/01/2026");
        await page.GetByLabel("Đến ngày").FillAsync("31/03/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        var stp = page.Locator("[data-testid=tthc-figures] tr[data-agency=STP]");
        await Expect(stp).ToBeVisibleAsync();
        await Expect(stp.Locator("td[data-rate=tien_do]")).ToContainTextAsync("%");
        await Expect(page.Locator("[data-testid=tthc-figures] tr[data-agency='*']")).ToContainTextAsync("Toàn tỉnh");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "tthc-figures.png"), FullPage = true });

        await stp.GetByTestId("late-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sở Tư pháp");
        await Expect(page.Locator($"[data-testid=late-dossiers] tr[data-code^='{tag}']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "tthc-late.png"), FullPage = true });
    }
}
