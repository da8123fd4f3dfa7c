using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// Issue 16, item 3: a form made in the form editor (saved as versions; a stale edit refused), a thematic report asked
/// of two agencies from the page, filled by both (the form's own range refused), kept from an agency not asked, and
/// aggregated; a new regime made on the regimes page.
/// </summary>
public abstract class ThematicReportTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static Dictionary<string, string> FormFields(string key, int fromVersion, bool withExtra = false)
    {
        var f = new Dictionary<string, string>
        {
            ["Input.Key"] = key, ["Input.Title"] = "Báo cáo chuyên đề số hóa hồ sơ, kết quả giải quyết TTHC", ["Input.FromVersion"] = fromVersion.ToString(),
            ["Input.Sections[0].Code"] = "I", ["Input.Sections[0].Title"] = "I. KẾT QUẢ SỐ HÓA",
            ["Input.Fields[0].Section"] = "I", ["Input.Fields[0].Code"] = "so_hoa", ["Input.Fields[0].Label"] = "Số hồ sơ đã số hóa",
            ["Input.Fields[0].Kind"] = "count", ["Input.Fields[0].Unit"] = "hồ sơ", ["Input.Fields[0].Required"] = "true",
            ["Input.Fields[0].Min"] = "0", ["Input.Fields[0].Max"] = "1.000",
            ["Input.Fields[1].Section"] = "I", ["Input.Fields[1].Code"] = "tiep_nhan", ["Input.Fields[1].Label"] = "Số hồ sơ tiếp nhận",
            ["Input.Fields[1].Kind"] = "count", ["Input.Fields[1].Required"] = "true",
            ["Input.Fields[2].Section"] = "I", ["Input.Fields[2].Code"] = "sang_kien", ["Input.Fields[2].Label"] = "Sáng kiến về số hóa",
            ["Input.Fields[2].Kind"] = "count", ["Input.Fields[2].Prefill"] = "reg:sang-kien",
            ["Input.Rules[0].Left"] = "so_hoa", ["Input.Rules[0].Op"] = "<=", ["Input.Rules[0].Right"] = "tiep_nhan",
            ["Input.Rules[0].Message"] = "Số hồ sơ số hóa không lớn hơn số tiếp nhận.",
        };
        if (withExtra)
            (f["Input.Fields[3].Section"], f["Input.Fields[3].Code"], f["Input.Fields[3].Label"], f["Input.Fields[3].Kind"]) =
                ("I", "kho_khan", "Khó khăn, vướng mắc", "text");
        return f;
    }

    [Fact]
    public async Task A_thematic_report_is_asked_from_the_pages_filled_by_two_agencies_and_aggregated()
    {
        var coordinator = await app.SignInAsync("cchc");
        var key = "chuyen-de-so-hoa-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Contains(ReportForm.CchcKey, await coordinator.GetStringAsync("/Reports/Forms"));

        // The form editor: refused with every problem and nothing stored, then saved as version 1, then 2; a stale edit refused.
        var broken = FormFields(key, 0);
        (broken["Input.Fields[1].Kind"], broken["Input.Fields[0].Max"]) = ("", "nghìn");
        var refused = new HtmlParser().ParseDocument(await (await coordinator.PostFormAsync("/Reports/Forms", broken, "/Reports/Forms?edit=true"))
            .Content.ReadAsStringAsync());
        Assert.Equal(["Chỉ tiêu \"so_hoa\": giá trị lớn nhất \"nghìn\" không phải là số.", "Chỉ tiêu \"tiep_nhan\": chưa chọn loại."],
            refused.QuerySelectorAll("[data-testid=form-problems] li").Select(li => li.TextContent));
        Assert.False(await app.WithDbAsync(db => db.ReportForms.AnyAsync(f => f.Key == key)));
        var saved = await coordinator.PostFormAsync("/Reports/Forms", FormFields(key, 0), "/Reports/Forms?edit=true");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"Đã lưu phiên bản 1 của mẫu {key}", await HtmlAsync(await coordinator.GetAsync(saved.Headers.Location!.ToString())));
        Assert.Contains("Đã có mẫu báo cáo mã",
            await HtmlAsync(await coordinator.PostFormAsync("/Reports/Forms", FormFields(key, 0), "/Reports/Forms?edit=true")));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Reports/Forms", FormFields(key, 1, withExtra: true),
            $"/Reports/Forms?key={key}")).StatusCode);
        Assert.Contains("vừa có phiên bản 2",
            await HtmlAsync(await coordinator.PostFormAsync("/Reports/Forms", FormFields(key, 1), $"/Reports/Forms?key={key}")));
        var versions = await app.WithDbAsync(db => db.ReportForms.Where(f => f.Key == key).OrderBy(f => f.Version).Select(f => f.Version).ToListAsync());
        Assert.Equal([1, 2], versions);
        var editor = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Reports/Forms?key={key}"));
        Assert.Equal("kho_khan", editor.QuerySelector("input[name='Input.Fields[3].Code']")!.GetAttribute("value"));
        Assert.Equal("reg:sang-kien", editor.QuerySelector("select[name='Input.Fields[2].Prefill'] option[selected]")!.GetAttribute("value"));

        // Asked of two agencies, due in ten days.
        var due = DateTime.UtcNow.AddHours(7).Date.AddDays(10);
        var ask = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "Báo cáo chuyên đề về số hóa hồ sơ TTHC"), new("Input.FormKey", key), new("Input.Agencies", "STP"), new("Input.Agencies", "STC"),
            new("Input.Due", due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        };
        var token = await coordinator.AntiforgeryTokenAsync("/Reports/Thematic");
        ask.Add(new("__RequestVerificationToken", token));
        var created = await coordinator.PostAsync("/Reports/Thematic", new FormUrlEncodedContent(ask));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var regime = await app.WithDbAsync(db => db.ReportRegimes.SingleAsync(r => r.FormKey == key));
        Assert.Equal(("STP,STC", due.Year, false), (regime.ReporterGroups, regime.Year, regime.IsActive));
        var period = $"{due.Year}-A{due:MM}{due:dd}";
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "ReportRegime" && e.EntityId == regime.Key)));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link!.Contains(regime.Key))));
        var late = new List<KeyValuePair<string, string>>(ask.Where(kv => kv.Key != "Input.Due" && kv.Key != "__RequestVerificationToken"))
        {
            new("Input.Due", "01/01/2020"), new("__RequestVerificationToken", token),
        };
        Assert.Contains("Hạn gửi đã qua", await HtmlAsync(await coordinator.PostAsync("/Reports/Thematic", new FormUrlEncodedContent(late))));

        // Each agency fills its report; the form's own range is refused in its words.
        var totals = 0m;
        foreach (var (user, digitised, received) in new[] { ("tuphap", 120m, 150m), ("taichinh", 300m, 320m) })
        {
            var officer = await app.SignInAsync(user);
            var list = new HtmlParser().ParseDocument(await officer.GetStringAsync("/Reports/Thematic"));
            var open = list.QuerySelector($"tr[data-regime='{regime.Key}'] [data-testid=thematic-open]")!.GetAttribute("href")!;
            var opened = await officer.GetAsync(open);
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            var url = opened.Headers.Location!.ToString();
            var html = await officer.GetStringAsync(url);
            var version = int.Parse(System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value,
                CultureInfo.InvariantCulture);
            var tooMany = await officer.PostFormAsync(url + "?handler=Submit", new()
            {
                ["Version"] = version.ToString(), ["In[so_hoa].Value"] = "2.000", ["In[tiep_nhan].Value"] = "3.000", ["In[kho_khan].Text"] = "Không",
            }, url);
            Assert.Contains("Số hồ sơ đã số hóa: phải từ 0 đến 1.000.", await HtmlAsync(tooMany));
            var ok = await officer.PostFormAsync(url + "?handler=Submit", new()
            {
                ["Version"] = version.ToString(), ["In[so_hoa].Value"] = VietnameseNumber.Format(digitised),
                ["In[tiep_nhan].Value"] = VietnameseNumber.Format(received), ["In[kho_khan].Text"] = "Thiếu máy quét.",
            }, url);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            totals += digitised;
        }
        var reports = await app.WithDbAsync(db => db.Reports.Where(r => r.RegimeKey == regime.Key).ToListAsync());
        Assert.Equal(2, reports.Count(r => r.Status == ReportStatus.Submitted));
        var v2 = await app.WithDbAsync(db => db.ReportForms.SingleAsync(f => f.Key == key && f.Version == 2));
        Assert.All(reports, r => Assert.Equal(v2.Id, r.FormId));

        // An agency not asked: not in its list, and its report cannot be made.
        var khcn = await app.SignInAsync("khcn");
        Assert.Null(new HtmlParser().ParseDocument(await khcn.GetStringAsync("/Reports/Thematic")).QuerySelector($"tr[data-regime='{regime.Key}']"));
        Assert.Contains("không thuộc diện báo cáo", await HtmlAsync(await khcn.GetAsync($"/Reports/Open?regime={regime.Key}&period={period}")));

        // The province's totals: the sums over both reports; the request shows 2 of 2 sent.
        var agg = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{regime.Key}/{period}/aggregate");
        Assert.Equal(totals, agg.GetProperty("values").GetProperty("so_hoa").GetProperty("value").GetDecimal());
        Assert.Equal(470m, agg.GetProperty("values").GetProperty("tiep_nhan").GetProperty("value").GetDecimal());
        var page = new HtmlParser().ParseDocument(await coordinator.GetStringAsync("/Reports/Thematic"));
        Assert.Equal("2 / 2", page.QuerySelector($"tr[data-regime='{regime.Key}'] [data-testid=thematic-counts]")!.TextContent.Trim());
        var province = await HtmlAsync(await coordinator.GetAsync($"/Reports/Province?regime={regime.Key}&period={period}"));
        Assert.Contains(VietnameseNumber.Format(totals), province);
    }

    [Fact]
    public async Task A_new_regime_is_made_on_the_regimes_page_with_pickers()
    {
        var coordinator = await app.SignInAsync("cchc");
        var key = "bao-cao-quy-" + Guid.NewGuid().ToString("N")[..6];
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Id", "0"), new("Input.Key", key), new("Input.Name", "Báo cáo quý về chuyển đổi số"), new("Input.FromText", "Các sở"),
            new("Input.ToText", "Sở Nội vụ"), new("Input.Reporters", "SBN"), new("Input.FormKey", ReportForm.CchcKey),
            new("Input.Periods[0].Kind", "Q1"), new("Input.Periods[0].Due", "20/03"), new("Input.Periods[1].Kind", "Y"), new("Input.Periods[1].Due", "15/11"),
            new("__RequestVerificationToken", await coordinator.AntiforgeryTokenAsync("/Reports/Regimes")),
        };
        var saved = await coordinator.PostAsync("/Reports/Regimes", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var regime = await app.WithDbAsync(db => db.ReportRegimes.SingleAsync(r => r.Key == key));
        Assert.Equal(("SBN", "Q1 20/03\nY 15/11", (int?)null), (regime.ReporterGroups, regime.Rules, regime.Year));
        var again = await coordinator.PostAsync("/Reports/Regimes", new FormUrlEncodedContent(fields.Where(f => f.Key != "__RequestVerificationToken")
            .Append(new("__RequestVerificationToken", await coordinator.AntiforgeryTokenAsync("/Reports/Regimes")))));
        Assert.Contains($"Đã có chế độ báo cáo mã \"{key}\"", await HtmlAsync(again));
        Assert.Contains(key, await coordinator.GetStringAsync("/Reports"));
    }
}

public sealed class SqliteThematicReportTests(SqliteFactory app) : ThematicReportTests<SqliteFactory>(app);
public sealed class PostgresThematicReportTests(PostgresFactory app) : ThematicReportTests<PostgresFactory>(app);
