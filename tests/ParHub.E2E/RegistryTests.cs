using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// Issue 16's browser check: Sở Tư pháp records its inspection of one of its two units, with a finding; the finding's
/// remedy appears as a task of the inspected unit; the department's annual report opens with the inspection fields filled
/// in from the registry, their source shown; its PAR self-assessment shows the coverage criterion ParHub computed (1 of 2
/// units), with its source; the Coordinator sees the province's coverage by group.
/// </summary>
[Collection("server")]
public class RegistryTests(ParHubServer server)
{
    [Fact]
    public async Task An_inspection_with_a_finding_becomes_a_remedy_task_and_feeds_the_report_and_the_coverage_criterion()
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "tuphap");
        await page.GotoAsync("/Registries");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kiểm tra công tác cải cách hành chính" }).ClickAsync();
        await page.GetByTestId("registry-new").ClickAsync();
        await page.GetByLabel("Cơ quan, đơn vị ghi sổ").SelectOptionAsync(new SelectOptionValue { Label = "Sở Tư pháp" });
        await page.GetByLabel("Thời gian kiểm tra dự kiến").FillAsync($"09/10/{year}");
        await page.GetByLabel("Cơ quan, đơn vị được kiểm tra")
            .SelectOptionAsync(new SelectOptionValue { Label = "Trung tâm Trợ giúp pháp lý nhà nước thành phố" });
        await page.GetByLabel("Đoàn kiểm tra (trưởng đoàn, quyết định thành lập)").FillAsync("Đoàn kiểm tra của Sở, Trưởng đoàn: Phó Giám đốc Sở");
        await page.GetByLabel("Ngày kiểm tra thực tế").FillAsync($"10/10/{year}");
        await page.GetByLabel("Văn bản thông báo kết luận").FillAsync($"88/TB-STP ngày 20/10/{year}");
        await page.GetByTestId("registry-save").ClickAsync();
        await Expect(page.GetByTestId("message")).ToHaveTextAsync("Đã thêm cuộc kiểm tra.");

        await page.GetByLabel("Tồn tại, hạn chế").FillAsync("Chưa niêm yết công khai quy trình trợ giúp pháp lý tại trụ sở");
        await page.GetByLabel("Thời hạn", new() { Exact = true }).FillAsync($"15/01/{year + 1}");
        await page.GetByTestId("finding-add").ClickAsync();
        await Expect(page.GetByTestId("message")).ToContainTextAsync($"hạn 15/01/{year + 1}");
        var finding = page.Locator("[data-testid=findings] tr[data-task]");
        await Expect(finding).ToHaveCountAsync(1);
        await Expect(finding).ToContainTextAsync("Đang thực hiện");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "registry-inspection.png"), FullPage = true });

        // The remedy is a task of the inspected unit, assigned by the conclusion, due on the date given.
        await finding.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByText("Chưa niêm yết công khai quy trình trợ giúp pháp lý tại trụ sở").First).ToBeVisibleAsync();
        await Expect(page.GetByText($"88/TB-STP ngày 20/10/{year}").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Trung tâm Trợ giúp pháp lý nhà nước thành phố").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "registry-remedy-task.png"), FullPage = true });

        // The annual report: the inspection fields prefilled from the registry, each with its source.
        await page.GotoAsync($"/Reports/Open?regime=haiphong-2018&period={year}-Y");
        await Expect(page.Locator("#f_inspections_planned")).ToHaveValueAsync("1");
        await Expect(page.Locator("#f_inspected_units")).ToHaveValueAsync("1");
        await Expect(page.Locator("#f_inspection_coverage")).ToHaveValueAsync("1");
        await Expect(page.GetByLabel("Đơn vị trực thuộc được kiểm tra trong năm / tổng số đơn vị trực thuộc – mẫu số")).ToHaveValueAsync("2");
        await Expect(page.GetByTestId("source-inspection_coverage")).ToContainTextAsync("Theo sổ theo dõi kiểm tra CCHC trên ParHub");
        await Expect(page.GetByTestId("source-inspections_planned")).ToContainTextAsync("Kiểm tra công tác cải cách hành chính");
        await page.Locator("[data-field=inspected_units]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "registry-report-fields.png") });

        // The PAR self-assessment: the coverage criterion computed by ParHub from the registry, with its source.
        await page.GotoAsync("/ParIndex");
        await page.GetByTestId("own-assessment").First.ClickAsync();
        var criterion = page.GetByTestId("computed-1.6");
        await Expect(criterion).ToContainTextAsync("ParHub tính");
        await Expect(criterion).ToContainTextAsync($"1/2 đơn vị trực thuộc được kiểm tra CCHC năm {year} (sổ kiểm tra CCHC trên ParHub)");
        await criterion.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "registry-coverage-criterion.png") });

        // The province's coverage by group, against the 30% target.
        var cchc = await server.NewPageAsync();
        await server.SignInAsync(cchc, "cchc");
        await cchc.GotoAsync($"/Registries/kiem-tra?year={year}");
        await Expect(cchc.Locator("[data-testid=coverage] tr[data-group='Các sở, ban, ngành']")).ToContainTextAsync("%");
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "registry-coverage.png"), FullPage = true });
    }
}
