using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Sipas;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Responses imported from CSV/XLSX (all or nothing, once per file) and exported raw without personal fields.</summary>
public abstract class SipasImportTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int programme, byte[] bytes, string name)
    {
        var token = await client.AntiforgeryTokenAsync($"/Sipas/Import/{programme}");
        var content = new MultipartFormDataContent
            { { new ByteArrayContent(bytes), "file", name }, { new StringContent(token), "__RequestVerificationToken" } };
        return await client.PostAsync($"/Sipas/Import/{programme}?handler=Preview", content);
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static string UploadId(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([0-9a-f]{32}\\.(csv|xlsx))\"").Groups[1].Value;

    private async Task<List<(int Id, string Code, string Name)>> AgenciesAsync(int programme) => await app.WithDbAsync(async db =>
    {
        var p = await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Id == programme);
        var ids = (await SurveyForms.AgenciesAsync(db, p, default)).Select(a => a.Id).Take(2).ToList();
        return (await db.Agencies.Where(a => ids.Contains(a.Id)).ToListAsync()).Select(a => (a.Id, a.Code, a.Name)).ToList();
    });

    private Task<int> CountAsync(int programme) => app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == programme));

    [Fact]
    public async Task Bad_rows_are_previewed_with_reasons_nothing_is_applied_then_a_clean_file_goes_in_once()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var agencies = await AgenciesAsync(programme);
        var (a1, a2) = (agencies[0], agencies[1]);
        var coordinator = await app.SignInAsync("cchc");
        var good = $"Cơ quan,8.c,Q9_1,9.24. Biển chỉ dẫn,Ghi chú\n{a1.Code},1,5,4,x\n\"{a2.Name}\",2,3,,\"có, dấu phẩy\"\n{a1.Code},1,4.0,2,\n";
        var bad = good + "Sở không có,1,5,4,\n" + $"{a2.Code},1,9,,\n";

        var preview = await HtmlAsync(await UploadAsync(coordinator, programme, Encoding.UTF8.GetBytes(bad), "kobo.csv"));
        Assert.Contains("3 phiếu hợp lệ sẽ được nhập; 2 dòng sai.", preview);
        var problems = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(preview).QuerySelectorAll("[data-testid=import-problems] tbody tr")
            .Select(r => r.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("5", problems[0]);
        Assert.Contains("Không tìm thấy cơ quan “Sở không có”", problems[0]);
        Assert.StartsWith("6", problems[1]);
        Assert.Contains("Câu 9.1", problems[1]);
        Assert.DoesNotContain("data-testid=\"import-apply\"", preview);
        // Applying anyway stores nothing.
        var forced = await coordinator.PostFormAsync($"/Sipas/Import/{programme}?handler=Apply", new()
        {
            ["upload"] = UploadId(preview), ["name"] = "kobo.csv", ["agency"] = "0", ["m:1"] = "8.c", ["m:2"] = "9.1", ["m:3"] = "9.24",
        }, $"/Sipas/Import/{programme}");
        Assert.Contains("Chưa nhập phiếu nào", WebUtility.HtmlDecode(await forced.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync(programme));

        // A clean file: auto-mapped, applied in one go, once.
        for (var round = 0; round < 2; round++)
        {
            var html = await HtmlAsync(await UploadAsync(coordinator, programme, Encoding.UTF8.GetBytes(good), "kobo.csv"));
            Assert.Contains(round == 0 ? "3 phiếu hợp lệ sẽ được nhập; 0 dòng sai." : "0 phiếu hợp lệ sẽ được nhập; 0 dòng sai.", html);
            var apply = await coordinator.PostFormAsync($"/Sipas/Import/{programme}?handler=Apply", new()
            {
                ["upload"] = UploadId(html), ["name"] = "kobo.csv", ["agency"] = "0", ["m:1"] = "8.c", ["m:2"] = "9.1", ["m:3"] = "9.24",
            }, $"/Sipas/Import/{programme}");
            Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
            Assert.Equal(3, await CountAsync(programme));
        }
        var stored = await app.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => r.ProgrammeId == programme).OrderBy(r => r.Id)
            .ToListAsync());
        Assert.All(stored, r => Assert.Equal((SurveyChannel.Import, ResponseStatus.Valid), (r.Channel, r.Status)));
        Assert.Equal([a1.Id, a2.Id, a1.Id], stored.Select(r => r.AgencyId));
        Assert.Matches("^imp:[0-9a-f]{16}:2$", stored[0].ClientId);
        Assert.Equal(["8.c", "9.1", "9.24"], stored[0].Answers.Select(a => a.ItemCode).Order(StringComparer.Ordinal));
        Assert.Equal(4, stored[2].Answers.Single(a => a.ItemCode == "9.1").Value);
        Assert.Equal(["8.c", "9.1"], stored[1].Answers.Select(a => a.ItemCode).Order(StringComparer.Ordinal)); // part II not asked: 8.c = 2
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "SurveyProgramme"
            && e.EntityId == programme.ToString() && e.Action == "import")));

        // The same rows as XLSX, with a column mapped by hand: a different file, so its rows count.
        var xlsx = Xlsx.Write("Phieu", ["noi danh gia", "8.c", "diem"], [[a1.Code, "2", "1"]]);
        var sheet = WebUtility.HtmlDecode(await (await UploadAsync(coordinator, programme, xlsx, "phieu.xlsx")).Content.ReadAsStringAsync());
        Assert.Contains("Chọn cột ghi cơ quan", sheet);
        var remap = await coordinator.PostFormAsync($"/Sipas/Import/{programme}?handler=Remap", new()
        { ["upload"] = UploadId(sheet), ["name"] = "phieu.xlsx", ["agency"] = "0", ["m:1"] = "8.c", ["m:2"] = "9.2" }, $"/Sipas/Import/{programme}");
        Assert.Contains("1 phiếu hợp lệ sẽ được nhập; 0 dòng sai.", WebUtility.HtmlDecode(await remap.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Sipas/Import/{programme}?handler=Apply", new()
        { ["upload"] = UploadId(sheet), ["name"] = "phieu.xlsx", ["agency"] = "0", ["m:1"] = "8.c", ["m:2"] = "9.2" },
            $"/Sipas/Import/{programme}")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.ItemCode == "9.2" && a.Value == 1
            && db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.ProgrammeId == programme))));
    }

    [Theory]
    [InlineData("phieu.txt", "text", "Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.")]
    [InlineData("phieu.xlsx", "not a zip", "Tệp không phải bảng tính Excel .xlsx.")]
    [InlineData("phieu.csv", "", "Vui lòng chọn tệp")]
    [InlineData("phieu.csv", "only a header", "Tệp cần một dòng tiêu đề và ít nhất một dòng phiếu.")]
    [InlineData("phieu.csv", "latin1", "Tệp CSV phải mã hóa UTF-8.")]
    public async Task A_file_of_the_wrong_kind_or_content_is_refused_with_a_message(string name, string content, string message)
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var coordinator = await app.SignInAsync("cchc");
        var bytes = content == "latin1" ? [0x43, 0xf4, 0x20, 0x71, 0x75, 0x61, 0x6e, 0x0a, 0x31, 0x0a] : Encoding.UTF8.GetBytes(content);
        var response = await UploadAsync(coordinator, programme, bytes, name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_raw_export_has_agency_channel_status_and_items_but_nothing_personal()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<SubmitResponse>();
            await submit.RunAsync(new(programme, agency, SurveyChannel.Interview, new Dictionary<string, string> { ["8.c"] = "1", ["9.1"] = "5" },
                ClientId: "may-tinh-bang-07", EnteredBy: "phongvan.nguyenvana"));
            await submit.RunAsync(new(programme, agency, SurveyChannel.Web, new Dictionary<string, string> { ["8.c"] = "2", ["2"] = "1,3" }));
        }
        var coordinator = await app.SignInAsync("cchc");
        var csv = await coordinator.GetAsync($"/Sipas/Export/{programme}?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        var rows = CsvText.Read(text);
        var header = rows[0];
        Assert.Equal(ExportModel.Fixed, header.Take(ExportModel.Fixed.Length));
        Assert.Contains("9.39", header);
        Assert.DoesNotContain("phongvan", text);
        Assert.DoesNotContain("may-tinh-bang", text);
        var interview = rows.Single(r => r.Length > 3 && r[3] == "Interview");
        Assert.Equal("5", interview[Array.IndexOf(header, "9.1")]);
        Assert.Equal("1,3", rows.Single(r => r.Length > 3 && r[3] == "Web")[Array.IndexOf(header, "2")]);

        var xlsx = await coordinator.GetAsync($"/Sipas/Export/{programme}?format=xlsx");
        var sheet = Xlsx.ReadFirstSheet(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(header, sheet[0]);
        Assert.Equal(3, sheet.Count);
        Assert.DoesNotContain(sheet.SelectMany(r => r), c => c.Contains("phongvan", StringComparison.Ordinal));

        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Sipas/Export/{programme}?format=csv")).StatusCode);
        var anonymous = await app.Anonymous().GetAsync($"/Sipas/Export/{programme}?format=xlsx");
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Only_the_survey_staff_import_responses()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var page = $"/Sipas/Import/{programme}";
        var anonymous = await app.Anonymous().GetAsync(page);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(page)).StatusCode);
        var token = await officer.AntiforgeryTokenAsync("/Tasks");
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"agency,8.c\n{agency},1\n")), "file", "x.csv" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"{page}?handler=Preview", content)).StatusCode);
        Assert.Equal(0, await CountAsync(programme));
    }
}

