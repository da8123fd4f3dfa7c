using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Sipas;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// A programme's results: the rank within its group, last year's programme (same questionnaire) beside this year, the
/// report as DOCX (NĐ 30/2020) and XLSX opened and read back, publication to the public page (no account), isolation.
/// </summary>
public abstract class SipasResultsTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private sealed record Setup(int Programme, List<(int Id, string Name)> Agencies);

    /// <summary>A collecting programme of <paramref name="year"/> over the largest group, with a minimum of 3 forms.</summary>
    private async Task<Setup> CollectingAsync(int year)
    {
        var coordinator = await app.SignInAsync("cchc");
        var group = await app.WithDbAsync(db => db.AgencyGroups.OrderByDescending(g => g.Members.Count).ThenBy(g => g.Id).Select(g => g.Id).FirstAsync());
        var title = $"Khảo sát SIPAS năm {year} {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Create", new()
        {
            ["Input.Year"] = year.ToString(), ["Input.Title"] = title, ["Input.FieldworkFrom"] = "2026-01-05", ["Input.FieldworkTo"] = "2026-02-15",
            ["Input.MarginPercent"] = "5", ["Input.Confidence"] = "1,96", ["Input.MinResponses"] = "3", ["Input.GroupIds"] = group.ToString(),
        }, "/Sipas")).StatusCode);
        var id = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Title == title).Select(x => x.Id).SingleAsync());
        await MoveAsync(id, SurveyState.Collecting);
        var agencies = await app.WithDbAsync(async db =>
            await SurveyForms.AgenciesAsync(db, await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Id == id), default));
        Assert.True(agencies.Count >= 4, $"the largest group has {agencies.Count} agencies");
        return new Setup(id, agencies);
    }

    private async Task MoveAsync(int id, SurveyState to, string? decision = null)
    {
        var coordinator = await app.SignInAsync("cchc");
        var version = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Id == id).Select(x => x.Version).SingleAsync());
        var fields = new Dictionary<string, string> { ["id"] = id.ToString(), ["to"] = to.ToString(), ["version"] = version.ToString() };
        if (decision is not null) fields["decision"] = decision;
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Move", fields, "/Sipas")).StatusCode);
    }

    /// <summary><paramref name="forms"/> forms for an agency, the first <paramref name="satisfied"/> satisfied (5), the others not (2).</summary>
    private async Task AnswerAsync(int programme, int agency, int forms, int satisfied)
    {
        using var scope = app.Services.CreateScope();
        var submit = scope.ServiceProvider.GetRequiredService<SubmitResponse>();
        for (var i = 0; i < forms; i++)
            await submit.RunAsync(new(programme, agency, SurveyChannel.Paper,
                new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = i < satisfied ? "5" : "2" }));
    }

    private async Task ComputeAsync(int programme)
    {
        await MoveAsync(programme, SurveyState.Closed);
        await MoveAsync(programme, SurveyState.Computed);
    }

    /// <summary>
    /// Last year (2031): A 50 %, B 100 %, province 75 %. This year (2032): A and B 75 % (equal: both first), C 25 % (third),
    /// D 2 forms (below the minimum of 3: not ranked, "chưa đủ mẫu"); province 9/14 = 64,29 %.
    /// </summary>
    private async Task<(Setup Now, Setup Last)> TwoYearsAsync(int year)
    {
        var last = await CollectingAsync(year - 1);
        await AnswerAsync(last.Programme, last.Agencies[0].Id, 4, 2);
        await AnswerAsync(last.Programme, last.Agencies[1].Id, 4, 4);
        await ComputeAsync(last.Programme);
        var now = await CollectingAsync(year);
        Assert.Equal(last.Agencies, now.Agencies);
        await AnswerAsync(now.Programme, now.Agencies[0].Id, 4, 3);
        await AnswerAsync(now.Programme, now.Agencies[1].Id, 4, 3);
        await AnswerAsync(now.Programme, now.Agencies[2].Id, 4, 1);
        await AnswerAsync(now.Programme, now.Agencies[3].Id, 2, 2);
        await ComputeAsync(now.Programme);
        return (now, last);
    }

    [Fact]
    public async Task Agencies_are_ranked_within_their_group_and_last_years_programme_stands_beside_this_year()
    {
        var (now, _) = await TwoYearsAsync(2032);
        var coordinator = await app.SignInAsync("cchc");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Sipas/Results/{now.Programme}"));
        string Cell(string agency, string testId) => doc.QuerySelector($"[data-testid=sipas-results] tr[data-agency='{agency}'] [data-testid={testId}]")!
            .TextContent.Trim();
        var (a, b, c, d) = (now.Agencies[0].Id.ToString(), now.Agencies[1].Id.ToString(), now.Agencies[2].Id.ToString(), now.Agencies[3].Id.ToString());
        Assert.Equal(["1/3", "1/3", "3/3", "—"], new[] { a, b, c, d }.Select(x => Cell(x, "rank")));
        Assert.Equal(["50,00", "100,00", "—", "—"], new[] { a, b, c, d }.Select(x => Cell(x, "last-year")));
        Assert.Equal(["+25,00", "-25,00", "—", "—"], new[] { a, b, c, d }.Select(x => Cell(x, "change")));
        Assert.Equal(("64,29", "75,00", "-10,71"), (Cell("*", "sipas-province"), Cell("*", "last-year"), Cell("*", "change")));
        Assert.Contains("Năm 2031 (%)", doc.QuerySelector("[data-testid=sipas-results] thead")!.TextContent);

        // Charts: Chart.js and the page's script from files (CSP: no inline script), data as a JSON block; the heat map is a table.
        Assert.NotNull(doc.QuerySelector("script[src^='/lib/chartjs/chart.umd.min.js']"));
        Assert.NotNull(doc.QuerySelector("script[src='/js/sipas-results.js']"));
        Assert.All(doc.QuerySelectorAll("script:not([src])"), s => Assert.Equal("application/json", s.GetAttribute("type")));
        var chart = System.Text.Json.JsonDocument.Parse(doc.QuerySelector("#sipas-chart-data")!.TextContent).RootElement;
        Assert.Equal(75m, chart.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == a)
            .GetProperty("values")[0].GetDecimal());
        var heat = doc.QuerySelector("[data-testid=sipas-heat] tr[data-agency='*']")!;
        Assert.Contains("heat-province", heat.ClassName);
        Assert.Equal("64,29", heat.QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("heat-0", heat.QuerySelectorAll("td")[0].ClassName);
        Assert.Contains("heat-4", doc.QuerySelector($"[data-testid=sipas-heat] tr[data-agency='{d}'] td")!.ClassName); // D: 100 %, top band
    }

    [Fact]
    public async Task The_report_is_a_DOCX_in_the_decree_30_layout_and_the_table_an_XLSX_both_read_back_and_for_survey_staff_only()
    {
        var (now, _) = await TwoYearsAsync(2034);
        var coordinator = await app.SignInAsync("cchc");
        var docx = await coordinator.GetAsync($"/Sipas/Results/{now.Programme}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(SipasReportFiles.DocxType, docx.Content.Headers.ContentType!.MediaType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
            foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                "Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm 2034",
                "I. PHƯƠNG PHÁP VÀ MẪU KHẢO SÁT", "II. KẾT QUẢ CHUNG CỦA TỈNH", "III. KẾT QUẢ THEO CƠ QUAN", "IV. KẾT QUẢ THEO NHÓM TIÊU CHÍ",
                "V. NHỮNG HẠN CHẾ", "VI. KIẾN NGHỊ", "TM. ỦY BAN NHÂN DÂN" })
                Assert.Contains(expected, paragraphs);
            Assert.Contains(paragraphs, p => p.StartsWith("Số:", StringComparison.Ordinal) && p.EndsWith("/BC-UBND", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.Contains("ngày", StringComparison.Ordinal) && p.Contains("tháng", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.Contains("đạt 64,29%", StringComparison.Ordinal) && p.Contains("So với năm 2033 (75,00%), giảm 10,71"));
            Assert.Contains(paragraphs, p => p.StartsWith("- Số phiếu hợp lệ: 14 phiếu về 4 cơ quan; 3 cơ quan đủ mẫu", StringComparison.Ordinal));
            // The per-agency table: this year, rank, last year, change; D below the minimum.
            var rows = body.Descendants<Table>()
                .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList())
                .Single(t => t[0].Contains("SIPAS (%)"));
            Assert.Equal(["STT", "Cơ quan", "Số phiếu", "SIPAS (%)", "Sai số", "Hạng", "Năm 2033", "Thay đổi"], rows[0]);
            var byName = rows.Skip(1).ToDictionary(r => r[1]);
            Assert.Equal(["4", "75,00", "1/3", "50,00", "+25,00"], byName[now.Agencies[0].Name][2..].Where((_, i) => i != 2).ToArray());
            Assert.Equal(["2", "chưa đủ mẫu", "—", "—"], byName[now.Agencies[3].Name][2..].Take(4).ToArray());
            Assert.Contains(paragraphs, p => p.Contains("dưới mục tiêu 90,00%", StringComparison.Ordinal));
            // Times New Roman 13–14 pt in the body, A4 with the decree's margins (left 30 mm, right 15 mm, top and bottom 20 mm).
            Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));
            var section = body.Elements<SectionProperties>().Single();
            Assert.Equal((11906u, 16838u), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value));
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.Equal((1701u, 851u, 1134, 1134), (margin.Left!.Value, margin.Right!.Value, margin.Top!.Value, margin.Bottom!.Value));
            Assert.Contains("28", body.Descendants<FontSize>().Select(s => s.Val!.Value!));
        }

        var xlsx = await coordinator.GetAsync($"/Sipas/Results/{now.Programme}?handler=Xlsx");
        Assert.Equal(SipasReportFiles.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        var sheet = Xlsx.ReadFirstSheet(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Cơ quan", "Số phiếu hợp lệ", "SIPAS (%)", "Sai số (±%)", "Hạng trong nhóm", "Năm 2033 (%)", "Thay đổi"], sheet[0][..7]);
        Assert.Equal(["Toàn tỉnh", "14", "64,29"], sheet[1][..3]);
        var a = sheet.Single(r => r[0] == now.Agencies[0].Name);
        // Number cells (read back as a Vietnamese types them), so a spreadsheet sums and sorts them; the rank stays text.
        Assert.Equal(["4", "75", "1/3", "50", "25"], new[] { a[1], a[2], a[4], a[5], a[6] });
        Assert.StartsWith("chưa đủ mẫu", sheet.Single(r => r[0] == now.Agencies[3].Name)[^1]);
        Assert.Equal(now.Agencies.Count + 2, sheet.Count);

        // Survey staff only: another agency's officer is refused, an anonymous visitor is sent to sign in.
        var officer = await app.SignInAsync("tuphap");
        foreach (var handler in new[] { "", "?handler=Docx", "?handler=Xlsx" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Results/{now.Programme}{handler}")).StatusCode);
            var anonymous = await app.Anonymous().GetAsync($"/Sipas/Results/{now.Programme}{handler}");
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/Account/Login", anonymous.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Only_a_published_programme_has_a_public_page_with_the_decision_and_only_agencies_with_enough_forms()
    {
        var (now, _) = await TwoYearsAsync(2036);
        var citizen = app.Anonymous();
        var url = $"/CongKhai/Sipas/{now.Programme}";
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(url)).StatusCode); // computed, not published
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/CongKhai/Sipas/999999")).StatusCode);
        Assert.DoesNotContain($"/CongKhai/Sipas/{now.Programme}\"", await citizen.GetStringAsync("/CongKhai/Sipas"));

        await MoveAsync(now.Programme, SurveyState.Published, "Quyết định số 812/QĐ-UBND ngày 15/3/2036");
        var page = await citizen.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Contains("Quyết định số 812/QĐ-UBND ngày 15/3/2036", doc.QuerySelector("[data-testid=public-decision]")!.TextContent);
        Assert.Equal("64,29%", doc.QuerySelector("[data-testid=public-province]")!.TextContent);
        string Row(int agency) => doc.QuerySelector($"[data-testid=public-agencies] tr[data-agency='{agency}']")!.TextContent;
        Assert.Contains("75,00", Row(now.Agencies[0].Id));
        Assert.Contains("25,00", Row(now.Agencies[2].Id));
        Assert.Contains("chưa đủ mẫu", Row(now.Agencies[3].Id));
        Assert.DoesNotContain("100,00", Row(now.Agencies[3].Id)); // its 2 forms are not shown
        Assert.Empty(doc.QuerySelectorAll("script:not([src]), canvas"));
        Assert.Contains($"/CongKhai/Sipas/{now.Programme}\"", await citizen.GetStringAsync("/CongKhai/Sipas"));
        // The staff page links to it; the staff page itself stays closed to an agency officer.
        var coordinator = await app.SignInAsync("cchc");
        Assert.Contains(url, await coordinator.GetStringAsync($"/Sipas/Results/{now.Programme}"));
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Results/{now.Programme}")).StatusCode);
    }
}

public sealed class SqliteSipasResultsTests(SqliteFactory app) : SipasResultsTests<SqliteFactory>(app);
public sealed class PostgresSipasResultsTests(PostgresFactory app) : SipasResultsTests<PostgresFactory>(app);
