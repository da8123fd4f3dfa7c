using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Features.Tthc;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Dossier exports imported by code (previewed, once, bad lines named), the figures counted by the database, scoped pages.</summary>
public abstract class TthcDossierTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static readonly string Fixture = SharedFiles.Path("tthc/dossiers.csv");

    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static async Task<string> PreviewAsync(HttpClient client, byte[] bytes, string name = "ho-so.csv")
    {
        var token = await client.AntiforgeryTokenAsync("/Tthc/Import");
        var content = new MultipartFormDataContent
            { { new ByteArrayContent(bytes), "file", name }, { new StringContent(token), "__RequestVerificationToken" } };
        return await HtmlAsync(await client.PostAsync("/Tthc/Import?handler=Preview", content));
    }

    private static string UploadId(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([0-9a-f]{32}\\.csv)\"").Groups[1].Value;

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, string preview, bool leaveOutBad = false)
    {
        var fields = new Dictionary<string, string> { ["upload"] = UploadId(preview), ["name"] = "ho-so.csv" };
        if (leaveOutBad) fields["leaveOutBad"] = "true";
        return await client.PostFormAsync("/Tthc/Import?handler=Apply", fields, "/Tthc/Import");
    }

    private Task<long> CountAsync(string prefix) => app.WithDbAsync(db => db.Dossiers.LongCountAsync(d => d.Code.StartsWith(prefix)));

    private static async Task<string> PreviewXlsxAsync(HttpClient client, byte[] bytes, string source)
    {
        var token = await client.AntiforgeryTokenAsync("/Tthc/Import");
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "file", "ho-so.xlsx" }, { new StringContent(source), "source" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await HtmlAsync(await client.PostAsync("/Tthc/Import?handler=Preview", content));
    }

    private static string XlsxUpload(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([0-9a-f]{32}\\.xlsx)\"").Groups[1].Value;

    [Fact]
    public async Task A_spreadsheet_whose_titles_are_mapped_on_the_preview_imports_and_its_source_remembers_the_mapping()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = $"X{Guid.NewGuid():N}"[..12];
        var source = $"Một cửa {tag}";
        // The export's own titles: most known to ParHub, "Số HS" not; agencies by name; Vietnamese values; a time after a date.
        string[] header = ["STT", "Số HS", "Đơn vị giải quyết", "Mã thủ tục", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả",
            "Có phí lệ phí", "Thanh toán trực tuyến", "Số hóa", "Kết quả điện tử", "Đồng bộ DVCQG", "Thư xin lỗi", "Đánh giá"];
        var bytes = ParHub.Web.Shared.Office.Xlsx.Write("Hồ sơ", header,
        [
            ["1", $"{tag}-1", "Sở Tư pháp", "1.001", "Nộp trực tuyến", "03/03/2028 08:15", "13/03/2028", "10/03/2028",
                "Có", "Có", "Có", "Có", "Có", "Không", "Hài lòng"],
            ["2", $"{tag}-2", "STP", "1.001", "Trực tiếp", "03/03/2028", "06/03/2028", "", "Không", "Không", "Không", "Không", "Không", "Không", ""],
        ]);

        var first = await PreviewXlsxAsync(coordinator, bytes, source);
        Assert.Contains("Tiêu đề thiếu cột ma_ho_so.", first);
        Assert.Contains("data-testid=\"import-mapping\"", first);
        var upload = XlsxUpload(first);
        Assert.NotEqual("", upload);
        var mapped = await HtmlAsync(await coordinator.PostFormAsync("/Tthc/Import?handler=Map",
            new() { ["upload"] = upload, ["name"] = "ho-so.xlsx", ["source"] = source, ["map[ma_ho_so]"] = "Số HS" }, "/Tthc/Import"));
        Assert.Contains("2 dòng hợp lệ, 0 dòng lỗi", mapped);

        // Applied with the mapping shown: stored, and the source remembers it.
        var fields = System.Text.RegularExpressions.Regex.Matches(mapped, "name=\"(map\\[[a-z_]+\\])\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(14, fields.Count);
        fields["upload"] = upload;
        fields["name"] = "ho-so.xlsx";
        fields["source"] = source;
        var applied = await coordinator.PostFormAsync("/Tthc/Import?handler=Apply", fields, "/Tthc/Import");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var stored = await app.WithDbAsync(db => db.Dossiers.Where(d => d.Code.StartsWith(tag)).OrderBy(d => d.Code).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal((DossierChannel.Online, new DateOnly(2028, 3, 3), (DateOnly?)new DateOnly(2028, 3, 10), true, DossierRating.Satisfied),
            (stored[0].Channel, stored[0].Received, stored[0].Resolved, stored[0].PaidOnline, stored[0].Rating));
        Assert.Equal((DossierChannel.Counter, (DateOnly?)null), (stored[1].Channel, stored[1].Resolved));
        var remembered = await app.WithDbAsync(db => db.DossierSources.SingleAsync(x => x.Name == source));
        Assert.Equal("Số HS", remembered.Columns()[DossierCsv.Code]);

        // The next export of the source maps itself; the same rows again change nothing.
        var second = await PreviewXlsxAsync(coordinator, bytes, source);
        Assert.Contains("2 dòng hợp lệ, 0 dòng lỗi", second);
        Assert.DoesNotContain("Tiêu đề thiếu cột", second);
        var again = await ApplyFieldsAsync(coordinator, second, XlsxUpload(second), source);
        Assert.Contains("0 mới, 0 cập nhật, 2 không đổi", await HtmlAsync(await coordinator.GetAsync(again.Headers.Location!.ToString())));

        // A file that only claims to be a spreadsheet is refused with a message, nothing kept.
        var fake = await PreviewXlsxAsync(coordinator, Encoding.UTF8.GetBytes("ma_ho_so,co_quan\n"), source);
        Assert.Contains("Tệp không phải bảng tính Excel .xlsx.", fake);
    }

    private static Task<HttpResponseMessage> ApplyFieldsAsync(HttpClient client, string preview, string upload, string source)
    {
        var fields = System.Text.RegularExpressions.Regex.Matches(preview, "name=\"(map\\[[a-z_]+\\])\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        (fields["upload"], fields["name"], fields["source"]) = (upload, "ho-so.xlsx", source);
        return client.PostFormAsync("/Tthc/Import?handler=Apply", fields, "/Tthc/Import");
    }

    // The other tests of this class write dossiers of 2028 only, so that the fixture's periods (2025–2026) see its rows alone.
    [Fact]
    public async Task An_export_imported_twice_is_stored_once_and_the_database_counts_exactly_what_the_rule_counts()
    {
        var coordinator = await app.SignInAsync("cchc");
        var bytes = await File.ReadAllBytesAsync(Fixture);
        var preview = await PreviewAsync(coordinator, bytes);
        Assert.Contains("20 dòng hợp lệ, 0 dòng lỗi", preview);
        var applied = await ApplyAsync(coordinator, preview);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains("20 mới, 0 cập nhật, 0 không đổi", await HtmlAsync(await coordinator.GetAsync(applied.Headers.Location!.ToString())));
        var again = await ApplyAsync(coordinator, await PreviewAsync(coordinator, bytes));
        Assert.Contains("0 mới, 0 cập nhật, 20 không đổi", await HtmlAsync(await coordinator.GetAsync(again.Headers.Location!.ToString())));
        var codes = File.ReadLines(Fixture).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(20, await app.WithDbAsync(db => db.Dossiers.CountAsync(d => codes.Contains(d.Code))));

        // A changed row updates in place.
        var changed = Encoding.UTF8.GetString(bytes).Replace("STP-002,STP,2.000101,truc_tuyen,2026-01-15,2026-01-25,2026-01-22",
            "STP-002,STP,2.000101,truc_tuyen,2026-01-15,2026-01-25,2026-01-27", StringComparison.Ordinal);
        Assert.NotEqual(Encoding.UTF8.GetString(bytes), changed);
        var third = await ApplyAsync(coordinator, await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(changed)));
        Assert.Contains("0 mới, 1 cập nhật, 19 không đổi", await HtmlAsync(await coordinator.GetAsync(third.Headers.Location!.ToString())));

        // Stored as the file says (the changed row as changed).
        using var reader = new StringReader(changed.TrimStart('\uFEFF'));
        var inFile = DossierCsv.Read(reader).Select(r => r.Dossier!).ToList();
        var stored = await app.WithDbAsync(db => db.Dossiers.Where(d => codes.Contains(d.Code))
            .Join(db.Agencies, d => d.AgencyId, a => a.Id, (d, a) => new { d, a.Code }).ToListAsync());
        Assert.Equal(inFile.OrderBy(d => d.Code, StringComparer.Ordinal),
            stored.Select(x => x.d.ToDossier(x.Code)).OrderBy(d => d.Code, StringComparer.Ordinal));

        // The database's figures over several periods equal the pure rule on the same rows (the fixture's and the demo's).
        var rows = await app.WithDbAsync(db => db.Dossiers.Join(db.Agencies, d => d.AgencyId, a => a.Id, (d, a) => new { d, a.Code }).ToListAsync());
        var dossiers = rows.Select(x => x.d.ToDossier(x.Code)).ToList();
        using var scope = app.Services.CreateScope();
        var figures = scope.ServiceProvider.GetRequiredService<TthcFigures>();
        foreach (var (from, to) in new[] { (new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (new DateOnly(2025, 10, 1), new DateOnly(2026, 12, 31)),
                     (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), (new DateOnly(2026, 1, 15), new DateOnly(2026, 1, 15)) })
        {
            var (agencies, province) = await figures.ComputeAsync(from, to);
            foreach (var code in new[] { "SNV", "STP", "SYT" })
            {
                var expected = DossierTally.Of(dossiers.Where(d => d.AgencyCode == code), from, to);
                var actual = agencies.SingleOrDefault(a => a.Code == code)?.Tally ?? default;
                Assert.True(expected == actual, $"{code} {from}..{to}: expected {expected}, got {actual}");
            }
            Assert.Equal(DossierTally.Of(dossiers, from, to), province.Tally);
        }
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Dossiers" && e.Action == "import"));
        Assert.True(audit >= 3);
    }

    [Fact]
    public async Task A_file_that_looks_new_but_holds_a_stored_code_further_down_is_merged_all_the_same()
    {
        static DossierRecord Row(int agency, string code, int day) => new()
        {
            Code = code, AgencyId = agency, ProcedureCode = "1.001", Channel = DossierChannel.Online, Received = new DateOnly(2028, 5, day),
            Due = new DateOnly(2028, 5, day + 5), Resolved = new DateOnly(2028, 5, day + 2), ImportedAt = DateTime.UtcNow,
        };
        var agency = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync());
        async Task<DossiersWritten> WriteAsync(int probe, params DossierRecord[] rows)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ParHubDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<DossierWriter>();
            writer.ProbeRows = probe;
            return await db.InTransactionAsync(() => writer.WriteAsync(rows));
        }
        Assert.Equal(new DossiersWritten(3, 0, 0), await WriteAsync(2, Row(agency, "WR-1", 1), Row(agency, "WR-2", 2), Row(agency, "WR-3", 3)));
        // The first two rows are new, so the rows go straight in until WR-1, stored already: they are read again and merged.
        var later = new[] { Row(agency, "WR-4", 4), Row(agency, "WR-5", 5), Row(agency, "WR-1", 9), Row(agency, "WR-6", 6) };
        Assert.Equal(new DossiersWritten(3, 1, 0), await WriteAsync(2, later));
        Assert.Equal(6, await CountAsync("WR-"));
        Assert.Equal(new DateOnly(2028, 5, 9), await app.WithDbAsync(db => db.Dossiers.Where(d => d.Code == "WR-1").Select(d => d.Received).SingleAsync()));
        // Its first rows stored: merged at once; nothing changes.
        Assert.Equal(new DossiersWritten(0, 0, 4), await WriteAsync(2, later));
        Assert.Equal(new DossiersWritten(0, 0, 4), await WriteAsync(10_000, later));
        Assert.Equal(6, await CountAsync("WR-"));
        // An agency not in the directory is refused as the foreign key would refuse it; nothing of that write is kept.
        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(2, Row(agency, "WR-7", 7), Row(987_654, "WR-8", 8)));
        Assert.Equal(6, await CountAsync("WR-"));
    }

    [Fact]
    public async Task A_file_with_bad_rows_names_every_bad_line_stores_nothing_and_applies_the_good_ones_only_when_told()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = "BAD" + Guid.NewGuid().ToString("N")[..8];
        var csv = DossierCsv.Header + "\n"
            + $"{tag}-1,STC,1.001,truc_tiep,2028-02-01,2028-02-10,2028-02-05,no,no,no,no,no,no,\n"
            + $"{tag}-2,STC,1.001,fax,2028-02-01,2028-02-10,,no,no,no,no,no,no,\n"
            + $"{tag}-3,KHONGCO,1.001,truc_tiep,2028-02-01,2028-02-10,,no,no,no,no,no,no,\n"
            + $"{tag}-4,STC,1.001,truc_tiep,31/02/2028,2028-02-10,,no,no,no,no,no,no,\n"
            + $"{tag}-5,STC,1.001,truc_tuyen,2028-02-02,2028-02-12,,yes,yes,no,no,no,no,\n";
        var preview = await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(csv));
        Assert.Contains("2 dòng hợp lệ, 3 dòng lỗi", preview);
        var problems = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(preview).QuerySelectorAll("[data-testid=import-problems] tbody tr")
            .Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(["3", "4", "5"], problems);
        Assert.Contains("KHONGCO", preview);

        var refused = await HtmlAsync(await ApplyAsync(coordinator, preview));
        Assert.Contains("Dòng 3", refused);
        Assert.Contains("Không dòng nào được ghi", refused);
        Assert.Equal(0, await CountAsync(tag));

        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(coordinator, preview, leaveOutBad: true)).StatusCode);
        Assert.Equal(2, await CountAsync(tag));
    }

    [Fact]
    public async Task An_agencys_periodic_report_opens_with_its_dossiers_of_the_period_prefilled()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = "RPT" + Guid.NewGuid().ToString("N")[..8];
        // The demo's dossiers never resolved are carried into every later period: counted first, added to what is expected.
        var skhcn = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync());
        ParHub.Core.Tthc.DossierTally? quarter0, year0;
        using (var before = app.Services.CreateScope())
        {
            var figures = before.ServiceProvider.GetRequiredService<TthcFigures>();
            quarter0 = (await figures.ComputeAsync(new(2029, 1, 1), new(2029, 3, 5), skhcn)).Agencies.SingleOrDefault()?.Tally;
            year0 = (await figures.ComputeAsync(new(2029, 1, 1), new(2029, 12, 31), skhcn)).Agencies.SingleOrDefault()?.Tally;
        }
        var carried = quarter0?.InScope ?? 0; // received before 2029 and still pending: late, never on time
        var (yearInScope, yearLate, yearApologies) = (year0?.InScope ?? 0, year0?.Late ?? 0, year0?.Apologies ?? 0);
        // Q1 of haiphong-2018 is due on 5 March: the data run from 1 January to then. Two received in January (one online,
        // resolved on time; one late), one carried from December and resolved on time, one received after 5 March (out).
        var csv = DossierCsv.Header + "\n"
            + $"{tag}-1,SKHCN,1.003,truc_tuyen,2029-01-05,2029-01-15,2029-01-10,no,no,no,no,no,no,\n"
            + $"{tag}-2,SKHCN,1.003,truc_tiep,2029-01-06,2029-01-16,2029-01-20,no,no,no,no,no,yes,\n"
            + $"{tag}-3,SKHCN,1.003,truc_tiep,2028-12-20,2029-01-08,2029-01-07,no,no,no,no,no,no,\n"
            + $"{tag}-4,SKHCN,1.003,truc_tuyen,2029-03-10,2029-03-20,,no,no,no,no,no,no,\n";
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(coordinator, await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(csv)))).StatusCode);
        var officer = await app.SignInAsync("khcn"); // Sở Khoa học và Công nghệ
        var open = await officer.GetAsync("/Reports/Open?regime=haiphong-2018&period=2029-Q1");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var id = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var values = await app.WithDbAsync(db => db.ReportValues.Where(v => v.ReportId == id && v.Code.StartsWith("dossiers_"))
            .ToDictionaryAsync(v => v.Code, v => (v.Value, v.Denominator, v.Source)));
        Assert.Equal((3m + carried, (decimal?)null, ParHub.Core.Reports.ValueSource.Prefilled), values["dossiers_in_scope"]);
        Assert.Equal((2m, (decimal?)(3m + carried), ParHub.Core.Reports.ValueSource.Prefilled), values["dossiers_on_time"]);
        Assert.Equal((1m, (decimal?)2m, ParHub.Core.Reports.ValueSource.Prefilled), values["dossiers_online"]);
        Assert.Contains("Theo dữ liệu hệ thống một cửa", WebUtility.HtmlDecode(await officer.GetStringAsync(open.Headers.Location!.OriginalString)));

        // A PAR Index criterion with a dossier source takes the year's figures (2029: the four dossiers; the one received in
        // March is still pending at the year's end, past its due date: late, without an apology).
        var agency = skhcn;
        var rule = new ParHub.Core.Scoring.ScoringRule("proportional");
        var framework = new ParHub.Core.Scoring.Framework("T", "T", [], 0, 0,
        [
            new("1", "Dịch vụ công", 15), new("1.1", "Hồ sơ đúng hạn", 5, rule, Source: "tthc.tien_do"),
            new("1.2", "Hồ sơ trực tuyến", 5, rule, Source: "tthc.truc_tuyen"), new("1.3", "Thư xin lỗi", 5, rule, Source: "tthc.xin_loi"),
        ]);
        Assert.Empty(framework.Problems());
        using var scope = app.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.ParIndex.IndexQueries>();
        var computed = await index.ComputedAsync(framework, agency, 2029);
        Assert.Equal((2m, 4m + yearInScope), (computed["1.1"].Input.Num!.Value, computed["1.1"].Input.Den!.Value)); // 1 and 3 on time
        Assert.Equal((2m, 3m), (computed["1.2"].Input.Num!.Value, computed["1.2"].Input.Den!.Value)); // 1 and 4 online of the 3 received
        Assert.Equal((1m + yearApologies, 2m + yearLate), (computed["1.3"].Input.Num!.Value, computed["1.3"].Input.Den!.Value)); // 2 apologised, 4 not
        Assert.Contains("hệ thống một cửa", computed["1.1"].Shown);
        if (year0 is null) Assert.Empty(await index.ComputedAsync(framework, agency, 2027)); // none yet
    }

    [Fact]
    public async Task Not_a_csv_or_not_text_is_refused_with_a_message()
    {
        var coordinator = await app.SignInAsync("cchc");
        Assert.Contains("Chỉ nhận tệp .csv (UTF-8) hoặc Excel .xlsx", await PreviewAsync(coordinator, "a,b"u8.ToArray(), "ho-so.pdf"));
        Assert.Contains("Tệp không phải bảng tính Excel .xlsx.", await PreviewAsync(coordinator, "a,b"u8.ToArray(), "ho-so.xlsx"));
        Assert.Contains("không phải văn bản CSV", await PreviewAsync(coordinator, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], "ho-so.csv"));
        Assert.Contains("Tệp rỗng", await PreviewAsync(coordinator, " \n"u8.ToArray(), "ho-so.csv"));
    }

    [Fact]
    public async Task An_agency_sees_its_own_figures_and_late_dossiers_only_and_cannot_import()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = "ISO" + Guid.NewGuid().ToString("N")[..8];
        var csv = DossierCsv.Header + "\n"
            + $"{tag}-1,STP,1.002,truc_tiep,2028-03-01,2028-03-05,2028-03-09,no,no,no,no,no,yes,\n"
            + $"{tag}-2,STC,1.002,truc_tiep,2028-03-01,2028-03-05,2028-03-09,no,no,no,no,no,no,\n";
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(coordinator, await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(csv)))).StatusCode);
        var (stp, stc) = await app.WithDbAsync(async db => (await db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync(),
            await db.Agencies.Where(a => a.Code == "STC").Select(a => a.Id).SingleAsync()));
        const string period = "from=01/03/2028&to=31/03/2028";

        var all = await HtmlAsync(await coordinator.GetAsync($"/Tthc?{period}"));
        Assert.Contains("data-agency=\"STP\"", all);
        Assert.Contains("data-agency=\"STC\"", all);
        Assert.Contains("data-agency=\"*\"", all);

        var officer = await app.SignInAsync("tuphap"); // Sở Tư pháp
        var own = await HtmlAsync(await officer.GetAsync($"/Tthc?{period}"));
        Assert.Contains("data-agency=\"STP\"", own);
        Assert.DoesNotContain("data-agency=\"STC\"", own);
        Assert.DoesNotContain("data-agency=\"*\"", own);
        var late = await HtmlAsync(await officer.GetAsync($"/Tthc/Late?agency={stp}&{period}"));
        Assert.Contains($"{tag}-1", late);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Tthc/Late?agency={stc}&{period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Tthc/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/Tthc/Late?agency={stp}&from=x&to=y")).StatusCode);
        Assert.Contains("Ngày không hợp lệ", await HtmlAsync(await officer.GetAsync("/Tthc?from=32/13/2026&to=01/01/2026")));

        var anonymous = app.Anonymous();
        var redirected = await anonymous.GetAsync("/Tthc");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("Login", redirected.Headers.Location!.ToString());
    }
}

public sealed class SqliteTthcDossierTests(SqliteFactory app) : TthcDossierTests<SqliteFactory>(app);
public sealed class PostgresTthcDossierTests(PostgresFactory app) : TthcDossierTests<PostgresFactory>(app);
