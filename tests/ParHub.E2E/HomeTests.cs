using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>Each role signs in and finds on its home what needs it now, from the data the demo seeds.</summary>
[Collection("server")]
public class HomeTests(ParHubServer server)
{
    private async Task<IPage> HomeAsync(string user)
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, user);
        await page.GotoAsync("/");
        return page;
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, $"home-{name}.png"), FullPage = true });

    [Fact]
    public async Task The_officer_sees_the_agencys_overdue_tasks_the_reports_owed_the_self_assessment_left_and_unread_notices()
    {
        var page = await HomeAsync("tuphap");
        var home = page.GetByTestId("home-officer");
        await Expect(home).ToContainTextAsync("Sở Tư pháp");
        await Expect(page.GetByTestId("overdue-count")).ToHaveTextAsync(new Regex(@"^[1-9]\d* quá hạn$"));
        await Expect(page.GetByTestId("home-tasks").Locator("li").First).ToContainTextAsync("Quá hạn");
        // The reports of this year the demo leaves to the agency: owed, the latest first.
        await Expect(page.GetByTestId("home-reports").Locator("li").First).ToContainTextAsync("hạn ");
        await Expect(page.GetByTestId("home-report-state").First).ToBeVisibleAsync();
        // This year's self-assessment, half done in the demo.
        await Expect(page.GetByTestId("home-assessments")).ToContainTextAsync($"Năm {DateTime.UtcNow.AddHours(7).Year}");
        await Expect(page.GetByTestId("home-assessment-left").First).ToHaveTextAsync(new Regex(@"^Còn [1-9]\d*/\d+ tiêu chí chưa chấm"));
        await Expect(page.GetByTestId("home-unread")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await ShotAsync(page, "officer");
        // A task of the list opens the task.
        await page.GetByTestId("home-tasks").Locator("a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Tasks/Details/\d+$"));

        // Sở Tài chính's assessment was appraised below its own score: it is asked to explain.
        var stc = await HomeAsync("taichinh");
        await Expect(stc.GetByTestId("home-assessment-left").Filter(new() { HasText = "1 tiêu chí cần giải trình" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_coordinator_sees_the_rates_of_the_open_period_overdue_tasks_by_agency_reviews_cycles_and_surveys()
    {
        var page = await HomeAsync("cchc");
        await Expect(page.GetByTestId("home-rates")).ToHaveTextAsync(new Regex(@"\d+/\d+ cơ quan đã nộp: \d+ đúng hạn, \d+ muộn;\s+\d+ chưa nộp"));
        await Expect(page.GetByTestId("home-overdue-agencies").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("home-review")).ToContainTextAsync("báo cáo đã gửi chờ tiếp nhận");
        await Expect(page.GetByTestId("home-cycles")).ToContainTextAsync(new Regex(@"nhóm SBN:\s+\d+/\d+ cơ quan đã nộp tự đánh giá"));
        await Expect(page.GetByTestId("home-surveys")).ToContainTextAsync("phiếu");
        await ShotAsync(page, "coordinator");
        // The rates link opens the period being collected.
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem tỷ lệ và nhắc cơ quan chưa nộp" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Reports/Rates\?regime=[\w-]+&period=\d{4}-\w+$"));
        // Without parameters the rates and the province report open the period being collected (no 404).
        Assert.Equal(200, (await page.GotoAsync("/Reports/Rates"))!.Status);
        await Expect(page).ToHaveURLAsync(new Regex(@"period=\d{4}-\w+$"));
        Assert.Equal(200, (await page.GotoAsync("/Reports/Province"))!.Status);
    }

    [Fact]
    public async Task The_appraiser_sees_the_assessments_waiting_in_their_fields()
    {
        var page = await HomeAsync("thamdinh");
        await Expect(page.GetByTestId("home-appraiser-fields").First).ToHaveTextAsync("Lĩnh vực được phân công: 1, 2");
        var stc = page.GetByTestId("home-appraiser-waiting").First.Locator("tr", new() { HasText = "Sở Tài chính" });
        await Expect(stc).ToHaveCountAsync(1);
        await ShotAsync(page, "appraiser");
        await stc.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/ParIndex/Assessment/\d+$"));
    }

    [Fact]
    public async Task The_admin_sees_accounts_locks_and_health()
    {
        var page = await HomeAsync("admin");
        await Expect(page.GetByTestId("home-admin")).ToContainTextAsync("tài khoản");
        await Expect(page.GetByTestId("home-locked")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await Expect(page.GetByTestId("home-health")).ToContainTextAsync("Cơ sở dữ liệu: Sqlite");
        await ShotAsync(page, "admin");
    }

    [Fact]
    public async Task The_leader_lands_on_the_dashboard_with_charts_their_tables_the_heat_map_and_the_brief()
    {
        var page = await HomeAsync("lanhdao");
        await Expect(page).ToHaveURLAsync(new Regex("/Dashboard$"));
        await Expect(page.Locator("[data-tile=tasks] [data-testid=tile-value]")).ToHaveTextAsync(new Regex(@"^\d+,\d{2}%$"));
        await Expect(page.Locator("[data-tile=dossiers]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-tile=sipas] [data-testid=tile-met]")).ToBeVisibleAsync();
        // Each chart is drawn, and its figures are in a table beside it.
        foreach (var id in new[] { "trend-tasks", "trend-reports", "trend-dossiers" })
        {
            await Expect(page.Locator($"#{id}")).ToHaveAttributeAsync("data-ready", "1");
            await Expect(page.GetByTestId($"{id}-table").Locator("tbody tr").First).ToBeVisibleAsync();
        }
        await Expect(page.GetByTestId("heat-map").Locator("tbody tr").First).ToBeVisibleAsync();
        // The annual plan's targets, bound to metrics: met or not; the one without a metric "chưa đo được".
        var targets = page.GetByTestId("dashboard-targets");
        await Expect(targets.Locator("tr", new() { HasText = "100% nhiệm vụ của Kế hoạch" }).First).ToContainTextAsync(new Regex("Đạt|Chưa đạt"));
        await Expect(targets.Locator("tr", new() { HasText = "Chỉ số PAPI" }).First).ToContainTextAsync("chưa đo được");
        await ShotAsync(page, "leader-dashboard");
        // The same targets on the plan's page.
        await targets.Locator("tr", new() { HasText = "Chỉ số PAPI" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("targets").Locator("tr", new() { HasText = "giải quyết đúng hạn" }).GetByTestId("target-result"))
            .ToHaveTextAsync(new Regex(@"^\s*(Đạt|Chưa đạt)\s*$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "plan-targets.png"), FullPage = false });
        await page.GotoAsync("/Dashboard");
        // Drill-down: province → group → agency → its tasks.
        await page.GetByTestId("drill").Locator("tr[data-key=SBN] a").ClickAsync();
        await Expect(page.GetByTestId("drill")).ToContainTextAsync("Sở Tư pháp");
        await page.GetByTestId("drill").GetByRole(AriaRole.Link, new() { Name = "Sở Tư pháp" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Tasks\?agencyId=\d+$"));
        // The one-page brief for the leaders' meeting.
        await page.GotoAsync("/Dashboard");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("brief-docx").ClickAsync());
        var docx = Path.Combine(server.Artifacts, "tinh-hinh-cchc.docx");
        await download.SaveAsAsync(docx);
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
            Assert.Contains("Các chỉ tiêu chính", doc.MainDocumentPart!.Document.Body!.InnerText);
        OfficeRendering.RenderToPng(docx, "tinh-hinh-cchc");
    }
}
