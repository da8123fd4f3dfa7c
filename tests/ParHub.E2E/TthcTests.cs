using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// The Coordinator imports a dossier export (previewed, then applied), sees an agency's rates on /Tthc for the
/// quarter, drills down to its late dossiers, sees the agency's year month by month and downloads the table; the
/// agency's officer opens the quarter's periodic report with its dossier figures filled in, and a PAR criterion whose
/// source is the on-time dossiers shows in its self-assessment the figure ParHub computed.
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var stp = page.Locator("[data-testid=tthc-figures] tr[data-agency=STP]");
        await Expect(stp).ToBeVisibleAsync();
        await Expect(stp.Locator("td[data-rate=tien_do]")).ToContainTextAsync("%");
        await Expect(page.Locator("[data-testid=tthc-figures] tr[data-agency='*']")).ToContainTextAsync("Toàn tỉnh");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "tthc-figures.png"), FullPage = true });

        await stp.GetByTestId("late-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sở Tư pháp");
        await Expect(page.Locator($"[data-testid=late-dossiers] tr[data-code^='{tag}']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "tthc-late.png"), FullPage = true });

        // The year month by month (chart drawn, the table beside it), the spreadsheet of the period.
        await page.GotoAsync("/Tthc?from=01/01/2026&to=31/03/2026");
        await page.GetByTestId("trend-agency").SelectOptionAsync(new SelectOptionValue { Label = "Sở Tư pháp" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem diễn biến" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Sở Tư pháp");
        await Expect(page.Locator("#tthc-trend[data-ready='1']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=tthc-months] td[data-month='1']")).ToContainTextAsync("%");
        await page.Locator("#trend").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "tthc-trend.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("tthc-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);

        // The agency's periodic report of the quarter opens with its dossier figures filled in by ParHub.
        var officer = await server.NewPageAsync();
        await server.SignInAsync(officer, "tuphap");
        await officer.GotoAsync("/Reports/Open?regime=haiphong-2018&period=2026-Q1");
        var field = officer.Locator("[data-field=dossiers_in_scope]");
        await Expect(field.GetByText("ParHub điền sẵn")).ToBeVisibleAsync();
        await Expect(officer.Locator("#f_dossiers_in_scope")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9.,]+$"));
        await field.ScrollIntoViewIfNeededAsync();
        await officer.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "tthc-report-field.png") });

        // A PAR criterion fed by the dossiers: the demo framework copied through its JSON into a framework of 2026 of its
        // own, its 3.2 read from the one-stop data; the agency's self-assessment shows the figure ParHub computed.
        await page.GotoAsync("/ParIndex");
        var demoRow = page.Locator("tr[data-framework^='demo-so-nganh-']").First;
        var json = await page.RunAndWaitForDownloadAsync(() => demoRow.GetByRole(AriaRole.Link, new() { Name = "JSON", Exact = true }).ClickAsync());
        var jsonPath = Path.Combine(server.Artifacts, "bo-chi-so-mau.json");
        await json.SaveAsAsync(jsonPath);
        await page.Locator("#fwfile").SetInputFilesAsync(jsonPath);
        await page.Locator("#fwyear").FillAsync("2026");
        await page.Locator("#fwcode").FillAsync("tthc-" + tag.TrimEnd('-').ToLowerInvariant());
        await page.Locator("#fwtitle").FillAsync("Bộ chỉ số CCHC các sở năm 2026, tiêu chí hồ sơ TTHC lấy từ hệ thống một cửa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập rồi xem lại" }).ClickAsync();
        await Expect(page.GetByTestId("save-framework")).ToBeVisibleAsync();
        var framework = page.Url.Split('/').Last().Split('?')[0];
        await page.GetByLabel("Nguồn số liệu 3.2", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hồ sơ TTHC đúng hạn" });
        await page.GetByTestId("save-framework").ClickAsync();
        await Expect(page.GetByTestId("framework-message")).ToBeVisibleAsync();
        await page.GotoAsync("/ParIndex");
        await page.GetByLabel("Bộ chỉ số", new() { Exact = true }).SelectOptionAsync(framework);
        await page.GetByLabel("Nhóm cơ quan").FillAsync("SBN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ đánh giá" }).ClickAsync();
        await Expect(page.GetByTestId("publication")).ToContainTextAsync("Chưa công bố");
        var cycle = page.Url.Split('/').Last();
        await officer.GotoAsync("/ParIndex");
        await officer.Locator($"tr[data-cycle='{cycle}']").GetByTestId("own-assessment").ClickAsync();
        var criterion = officer.GetByTestId("computed-3.2");
        await Expect(criterion).ToContainTextAsync("ParHub tính");
        await Expect(criterion).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[0-9.]+/[0-9.]+ hồ sơ giải quyết trước, đúng hạn năm 2026"));
        await criterion.ScrollIntoViewIfNeededAsync();
        await officer.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "tthc-par-criterion.png") });
    }
}
