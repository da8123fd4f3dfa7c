using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Sipas;
using ParHub.Core.Tthc;
using ParHub.Web.Features.Tthc;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The procedure catalogue imported from CSV and XLSX (previewed, by code, bad lines named), read by scope, and the
/// drill-down agency → procedure whose figures are the rule's over the same rows.
/// </summary>
public abstract class TthcProcedureTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static readonly string Fixture = SharedFiles.Path("tthc/procedures.csv");
    private static readonly string BadFixture = SharedFiles.Path("tthc/procedures-bad.csv");
    private static readonly HtmlParser Parser = new();

    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static async Task<string> PreviewAsync(HttpClient client, byte[] bytes, string name)
    {
        var token = await client.AntiforgeryTokenAsync("/Tthc/ProcedureImport");
        var content = new MultipartFormDataContent
            { { new ByteArrayContent(bytes), "file", name }, { new StringContent(token), "__RequestVerificationToken" } };
        return await HtmlAsync(await client.PostAsync("/Tthc/ProcedureImport?handler=Preview", content));
    }

    private static string UploadId(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([0-9a-f]{32}\\.(csv|xlsx))\"").Groups[1].Value;

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, string preview, bool leaveOutBad = false)
    {
        var fields = new Dictionary<string, string> { ["upload"] = UploadId(preview), ["name"] = "danh-muc" };
        if (leaveOutBad) fields["leaveOutBad"] = "true";
        return await client.PostFormAsync("/Tthc/ProcedureImport?handler=Apply", fields, "/Tthc/ProcedureImport");
    }

    private static async Task<string> DoneAsync(HttpClient client, HttpResponseMessage applied)
    {
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        return await HtmlAsync(await client.GetAsync(applied.Headers.Location!.ToString()));
    }

    private Task<int> AgencyAsync(string code) => app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task A_catalogue_imported_twice_is_stored_once_from_csv_or_xlsx_and_a_changed_row_updates_in_place()
    {
        var coordinator = await app.SignInAsync("cchc");
        var bytes = await File.ReadAllBytesAsync(Fixture);
        var preview = await PreviewAsync(coordinator, bytes, "danh-muc.csv");
        Assert.Contains("6 mới, 0 cập nhật, 0 không đổi, 0 dòng lỗi; quyết định công bố: 2 mới, 0 cập nhật", preview);
        Assert.Contains("6 mới, 0 cập nhật, 0 không đổi; quyết định công bố: 2 mới", await DoneAsync(coordinator, await ApplyAsync(coordinator, preview)));

        // Stored as the file says, agencies resolved by code or name, decisions once each.
        var (stp, syt) = (await AgencyAsync("STP"), await AgencyAsync("SYT"));
        var stored = await app.WithDbAsync(db => db.TthcProcedures.Include(p => p.Decision)
            .Where(p => p.Code.StartsWith("2.0001") || p.Code.StartsWith("3.0002") || p.Code.StartsWith("4.0003")).ToDictionaryAsync(p => p.Code));
        Assert.Equal(6, stored.Count);
        var lt = stored["2.000101"];
        Assert.Equal(("Cấp Phiếu lý lịch tư pháp cho người nước ngoài", "Lý lịch tư pháp", ProcedureLevel.Province, (int?)stp),
            (lt.Name, lt.Field, lt.Level, lt.AgencyId));
        Assert.Equal((OneStopKind.OneStop, OnlineLevel.Full, true, true), (lt.OneStop, lt.Online, lt.FeeBearing, lt.Postal));
        Assert.Equal(("901/QĐ-UBND", new DateOnly(2026, 3, 10), (DateOnly?)new DateOnly(2026, 4, 1), (DateOnly?)new DateOnly(2026, 3, 20)),
            (lt.Decision!.Number, lt.Decision.Date, lt.Decision.EffectiveFrom, lt.Decision.PublishedOnDatabase));
        Assert.Equal("Thành lập, hoạt động văn phòng công chứng", stored["2.000102"].Name);
        Assert.Equal(stp, stored["2.000102"].AgencyId);
        Assert.Equal((syt, OneStopKind.Interlinked, OnlineLevel.None), (stored["3.000201"].AgencyId, stored["3.000201"].OneStop, stored["3.000201"].Online));
        Assert.Equal((syt, (int?)null), (stored["3.000202"].AgencyId, stored["3.000202"].DecisionId));
        Assert.Null(stored["4.000301"].AgencyId);
        Assert.Equal(stored["3.000201"].DecisionId, stored["4.000302"].DecisionId);
        Assert.Equal(1, await app.WithDbAsync(db => db.TthcDecisions.CountAsync(d => d.Number == "902/QĐ-UBND")));

        // The same again: nothing changes.
        var again = await PreviewAsync(coordinator, bytes, "danh-muc.csv");
        Assert.Contains("0 mới, 0 cập nhật, 6 không đổi, 0 dòng lỗi; quyết định công bố: 0 mới, 0 cập nhật", again);
        Assert.Contains("0 mới, 0 cập nhật, 6 không đổi", await DoneAsync(coordinator, await ApplyAsync(coordinator, again)));

        // The same catalogue as an .xlsx, one name and one decision's publication date changed: one update each, in place.
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        var cells = CsvText.Stream(reader).Select(r => r.Cells).ToList();
        cells[2][1] = "Thành lập và hoạt động văn phòng công chứng";
        foreach (var row in cells.Skip(1).Where(r => r[9] == "902/QĐ-UBND")) row[12] = "20/05/2026";
        var xlsx = Xlsx.Write("Danh mục", cells[0], cells.Skip(1).Select(r => (IReadOnlyList<string?>)r));
        var third = await PreviewAsync(coordinator, xlsx, "danh-muc.xlsx");
        Assert.Contains("0 mới, 1 cập nhật, 5 không đổi, 0 dòng lỗi; quyết định công bố: 0 mới, 1 cập nhật", third);
        Assert.Contains("2.000102", Parser.ParseDocument(third).QuerySelector("[data-testid=import-changes]")!.TextContent);
        Assert.Contains("0 mới, 1 cập nhật, 5 không đổi", await DoneAsync(coordinator, await ApplyAsync(coordinator, third)));
        var after = await app.WithDbAsync(db => db.TthcProcedures.Include(p => p.Decision).SingleAsync(p => p.Code == "2.000102"));
        Assert.Equal((stored["2.000102"].Id, "Thành lập và hoạt động văn phòng công chứng"), (after.Id, after.Name));
        Assert.Equal(new DateOnly(2026, 5, 20), await app.WithDbAsync(db => db.TthcDecisions.Where(d => d.Number == "902/QĐ-UBND")
            .Select(d => d.PublishedOnDatabase).SingleAsync()));
        Assert.Equal(6, await app.WithDbAsync(db => db.TthcProcedures.CountAsync(p => stored.Keys.Contains(p.Code))));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "TthcProcedures" && e.Action == "import")
            .Select(e => e.Summary).ToListAsync());
        Assert.True(audit.Count >= 3);
        Assert.Contains(audit, s => s!.Contains("6 mới", StringComparison.Ordinal));

        // The catalogue page lists them, filtered, with the decisions.
        var page = Parser.ParseDocument(await HtmlAsync(await coordinator.GetAsync("/Tthc/Procedures?field=Lý lịch tư pháp")));
        Assert.Equal(["2.000101"], page.QuerySelectorAll("[data-testid=procedures] tbody tr").Select(r => r.GetAttribute("data-code")));
        Assert.NotNull(page.QuerySelector("[data-decision='901/QĐ-UBND']"));
        Assert.Contains("chậm", page.QuerySelector("[data-decision='902/QĐ-UBND']")!.TextContent); // issued after its basis took effect
    }

    [Fact]
    public async Task A_file_with_bad_rows_names_every_bad_line_stores_nothing_and_applies_the_good_ones_only_when_told()
    {
        var coordinator = await app.SignInAsync("cchc");
        var preview = await PreviewAsync(coordinator, await File.ReadAllBytesAsync(BadFixture), "loi.csv");
        Assert.Contains("2 mới, 0 cập nhật, 0 không đổi, 4 dòng lỗi", preview);
        var problems = Parser.ParseDocument(preview).QuerySelectorAll("[data-testid=import-problems] tbody tr")
            .ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal(["3", "4", "5", "6"], problems.Keys);
        Assert.Contains("Không có cơ quan “Sở Không Có”", problems["3"]);
        Assert.Contains("Cấp “cấp bộ” không có", problems["4"]);
        Assert.Contains("trùng với dòng 2", problems["5"]);
        Assert.Contains("“31/02/2026” không phải ngày", problems["6"]);

        var refused = await HtmlAsync(await ApplyAsync(coordinator, preview));
        Assert.Contains("Dòng 3: Không có cơ quan", refused);
        Assert.Contains("Không dòng nào được ghi", refused);
        Assert.Equal(0, await app.WithDbAsync(db => db.TthcProcedures.CountAsync(p => p.Code.StartsWith("5.0000"))));

        Assert.Contains("2 mới, 0 cập nhật, 0 không đổi", await DoneAsync(coordinator, await ApplyAsync(coordinator, preview, leaveOutBad: true)));
        Assert.Equal(["5.000001", "5.000005"], await app.WithDbAsync(db => db.TthcProcedures.Where(p => p.Code.StartsWith("5.0000"))
            .Select(p => p.Code).OrderBy(c => c).ToListAsync()));
        var summary = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "TthcProcedures" && e.EntityId == "danh-muc")
            .OrderByDescending(e => e.Id).Select(e => e.Summary).FirstAsync());
        Assert.Contains("4 dòng lỗi bỏ qua", summary);
    }

    [Fact]
    public async Task A_file_of_another_type_or_content_or_without_a_header_is_refused_with_a_message()
    {
        var coordinator = await app.SignInAsync("cchc");
        Assert.Contains("Chỉ nhận tệp .csv (UTF-8) hoặc Excel .xlsx", await PreviewAsync(coordinator, "%PDF-1.4"u8.ToArray(), "danh-muc.pdf"));
        Assert.Contains("không phải văn bản CSV", await PreviewAsync(coordinator, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], "danh-muc.csv"));
        Assert.Contains("không phải bảng tính Excel", await PreviewAsync(coordinator, "ma_tthc,ten\n"u8.ToArray(), "danh-muc.xlsx"));
        var broken = Parser.ParseDocument(await PreviewAsync(coordinator, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6], "danh-muc.xlsx"));
        Assert.Contains("Tệp", broken.QuerySelector("[data-testid=import-error]")!.TextContent); // the reader's own reason
        Assert.Null(broken.QuerySelector("[data-testid=import-apply]"));
        var oversized = await PreviewAsync(coordinator, new byte[ProcedureImportModel.MaxBytes + 1024 * 1024], "danh-muc.csv");
        Assert.Contains("Tệp lớn hơn mức tối đa 20 MB.", oversized);
        Assert.Contains("name=\"__RequestVerificationToken\"", oversized); // the page itself, ready for another try
        var headerless = await PreviewAsync(coordinator, "a,b,c\n1,2,3\n"u8.ToArray(), "danh-muc.csv");
        Assert.Contains("Không tìm thấy dòng tiêu đề", headerless);
        Assert.DoesNotContain("data-testid=\"import-apply\"", headerless);
        var expired = await coordinator.PostFormAsync("/Tthc/ProcedureImport?handler=Apply",
            new() { ["upload"] = "../../etc/passwd", ["name"] = "x" }, "/Tthc/ProcedureImport");
        Assert.Contains("Phiên nhập đã hết hạn", await HtmlAsync(expired));
    }

    [Fact]
    public async Task The_drill_down_per_procedure_counts_exactly_what_the_rule_counts_and_links_to_its_late_dossiers()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = "DRL" + Guid.NewGuid().ToString("N")[..8];
        // Sở Tư pháp in 2030: two procedures of the catalogue and one code it lacks (the demo's dossiers carried over are there too).
        var (p1, p2, unknown) = ($"{tag}.1", $"{tag}.2", $"{tag}.9");
        await app.WithDbAsync(async db =>
        {
            db.TthcProcedures.AddRange(new TthcProcedure { Code = p1, Name = "Thủ tục thử một", Field = "Thử", Level = ProcedureLevel.Province },
                new TthcProcedure { Code = p2, Name = "Thủ tục thử hai", Field = "Thử", Level = ProcedureLevel.Province });
            return await db.SaveChangesAsync();
        });
        var csv = DossierCsv.Header + "\n"
            + $"{tag}-1,STP,{p1},truc_tuyen,2030-01-05,2030-01-15,2030-01-10,yes,yes,yes,yes,yes,no,hai_long\n"
            + $"{tag}-2,STP,{p1},truc_tiep,2030-01-06,2030-01-16,2030-01-20,no,no,no,no,no,yes,khong_hai_long\n"
            + $"{tag}-3,STP,{p1},truc_tiep,2029-12-20,2030-01-08,,no,no,no,no,no,no,\n"
            + $"{tag}-4,STP,{p2},truc_tuyen,2030-02-01,2030-02-20,2030-02-10,no,no,yes,no,yes,no,\n"
            + $"{tag}-5,STP,{p2},truc_tuyen,2030-03-25,2030-04-10,,no,no,no,no,no,no,\n"
            + $"{tag}-6,STP,{unknown},buu_chinh,2030-02-02,2030-02-05,2030-02-09,no,no,no,no,no,no,\n"
            + $"{tag}-7,STC,{p1},truc_tiep,2030-01-05,2030-01-06,2030-01-09,no,no,no,no,no,no,\n";
        var token = await coordinator.AntiforgeryTokenAsync("/Tthc/Import");
        var content = new MultipartFormDataContent
            { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "ho-so.csv" }, { new StringContent(token), "__RequestVerificationToken" } };
        var preview = await HtmlAsync(await coordinator.PostAsync("/Tthc/Import?handler=Preview", content));
        var upload = System.Text.RegularExpressions.Regex.Match(preview, "name=\"upload\" value=\"([0-9a-f]{32}\\.csv)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Tthc/Import?handler=Apply",
            new() { ["upload"] = upload, ["name"] = "ho-so.csv" }, "/Tthc/Import")).StatusCode);
        var stp = await AgencyAsync("STP");
        var rows = await app.WithDbAsync(db => db.Dossiers.Where(d => d.AgencyId == stp).ToListAsync());
        var dossiers = rows.Select(r => r.ToDossier("STP")).ToList();

        using var scope = app.Services.CreateScope();
        var figures = scope.ServiceProvider.GetRequiredService<TthcFigures>();
        foreach (var (from, to) in new[] { (new DateOnly(2030, 1, 1), new DateOnly(2030, 3, 31)), (new DateOnly(2030, 1, 10), new DateOnly(2030, 1, 10)),
                     (new DateOnly(2029, 12, 1), new DateOnly(2030, 12, 31)), (new DateOnly(2030, 2, 1), new DateOnly(2030, 2, 28)) })
        {
            var (procedures, total) = await figures.ByProcedureAsync(stp, from, to);
            var expected = dossiers.GroupBy(d => d.ProcedureCode).Select(g => (g.Key, Tally: DossierTally.Of(g, from, to)))
                .Where(x => x.Tally.InScope > 0).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, procedures.Select(p => (p.Code, p.Tally)).OrderBy(x => x.Code, StringComparer.Ordinal).ToList());
            Assert.Equal(DossierTally.Of(dossiers, from, to), total);
            var (agencies, _) = await figures.ComputeAsync(from, to, stp);
            Assert.Equal(total, agencies.SingleOrDefault()?.Tally ?? default);
        }

        // The page: one row per procedure, names from the catalogue (the unknown code as itself), late counts linking to the late list.
        const string period = "from=01/01/2030&to=31/03/2030";
        var html = await HtmlAsync(await coordinator.GetAsync($"/Tthc/Agency/{stp}?{period}"));
        var doc = Parser.ParseDocument(html);
        var table = doc.QuerySelectorAll("[data-testid=agency-procedures] tbody tr").ToDictionary(r => r.GetAttribute("data-procedure")!);
        var inQuarter = dossiers.GroupBy(d => d.ProcedureCode)
            .Where(g => DossierTally.Of(g, new(2030, 1, 1), new(2030, 3, 31)).InScope > 0).Select(g => g.Key).Append("*");
        Assert.Equal(inQuarter.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Thủ tục thử một", table[p1].TextContent);
        Assert.Equal(unknown, table[unknown].Children[1].TextContent.Trim());
        string Count(string code, string count) => table[code].QuerySelector($"[data-count={count}]")!.TextContent.Trim();
        Assert.Equal(("2", "1", "1", "1", "2"), (Count(p1, "received"), Count(p1, "carried"), Count(p1, "on-time"), Count(p1, "pending"), Count(p1, "late")));
        Assert.Equal(("2", "1", "1", "1", "0"), (Count(p2, "received"), Count(p2, "on-time"), Count(p2, "pending"), Count(p2, "in-time"), Count(p2, "late")));
        var lateHref = WebUtility.HtmlDecode(table[p1].QuerySelector("[data-count=late] a")!.GetAttribute("href")!);
        Assert.Equal($"/Tthc/Late?agency={stp}&procedure={p1}&{period}", lateHref);
        var late = await HtmlAsync(await coordinator.GetAsync(lateHref));
        Assert.Contains($"{tag}-2", late);
        Assert.Contains($"{tag}-3", late);
        Assert.DoesNotContain($"{tag}-6", late); // late too, but of another procedure
        Assert.DoesNotContain($"{tag}-7", late); // another agency's
        Assert.Contains($"{tag}-6", await HtmlAsync(await coordinator.GetAsync($"/Tthc/Late?agency={stp}&{period}")));

        // /Tthc links each agency to its drill-down.
        Assert.Contains($"/Tthc/Agency/{stp}?from=01/01/2030&to=31/03/2030", await HtmlAsync(await coordinator.GetAsync($"/Tthc?{period}")));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/Tthc/Agency/999999?{period}")).StatusCode);
        Assert.Contains("Ngày không hợp lệ", await HtmlAsync(await coordinator.GetAsync($"/Tthc/Agency/{stp}?from=x&to=y")));
    }

    [Fact]
    public async Task An_agency_officer_reads_its_own_procedures_and_drill_down_only_and_cannot_import()
    {
        var (stp, stc) = (await AgencyAsync("STP"), await AgencyAsync("STC"));
        var officer = await app.SignInAsync("tuphap"); // Sở Tư pháp
        var own = Parser.ParseDocument(await HtmlAsync(await officer.GetAsync("/Tthc/Procedures")));
        var codes = own.QuerySelectorAll("[data-testid=procedures] tbody tr").Select(r => r.GetAttribute("data-code")!).ToList();
        var expected = await app.WithDbAsync(db => db.TthcProcedures.Where(p => p.AgencyId == stp).Select(p => p.Code).ToListAsync());
        Assert.Contains("1.001000", codes); // the demo catalogue's
        Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("1.001005", codes); // Sở Tài chính's
        Assert.Null(own.QuerySelector("[data-decision='1864/QĐ-UBND']")); // it publishes none of this agency's procedures
        Assert.NotNull(own.QuerySelector("[data-decision='125/QĐ-UBND']"));
        Assert.Null(own.QuerySelector("[data-testid=procedure-import-link]"));
        var foreign = Parser.ParseDocument(await HtmlAsync(await officer.GetAsync($"/Tthc/Procedures?agency={stc}")));
        Assert.Empty(foreign.QuerySelectorAll("[data-testid=procedures] tbody tr"));

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Tthc/Agency/{stp}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Tthc/Agency/{stc}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Tthc/ProcedureImport")).StatusCode);

        // The province sees all, filtered by online level, with the counts by online level.
        var coordinator = await app.SignInAsync("cchc");
        var all = Parser.ParseDocument(await HtmlAsync(await coordinator.GetAsync("/Tthc/Procedures?online=Full")));
        var full = await app.WithDbAsync(db => db.TthcProcedures.CountAsync(p => p.Online == OnlineLevel.Full));
        var rows = all.QuerySelectorAll("[data-testid=procedures] tbody tr").ToList();
        Assert.Equal(full, rows.Count);
        Assert.All(rows, r => Assert.Contains("Toàn trình", r.TextContent));
        Assert.Equal(full.ToString("N0"), all.QuerySelector("[data-online=Full] strong")!.TextContent);
        Assert.NotNull(all.QuerySelector("[data-testid=procedure-import-link]"));

        var anonymous = app.Anonymous();
        foreach (var url in new[] { "/Tthc/Procedures", $"/Tthc/Agency/{stp}", "/Tthc/ProcedureImport" })
        {
            var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("Login", r.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Odd_filter_and_period_values_are_answered_never_with_a_500()
    {
        var coordinator = await app.SignInAsync("cchc");
        var stp = await AgencyAsync("STP");
        string[] odd = ["", "x", "-1", "99999999999", "Full'; DROP TABLE x;--", new string('đ', 3000), "%00", "<script>", "2030-02-30"];
        foreach (var v in odd.Select(Uri.EscapeDataString))
            foreach (var url in new[] { $"/Tthc/Procedures?field={v}&level={v}&agency={v}&online={v}", $"/Tthc/Agency/{stp}?from={v}&to={v}",
                         $"/Tthc/Late?agency={stp}&from=01/01/2030&to=31/03/2030&procedure={v}" })
            {
                var r = await coordinator.GetAsync(url);
                Assert.True((int)r.StatusCode < 500, $"{url}: {(int)r.StatusCode}");
            }
        Assert.Contains("Không có thủ tục nào", await HtmlAsync(await coordinator.GetAsync("/Tthc/Procedures?field=không-có-lĩnh-vực-này")));
    }
}

public sealed class SqliteTthcProcedureTests(SqliteFactory app) : TthcProcedureTests<SqliteFactory>(app);
public sealed class PostgresTthcProcedureTests(PostgresFactory app) : TthcProcedureTests<PostgresFactory>(app);
