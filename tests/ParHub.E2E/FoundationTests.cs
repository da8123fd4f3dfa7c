using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

[Collection("server")]
public class FoundationTests(ParHubServer server)
{
    [Fact]
    public async Task First_run_prints_the_demo_logins()
    {
        Assert.Contains("Tài khoản dùng thử", server.Output);
        Assert.Contains("cchc", server.Output);
        Assert.Contains("ParHub@2026", server.Output);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_coordinator_signs_in_browses_the_tree_and_finds_home_affairs_by_typing_without_accents()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "cchc");
        await Expect(page.GetByTestId("user-menu")).ToContainTextAsync("Nguyễn Thị Lan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cơ quan, đơn vị" }).ClickAsync();
        var tree = page.GetByTestId("agency-tree");
        await Expect(tree).ToContainTextAsync("Ủy ban nhân dân thành phố Hải Phòng");
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = "Sở Nội vụ", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "agency-tree.png"), FullPage = false });

        // Live search (htmx) as the officer types.
        await page.GetByRole(AriaRole.Searchbox).FillAsync("so noi vu");
        var results = page.GetByTestId("search-results");
        await Expect(results).ToBeVisibleAsync();
        await Expect(results.Locator("li").First).ToContainTextAsync("Sở Nội vụ");
        await Expect(page).ToHaveURLAsync(new Regex("q=so(\\+|%20)noi(\\+|%20)vu"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "agency-search.png") });

        await results.GetByRole(AriaRole.Link, new() { Name = "Sở Nội vụ", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("agency-name")).ToHaveTextAsync("Sở Nội vụ");
        // The coordinator sees the agency's own people.
        await Expect(page.GetByTestId("agency-users")).ToContainTextAsync("cchc");
    }

    [Fact]
    public async Task A_former_district_shows_its_end_date_and_successor()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "xem");
        await page.GotoAsync("/Agencies?showEnded=true&q=quan+le+chan");
        await page.GetByTestId("search-results").GetByRole(AriaRole.Link, new() { Name = "Ủy ban nhân dân quận Lê Chân" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("30/06/2025");
        await Expect(page.GetByTestId("successor")).ToHaveTextAsync("Ủy ban nhân dân phường Lê Chân");
    }

    [Fact]
    public async Task An_agency_officer_is_refused_another_agencys_form_with_a_vietnamese_page()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "tuphap");
        await page.GotoAsync("/Agencies?q=so+tai+chinh");
        await page.GetByTestId("search-results").GetByRole(AriaRole.Link, new() { Name = "Sở Tài chính" }).ClickAsync();
        var id = page.Url.Split('/').Last();
        var response = await page.GotoAsync($"/Agencies/Profile/{id}");
        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không có quyền truy cập");
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, "lanhdao");
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await page.GotoAsync("/Agencies");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
