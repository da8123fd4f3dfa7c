using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// The Coordinator plans a survey programme and opens its collection; a citizen answers the public form on a
/// phone-size screen through the QR code of an invitation slip, part by part (the slip is then refused); the Coordinator
/// sees the response in the results.
/// </summary>
[Collection("server")]
public class SipasTests(ParHubServer server)
{
    [Fact]
    public async Task A_citizen_answers_the_survey_on_a_phone_and_the_coordinator_sees_it_in_the_results()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        await page.GotoAsync("/Sipas");
        var title = $"Khảo sát SIPAS thử {Random.Shared.Next(100000, 999999)}";
        await page.GetByLabel("Tên đợt khảo sát").FillAsync(title);
        var groups = page.GetByTestId("new-programme").Locator("input[name='Input.GroupIds']");
        for (var i = 0; i < await groups.CountAsync(); i++) await groups.Nth(i).CheckAsync();
        await page.GetByTestId("create-programme").ClickAsync();
        var row = page.Locator("[data-testid=programmes] tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync("Kế hoạch");
        await row.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu thu thập" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đang thu thập");
        // Invitation slips with QR codes for one agency, printed for the one-stop counter.
        await row.GetByRole(AriaRole.Link, new() { Name = "Phiếu mời (mã QR)" }).ClickAsync();
        await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await page.GetByLabel("Số phiếu mời").FillAsync("4");
        await page.GetByTestId("issue-tokens").ClickAsync();
        await Expect(page.Locator("[data-testid=slips] .slip svg")).ToHaveCountAsync(4);
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-slips.png"), FullPage = true });
        var slipUrl = (await page.Locator("[data-testid=slip-url]").First.TextContentAsync())!.Trim();

        // A citizen scans the slip on a phone: the form opens for that agency, no account, no choice of agency.
        var phone = await server.NewPageAsync(390, 844);
        await phone.GotoAsync(slipUrl);
        await Expect(phone.GetByTestId("survey-progress")).ToHaveTextAsync("Phần 1/4");
        await phone.GetByLabel("Nữ").CheckAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        // 8.c is required: refused with its name, then answered "Có" — the service part is asked.
        await phone.GetByTestId("survey-next").ClickAsync();
        await Expect(phone.GetByTestId("survey-problems")).ToContainTextAsync("Câu 8.c");
        await phone.Locator("fieldset[data-item='8.c']").GetByLabel("Có").CheckAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        await Expect(phone.GetByTestId("survey-progress")).ToHaveTextAsync("Phần 3/5");
        await phone.Locator("fieldset[data-item='9.1']").GetByLabel("5 – Rất hài lòng").CheckAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-phone.png"), FullPage = false });
        await phone.GetByTestId("survey-next").ClickAsync();
        await Expect(phone.GetByTestId("survey-section")).ToContainTextAsync("Cung ứng dịch vụ hành chính công");
        await phone.Locator("fieldset[data-item='9.31']").GetByLabel("4 – Hài lòng").CheckAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        await phone.GetByTestId("survey-next").ClickAsync();
        await Expect(phone.GetByTestId("survey-thanks")).ToBeVisibleAsync();
        // The slip is used: opened again, it is refused.
        await phone.GotoAsync(slipUrl);
        await Expect(phone.GetByTestId("survey-closed")).ToContainTextAsync("đã được sử dụng");

        await page.GotoAsync("/Sipas");
        await Expect(row).ToContainTextAsync("1 phiếu");
        await row.GetByRole(AriaRole.Link, new() { Name = "Kết quả" }).ClickAsync();
        await Expect(page.Locator("[data-testid=sipas-results] tr[data-agency='*']")).ToContainTextAsync("100,00");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-results.png"), FullPage = true });
    }

    [Fact]
    public async Task The_coordinator_computes_and_publishes_by_decision_and_an_anonymous_visitor_sees_the_public_page()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        await page.GotoAsync("/Sipas");
        var title = $"Khảo sát SIPAS công bố {Random.Shared.Next(100000, 999999)}";
        await page.GetByLabel("Tên đợt khảo sát").FillAsync(title);
        await page.GetByLabel("Tối thiểu phiếu/cơ quan").FillAsync("1");
        var groups = page.GetByTestId("new-programme").Locator("input[name='Input.GroupIds']");
        for (var i = 0; i < await groups.CountAsync(); i++) await groups.Nth(i).CheckAsync();
        await page.GetByTestId("create-programme").ClickAsync();
        var row = page.Locator("[data-testid=programmes] tr", new() { HasText = title });
        var id = await row.GetAttributeAsync("data-programme");
        await row.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu thu thập" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đang thu thập");

        // Two citizens answer the public web form for the first agency: one satisfied, one not.
        foreach (var level in new[] { "5 – Rất hài lòng", "2 – Không hài lòng" })
        {
            var citizen = await server.NewPageAsync(390, 844);
            await citizen.GotoAsync($"/KhaoSat/{id}");
            await citizen.GetByLabel("Cơ quan, đơn vị ông/bà đánh giá").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu" }).ClickAsync();
            await citizen.GetByTestId("survey-next").ClickAsync();
            await citizen.Locator("fieldset[data-item='8.c']").GetByLabel("Không").CheckAsync();
            await citizen.GetByTestId("survey-next").ClickAsync();
            await citizen.Locator("fieldset[data-item='9.1']").GetByLabel(level).CheckAsync();
            while (!await citizen.GetByTestId("survey-thanks").IsVisibleAsync()) await citizen.GetByTestId("survey-next").ClickAsync();
            await citizen.Context.CloseAsync();
        }

        await page.GotoAsync("/Sipas");
        await Expect(row).ToContainTextAsync("2 phiếu");
        await row.GetByRole(AriaRole.Button, new() { Name = "Đóng thu thập" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã tính" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đã tính kết quả");
        // Computed, not yet published: the public page does not exist.
        var visitor = await server.NewPageAsync();
        Assert.Equal(404, (await visitor.GotoAsync($"/CongKhai/Sipas/{id}"))!.Status);

        await row.GetByRole(AriaRole.Link, new() { Name = "Kết quả" }).ClickAsync();
        await Expect(page.Locator("[data-testid=sipas-results] tr[data-agency='*'] [data-testid=sipas-province]")).ToHaveTextAsync("50,00");
        await Expect(page.GetByTestId("sipas-bars")).ToHaveAttributeAsync("data-ready", "1"); // Chart.js drew the bars
        await Expect(page.Locator("[data-testid=sipas-heat] tr.heat-province td").First).ToHaveTextAsync("50,00");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-results-charts.png"), FullPage = true });

        await page.GotoAsync("/Sipas");
        await row.GetByTestId($"decision-{id}").FillAsync("Quyết định số 321/QĐ-UBND ngày 20/3/2026");
        await row.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đã công bố");
        await Expect(row).ToContainTextAsync("Quyết định số 321/QĐ-UBND ngày 20/3/2026");

        // Anyone, without an account: the list of published results, then the programme's page with the province figure.
        await visitor.GotoAsync("/CongKhai/Sipas");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title, Exact = false }).ClickAsync();
        await Expect(visitor.GetByTestId("public-province")).ToHaveTextAsync("50,00%");
        await Expect(visitor.GetByTestId("public-decision")).ToContainTextAsync("Quyết định số 321/QĐ-UBND ngày 20/3/2026");
        await Expect(visitor.GetByTestId("public-sipas").First).ToHaveTextAsync("50,00");
        await Expect(visitor.GetByTestId("public-below").First).ToHaveTextAsync("chưa đủ mẫu");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-public.png"), FullPage = true });
    }
}