public sealed class SqliteSipasImportTests(SqliteFactory app) : SipasImportTests<SqliteFactory>(app);
public sealed class PostgresSipasImportTests(PostgresFactory app) : SipasImportTests<PostgresFactory>(app);

/// <summary>Populations N from an XLSX on the sample page: every line previewed, stored all or nothing through the typed form's path.</summary>
public abstract class SipasPopulationFileTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static async Task<string> UploadAsync(HttpClient client, int programme, byte[] bytes, string name = "tong-the.xlsx")
    {
        var token = await client.AntiforgeryTokenAsync($"/Sipas/Sample/{programme}");
        var content = new MultipartFormDataContent
            { { new ByteArrayContent(bytes), "file", name }, { new StringContent(token), "__RequestVerificationToken" } };
        return WebUtility.HtmlDecode(await (await client.PostAsync($"/Sipas/Sample/{programme}?handler=File", content)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_population_file_is_previewed_line_by_line_and_applied_only_when_every_line_is_right()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var agencies = await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.Id == programme);
            var ids = (await SurveyForms.AgenciesAsync(db, p, default)).Select(a => a.Id).Take(2).ToList();
            return await db.Agencies.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync();
        });
        var coordinator = await app.SignInAsync("cchc");
        var bad = Xlsx.Write("N", ["Mã cơ quan", "Tổng thể N"], [[agencies[0].Code, "10.000"], ["Sở không có", "5"], [agencies[1].Name, "nhiều"]]);
        var html = await UploadAsync(coordinator, programme, bad);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(3, doc.QuerySelectorAll("[data-testid=population-lines] tbody tr").Length);
        Assert.Contains("Không tìm thấy cơ quan “Sở không có”", html);
        Assert.Contains("“nhiều” không phải số nguyên", html);
        Assert.NotNull(doc.QuerySelector("[data-testid=population-bad]"));
        Assert.Null(doc.QuerySelector("[data-testid=population-apply]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyPopulations.CountAsync(x => x.ProgrammeId == programme)));
        Assert.Contains("Chỉ nhận tệp Excel .xlsx.", await UploadAsync(coordinator, programme, bad, "n.csv"));
        Assert.Contains("Tệp không phải bảng tính Excel .xlsx.", await UploadAsync(coordinator, programme, Encoding.UTF8.GetBytes("abc"), "n.xlsx"));

        var good = Xlsx.Write("N", ["Mã cơ quan", "Tổng thể N"], [[agencies[0].Code, "10.000"], [agencies[1].Name, "30"]]);
        doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await UploadAsync(coordinator, programme, good));
        var form = doc.QuerySelector("[data-testid=population-apply]")!.Closest("form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal("10.000", fields[$"n:{agencies[0].Id}"]);
        var apply = await coordinator.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var stored = await app.WithDbAsync(db => db.SurveyPopulations.Where(x => x.ProgrammeId == programme)
            .ToDictionaryAsync(x => x.AgencyId, x => x.Population));
        Assert.Equal(10_000, stored[agencies[0].Id]);
        Assert.Equal(30, stored[agencies[1].Id]);

        var officer = await app.SignInAsync("tuphap");
        var token = await officer.AntiforgeryTokenAsync("/Tasks");
        var content = new MultipartFormDataContent
            { { new ByteArrayContent(good), "file", "n.xlsx" }, { new StringContent(token), "__RequestVerificationToken" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/Sipas/Sample/{programme}?handler=File", content)).StatusCode);
    }
}

public sealed class SqliteSipasPopulationFileTests(SqliteFactory app) : SipasPopulationFileTests<SqliteFactory>(app);
public sealed class PostgresSipasPopulationFileTests(PostgresFactory app) : SipasPopulationFileTests<PostgresFactory>(app);
