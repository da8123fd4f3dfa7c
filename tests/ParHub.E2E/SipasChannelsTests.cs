using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// The counter's kiosk answers while the network is down and its answers arrive exactly once when it is back (also
/// when the queue is sent again after a reload); two operators enter one paper sheet with one difference, the survey
/// staff resolve it and the sheet counts.
/// </summary>
[Collection("server")]
public class SipasChannelsTests(ParHubServer server)
{
    private static async Task<(ILocator Row, string Title)> CollectingProgrammeAsync(IPage page)
    {
        await page.GotoAsync("/Sipas");
        var title = $"Khảo sát SIPAS kênh {Random.Shared.Next(100000, 999999)}";
        await page.GetByLabel("Tên đợt khảo sát").FillAsync(title);
        var groups = page.GetByTestId("new-programme").Locator("input[name='Input.GroupIds']");
        for (var i = 0; i < await groups.CountAsync(); i++) await groups.Nth(i).CheckAsync();
        await page.GetByTestId("create-programme").ClickAsync();
        var row = page.Locator("[data-testid=programmes] tr", new() { HasText = title });
        await row.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu thu thập" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đang thu thập");
        return (row, title);
    }

    private static async Task AnswerOnKioskAsync(IPage kiosk, string level)
    {
        await Expect(kiosk.GetByTestId("survey-progress")).ToHaveTextAsync("Phần 1/4");
        await kiosk.GetByTestId("survey-next").ClickAsync();
        await kiosk.GetByTestId("survey-next").ClickAsync(); // 8.c is required: refused by name
        await Expect(kiosk.GetByTestId("survey-problems")).ToContainTextAsync("Câu 8.c");
        await kiosk.Locator("fieldset[data-item='8.c']").GetByLabel("Không", new() { Exact = true }).CheckAsync();
        await kiosk.GetByTestId("survey-next").ClickAsync();
        await Expect(kiosk.GetByTestId("survey-progress")).ToHaveTextAsync("Phần 3/4");
        await kiosk.Locator("fieldset[data-item='9.1']").GetByLabel(level).CheckAsync();
        await kiosk.GetByTestId("survey-next").ClickAsync();
        await Expect(kiosk.GetByTestId("survey-next")).ToHaveTextAsync("Gửi phiếu");
        await kiosk.GetByTestId("survey-next").ClickAsync();
        await Expect(kiosk.GetByTestId("survey-thanks")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_kiosk_answers_while_offline_and_the_answers_arrive_once_when_it_is_back_online()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        var (row, _) = await CollectingProgrammeAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = "Kiosk" }).ClickAsync();
        await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Tên kiosk").FillAsync("Quầy tiếp nhận số 1");
        await page.GetByTestId("create-kiosk").ClickAsync();
        var kioskUrl = (await page.GetByTestId("kiosk-url").First.TextContentAsync())!.Trim();

        var kiosk = await server.NewPageAsync(820, 1180); // a tablet
        await kiosk.GotoAsync(kioskUrl);
        await Expect(kiosk.GetByTestId("kiosk-status")).ToContainTextAsync("mọi phiếu đã được gửi");
        await kiosk.Context.SetOfflineAsync(true);
        await Expect(kiosk.GetByTestId("kiosk-status")).ToHaveTextAsync("Đang ngoại tuyến — 0 phiếu chờ gửi");
        await AnswerOnKioskAsync(kiosk, "5 – Rất hài lòng");
        await Expect(kiosk.GetByTestId("kiosk-status")).ToHaveTextAsync("Đang ngoại tuyến — 1 phiếu chờ gửi");
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Phiếu mới" }).ClickAsync(); // the kiosk resets for the next citizen
        await AnswerOnKioskAsync(kiosk, "2 – Không hài lòng");
        await Expect(kiosk.GetByTestId("kiosk-status")).ToHaveTextAsync("Đang ngoại tuyến — 2 phiếu chờ gửi");
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-kiosk-offline.png"), FullPage = false });
        var queued = await kiosk.EvaluateAsync<string>("() => localStorage.getItem(document.getElementById('kiosk').dataset.key)");
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(queued).RootElement.GetArrayLength());

        await page.GotoAsync("/Sipas");
        await Expect(row).ToContainTextAsync("0 phiếu"); // nothing arrived while offline

        await kiosk.Context.SetOfflineAsync(false);
        await Expect(kiosk.GetByTestId("kiosk-status")).ToContainTextAsync("mọi phiếu đã được gửi", new() { Timeout = 20_000 });
        await Expect(kiosk.GetByTestId("kiosk-status")).ToHaveAttributeAsync("data-pending", "0");
        await page.GotoAsync("/Sipas");
        await Expect(row).ToContainTextAsync("2 phiếu");

        // The same queue sent once more (as after a lost acknowledgement), from a reloaded kiosk: nothing counts twice.
        await kiosk.EvaluateAsync("q => localStorage.setItem(document.getElementById('kiosk').dataset.key, q)", queued);
        await kiosk.ReloadAsync();
        await Expect(kiosk.GetByTestId("kiosk-status")).ToHaveAttributeAsync("data-pending", "0", new() { Timeout = 20_000 });
        await Expect(kiosk.GetByTestId("kiosk-status")).ToContainTextAsync("mọi phiếu đã được gửi");
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-kiosk-online.png"), FullPage = false });
        await page.GotoAsync("/Sipas");
        await Expect(row).ToContainTextAsync("2 phiếu");
        await row.GetByRole(AriaRole.Link, new() { Name = "2 phiếu" }).ClickAsync();
        await Expect(page.Locator("table tbody tr", new() { HasText = "Kiosk" })).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Two_operators_enter_a_paper_sheet_with_one_difference_the_staff_resolve_it_and_the_sheet_counts()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        var (row, title) = await CollectingProgrammeAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = "Phiếu giấy" }).ClickAsync();
        var sheetsUrl = page.Url;
        await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Số tờ phiếu").FillAsync("2");
        await page.GetByTestId("issue-sheets").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo phiếu giấy số 000001–000002");
        await Expect(page.GetByTestId("sheets-docx")).ToBeVisibleAsync();

        // First entry, by the Coordinator.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập phiếu giấy" }).ClickAsync();
        await page.GetByTestId("paper-number").FillAsync("000001");
        await page.Locator("fieldset[data-item='8.c']").GetByLabel("Không", new() { Exact = true }).CheckAsync();
        await page.Locator("fieldset[data-item='9.1']").GetByLabel("4 – Hài lòng").CheckAsync();
        await page.Locator("fieldset[data-item='9.2']").GetByLabel("5 – Rất hài lòng").CheckAsync();
        await page.GetByTestId("paper-save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập phiếu số 000001 (lần 1)");
        // The same operator cannot make the second entry.
        await page.GetByTestId("paper-number").FillAsync("1");
        await page.Locator("fieldset[data-item='8.c']").GetByLabel("Không", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("paper-save").ClickAsync();
        await Expect(page.GetByTestId("survey-problems")).ToContainTextAsync("lần nhập thứ hai phải do người khác thực hiện");

        // Second entry, by an interviewer, with one difference (9.1).
        var other = await server.NewPageAsync();
        await server.SignInAsync(other, "dieutra");
        await other.GetByRole(AriaRole.Link, new() { Name = "Nhập phiếu khảo sát" }).ClickAsync();
        await other.Locator("[data-testid=entry-programmes] tr", new() { HasText = title })
            .GetByRole(AriaRole.Link, new() { Name = "Nhập phiếu giấy" }).ClickAsync();
        await other.GetByTestId("paper-number").FillAsync("1");
        await other.Locator("fieldset[data-item='8.c']").GetByLabel("Không", new() { Exact = true }).CheckAsync();
        await other.Locator("fieldset[data-item='9.1']").GetByLabel("2 – Không hài lòng").CheckAsync();
        await other.Locator("fieldset[data-item='9.2']").GetByLabel("5 – Rất hài lòng").CheckAsync();
        await other.GetByTestId("paper-save").ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("khác nhau ở 1 câu (9.1)");

        await page.GotoAsync("/Sipas");
        await Expect(row).ToContainTextAsync("0 phiếu"); // not counted before it is resolved
        await page.GotoAsync(sheetsUrl);
        await page.GetByTestId("resolve-1").ClickAsync();
        var differences = page.GetByTestId("differences").Locator("tbody tr");
        await Expect(differences).ToHaveCountAsync(1);
        await Expect(differences.First).ToContainTextAsync("9.1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "sipas-paper-resolve.png"), FullPage = true });
        await differences.First.GetByLabel("4 – Hài lòng").CheckAsync(); // the paper says 4: the first entry was right
        await page.GetByTestId("resolve-save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Phiếu số 000001 đã được đối chiếu và tính");
        await Expect(page.GetByTestId("sheets-summary")).ToContainTextAsync("đã tính 1");

        await page.GotoAsync("/Sipas");
        await Expect(row).ToContainTextAsync("1 phiếu");
        await row.GetByRole(AriaRole.Link, new() { Name = "Kết quả" }).ClickAsync();
        await Expect(page.Locator("[data-testid=sipas-results] tr[data-agency='*']")).ToContainTextAsync("100,00");
    }
}
