using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// Issue 16's browser check of item 3: the Coordinator makes a form of its own in the form editor (a count with its
/// range, a count prefilled from a registry, a text) and asks two departments for a thematic report with it, picked from
/// lists; both fill and send it; the province's page of the request shows the totals.
/// </summary>
[Collection("server")]
public class ThematicReportTests(ParHubServer server)
{
    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, user);
        return page;
    }

    [Fact]
    public async Task A_thematic_report_with_its_own_form_is_asked_filled_by_two_agencies_and_aggregated()
    {
        var key = $"chuyen-de-e2e-{Random.Shared.Next(100000, 999999)}";
        var cchc = await SignedInAsync("cchc");
        await cchc.GotoAsync("/Reports");
        await cchc.GetByRole(AriaRole.Link, new() { Name = "Mẫu báo cáo" }).ClickAsync();
        await cchc.GetByTestId("form-new").ClickAsync();
        await cchc.GetByLabel("Mã mẫu").FillAsync(key);
        await cchc.GetByLabel("Tên mẫu").FillAsync("Báo cáo chuyên đề về số hóa hồ sơ");
        await cchc.GetByLabel("Mã mục 1", new() { Exact = true }).FillAsync("I");
        await cchc.GetByLabel("Tên mục 1", new() { Exact = true }).FillAsync("I. KẾT QUẢ");
        async Task FieldAsync(int row, string code, string label, string kind, string? max = null, string? prefill = null)
        {
            await cchc.GetByLabel($"Mục của chỉ tiêu {row}", new() { Exact = true }).FillAsync("I");
            await cchc.GetByLabel($"Mã chỉ tiêu {row}", new() { Exact = true }).FillAsync(code);
            await cchc.GetByLabel($"Tên chỉ tiêu {row}", new() { Exact = true }).FillAsync(label);
            await cchc.GetByLabel($"Loại chỉ tiêu {row}", new() { Exact = true }).SelectOptionAsync(kind);
            if (max is not null) await cchc.GetByLabel($"Giá trị lớn nhất {row}", new() { Exact = true }).FillAsync(max);
            if (prefill is not null)
                await cchc.GetByLabel($"Nguồn điền sẵn {row}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = prefill });
        }
        await FieldAsync(1, "so_hoa", "Số hồ sơ đã số hóa", "count", max: "10.000");
        await FieldAsync(2, "sang_kien", "Sáng kiến trong năm", "count",
            prefill: "Sổ theo dõi “Sáng kiến, mô hình, giải pháp mới trong cải cách hành chính” trên ParHub: Số sáng kiến");
        await FieldAsync(3, "kho_khan", "Khó khăn, vướng mắc", "text");
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "thematic-form-editor.png"), FullPage = true });
        await cchc.GetByTestId("form-save").ClickAsync();
        await Expect(cchc.GetByTestId("form-saved")).ToContainTextAsync($"Đã lưu phiên bản 1 của mẫu {key}");

        // The request: two departments, due in a week.
        var due = DateTime.UtcNow.AddHours(7).Date.AddDays(7);
        await cchc.GotoAsync("/Reports/Thematic");
        await cchc.GetByLabel("Tên chuyên đề").FillAsync("Số hóa hồ sơ TTHC " + key);
        await cchc.GetByLabel("Hạn gửi").FillAsync(due.ToString("dd/MM/yyyy"));
        await cchc.GetByLabel("Mẫu báo cáo").SelectOptionAsync(key);
        await cchc.GetByLabel("Cơ quan, đơn vị phải báo cáo").SelectOptionAsync(
            [new SelectOptionValue { Label = "Sở Tư pháp" }, new SelectOptionValue { Label = "Sở Tài chính" }]);
        await cchc.GetByTestId("thematic-create").ClickAsync();
        await Expect(cchc.GetByTestId("message")).ToContainTextAsync("tới 2 cơ quan");
        var row = cchc.Locator("[data-testid=thematic-requests] tr", new() { HasText = key });
        await Expect(row.GetByTestId("thematic-counts")).ToHaveTextAsync("0 / 2");

        foreach (var (user, digitised) in new[] { ("tuphap", "120"), ("taichinh", "300") })
        {
            var officer = await SignedInAsync(user);
            await officer.GotoAsync("/Reports/Thematic");
            await officer.Locator("[data-testid=thematic-requests] tr", new() { HasText = key }).GetByTestId("thematic-open").ClickAsync();
            await Expect(officer.GetByTestId("report-status")).ToHaveTextAsync("Đang soạn");
            await Expect(officer.Locator("[data-field=sang_kien] .badge").First).ToHaveTextAsync("ParHub điền sẵn"); // from the demo's initiatives
            await Expect(officer.GetByTestId("source-sang_kien")).ToContainTextAsync("Sáng kiến, mô hình, giải pháp mới");
            await officer.Locator("#f_so_hoa").FillAsync("20.000");
            await officer.Locator("#f_kho_khan").FillAsync("Thiếu thiết bị quét.");
            await officer.GetByTestId("submit-report").ClickAsync();
            await Expect(officer.GetByText("Số hồ sơ đã số hóa: phải từ 0 đến 10.000.").First).ToBeVisibleAsync();
            await officer.Locator("#f_so_hoa").FillAsync(digitised);
            await officer.GetByTestId("submit-report").ClickAsync();
            await Expect(officer.GetByTestId("report-status")).ToHaveTextAsync("Đã gửi, chờ xem xét");
            if (user == "tuphap") await officer.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "thematic-report.png"), FullPage = true });
        }

        await cchc.GotoAsync("/Reports/Thematic");
        await Expect(row.GetByTestId("thematic-counts")).ToHaveTextAsync("2 / 2");
        await row.GetByTestId("thematic-totals").ClickAsync();
        await Expect(cchc.GetByTestId("total-so_hoa")).ToHaveTextAsync("420");
        await Expect(cchc.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tổng hợp Số hóa hồ sơ TTHC " + key);
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "thematic-totals.png"), FullPage = true });
    }
}
