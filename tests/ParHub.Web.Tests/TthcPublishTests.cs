using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Tthc;
using ParHub.Web.Features.Tthc;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>The service index configuration edited as versions, and a period's index published by decision for the public, frozen.</summary>
public abstract class TthcPublishTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static Dictionary<string, string> Form(ServiceIndexConfig c, int basedOn, Func<ServiceIndicator, ServiceIndicator?> edit,
        params (string Label, string From)[] bands)
    {
        var fields = new Dictionary<string, string> { ["Name"] = c.Name + " (sửa)", ["BasedOn"] = basedOn.ToString() };
        var i = 0;
        foreach (var code in ServiceIndex.RateCodes)
        {
            var indicator = c.Indicators.Single(x => x.Code == code);
            var edited = edit(indicator);
            fields[$"Rows[{i}].Code"] = code;
            fields[$"Rows[{i}].Use"] = edited is null ? "false" : "true";
            fields[$"Rows[{i}].Title"] = (edited ?? indicator).Title;
            fields[$"Rows[{i}].Max"] = (edited ?? indicator).Max.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Rows[{i}].Target"] = (edited ?? indicator).Target?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            i++;
        }
        for (var k = 0; k < bands.Length; k++) (fields[$"Bands[{k}].Label"], fields[$"Bands[{k}].From"]) = bands[k];
        return fields;
    }

    [Fact]
    public async Task The_configuration_is_saved_as_a_new_version_only_without_problems_and_the_figures_follow_it()
    {
        var coordinator = await app.SignInAsync("cchc");
        var before = await app.WithDbAsync(db => db.ServiceIndexConfigs.Select(c => (int?)c.Version).MaxAsync()) ?? ServiceIndexConfig.Default.Version;
        var current = before == ServiceIndexConfig.Default.Version ? ServiceIndexConfig.Default : ServiceIndexConfig.FromJson(
            await app.WithDbAsync(db => db.ServiceIndexConfigs.Where(c => c.Version == before).Select(c => c.Json).SingleAsync()));
        Assert.Contains("config-indicators", await coordinator.GetStringAsync("/Tthc/Config"));

        // Every problem at once; nothing stored.
        var bad = Form(current, before, i => i.Code == ServiceIndex.SoHoa ? i with { Target = 120 } : i, ("Tốt", "50"), ("Khá", "70"), ("Yếu", "mười"));
        bad["Rows[0].Max"] = "hai mươi";
        var refused = await HtmlAsync(await coordinator.PostFormAsync("/Tthc/Config", bad));
        Assert.Contains("Điểm tối đa của chỉ tiêu “Hồ sơ giải quyết trước và đúng hạn”: “hai mươi” không phải là số.", refused);
        Assert.Contains("Ngưỡng của mức “Yếu”: “mười” không phải là số.", refused);
        var notNumbers = await HtmlAsync(await coordinator.PostFormAsync("/Tthc/Config",
            Form(current, before, i => i.Code == ServiceIndex.SoHoa ? i with { Target = 120 } : i, ("Tốt", "50"), ("Khá", "70"), ("Yếu", "0"))));
        Assert.Contains("Mục tiêu của chỉ tiêu “so_hoa” phải lớn hơn 0 và không quá 100 (%), không phải 120.", notNumbers);
        Assert.Contains("Các mức xếp loại phải xếp theo ngưỡng giảm dần", notNumbers);
        Assert.Equal(before, await app.WithDbAsync(db => db.ServiceIndexConfigs.Select(c => (int?)c.Version).MaxAsync()) ?? 1);

        // Accepted: payment left out, the digitised target lowered, three bands.
        var ok = await coordinator.PostFormAsync("/Tthc/Config", Form(current, before,
            i => i.Code == ServiceIndex.ThanhToan ? null : i.Code == ServiceIndex.SoHoa ? i with { Target = 70 } : i,
            ("Tốt", "80"), ("Đạt", "50"), ("Chưa đạt", "0")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ServiceIndexConfigs>().CurrentAsync();
            Assert.Equal(before + 1, saved.Version);
            Assert.DoesNotContain(saved.Indicators, i => i.Code == ServiceIndex.ThanhToan);
            Assert.Equal(70, saved.Indicators.Single(i => i.Code == ServiceIndex.SoHoa).Target);
            Assert.Equal(["Tốt", "Đạt", "Chưa đạt"], saved.Bands.Select(b => b.Label));
            // The page scores with it: no payment column, the province's index is the rule's with the saved configuration.
            var (_, province) = await scope.ServiceProvider.GetRequiredService<TthcFigures>().ComputeAsync(new(2020, 1, 1), new(2030, 12, 31), null, saved);
            var page = await HtmlAsync(await coordinator.GetAsync("/Tthc?from=01/01/2020&to=31/12/2030"));
            Assert.Contains(saved.Name, page);
            Assert.DoesNotContain("Hồ sơ có phí thanh toán trực tuyến", page);
            Assert.Contains($"{ServiceIndex.Round2(ServiceIndex.Score(province.Tally, saved).Index)!.Value:N2}", page);
        }
        Assert.Equal("update", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "ServiceIndexConfig" && e.EntityId == $"{before + 1}")
            .Select(e => e.Action).SingleAsync()));
        // A form opened on the old version is refused: someone saved since.
        var stale = await HtmlAsync(await coordinator.PostFormAsync("/Tthc/Config", Form(current, before, i => i, ("Tốt", "80"), ("Yếu", "0"))));
        Assert.Contains($"Cấu hình vừa được lưu thành phiên bản {before + 1}", stale);

        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Tthc/Config")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostFormAsync("/Tthc/Config", Form(current, before + 1, i => i), "/Tasks")).StatusCode);
    }

    [Fact]
    public async Task A_period_published_by_decision_is_public_without_an_account_and_stays_as_published()
    {
        var coordinator = await app.SignInAsync("cchc");
        var fields = new Dictionary<string, string> { ["From"] = "01/01/2020", ["To"] = "31/12/2030", ["Title"] = "Chỉ số phục vụ thử", ["Decision"] = "" };
        var refused = await HtmlAsync(await coordinator.PostFormAsync("/Tthc/Publish", fields));
        Assert.Contains("Ghi số, ngày của quyết định công bố.", refused);
        var empty = await HtmlAsync(await coordinator.PostFormAsync("/Tthc/Publish", new(fields)
        {
            ["From"] = "01/01/1990", ["To"] = "31/12/1990",
            ["Decision"] = "QĐ 1"
        }));
        Assert.Contains("Kỳ này chưa có hồ sơ nào", empty);
        Assert.Equal(0, await app.WithDbAsync(db => db.TthcPublications.CountAsync(p => p.Title == "Chỉ số phục vụ thử")));

        fields["Decision"] = "Quyết định số 99/QĐ-UBND ngày 05/01/2031";
        var published = await coordinator.PostFormAsync("/Tthc/Publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var url = published.Headers.Location!.OriginalString;
        Assert.Matches("^/CongKhai/Tthc/[0-9]+$", url);

        var citizen = app.Anonymous();
        var page = await HtmlAsync(await citizen.GetAsync(url));
        Assert.Contains("Quyết định số 99/QĐ-UBND ngày 05/01/2031", page);
        int agencyId;
        string shownIndex;
        using (var scope = app.Services.CreateScope())
        {
            var config = await scope.ServiceProvider.GetRequiredService<ServiceIndexConfigs>().CurrentAsync();
            var (agencies, province) = await scope.ServiceProvider.GetRequiredService<TthcFigures>()
                .ComputeAsync(new(2020, 1, 1), new(2030, 12, 31), null, config);
            Assert.Contains($"chỉ số <strong>{ServiceIndex.Round2(province.Score.Index)!.Value:N2}</strong>", page);
            var first = agencies.First(a => a.Tally.InScope > 0);
            agencyId = first.AgencyId!.Value;
            shownIndex = $"{ServiceIndex.Round2(first.Score.Index)!.Value:N2}";
            var escaped = System.Text.RegularExpressions.Regex.Escape(shownIndex);
            Assert.Matches($"data-agency=\"{first.Code}\">.*?<td class=\"text-end\" data-testid=\"index\">{escaped}<",
                page.Replace("\n", " ", StringComparison.Ordinal));
        }
        Assert.Contains("Chỉ số phục vụ thử", await HtmlAsync(await citizen.GetAsync("/CongKhai/Tthc")));
        var publicationId = url.Split('/')[^1];
        Assert.Equal("publish", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "TthcPublication" && e.EntityId == publicationId)
            .Select(e => e.Action).SingleAsync()));

        // Dossiers imported afterwards change the live figures, not what was published.
        await app.WithDbAsync(async db =>
        {
            for (var k = 0; k < 30; k++)
                db.Dossiers.Add(new DossierRecord
                {
                    Code = $"PUB-LATE-{Guid.NewGuid():N}", AgencyId = agencyId, ProcedureCode = "1.000001", Channel = DossierChannel.Counter,
                    Received = new(2027, 3, 1), Due = new(2027, 3, 5), Resolved = new(2027, 3, 20), ImportedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
            return 0;
        });
        static string Table(string html) => System.Text.RegularExpressions.Regex.Match(html, "<main.*</main>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("data-testid=\"public-tthc\"", Table(page));
        Assert.Equal(Table(page), Table(await HtmlAsync(await citizen.GetAsync(url))));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/CongKhai/Tthc/999999")).StatusCode);
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Tthc/Publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync("/Tthc/Publish")).StatusCode);
    }

    [Fact]
    public async Task The_year_shows_month_by_month_and_the_period_downloads_as_a_spreadsheet_of_numbers_scoped_like_the_page()
    {
        var (tuphap, other) = await app.WithDbAsync(async db =>
            (await db.Agencies.SingleAsync(a => a.Code == "STP"), await db.Agencies.FirstAsync(a => a.Code == "SNV")));
        DossierRecord D(int agency, DossierChannel channel, DateOnly received, DateOnly due, DateOnly? resolved) => new()
        {
            Code = $"TREND-{Guid.NewGuid():N}", AgencyId = agency, ProcedureCode = "2.000001", Channel = channel, Received = received, Due = due,
            Resolved = resolved, ImportedAt = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db =>
        {
            db.Dossiers.AddRange(
                D(tuphap.Id, DossierChannel.Online, new(2031, 3, 2), new(2031, 3, 10), new(2031, 3, 9)),
                D(tuphap.Id, DossierChannel.Online, new(2031, 3, 3), new(2031, 3, 10), new(2031, 3, 12)), // late
                D(tuphap.Id, DossierChannel.Counter, new(2031, 3, 4), new(2031, 3, 10), new(2031, 3, 10)),
                D(tuphap.Id, DossierChannel.Counter, new(2031, 3, 28), new(2031, 4, 10), new(2031, 4, 2)), // resolved in April
                D(other.Id, DossierChannel.Online, new(2031, 3, 5), new(2031, 3, 10), new(2031, 3, 6)));
            await db.SaveChangesAsync();
            return 0;
        });
        var coordinator = await app.SignInAsync("cchc");
        var page = await HtmlAsync(await coordinator.GetAsync($"/Tthc?from=01/01/2031&to=31/12/2031&trend={tuphap.Id}"));
        Assert.Contains("Diễn biến từng tháng năm 2031 — " + tuphap.Name, page);
        Assert.Contains("<td class=\"text-end\" data-month=\"3\">66,67%</td>", page); // March: 3 resolved, 2 on time
        Assert.Contains("<td class=\"text-end\" data-month=\"4\">100,00%</td>", page);
        var province = await HtmlAsync(await coordinator.GetAsync("/Tthc?from=01/01/2031&to=31/12/2031"));
        Assert.Contains("<td class=\"text-end\" data-month=\"3\">75,00%</td>", province); // with the other agency's: 3 of 4

        var xlsx = await coordinator.GetAsync("/Tthc?handler=Xlsx&from=01/01/2031&to=31/12/2031");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var rows = ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal("Mã cơ quan", rows[0][0]);
        var stp = rows.Single(r => r[0] == "STP");
        using (var scope = app.Services.CreateScope())
        {
            var (agencies, _) = await scope.ServiceProvider.GetRequiredService<TthcFigures>().ComputeAsync(new(2031, 1, 1), new(2031, 12, 31));
            var t = agencies.Single(a => a.Code == "STP").Tally; // this year's four, and the demo's dossiers still open
            Assert.Equal((4L, 4L, 3L, 1L), (t.Received, t.Resolved, t.ResolvedOnTime, t.Late - t.Pending + t.PendingInTime));
            Assert.Equal(new long[] { t.Received, t.Carried, t.Resolved, t.ResolvedOnTime, t.Pending, t.PendingInTime, t.Late, t.Apologies }
                .Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)), stp[2..10]);
        }
        Assert.Equal("*", rows[^1][0]);
        Assert.Equal("5", rows[^1][2]);

        var officer = await app.SignInAsync("tuphap");
        var own = ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(await (await officer.GetAsync("/Tthc?handler=Xlsx&from=01/01/2031&to=31/12/2031"))
            .Content.ReadAsStreamAsync());
        Assert.Equal(["Mã cơ quan", "STP"], own.Select(r => r[0]));
        var ownPage = await HtmlAsync(await officer.GetAsync($"/Tthc?from=01/01/2031&to=31/12/2031&trend={other.Id}"));
        Assert.Contains("Diễn biến từng tháng năm 2031 — " + tuphap.Name, ownPage); // another agency's trend is not theirs to see
        Assert.Contains("<td class=\"text-end\" data-month=\"3\">66,67%</td>", ownPage);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Tthc?handler=Xlsx")).StatusCode);
    }

    [Fact]
    public async Task A_survey_takes_each_agencys_population_from_the_dossiers_it_received_in_the_year_previewed_then_saved()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        await app.WithDbAsync(async db =>
        {
            for (var k = 0; k < 7; k++)
                db.Dossiers.Add(new DossierRecord
                {
                    Code = $"SIPAS-N-{Guid.NewGuid():N}", AgencyId = agency, ProcedureCode = "3.000001", Channel = DossierChannel.Online,
                    Received = new(2032, 6, 1 + k), Due = new(2032, 6, 20), ImportedAt = DateTime.UtcNow,
                });
            db.Dossiers.Add(new DossierRecord
            {
                Code = $"SIPAS-N-{Guid.NewGuid():N}", AgencyId = agency, ProcedureCode = "3.000001", Channel = DossierChannel.Online,
                Received = new(2033, 1, 2), Due = new(2033, 1, 20), ImportedAt = DateTime.UtcNow, // another year: not counted
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var coordinator = await app.SignInAsync("cchc");
        var preview = await HtmlAsync(await coordinator.PostFormAsync($"/Sipas/Sample/{programme}?handler=Dossiers", new() { ["year"] = "2032" },
            $"/Sipas/Sample/{programme}"));
        Assert.Contains("Tổng thể theo số hồ sơ tiếp nhận năm 2032", preview);
        var fields = System.Text.RegularExpressions.Regex.Matches(preview, "<input type=\"hidden\" name=\"(n:[0-9]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(new Dictionary<string, string> { [$"n:{agency}"] = "7" }, fields);
        Assert.Null(await app.WithDbAsync(db => db.SurveyPopulations.Where(x => x.ProgrammeId == programme && x.AgencyId == agency)
            .Select(x => x.Population).FirstOrDefaultAsync())); // nothing stored by the preview
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Sipas/Sample/{programme}", fields)).StatusCode);
        Assert.Equal(7, await app.WithDbAsync(db => db.SurveyPopulations.Where(x => x.ProgrammeId == programme && x.AgencyId == agency)
            .Select(x => x.Population).SingleAsync()));
        var none = await HtmlAsync(await coordinator.PostFormAsync($"/Sipas/Sample/{programme}?handler=Dossiers", new() { ["year"] = "2099" },
            $"/Sipas/Sample/{programme}"));
        Assert.Contains("Chưa có hồ sơ TTHC nào tiếp nhận năm 2099", none);
    }
}

public sealed class SqliteTthcPublishTests(SqliteFactory app) : TthcPublishTests<SqliteFactory>(app);
public sealed class PostgresTthcPublishTests(PostgresFactory app) : TthcPublishTests<PostgresFactory>(app);
