using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// The Coordinator opens a PAR cycle, plans its SIPAS programme, a citizen answers through an invitation slip, the
/// Coordinator computes, then on the cycle's survey page previews and applies the points from SIPAS; the agency's
/// assessment shows them, and the weak component is on the improvement page.
/// </summary>
[Collection("server")]
public class SipasParFeedTests(ParHubServer server)
{
    [Fact]
    public async Task The_coordinator_feeds_a_PAR_cycle_from_the_computed_SIPAS_and_the_assessment_shows_the_points()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        await page.GotoAsync("/ParIndex");
        var demo = await page.Locator("#fw option", new() { HasText = "(minh họa)" }).First.GetAttributeAsync("value");
        await page.GetByLabel("Bộ chỉ số", new() { Exact = true }).SelectOptionAsync(demo!);
        await page.GetByLabel("Nhóm cơ quan").FillAsync("SBN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ đánh giá" }).ClickAsync();
        await Expect(page.GetByTestId("publication")).ToContainTextAsync("Chưa công bố");
        var resultsUrl = page.Url;
        var cycle = resultsUrl.Split('/').Last();

        // No programme yet: the survey page says so; the pasted path is there.
        await page.GotoAsync($"/ParIndex/Survey/{cycle}");
        await Expect(page.GetByTestId("sipas-error")).ToContainTextAsync("Chưa có đợt khảo sát SIPAS nào cho kỳ đánh giá này");

        await page.GotoAsync("/Sipas");
        var title = $"SIPAS cho Chỉ số CCHC {Random.Shared.Next(100000, 999999)}";
        await page.GetByLabel("Tên đợt khảo sát").FillAsync(title);
        await page.GetByLabel("Tối thiểu phiếu/cơ quan").FillAsync("1");
        await page.GetByLabel("Cho kỳ đánh giá Chỉ số CCHC").SelectOptionAsync(cycle);
        var groups = page.GetByTestId("new-programme").Locator("input[name='Input.GroupIds']");
        for (var i = 0; i < await groups.CountAsync(); i++) await groups.Nth(i).CheckAsync();
        await page.GetByTestId("create-programme").ClickAsync();
        var row = page.Locator("[data-testid=programmes] tr", new() { HasText = title });
        await row.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu thu thập" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đang thu thập");

        // One slip for the first agency, answered on a phone: I.A 50 % (5 and 3), II.C 100 %: SIPAS 75 %.
        await row.GetByRole(AriaRole.Link, new() { Name = "Phiếu mời (mã QR)" }).ClickAsync();
        var agencies = page.GetByLabel("Cơ quan", new() { Exact = true });
        await agencies.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var agency = (await agencies.Locator("option:checked").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await page.GetByLabel("Số phiếu mời").FillAsync("1");
        await page.GetByTestId("issue-tokens").ClickAsync();
        var slipUrl = (await page.Locator("[data-testid=slip-url]").First.TextContentAsync())!.Trim();
        var phone = await server.NewPageAsync(390, 844);
        await phone.GotoAsync(slipUrl);
        await phone.GetByTestId("survey-next").ClickAsync();
        await phone.Locator("fieldset[data-item='8.c']").GetByLabel("Có").CheckAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        await phone.Locator("fieldset[data-item='9.1']").GetByLabel("5 – Rất hài lòng").CheckAsync();
        await phone.Locator("fieldset[data-item='9.2']").GetByLabel("3 – Bình thường").CheckAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        await phone.Locator("fieldset[data-item='9.31']").GetByLabel("4 – Hài lòng").CheckAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        await Expect(phone.GetByTestId("survey-thanks")).ToBeVisibleAsync();

        // Computed.
        await page.GotoAsync("/Sipas");
        await row.GetByRole(AriaRole.Button, new() { Name = "Đóng thu thập" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã tính" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đã tính kết quả");

        // The cycle's survey page: 8.1 takes the whole index by default; previewed, then applied.
        await page.GotoAsync($"/ParIndex/Survey/{cycle}");
        await Expect(page.GetByTestId("sipas-target").First).ToHaveValueAsync("SIPAS");
        await page.GetByTestId("sipas-preview").ClickAsync();
        var line = page.Locator("[data-testid=sipas-lines] tr", new() { HasText = agency });
        await Expect(line.GetByTestId("new")).ToHaveTextAsync("75%");
        await Expect(line.GetByTestId("points")).ToHaveTextAsync("7,5");
        await Expect(page.Locator("[data-testid=sipas-lines] tbody tr", new() { HasText = "Không có kết quả SIPAS" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-par-preview.png"), FullPage = true });
        await page.GetByTestId("sipas-apply").ClickAsync();
        await Expect(page.GetByTestId("survey-message")).ToContainTextAsync("Đã lấy kết quả SIPAS cho 1 cơ quan");

        // The agency's assessment shows the survey points.
        await page.GotoAsync(resultsUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = agency, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("survey-8.1")).ToContainTextAsync("75% hài lòng");
        await Expect(page.Locator("tr[data-code='8.1']")).ToContainTextAsync("7,5");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-par-assessment.png"), FullPage = true });

        // The weak component (I.A at 50 %, target 95 %) is on the improvement page and becomes a task.
        await page.GotoAsync($"/ParIndex/Improve/{cycle}");
        var weak = page.Locator("[data-testid=weak-components] tr", new() { HasText = agency }).Filter(new() { HasText = "I.A" });
        await Expect(weak).ToContainTextAsync("50,00%");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-par-weak.png"), FullPage = true });
        await weak.GetByTestId("weak-task").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Nâng cao mức độ hài lòng về \"I.A");
    }
}
