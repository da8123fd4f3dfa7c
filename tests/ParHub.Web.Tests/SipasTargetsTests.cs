using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Scoring;
using ParHub.Core.Sipas;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// An agency's own satisfaction target (seed 002: 90 % for land, construction, investment, health, education) beside
/// the programme's: set on the sample page (typed or from the population file), checked all or nothing with its audit
/// line, and used by the results page, the report table and the weak components of the improvement page.
/// </summary>
public abstract class SipasTargetsTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private async Task<List<(int Id, string Name)>> AgenciesAsync(int programme) => await app.WithDbAsync(async db =>
        await SurveyForms.AgenciesAsync(db, (await SurveyForms.ProgrammeAsync(db, programme, default))!, default));

    private async Task MoveAsync(HttpClient coordinator, int programme, SurveyState to)
    {
        var version = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Id == programme).Select(x => x.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Move",
            new() { ["id"] = programme.ToString(), ["to"] = to.ToString(), ["version"] = version.ToString() }, "/Sipas")).StatusCode);
    }

    [Fact]
    public async Task An_agency_at_92_percent_with_its_own_90_percent_target_is_not_weak_while_one_with_the_programmes_95_is()
    {
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.GetStringAsync("/ParIndex");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year)
            .Select(f => f.Id).SingleAsync());
        var open = await coordinator.PostFormAsync("/ParIndex", new()
        {
            ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "SBN", ["Due"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }, "/ParIndex");
        var cycle = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var group = await app.WithDbAsync(db => db.AgencyGroups.Where(g => g.Code == "SBN").Select(g => g.Id).SingleAsync());
        var title = $"SIPAS mục tiêu {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Create", new()
        {
            ["Input.Year"] = year.ToString(), ["Input.Title"] = title, ["Input.FieldworkFrom"] = $"{year}-01-05", ["Input.FieldworkTo"] = $"{year}-02-15",
            ["Input.MarginPercent"] = "5", ["Input.Confidence"] = "1,96", ["Input.MinResponses"] = "30", ["Input.TargetPercent"] = "95",
            ["Input.GroupIds"] = group.ToString(), ["Input.ParCycleId"] = cycle.ToString(),
        }, "/Sipas")).StatusCode);
        var programme = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Title == title).Select(x => x.Id).SingleAsync());
        await MoveAsync(coordinator, programme, SurveyState.Collecting);
        var members = await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == cycle).Select(a => a.AgencyId).OrderBy(a => a).ToListAsync());
        var (a, b, c) = (members[0], members[1], members[2]);

        // A has its own 90 % (a target without a population), B and C the programme's 95 %.
        var sample = $"/Sipas/Sample/{programme}";
        Assert.Equal(HttpStatusCode.Redirect,
            (await coordinator.PostFormAsync(sample, new() { [$"t:{a}"] = "90", [$"t:{b}"] = "", [$"n:{b}"] = "" })).StatusCode);
        var row = await app.WithDbAsync(db => db.SurveyPopulations.SingleAsync(x => x.ProgrammeId == programme));
        Assert.Equal((a, (int?)null, (decimal?)90m), (row.AgencyId, row.Population, row.TargetPercent));
        var page = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(sample));
        Assert.Equal("90", page.QuerySelector($"[data-testid=target-{a}]")!.GetAttribute("value"));
        Assert.Equal("95", page.QuerySelector($"[data-testid=target-{b}]")!.GetAttribute("placeholder"));
        Assert.Null(page.QuerySelector($"[data-testid=target-{b}]")!.GetAttribute("value"));
        Assert.Equal("—", page.QuerySelector($"[data-testid=required-{a}]")!.TextContent); // no N: no sample size
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "SurveyProgramme" && e.EntityId == programme.ToString()
            && e.Action == "population" && e.Summary!.Contains("mục tiêu") && e.Changes.Contains($"Target[{a}]"))));

        // A and B: 50 forms, II.A ("9.24"–"9.26") "Bình thường" on 4 of them (92 %), the rest "Rất hài lòng"; C: 30 forms all "Bình thường".
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<SubmitResponse>();
            async Task Forms(int agency, int count, Func<int, int, string> level)
            {
                for (var i = 0; i < count; i++)
                {
                    var answers = Enumerable.Range(1, 39).ToDictionary(k => $"9.{k}", k => level(i, k));
                    answers["8.c"] = "1";
                    await submit.RunAsync(new ResponseInput(programme, agency, SurveyChannel.Web, answers, ClientId: $"t{agency}-{i}"));
                }
            }
            foreach (var agency in new[] { a, b }) await Forms(agency, 50, (i, k) => k is >= 24 and <= 26 && i < 4 ? "3" : "5");
            await Forms(c, 30, (_, _) => "3");
        }
        await MoveAsync(coordinator, programme, SurveyState.Closed);
        await MoveAsync(coordinator, programme, SurveyState.Computed);

        using (var scope = app.Services.CreateScope())
        {
            var computed = (await scope.ServiceProvider.GetRequiredService<SipasResults>().ComputeAsync(programme))!;
            var ra = computed.Agencies.Single(r => r.AgencyId == a);
            Assert.Equal(92m, ra.Result.Components["II.A"]);
            var rb = computed.Agencies.Single(r => r.AgencyId == b);
            Assert.Equal((90m, 95m, 95m), (computed.TargetOf(ra), computed.TargetOf(rb), computed.TargetOf(computed.Province)));
            Assert.NotNull(ra.Margin); // a row with only a target gives no population: the margin has no correction, but is there
        }

        var improve = $"/ParIndex/Improve/{cycle}";
        var doc = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(improve));
        var weak = doc.QuerySelectorAll("[data-testid=weak-components] tbody tr")
            .Select(r => (Agency: int.Parse(r.GetAttribute("data-agency")!), Code: r.GetAttribute("data-code")!,
                Target: r.QuerySelector("[data-testid=weak-target]")!.TextContent))
            .ToList();
        Assert.Contains((b, "II.A", "95,00%"), weak);
        Assert.DoesNotContain(weak, w => w.Agency == a);
        Assert.Contains(weak, w => w.Agency == c);
        var refused = await coordinator.PostFormAsync(improve + "?handler=SipasTask", new() { ["agency"] = a.ToString(), ["component"] = "II.A" }, improve);
        Assert.Contains("không dưới mục tiêu 90,00%", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // The results page and the report's table: each agency's target, met or not.
        var results = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Sipas/Results/{programme}"));
        AngleSharp.Dom.IElement Cell(string agency) => results.QuerySelector($"[data-testid=sipas-results] tr[data-agency='{agency}'] [data-testid=target]")!;
        string Met(string agency) => Cell(agency).GetAttribute("data-met")!;
        string Target(string agency) => Cell(agency).TextContent;
        Assert.Equal(("yes", "yes", "no"), (Met(a.ToString()), Met(b.ToString()), Met(c.ToString())));
        Assert.StartsWith("90,00", Target(a.ToString()).Trim());
        Assert.StartsWith("95,00", Target(b.ToString()).Trim());
        Assert.Contains("chưa đạt", Target(c.ToString()));
        var xlsx = await coordinator.GetAsync($"/Sipas/Results/{programme}?handler=Xlsx");
        var sheet = Xlsx.ReadFirstSheet(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var t = Array.IndexOf(sheet[0], "Mục tiêu (%)");
        Assert.True(t > 0);
        var names = (await AgenciesAsync(programme)).ToDictionary(x => x.Id, x => x.Name);
        Assert.Equal(["90", "đạt"], sheet.Single(r => r[0] == names[a])[t..(t + 2)]); // number cells
        Assert.Equal(["95", "chưa đạt"], sheet.Single(r => r[0] == names[c])[t..(t + 2)]);
    }

    [Fact]
    public async Task Bad_targets_are_named_in_vietnamese_and_nothing_is_stored_and_a_population_file_may_carry_them()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var agencies = await AgenciesAsync(programme);
        var (a, b, c) = (agencies[0], agencies[1], agencies[2]);
        var coordinator = await app.SignInAsync("cchc");
        var sample = $"/Sipas/Sample/{programme}";
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == programme.ToString() && e.Action == "population"));
        var bad = await coordinator.PostFormAsync(sample, new()
        {
            [$"n:{a.Id}"] = "10.000", [$"t:{a.Id}"] = "0", [$"t:{b.Id}"] = "100,5", [$"t:{c.Id}"] = "chín mươi",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains($"{a.Name}: mục tiêu “0” phải là một tỷ lệ lớn hơn 0 và tối đa 100", html);
        Assert.Contains($"{b.Name}: mục tiêu “100,5”", html);
        Assert.Contains($"{c.Name}: mục tiêu “chín mươi”", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyPopulations.CountAsync(x => x.ProgrammeId == programme)));
        Assert.Equal(audits, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == programme.ToString() && e.Action == "population")));
        // What was typed is shown again to be corrected.
        Assert.Equal("100,5", new HtmlParser().ParseDocument(html).QuerySelector($"[data-testid=target-{b.Id}]")!.GetAttribute("value"));

        // N and target together; then both emptied: the row goes.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(sample, new() { [$"n:{a.Id}"] = "10.000", [$"t:{a.Id}"] = "92,5" })).StatusCode);
        var both = await app.WithDbAsync(db => db.SurveyPopulations.SingleAsync(x => x.ProgrammeId == programme));
        Assert.Equal(((int?)10_000, (decimal?)92.5m), (both.Population, both.TargetPercent));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(sample, new() { [$"n:{a.Id}"] = "", [$"t:{a.Id}"] = "" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyPopulations.CountAsync(x => x.ProgrammeId == programme)));

        // A population file with a target column: a bad target is shown on its line and nothing applied; a good file
        // carries its targets, and a line without one keeps the agency's target.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(sample, new() { [$"t:{b.Id}"] = "97" })).StatusCode);
        var codes = await app.WithDbAsync(db => db.Agencies.Where(x => x.Id == a.Id || x.Id == b.Id).ToDictionaryAsync(x => x.Id, x => x.Code));
        async Task<string> UploadAsync(byte[] bytes)
        {
            var token = await coordinator.AntiforgeryTokenAsync(sample);
            var content = new MultipartFormDataContent
                { { new ByteArrayContent(bytes), "file", "tong-the.xlsx" }, { new StringContent(token), "__RequestVerificationToken" } };
            return WebUtility.HtmlDecode(await (await coordinator.PostAsync($"{sample}?handler=File", content)).Content.ReadAsStringAsync());
        }
        var preview = await UploadAsync(Xlsx.Write("N", ["Mã cơ quan", "Tổng thể N", "Mục tiêu (%)"], [[codes[a.Id], "500", "101"], [codes[b.Id], "600", ""]]));
        Assert.Contains("Mục tiêu “101” phải là một tỷ lệ lớn hơn 0 và tối đa 100", preview);
        Assert.Null(new HtmlParser().ParseDocument(preview).QuerySelector("[data-testid=population-apply]"));
        preview = await UploadAsync(Xlsx.Write("N", ["Mã cơ quan", "Tổng thể N", "Mục tiêu (%)"], [[codes[a.Id], "500", "90"], [codes[b.Id], "600", ""]]));
        var form = new HtmlParser().ParseDocument(preview).QuerySelector("[data-testid=population-apply]")!.Closest("form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal("90", fields[$"t:{a.Id}"]);
        Assert.False(fields.ContainsKey($"t:{b.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(fields))).StatusCode);
        var stored = (await app.WithDbAsync(db => db.SurveyPopulations.Where(x => x.ProgrammeId == programme).ToListAsync()))
            .ToDictionary(x => x.AgencyId, x => (x.Population, x.TargetPercent));
        Assert.Equal(((int?)500, (decimal?)90m), stored[a.Id]);
        Assert.Equal(((int?)600, (decimal?)97m), stored[b.Id]);
    }

    [Fact]
    public async Task The_demo_holds_the_land_construction_investment_health_and_education_departments_to_90_percent()
    {
        var programme = await app.WithDbAsync(db => db.SurveyProgrammes.Where(p => p.Title.Contains("dữ liệu mẫu") && p.State == SurveyState.Collecting)
            .Select(p => p.Id).SingleAsync());
        var targets = await app.WithDbAsync(db => db.SurveyPopulations.Where(x => x.ProgrammeId == programme)
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { a.Code, x.TargetPercent }).ToDictionaryAsync(x => x.Code, x => x.TargetPercent));
        foreach (var code in new[] { "SNNMT", "SXD", "STC", "SYT", "SGDDT" }) Assert.Equal(90m, targets[code]);
        Assert.Null(targets["STP"]);
        Assert.Null(targets["SNV"]);
    }

    [Fact]
    public async Task An_agency_officer_cannot_set_targets_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var sample = $"/Sipas/Sample/{programme}";
        var own = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync());
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(sample)).StatusCode);
        var token = await officer.AntiforgeryTokenAsync("/Tasks");
        foreach (var target in new[] { agency, own })
        {
            var post = await officer.PostAsync(sample, new FormUrlEncodedContent(new Dictionary<string, string>
            { [$"t:{target}"] = "50", [$"n:{target}"] = "10", ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        var anonymous = app.Anonymous();
        var r = await anonymous.GetAsync(sample);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/Account/Login", r.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyPopulations.CountAsync(x => x.ProgrammeId == programme)));
    }
}

public sealed class SqliteSipasTargetsTests(SqliteFactory app) : SipasTargetsTests<SqliteFactory>(app);
public sealed class PostgresSipasTargetsTests(PostgresFactory app) : SipasTargetsTests<PostgresFactory>(app);
