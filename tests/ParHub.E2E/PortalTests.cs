using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// The public portal, for a visitor without an account: the site's root, readable on a phone and a desktop without
/// JavaScript, and free of accessibility violations by axe-core (WCAG 2.1 A and AA rules).
/// </summary>
[Collection("server")]
public class PortalTests(ParHubServer server)
{
    private string Axe => Path.Combine(server.RepoRoot, "tests", "ParHub.E2E", "a11y", "node_modules", "axe-core", "axe.min.js");

    private async Task<IPage> VisitorAsync(int width, int height, bool javaScript = true)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "en-US", ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript, BypassCSP = true, // axe is injected as a script of the page
        });
        return await context.NewPageAsync();
    }

    /// <summary>The violations axe-core finds on the page (WCAG 2.0/2.1 A and AA), as "rule: target" lines.</summary>
    private async Task<List<string>> ViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(Axe), "axe-core is not installed: ./test runs npm ci in tests/ParHub.E2E/a11y");
        await page.AddScriptTagAsync(new() { Path = Axe });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))"
            + ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ')))");
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1440, 900, "desktop")]
    public async Task The_root_is_the_public_portal_with_no_accessibility_violations(int width, int height, string name)
    {
        var page = await VisitorAsync(width, height);
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await Expect(page).ToHaveURLAsync(new Regex("/$")); // no sign-in page for a citizen
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cải cách hành chính của tỉnh" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("portal-rankings")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("portal-sipas")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("portal-plans").Locator("li").First).ToContainTextAsync("nhiệm vụ hoàn thành");
        await Expect(page.GetByTestId("portal-survey-link").GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new Regex(@"^/KhaoSat/\d+$"));
        await Expect(page.GetByTestId("public-menu").GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        // Nothing scrolls sideways on a phone.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, $"portal-{name}.png"), FullPage = true });
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_portal_works_without_JavaScript_and_sets_no_cookie()
    {
        var page = await VisitorAsync(390, 844, javaScript: false);
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        var cookies = (await response.HeadersArrayAsync()).Where(h => h.Name.Equals("set-cookie", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(cookies.Count == 0, "a visitor got a cookie: " + string.Join("; ", cookies.Select(c => c.Value)));
        await Expect(page.GetByTestId("portal-rankings")).ToBeVisibleAsync();
        await page.GetByTestId("public-menu").GetByRole(AriaRole.Link, new() { Name = "Kết quả khảo sát sự hài lòng" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/CongKhai/Sipas$"));
    }
}
