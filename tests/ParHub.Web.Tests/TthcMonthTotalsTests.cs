using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Reports;
using ParHub.Core.Tthc;
using ParHub.Web.Features.Tthc;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// Month totals entered by an agency without a dossier export: refused until they balance (every problem shown), stored
/// with their audit line over the version shown, counted on /Tthc for whole-month periods, scoped to the officer's agency.
/// The demo's dossiers cover the last twelve months only: these tests enter months of 2024, each test its own agency.
/// </summary>
public abstract class TthcMonthTotalsTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private Task<int> AgencyAsync(string code) => app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private static string Url(int agency, int month, int year = 2024) => $"/Tthc/Totals?agency={agency}&year={year}&month={month}";

    private static Dictionary<string, string> Form(MonthCounts c, int version = 0)
    {
        var fields = MonthTotals.Fields.ToDictionary(f => $"In[{f.Code}]", f => VietnameseNumber.Format(f.Get(c)));
        fields["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null) =>
        client.PostFormAsync(url, fields, formPage ?? url);

    /// <summary>A month with the given flows; half received online, a tenth by post, the rest at the counter.</summary>
    private static MonthCounts Month(int carried, int received, int onTime, int resolvedLate, int inTime, int pendingLate, int apologies) =>
        new(carried, received, received / 2, received / 10, received - received / 2 - received / 10, onTime, resolvedLate, inTime, pendingLate,
            apologies, FeeBearingReceived: received / 2, FeeBearingPaidOnline: received / 4, ReceivedDigitised: received * 4 / 5,
            ResolvedElectronic: onTime / 2, ReceivedSynced: received, ResolvedSatisfied: onTime * 9 / 10);

    [Fact]
    public async Task An_unbalanced_month_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var stp = await AgencyAsync("STP");
        var officer = await app.SignInAsync("tuphap"); // Sở Tư pháp
        var bad = new MonthCounts(10, 100, 40, 10, 40, 80, 10, 16, 5, 16, 101, 102, 103, 91, 104, 81);
        var expected = MonthTotals.Problems(bad).Select(p => p.Message).ToList();
        Assert.Equal(9, expected.Count); // the balance, the channels, and each sub-count over its whole
        var fields = Form(bad);
        fields[$"In[{MonthTotals.Postal}]"] = "mười";
        var response = await PostAsync(officer, Url(stp, 5), fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var shown = doc.QuerySelectorAll("[data-testid=totals-problems] li").Select(li => li.TextContent).ToList();
        // The unreadable field is named, and every check that does not need it is shown with it.
        Assert.Contains(shown, s => s.StartsWith("Tiếp nhận qua dịch vụ bưu chính: \"mười\" không phải là số", StringComparison.Ordinal));
        Assert.Equal(expected.Where(m => !m.StartsWith("Tiếp nhận trực tuyến + qua bưu chính", StringComparison.Ordinal)), shown.Skip(1));
        Assert.Contains("is-invalid", doc.QuerySelector($"#f-{MonthTotals.Postal}")!.ClassName);
        Assert.Equal("mười", doc.QuerySelector($"#f-{MonthTotals.Postal}")!.GetAttribute("value")); // what was typed stays
        Assert.Equal(0, await app.WithDbAsync(db => db.DossierMonthTotals.CountAsync(t => t.AgencyId == stp && t.Year == 2024 && t.Month == 5)));

        // All readable: the nine problems, nothing else.
        var again = new HtmlParser().ParseDocument(await (await PostAsync(officer, Url(stp, 5), Form(bad))).Content.ReadAsStringAsync());
        Assert.Equal(expected, again.QuerySelectorAll("[data-testid=totals-problems] li").Select(li => li.TextContent));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == SaveMonthTotals.EntityType
            && e.EntityId == SaveMonthTotals.Id(stp, 2024, 5))));

        // Odd input is refused with a message, never a 500.
        foreach (var odd in new[] { "1e5", "99999999999999999999999999999", "١٢", "<script>", "1.2.3", "0x10", new string('9', 5000), "-0,5" })
        {
            var f = Form(bad);
            f[$"In[{MonthTotals.Received}]"] = odd;
            var r = await PostAsync(officer, Url(stp, 5), f);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("Tiếp nhận trong tháng:", await HtmlAsync(r));
        }
        foreach (var query in new[] { "agency=x", "year=99999999999", "month=-1&year=2024", $"agency={stp}&year=2024&month=2147483647", "month=1" })
            Assert.True((int)(await officer.GetAsync("/Tthc/Totals?" + query)).StatusCode < 500, query);
        Assert.True((int)(await PostAsync(officer, $"/Tthc/Totals?agency={stp}&year=x&month=1", Form(bad), Url(stp, 5))).StatusCode < 500);

        var future = await HtmlAsync(await PostAsync(officer, Url(stp, 1, 2099), Form(Month(0, 10, 10, 0, 0, 0, 0)), Url(stp, 5)));
        Assert.Contains("Tháng 1/2099 chưa đến", future);
        Assert.Equal(0, await app.WithDbAsync(db => db.DossierMonthTotals.CountAsync(t => t.Year == 2099)));
    }

    [Fact]
    public async Task A_quarter_entered_month_by_month_is_counted_on_Tthc_with_its_service_index()
    {
        var skhcn = await AgencyAsync("SKHCN");
        var officer = await app.SignInAsync("khcn"); // Sở Khoa học và Công nghệ
        MonthCounts[] quarter = [Month(12, 200, 150, 20, 35, 7, 25), Month(42, 180, 170, 12, 38, 2, 10), Month(40, 220, 200, 5, 50, 5, 8)];
        for (var i = 0; i < 3; i++)
        {
            var saved = await PostAsync(officer, Url(skhcn, i + 1), Form(quarter[i]));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var page = await HtmlAsync(await officer.GetAsync(saved.Headers.Location!.ToString()));
            Assert.Contains($"Đã lưu số liệu tháng {i + 1}/2024.", page);
            Assert.DoesNotContain("data-testid=\"totals-warning\"", page); // each month carries on from the last
        }
        var stored = await app.WithDbAsync(db => db.DossierMonthTotals.Where(t => t.AgencyId == skhcn && t.Year == 2024).OrderBy(t => t.Month).ToListAsync());
        Assert.Equal(quarter, stored.Select(t => t.Counts));
        Assert.All(stored, t => Assert.Equal((1, "khcn"), (t.Version, t.EnteredBy)));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == SaveMonthTotals.EntityType && e.AgencyId == skhcn
            && e.Action == "create")));

        // The figures: the tally of the three months, the index computed from it as from dossiers.
        var expected = MonthTotals.Tally(quarter);
        var score = ServiceIndex.Score(expected, ServiceIndexConfig.Default);
        using (var scope = app.Services.CreateScope())
        {
            var figures = await scope.ServiceProvider.GetRequiredService<TthcFigures>().ComputeAsync(new(2024, 1, 1), new(2024, 3, 31));
            var row = figures.Agencies.Single(a => a.AgencyId == skhcn);
            Assert.Equal((expected, TthcFigures.FromMonthTotals), (row.Tally, row.Source));
            Assert.Equal(score.Index, row.Score.Index);
            Assert.NotNull(row.Score.Index);
        }
        var coordinator = await app.SignInAsync("cchc");
        var html = await coordinator.GetStringAsync("/Tthc?from=01/01/2024&to=31/03/2024");
        var doc = new HtmlParser().ParseDocument(html);
        var tr = doc.QuerySelector("[data-testid=tthc-figures] tr[data-agency=SKHCN]")!;
        Assert.Equal(TthcFigures.FromMonthTotals, tr.QuerySelector("[data-testid=from-totals]")!.TextContent);
        Assert.Equal(ServiceIndex.Round2(score.Index)!.Value.ToString("N2", new System.Globalization.CultureInfo("vi-VN")),
            tr.QuerySelector("[data-testid=index]")!.TextContent);
        Assert.Equal(expected.Received.ToString("N0", new System.Globalization.CultureInfo("vi-VN")), tr.QuerySelectorAll("td")[0].TextContent);
        Assert.Null(tr.QuerySelector("[data-testid=late-link]")); // no dossiers to list
        Assert.NotNull(new HtmlParser().ParseDocument(await officer.GetStringAsync("/Tthc?from=01/02/2024&to=29/02/2024"))
            .QuerySelector("[data-testid=tthc-figures] tr[data-agency=SKHCN] [data-testid=from-totals]"));

        // A period not of whole months, or with a month not entered: a note, no figures.
        foreach (var (period, note) in new[] { ("from=15/01/2024&to=31/03/2024", "không trọn tháng"),
                     ("from=01/01/2024&to=30/04/2024", "Chưa nhập số liệu tổng hợp tháng 4/2024.") })
        {
            var d = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Tthc?{period}"));
            Assert.Null(d.QuerySelector("[data-testid=tthc-figures] tr[data-agency=SKHCN]"));
            Assert.Contains(note, d.QuerySelector("[data-testid=figures-notes] li[data-agency=SKHCN]")!.TextContent);
        }

        // The year's list: three months entered, April not yet.
        var list = new HtmlParser().ParseDocument(await officer.GetStringAsync("/Tthc/Totals?year=2024"));
        var cells = list.QuerySelectorAll("[data-testid=totals-months] tr[data-agency=SKHCN] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["đã nhập", "đã nhập", "đã nhập", "chưa nhập"], cells.Take(4));
        Assert.Single(list.QuerySelectorAll("[data-testid=totals-months] tbody tr")); // the officer's own agency only
        Assert.True(new HtmlParser().ParseDocument(await coordinator.GetStringAsync("/Tthc/Totals?year=2024"))
            .QuerySelectorAll("[data-testid=totals-months] tbody tr").Length > 10);

        // A form opened before someone else's save is refused, not saved over; the current version is.
        var changed = quarter[2] with { ResolvedOnTime = 199, PendingInTime = 51 };
        var stale = await HtmlAsync(await PostAsync(officer, Url(skhcn, 3), Form(changed, version: 0)));
        Assert.Contains("vừa được khcn cập nhật", stale);
        Assert.Equal(quarter[2], await app.WithDbAsync(async db => (await db.DossierMonthTotals.SingleAsync(t => t.AgencyId == skhcn && t.Month == 3
            && t.Year == 2024)).Counts));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, Url(skhcn, 3), Form(changed, version: 1))).StatusCode);
        var update = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == SaveMonthTotals.Id(skhcn, 2024, 3) && e.Action == "update")
            .Select(e => e.Changes).SingleAsync());
        Assert.Contains("\"old\":\"200\"", update);
        Assert.Contains("\"new\":\"199\"", update);

        // April carrying other than March's pending: stored, with a warning.
        var april = await PostAsync(officer, Url(skhcn, 4), Form(Month(50, 10, 60, 0, 0, 0, 0)));
        Assert.Equal(HttpStatusCode.Redirect, april.StatusCode);
        var warned = new HtmlParser().ParseDocument(await officer.GetStringAsync(april.Headers.Location!.ToString()));
        Assert.Contains("khác số đang giải quyết cuối tháng 3/2024 đã nhập (56", warned.QuerySelector("[data-testid=totals-warning]")!.TextContent);
        var q2 = new HtmlParser().ParseDocument(await coordinator.GetStringAsync("/Tthc?from=01/03/2024&to=30/04/2024"));
        Assert.Contains("tháng 4/2024", q2.QuerySelector("[data-testid=tthc-figures] tr[data-agency=SKHCN] [data-testid=figures-note]")!.TextContent);

        // A new month's form starts with last month's pending carried over.
        var may = new HtmlParser().ParseDocument(await officer.GetStringAsync(Url(skhcn, 5)));
        Assert.Equal("0", may.QuerySelector($"#f-{MonthTotals.Carried}")!.GetAttribute("value"));
        Assert.Equal("", may.QuerySelector($"#f-{MonthTotals.Received}")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_year_of_month_totals_feeds_the_PAR_Index_sources_and_a_saved_month_drops_the_cached_figures()
    {
        var snv = await AgencyAsync("SNV");
        var coordinator = await app.SignInAsync("cchc");
        var months = new List<MonthCounts>();
        var carried = 3;
        for (var m = 1; m <= 12; m++)
        {
            var month = Month(carried, 40 + m, carried + 27 + m, 2, 10, 1, 2);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Url(snv, m, 2023), Form(month))).StatusCode);
            months.Add(month);
            carried = (int)month.Pending;
        }
        var t = MonthTotals.Tally(months);
        Assert.Equal(t.Received + t.Carried, t.Resolved + t.Pending);
        var rule = new ParHub.Core.Scoring.ScoringRule("proportional");
        var framework = new ParHub.Core.Scoring.Framework("T", "T", [], 0, 0,
        [
            new("1", "Dịch vụ công", 10), new("1.1", "Hồ sơ đúng hạn", 5, rule, Source: "tthc.tien_do"),
            new("1.2", "Thư xin lỗi", 5, rule, Source: "tthc.xin_loi"),
        ]);
        using (var scope = app.Services.CreateScope())
        {
            var computed = await scope.ServiceProvider.GetRequiredService<ParHub.Web.Features.ParIndex.IndexQueries>().ComputedAsync(framework, snv, 2023);
            Assert.Equal(((decimal)(t.ResolvedOnTime + t.PendingInTime), (decimal)t.InScope),
                (computed["1.1"].Input.Num!.Value, computed["1.1"].Input.Den!.Value));
            Assert.Equal(((decimal)t.Apologies, (decimal)t.Late), (computed["1.2"].Input.Num!.Value, computed["1.2"].Input.Den!.Value));

            // A month saved is a change of the dossiers' area: the cached figures built on them are dropped after its commit.
            var db = scope.ServiceProvider.GetRequiredService<ParHub.Web.Data.ParHubDbContext>();
            db.DossierMonthTotals.Add(new DossierMonthTotals { AgencyId = snv, Year = 2022, Month = 1 });
            Assert.Contains(ParHub.Web.Shared.CacheTags.Dossiers, ParHub.Web.Shared.CacheInvalidation.TagsOf(db));
        }
    }

    [Fact]
    public async Task First_entries_of_one_month_at_once_store_one_row_and_refuse_the_others_without_an_error()
    {
        var so = await AgencyAsync("SYT");
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SignInAsync("cchc")));
        var forms = await Task.WhenAll(clients.Select(c => c.AntiforgeryTokenAsync(Url(so, 8))));
        var responses = await Task.WhenAll(clients.Select((c, i) =>
        {
            var fields = Form(Month(0, 10 + i, 10 + i, 0, 0, 0, 0));
            fields["__RequestVerificationToken"] = forms[i];
            return c.PostAsync(Url(so, 8), new FormUrlEncodedContent(fields));
        }));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Số liệu của bạn chưa được lưu", await HtmlAsync(refused));
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.DossierMonthTotals.CountAsync(t => t.AgencyId == so && t.Year == 2024 && t.Month == 8)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == SaveMonthTotals.Id(so, 2024, 8))));
    }

    [Fact]
    public async Task An_officer_cannot_enter_or_read_another_agencys_months_and_read_only_roles_cannot_enter()
    {
        var (stc, std) = (await AgencyAsync("STC"), await AgencyAsync("STP"));
        var month = Form(Month(0, 10, 8, 1, 1, 0, 1));
        var officer = await app.SignInAsync("tuphap"); // Sở Tư pháp
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(Url(stc, 7))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Tthc/Totals?agency={stc}&year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(officer, Url(stc, 7), month, Url(std, 7))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.DossierMonthTotals.CountAsync(t => t.AgencyId == stc && t.Year == 2024 && t.Month == 7)));

        // The Leader reads any agency's month but enters none; the Viewer neither enters.
        var leader = await app.SignInAsync("lanhdao");
        var form = new HtmlParser().ParseDocument(await leader.GetStringAsync(Url(stc, 7)));
        Assert.NotNull(form.QuerySelector("[data-testid=totals-form]"));
        Assert.Null(form.QuerySelector("[data-testid=totals-save]"));
        Assert.True(form.QuerySelector($"#f-{MonthTotals.Received}")!.HasAttribute("disabled"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader, Url(stc, 7), month)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.SignInAsync("xem"), Url(stc, 7), month)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.DossierMonthTotals.CountAsync(t => t.AgencyId == stc && t.Year == 2024 && t.Month == 7)));

        // The Coordinator enters for any agency; the agency's figures are then its own officer's only.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(await app.SignInAsync("cchc"), Url(stc, 7), month)).StatusCode);
        var own = new HtmlParser().ParseDocument(await officer.GetStringAsync("/Tthc?from=01/07/2024&to=31/07/2024"));
        Assert.Null(own.QuerySelector("tr[data-agency=STC]"));
        Assert.Null(own.QuerySelector("li[data-agency=STC]"));
        var taichinh = new HtmlParser().ParseDocument(await (await app.SignInAsync("taichinh")).GetStringAsync("/Tthc?from=01/07/2024&to=31/07/2024"));
        Assert.NotNull(taichinh.QuerySelector("[data-testid=tthc-figures] tr[data-agency=STC]"));

        var anonymous = app.Anonymous();
        var redirected = await anonymous.GetAsync(Url(stc, 7));
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("Login", redirected.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync(Url(999_999, 7))).StatusCode);
        Assert.Contains("Tháng không hợp lệ", await HtmlAsync(await leader.GetAsync(Url(stc, 13))));
        Assert.Contains("Năm không hợp lệ", await HtmlAsync(await leader.GetAsync("/Tthc/Totals?year=1900")));
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync("/Tthc/Totals?year=abc")).StatusCode);
    }
}

public sealed class SqliteTthcMonthTotalsTests(SqliteFactory app) : TthcMonthTotalsTests<SqliteFactory>(app);
public sealed class PostgresTthcMonthTotalsTests(PostgresFactory app) : TthcMonthTotalsTests<PostgresFactory>(app);
