using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Tthc;
using ParHub.Web.Features.Tthc.Pakn;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The feedback (PAKN) registry: imported by channel and code from CSV or XLSX (previewed, once, bad lines named), entered
/// and answered by hand, counted by the database as the pure rule counts, scoped pages, fed to the report and the PAR Index.
/// The items here are of 2024, before the demo's year of feedback.
/// </summary>
public abstract class TthcPaknTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static async Task<string> PreviewAsync(HttpClient client, byte[] bytes, string name = "pakn.csv")
    {
        var token = await client.AntiforgeryTokenAsync("/Tthc/Pakn/Import");
        var content = new MultipartFormDataContent
            { { new ByteArrayContent(bytes), "file", name }, { new StringContent(token), "__RequestVerificationToken" } };
        return await HtmlAsync(await client.PostAsync("/Tthc/Pakn/Import?handler=Preview", content));
    }

    private static string UploadId(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([0-9a-f]{32}\\.(csv|xlsx))\"").Groups[1].Value;

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, string preview, bool leaveOutBad = false)
    {
        var fields = new Dictionary<string, string> { ["upload"] = UploadId(preview), ["name"] = "pakn.csv" };
        if (leaveOutBad) fields["leaveOutBad"] = "true";
        return await client.PostFormAsync("/Tthc/Pakn/Import?handler=Apply", fields, "/Tthc/Pakn/Import");
    }

    private async Task ImportAsync(string csv)
    {
        var coordinator = await app.SignInAsync("cchc");
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(coordinator, await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(csv)))).StatusCode);
    }

    private Task<long> CountAsync(string prefix) => app.WithDbAsync(db => db.Feedback.LongCountAsync(f => f.Code.StartsWith(prefix)));

    private static string Tag(string kind) => kind + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_file_imported_twice_is_stored_once_and_the_database_counts_exactly_what_the_rule_counts()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = Tag("IMP");
        var csv = FeedbackTable.Header + "\n"
            + $"{tag}-1,05/01/2024,cong_dvc,Đất đai,STP,20/01/2024,15/01/2024,có,hai_long,Chậm cấp giấy chứng nhận\n"
            + $"{tag}-2,2024-01-10,dien_thoai,Hộ tịch,STP,2024-01-25,2024-02-02,no,khong_hai_long,\n"
            + $"{tag}-3,2023-12-20,email,Thuế,STC,2024-01-05,,no,,\n"
            + $"{tag}-4,2024-02-01,ung_dung,Giao thông,STC,2024-02-15,2024-02-10,yes,,\n"
            + $"{tag}-4,2024-02-01,truc_tiep,Giao thông,STC,2024-02-15,,no,,\n"
            + $"{tag}-5,2024-03-20,buu_chinh,Y tế,SYT,2024-04-05,,,,\n";
        var preview = await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(csv));
        Assert.Contains("6 dòng hợp lệ, 0 dòng lỗi", preview);
        var applied = await ApplyAsync(coordinator, preview);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains("6 mới, 0 cập nhật, 0 không đổi", await HtmlAsync(await coordinator.GetAsync(applied.Headers.Location!.ToString())));
        var again = await ApplyAsync(coordinator, await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(csv)));
        Assert.Contains("0 mới, 0 cập nhật, 6 không đổi", await HtmlAsync(await coordinator.GetAsync(again.Headers.Location!.ToString())));
        Assert.Equal(6, await CountAsync(tag)); // the same code from two channels is two items

        // A changed row (now answered) updates in place.
        var changed = csv.Replace($"{tag}-3,2023-12-20,email,Thuế,STC,2024-01-05,,no,,",
            $"{tag}-3,2023-12-20,email,Thuế,STC,2024-01-05,2024-01-04,yes,hai_long,", StringComparison.Ordinal);
        Assert.NotEqual(csv, changed);
        var third = await ApplyAsync(coordinator, await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(changed)));
        Assert.Contains("0 mới, 1 cập nhật, 5 không đổi", await HtmlAsync(await coordinator.GetAsync(third.Headers.Location!.ToString())));
        var stored = await app.WithDbAsync(db => db.Feedback.Where(f => f.Code.StartsWith(tag)).Join(db.Agencies, f => f.AgencyId, a => a.Id,
            (f, a) => new { f, a.Code }).ToListAsync());
        var inFile = FeedbackTable.Read(new StringReader(changed)).Select(r => r.Feedback!).ToList();
        Assert.Equal(inFile.OrderBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Channel),
            stored.Select(x => x.f.ToFeedback(x.Code)).OrderBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Channel));

        // The database's figures over several periods equal the pure rule on every stored row (these, the other tests' and the demo's).
        var rows = await app.WithDbAsync(db => db.Feedback.Join(db.Agencies, f => f.AgencyId, a => a.Id, (f, a) => new { f, a.Code }).ToListAsync());
        var items = rows.Select(x => x.f.ToFeedback(x.Code)).ToList();
        using var scope = app.Services.CreateScope();
        var figures = scope.ServiceProvider.GetRequiredService<FeedbackFigures>();
        foreach (var (from, to) in new[] { (new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), (new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 5)),
                     (new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)), (new DateOnly(2023, 10, 1), new DateOnly(2026, 12, 31)) })
        {
            var (agencies, province) = await figures.ComputeAsync(from, to);
            foreach (var code in new[] { "STP", "STC", "SYT" })
            {
                var expected = FeedbackTally.Of(items.Where(f => f.AgencyCode == code), from, to);
                var actual = agencies.SingleOrDefault(a => a.Code == code)?.Tally ?? default;
                Assert.True(expected == actual, $"{code} {from}..{to}: expected {expected}, got {actual}");
            }
            Assert.Equal(FeedbackTally.Of(items, from, to), province.Tally);
        }
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Feedback" && e.Action == "import")) >= 3);
    }

    [Fact]
    public async Task A_file_with_bad_rows_names_every_bad_line_stores_nothing_and_applies_the_good_ones_only_when_told()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = Tag("BAD");
        var csv = FeedbackTable.Header + "\n"
            + $"{tag}-1,2024-05-02,email,Thuế,STC,2024-05-20,,,,\n"
            + $"{tag}-2,2024-05-02,fax,Thuế,STC,2024-05-20,,,,\n"
            + $"{tag}-3,2024-05-02,email,Thuế,KHONGCO,2024-05-20,,,,\n"
            + $"{tag}-4,31/02/2024,email,Thuế,STC,2024-05-20,,,,\n"
            + $"{tag}-5,2024-05-02,email,Thuế,STC,2024-05-20,,,,Liên hệ 0912345678\n"
            + $"{tag}-6,2024-05-03,truc_tiep,Thuế,STC,2024-05-20,2024-05-06,yes,hai_long,\n";
        var preview = await PreviewAsync(coordinator, Encoding.UTF8.GetBytes(csv));
        Assert.Contains("2 dòng hợp lệ, 4 dòng lỗi", preview);
        var problems = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(preview).QuerySelectorAll("[data-testid=import-problems] tbody tr")
            .Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(["3", "4", "5", "6"], problems);
        Assert.Contains("KHONGCO", preview);
        Assert.Contains("số điện thoại", preview);

        var refused = await HtmlAsync(await ApplyAsync(coordinator, preview));
        Assert.Contains("Dòng 3", refused);
        Assert.Contains("Không dòng nào được ghi", refused);
        Assert.Equal(0, await CountAsync(tag));

        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(coordinator, preview, leaveOutBad: true)).StatusCode);
        Assert.Equal(2, await CountAsync(tag));
    }

    [Fact]
    public async Task An_xlsx_sheet_imports_like_a_csv_and_wrong_files_are_refused_with_a_message()
    {
        var coordinator = await app.SignInAsync("cchc");
        var tag = Tag("XLS");
        var xlsx = ParHub.Web.Shared.Office.Xlsx.Write("PAKN", ["Ma", "Kenh", "Co_quan", "Ngay_tiep_nhan", "Han_xu_ly", "Ngay_tra_loi", "Noi_dung"],
        [
            [$"{tag}-1", "Cổng dịch vụ công", "STP", "02/06/2024", "20/06/2024", "10/06/2024", "Đề nghị hướng dẫn thủ tục"],
            [$"{tag}-2", "email", "STP", "03/06/2024", "20/06/2024", "", ""],
            [$"{tag}-3", "email", "STP", "03/06/2024", "hôm qua", "", ""],
        ]);
        var preview = await PreviewAsync(coordinator, xlsx, "pakn.xlsx");
        Assert.Contains("2 dòng hợp lệ, 1 dòng lỗi", preview);
        Assert.Contains("“hôm qua” không phải ngày", preview);
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(coordinator, preview, leaveOutBad: true)).StatusCode);
        var first = await app.WithDbAsync(db => db.Feedback.SingleAsync(f => f.Code == tag + "-1"));
        Assert.Equal((FeedbackChannel.Portal, new DateOnly(2024, 6, 10), "Đề nghị hướng dẫn thủ tục"), (first.Channel, first.Answered!.Value, first.Subject));

        Assert.Contains("Chỉ nhận tệp .csv", await PreviewAsync(coordinator, "a,b"u8.ToArray(), "pakn.txt"));
        Assert.Contains("không phải văn bản CSV", await PreviewAsync(coordinator, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], "pakn.csv"));
        Assert.Contains("không phải bảng tính", await PreviewAsync(coordinator, "ma,kenh\n"u8.ToArray(), "pakn.xlsx"));
        Assert.Contains("bị hỏng", await PreviewAsync(coordinator, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], "pakn.xlsx"));
        Assert.Contains("Tệp rỗng", await PreviewAsync(coordinator, " \n"u8.ToArray(), "pakn.csv"));
    }

    [Fact]
    public async Task An_officer_enters_and_answers_items_of_their_own_agency_only()
    {
        var (stp, stc) = await app.WithDbAsync(async db => (await db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync(),
            await db.Agencies.Where(a => a.Code == "STC").Select(a => a.Id).SingleAsync()));
        var officer = await app.SignInAsync("tuphap"); // Sở Tư pháp
        var tag = Tag("ENT");
        Dictionary<string, string> Item(string code, int agency, string subject = "Chậm trả lời") => new()
        {
            ["AgencyId"] = agency.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Code"] = code, ["Channel"] = "dien_thoai",
            ["Received"] = "10/07/2024", ["Due"] = "25/07/2024", ["Field"] = "Hộ tịch", ["Subject"] = subject,
        };
        var saved = await officer.PostFormAsync("/Tthc/Pakn/Entry", Item($"{tag}-1", stc), "/Tthc/Pakn/Entry");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await app.WithDbAsync(db => db.Feedback.SingleAsync(f => f.Code == tag + "-1"));
        Assert.Equal(stp, item.AgencyId); // an officer's item is their agency's, whatever was posted
        Assert.Contains($"{tag}-1", await HtmlAsync(await officer.GetAsync(saved.Headers.Location!.ToString())));

        Assert.Contains("Đã có phản ánh", await HtmlAsync(await officer.PostFormAsync("/Tthc/Pakn/Entry", Item($"{tag}-1", stp), "/Tthc/Pakn/Entry")));
        Assert.Contains("không ghi thông tin cá nhân",
            await HtmlAsync(await officer.PostFormAsync("/Tthc/Pakn/Entry", Item($"{tag}-2", stp, "Gửi nguyenvana@gmail.com"), "/Tthc/Pakn/Entry")));
        Assert.Contains("Thiếu ngày tiếp nhận", await HtmlAsync(await officer.PostFormAsync("/Tthc/Pakn/Entry",
            new Dictionary<string, string>(Item($"{tag}-3", stp)) { ["Received"] = "" }, "/Tthc/Pakn/Entry")));
        Assert.Equal(1, await CountAsync(tag));

        const string period = "from=01/07/2024&to=31/07/2024";
        var list = $"/Tthc/Pakn/List?agency={stp}&{period}";
        Dictionary<string, string> Answer(long id, string day) => new()
        {
            ["agency"] = stp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = "01/07/2024", ["to"] = "31/07/2024", ["answered"] = day, ["published"] = "true", ["rating"] = "hai_long",
        };
        Assert.Contains("trước ngày tiếp nhận", await HtmlAsync(await officer.PostFormAsync(list + "&handler=Answer", Answer(item.Id, "01/07/2024"), list)));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(list + "&handler=Answer", Answer(item.Id, "20/07/2024"), list)).StatusCode);
        var answered = await app.WithDbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.Id == item.Id));
        Assert.Equal((new DateOnly(2024, 7, 20), true, FeedbackRating.Satisfied), (answered.Answered!.Value, answered.Published, answered.Rating));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Feedback" && e.EntityId == item.Id.ToString())));

        // Another agency's item: neither answered nor listed by this officer; the coordinator may.
        var coordinator = await app.SignInAsync("cchc");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Tthc/Pakn/Entry", Item($"{tag}-9", stc), "/Tthc/Pakn/Entry")).StatusCode);
        var other = await app.WithDbAsync(db => db.Feedback.SingleAsync(f => f.Code == tag + "-9"));
        Assert.Equal(stc, other.AgencyId);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostFormAsync(list + "&handler=Answer", Answer(other.Id, "20/07/2024"), list)).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Feedback.AsNoTracking().Where(f => f.Id == other.Id).Select(f => f.Answered).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Tthc/Pakn/List?agency={stc}&{period}")).StatusCode);

        var viewer = await app.SignInAsync("xem");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Tthc/Pakn/Entry")).StatusCode);
        Assert.DoesNotContain("data-testid=\"pakn-answer\"", await HtmlAsync(await viewer.GetAsync($"/Tthc/Pakn/List?agency={stc}&{period}")));
    }

    [Fact]
    public async Task An_agency_sees_its_own_figures_only_cannot_import_and_anonymous_is_sent_to_log_in()
    {
        var tag = Tag("ISO");
        await ImportAsync(FeedbackTable.Header + "\n"
            + $"{tag}-1,2024-08-01,email,Thuế,STP,2024-08-05,2024-08-09,yes,,\n"
            + $"{tag}-2,2024-08-01,email,Thuế,STC,2024-08-05,2024-08-04,yes,hai_long,\n");
        var (stp, stc) = await app.WithDbAsync(async db => (await db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync(),
            await db.Agencies.Where(a => a.Code == "STC").Select(a => a.Id).SingleAsync()));
        const string period = "from=01/08/2024&to=31/08/2024";

        var coordinator = await app.SignInAsync("cchc");
        var all = await HtmlAsync(await coordinator.GetAsync($"/Tthc/Pakn?{period}"));
        Assert.Contains("data-agency=\"STP\"", all);
        Assert.Contains("data-agency=\"STC\"", all);
        Assert.Contains("data-agency=\"*\"", all);
        Assert.Contains("/Tthc/Pakn?", await HtmlAsync(await coordinator.GetAsync($"/Tthc?{period}"))); // linked from /Tthc
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(all);
        string Rate(string agency, string rate) => doc.QuerySelector($"tr[data-agency={agency}] td[data-rate={rate}]")!.ClassName ?? "";
        Assert.Contains("text-danger", Rate("STP", FeedbackTally.DungHan)); // answered after its due date: 0 % against 90 %
        Assert.Contains("text-success", Rate("STC", FeedbackTally.DungHan));
        Assert.Equal("100,00%", doc.QuerySelector($"tr[data-agency=STC] td[data-rate={FeedbackTally.HaiLong}]")!.TextContent.Trim());

        var officer = await app.SignInAsync("tuphap");
        var own = await HtmlAsync(await officer.GetAsync($"/Tthc/Pakn?{period}"));
        Assert.Contains("data-agency=\"STP\"", own);
        Assert.DoesNotContain("data-agency=\"STC\"", own);
        Assert.DoesNotContain("data-agency=\"*\"", own);
        Assert.DoesNotContain("pakn-import-link", own);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Tthc/Pakn/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Tthc/Pakn/List?agency={stc}&{period}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/Tthc/Pakn/List?agency={stp}&from=x&to=y")).StatusCode);
        Assert.Contains($"{tag}-1", await HtmlAsync(await officer.GetAsync($"/Tthc/Pakn/List?agency={stp}&{period}")));
        Assert.Contains("Ngày không hợp lệ", await HtmlAsync(await officer.GetAsync("/Tthc/Pakn?from=32/13/2024&to=01/01/2024")));

        var anonymous = app.Anonymous();
        foreach (var url in new[] { "/Tthc/Pakn", "/Tthc/Pakn/Entry", "/Tthc/Pakn/Import", $"/Tthc/Pakn/List?agency={stc}&{period}" })
        {
            var redirected = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.Contains("Login", redirected.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task The_periodic_report_and_the_par_index_take_the_agencys_feedback()
    {
        // Q1 of haiphong-2018 is due on 5 March: the data run from 1 January to then. Received in January: one answered on time and
        // satisfied, one answered late and dissatisfied; one carried from December answered on time, unrated; one received after 5 March.
        var tag = Tag("RPT");
        await ImportAsync(FeedbackTable.Header + "\n"
            + $"{tag}-1,2024-01-05,email,Thuế,SKHCN,2024-01-20,2024-01-10,yes,hai_long,\n"
            + $"{tag}-2,2024-01-06,email,Thuế,SKHCN,2024-01-20,2024-01-25,no,khong_hai_long,\n"
            + $"{tag}-3,2023-12-20,email,Thuế,SKHCN,2024-01-08,2024-01-07,yes,,\n"
            + $"{tag}-4,2024-03-10,email,Thuế,SKHCN,2024-03-20,,,,\n");
        var officer = await app.SignInAsync("khcn"); // Sở Khoa học và Công nghệ
        var open = await officer.GetAsync("/Reports/Open?regime=haiphong-2018&period=2024-Q1");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var id = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var values = await app.WithDbAsync(db => db.ReportValues.Where(v => v.ReportId == id && v.Code.StartsWith("pakn_"))
            .ToDictionaryAsync(v => v.Code, v => (v.Value, v.Denominator, v.Source)));
        Assert.Equal((2m, (decimal?)null, ParHub.Core.Reports.ValueSource.Prefilled), values["pakn_received"]);
        Assert.Equal((2m, (decimal?)3m, ParHub.Core.Reports.ValueSource.Prefilled), values["pakn_answered_on_time"]);
        var version = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Join(db.ReportForms, r => r.FormId, f => f.Id, (r, f) => f.Version)
            .SingleAsync());
        Assert.True(version >= 3, $"form version {version}"); // version 3 added the feedback fields
        Assert.Contains("Theo sổ theo dõi phản ánh, kiến nghị", WebUtility.HtmlDecode(await officer.GetStringAsync(open.Headers.Location!.OriginalString)));

        // The year 2024: four items; 1 and 3 answered on time of the three answered; one satisfied of the two rated.
        var agency = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync());
        var rule = new ParHub.Core.Scoring.ScoringRule("proportional");
        var framework = new ParHub.Core.Scoring.Framework("T", "T", [], 0, 0,
        [
            new("1", "Phản ánh, kiến nghị", 10), new("1.1", "Đúng hạn", 5, rule, Source: "pakn.dung_han"),
            new("1.2", "Hài lòng", 5, rule, Source: "pakn.hai_long"),
        ]);
        Assert.Empty(framework.Problems());
        Assert.Contains("pakn.hai_long", ParHub.Core.Scoring.FrameworkNode.Sources);
        Assert.Equal("Hài lòng với trả lời phản ánh, kiến nghị", ParHub.Core.Scoring.FrameworkNode.SourceLabel("pakn.hai_long"));
        using var scope = app.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.ParIndex.IndexQueries>();
        var computed = await queries.ComputedAsync(framework, agency, 2024);
        Assert.Equal((2m, 3m), (computed["1.1"].Input.Num!.Value, computed["1.1"].Input.Den!.Value));
        Assert.Equal((1m, 2m), (computed["1.2"].Input.Num!.Value, computed["1.2"].Input.Den!.Value));
        Assert.Empty(await queries.ComputedAsync(framework, agency, 2021)); // none that year: entered by hand
    }

    [Fact]
    public async Task Bad_input_to_the_forms_is_refused_with_a_message_never_a_500()
    {
        var coordinator = await app.SignInAsync("cchc");
        var stp = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync());
        var tag = Tag("FUZ");
        string[] bad = ["", " ", "-1", "2147483648", "9999-12-31", "0001-01-01", "30/02/2024", "a\0b", "'; DROP TABLE feedback; --", "<script>x</script>",
            new string('Ư', 100_000)];
        var rng = new Random(14);
        for (var i = 0; i < 30; i++)
        {
            var fields = new Dictionary<string, string>
            {
                ["AgencyId"] = stp.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Code"] = $"{tag}-{i}", ["Channel"] = "email",
                ["Received"] = "01/09/2024", ["Due"] = "20/09/2024", ["Field"] = "Thuế", ["Subject"] = "Chậm trả lời",
            };
            foreach (var key in fields.Keys.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToList()) fields[key] = bad[rng.Next(bad.Length)];
            var r = await coordinator.PostFormAsync("/Tthc/Pakn/Entry", fields, "/Tthc/Pakn/Entry");
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{r.StatusCode} for {string.Join("|",
                fields.Select(f => f.Key + "=" + f.Value[..Math.Min(20, f.Value.Length)]))}");
        }
        var item = await app.WithDbAsync(db => db.Feedback.Where(f => f.Code.StartsWith(tag)).Select(f => new { f.Id, f.Code }).FirstOrDefaultAsync());
        var list = $"/Tthc/Pakn/List?agency={stp}&from=01/09/2024&to=30/09/2024";
        foreach (var (id, day, rating) in new[] { (item?.Id ?? 1, "a\0b", ""), (item?.Id ?? 1, "01/09/2024", "rat_tot"), (-1L, "01/09/2024", ""),
                     (item?.Id ?? 1, new string('1', 100_000), ""), (item?.Id ?? 1, "31/12/9999", "") })
        {
            var r = await coordinator.PostFormAsync(list + "&handler=Answer", new Dictionary<string, string>
            {
                ["agency"] = stp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["answered"] = day, ["rating"] = rating,
            }, list);
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
                $"{r.StatusCode} for {id} {day[..Math.Min(20, day.Length)]} {rating}");
        }
        var stored = await app.WithDbAsync(db => db.Feedback.Where(f => f.Code.StartsWith(tag)).Select(f => f.Field + f.Subject).ToListAsync());
        Assert.NotEmpty(stored); // some forms had only harmless changes
        Assert.DoesNotContain(stored, t => t.Contains('\0', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_has_a_year_of_feedback_for_its_agencies()
    {
        var (count, agencies, first) = await app.WithDbAsync(async db => (
            await db.Feedback.CountAsync(f => f.Code.StartsWith("PA2")),
            await db.Feedback.Where(f => f.Code.StartsWith("PA2")).Select(f => f.AgencyId).Distinct().CountAsync(),
            await db.Feedback.Where(f => f.Code.StartsWith("PA2")).MinAsync(f => (DateOnly?)f.Received)));
        Assert.Equal(200, count); // PARHUB_DEMO_FEEDBACK of the tests' factories
        Assert.True(agencies > 5, $"{agencies} agencies");
        Assert.True(first >= DateOnly.FromDateTime(DateTime.Today).AddYears(-1).AddDays(-1));
    }
}

public sealed class SqliteTthcPaknTests(SqliteFactory app) : TthcPaknTests<SqliteFactory>(app);
public sealed class PostgresTthcPaknTests(PostgresFactory app) : TthcPaknTests<PostgresFactory>(app);
