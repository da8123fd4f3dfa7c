using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ParHub.E2E;

/// <summary>
/// Issue 17's browser check: in the province's own cycle (group TINH, the demo's), Sở Tư pháp and Sở Tài chính each
/// score the criteria they lead with evidence and cannot touch the other's; the Coordinator returns one criterion with a
/// comment, cannot send the whole meanwhile; Sở Tư pháp corrects it; the Coordinator sends the province's self-assessment.
/// </summary>
[Collection("server")]
public class ProvinceTeamTests(ParHubServer server)
{
    private async Task ScoreOwnAsync(IPage page, string user, string field, string value, string evidenceName)
    {
        await server.SignInAsync(page, user);
        await page.GotoAsync("/ParIndex");
        await page.GetByTestId("province-assessment").ClickAsync();
        await Expect(page.GetByTestId("team-progress")).ToBeVisibleAsync();
        var inputs = page.Locator($"input[name^='In[{field}.'][name$='].Value']");
        Assert.True(await inputs.CountAsync() > 0);
        foreach (var input in await inputs.AllAsync()) await input.FillAsync(value);
        // Nothing of another department's is editable here.
        var other = field == "2" ? "6" : "2";
        await Expect(page.Locator($"input[name^='In[{other}.']")).ToHaveCountAsync(0);
        await page.GetByTestId("save-assessment").ClickAsync();
        await Expect(page.GetByTestId("assessment-message")).ToHaveTextAsync("Đã lưu.");
        var evidence = Path.Combine(server.Artifacts, evidenceName);
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4\n% Báo cáo kết quả thực hiện\n"u8.ToArray());
        await page.GetByLabel("Tệp kiểm chứng").SetInputFilesAsync(evidence);
        var codes = new List<string>();
        foreach (var o in await page.Locator("select[name=codes] option").AllAsync()) codes.Add((await o.GetAttributeAsync("value"))!);
        Assert.All(codes, c => Assert.StartsWith(field + ".", c));
        await page.GetByLabel("Các tiêu chí được kiểm chứng").SelectOptionAsync(codes.ToArray());
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Expect(page.GetByTestId("evidence")).ToContainTextAsync(evidenceName);
    }

    [Fact]
    public async Task Two_departments_score_their_criteria_one_is_returned_and_corrected_and_the_coordinator_submits()
    {
        var stp = await server.NewPageAsync();
        await ScoreOwnAsync(stp, "tuphap", "2", "1,5", "phap-che.pdf");
        await stp.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "province-team-department.png"), FullPage = true });
        var url = stp.Url;
        var stc = await server.NewPageAsync();
        await ScoreOwnAsync(stc, "taichinh", "6", "0,5", "tai-chinh.pdf");

        var cchc = await server.NewPageAsync();
        await server.SignInAsync(cchc, "cchc");
        await cchc.GotoAsync(url);
        await Expect(cchc.Locator("[data-testid=team-progress] tr", new() { HasText = "Sở Tư pháp" })).ToContainTextAsync("4/4");
        await cchc.GetByLabel("Trả lại tiêu chí").SelectOptionAsync("2.2");
        await cchc.GetByLabel("Ý kiến (cần sửa gì)").FillAsync("Thiếu danh mục văn bản QPPL đã rà soát trong năm");
        await cchc.GetByTestId("return").ClickAsync();
        await Expect(cchc.GetByTestId("assessment-message")).ToHaveTextAsync("Đã trả lại tiêu chí cho cơ quan chủ trì.");
        await Expect(cchc.Locator("[data-testid=team-progress] tr", new() { HasText = "Sở Tư pháp" })).ToContainTextAsync("2.2");
        await cchc.GetByTestId("submit-assessment").ClickAsync();
        await Expect(cchc.GetByTestId("assessment-error")).ToContainTextAsync("2.2 đã trả lại cơ quan chủ trì");
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "province-team-returned.png"), FullPage = true });

        await stp.GotoAsync(url);
        await Expect(stp.GetByTestId("returned-2.2")).ToContainTextAsync("Thiếu danh mục văn bản QPPL");
        await stp.Locator("input[name='In[2.2].Note']").FillAsync("Kèm danh mục 126 văn bản đã rà soát");
        await stp.GetByTestId("save-assessment").ClickAsync();
        await Expect(stp.GetByTestId("assessment-message")).ToHaveTextAsync("Đã lưu.");
        await Expect(stp.GetByTestId("returned-2.2")).ToHaveCountAsync(0);

        await cchc.GotoAsync(url);
        await cchc.GetByTestId("submit-assessment").ClickAsync();
        await Expect(cchc.GetByTestId("assessment-status")).ToHaveTextAsync("Đã gửi, đã khóa");
        await cchc.ScreenshotAsync(new() { Path = Path.Combine(server.Artifacts, "province-team-submitted.png"), FullPage = true });
        await stp.GotoAsync(url);
        await Expect(stp.Locator("input[name^='In[']")).ToHaveCountAsync(0);
    }
}
