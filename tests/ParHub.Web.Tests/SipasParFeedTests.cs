using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Scoring;
using ParHub.Core.Sipas;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.ParIndex.Improvement;
using ParHub.Web.Features.ParIndex.Survey;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// A PAR cycle's survey criteria take their points from the computed SIPAS programme linked to it: previewed per agency
/// × criterion, applied in one transaction and audited; weak components appear on the improvement page and become tasks.
/// </summary>
public abstract class SipasParFeedTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private sealed record Setup(int Cycle, int Programme, int A, int B, int C, int D);

    /// <summary>Opens a demo cycle of SBN, and unless <paramref name="until"/> is null a programme for it moved to that state.</summary>
    private async Task<(int Cycle, int? Programme)> CycleAsync(HttpClient coordinator, SurveyState? until)
    {
        await coordinator.GetStringAsync("/ParIndex");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year)
            .Select(f => f.Id).SingleAsync());
        var open = await coordinator.PostFormAsync("/ParIndex", new()
        {
            ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "SBN",
            ["Due"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }, "/ParIndex");
        var cycle = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        if (until is null) return (cycle, null);
        var group = await app.WithDbAsync(db => db.AgencyGroups.Where(g => g.Code == "SBN").Select(g => g.Id).SingleAsync());
        var title = $"SIPAS cho kỳ {cycle} {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Create", new()
        {
            ["Input.Year"] = year.ToString(), ["Input.Title"] = title, ["Input.FieldworkFrom"] = $"{year}-01-05", ["Input.FieldworkTo"] = $"{year}-02-15",
            ["Input.MarginPercent"] = "5", ["Input.Confidence"] = "1,96", ["Input.MinResponses"] = "30", ["Input.TargetPercent"] = "95",
            ["Input.GroupIds"] = group.ToString(), ["Input.ParCycleId"] = cycle.ToString(),
        }, "/Sipas")).StatusCode);
        var id = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Title == title).Select(x => x.Id).SingleAsync());
        await MoveAsync(coordinator, id, SurveyState.Collecting);
        return (cycle, id);
    }

    private async Task MoveAsync(HttpClient coordinator, int programme, SurveyState to)
    {
        var version = await app.WithDbAsync(db => db.SurveyProgrammes.Where(x => x.Id == programme).Select(x => x.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/Sipas?handler=Move",
            new() { ["id"] = programme.ToString(), ["to"] = to.ToString(), ["version"] = version.ToString() }, "/Sipas")).StatusCode);
    }

    /// <summary>
    /// A: 40 forms, all "Rất hài lòng" except II.A at "Bình thường" on 10 of them (II.A 75 %, part II 95 %, SIPAS 97,5 %);
    /// B (STP): 35 forms all "Hài lòng" (100 %); C: 10 forms (chưa đủ mẫu); D: none. Then computed.
    /// </summary>
    private async Task<Setup> ComputedAsync(HttpClient coordinator)
    {
        var (cycle, programme) = await CycleAsync(coordinator, SurveyState.Collecting);
        var members = await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == cycle)
            .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { g.Id, g.Code }).ToListAsync());
        var b = members.Single(m => m.Code == "STP").Id;
        var others = members.Where(m => m.Code != "STP").Select(m => m.Id).Order().ToList();
        var (a, c, d) = (others[0], others[1], others[2]);
        using (var scope = app.Services.CreateScope())
        {
            var submit = scope.ServiceProvider.GetRequiredService<SubmitResponse>();
            async Task Forms(int agency, int count, Func<int, int, string> level)
            {
                for (var i = 0; i < count; i++)
                {
                    var answers = Enumerable.Range(1, 39).ToDictionary(k => $"9.{k}", k => level(i, k));
                    answers["8.c"] = "1";
                    await submit.RunAsync(new ResponseInput(programme!.Value, agency, SurveyChannel.Web, answers, ClientId: $"{agency}-{i}"));
                }
            }
            await Forms(a, 40, (i, k) => k is >= 24 and <= 26 && i < 10 ? "3" : "5");
            await Forms(b, 35, (_, _) => "4");
            await Forms(c, 10, (_, _) => "5");
        }
        await MoveAsync(coordinator, programme!.Value, SurveyState.Closed);
        await MoveAsync(coordinator, programme.Value, SurveyState.Computed);
        return new Setup(cycle, programme.Value, a, b, c, d);
    }

    private static AngleSharp.Dom.IElement Row(AngleSharp.Dom.IDocument doc, int agency, string code = "8.1") =>
        doc.QuerySelector($"[data-testid=sipas-lines] tr[data-agency='{agency}'][data-code='{code}']")!;

    private static string Cell(AngleSharp.Dom.IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public async Task The_preview_lists_every_agency_of_the_cycle_with_old_and_new_values_and_leaves_those_without_a_usable_result_unchanged()
    {
        var coordinator = await app.SignInAsync("cchc");
        var s = await ComputedAsync(coordinator);
        var page = $"/ParIndex/Survey/{s.Cycle}";
        // A pasted value first: the preview shows it as the old value.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(page + "?handler=Apply", new() { ["Rows"] = "STP\t80" }, page)).StatusCode);

        var get = await coordinator.GetStringAsync(page);
        Assert.Contains("<option value=\"SIPAS\" selected=\"selected\">", get); // the default map: 8.1 takes the whole index
        var html = await (await coordinator.PostFormAsync(page + "?handler=SipasPreview", new() { ["Target[8.1]"] = "SIPAS" }, page))
            .Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);
        var members = await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.CycleId == s.Cycle));
        Assert.Equal(members, doc.QuerySelectorAll("[data-testid=sipas-lines] tbody tr").Length);
        Assert.Equal(("—", "97,5%", "9,75"), (Cell(Row(doc, s.A), "old"), Cell(Row(doc, s.A), "new"), Cell(Row(doc, s.A), "points")));
        Assert.Equal(("80%", "100%", "10"), (Cell(Row(doc, s.B), "old"), Cell(Row(doc, s.B), "new"), Cell(Row(doc, s.B), "points")));
        Assert.Contains("Chưa đủ mẫu (10/30 phiếu).", Row(doc, s.C).TextContent);
        Assert.Equal("—", Cell(Row(doc, s.C), "new"));
        Assert.Contains("Không có kết quả SIPAS", Row(doc, s.D).TextContent);
        Assert.NotNull(doc.QuerySelector("[data-testid=sipas-apply]"));

        // Mapped to a component: the component's percentage.
        doc = new HtmlParser().ParseDocument(await (await coordinator.PostFormAsync(page + "?handler=SipasPreview",
            new() { ["Target[8.1]"] = "II.A" }, page)).Content.ReadAsStringAsync());
        Assert.Equal(("75%", "7,5"), (Cell(Row(doc, s.A), "new"), Cell(Row(doc, s.A), "points")));
        // A target the questionnaire does not have: a clear message, not a 500.
        var bad = await coordinator.PostFormAsync(page + "?handler=SipasPreview", new() { ["Target[8.1]"] = "IX" }, page);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("\"IX\" không phải SIPAS, một phần hay một nhóm tiêu chí", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        // Nothing written by previews.
        Assert.Null(await ScoreAsync(s.Cycle, s.A));
    }

    private Task<(decimal? Percent, decimal? Points)?> ScoreAsync(int cycle, int agency) => app.WithDbAsync(async db =>
    {
        var row = await db.AssessmentScores.Where(x => x.Code == "8.1" && db.Assessments.Any(a => a.Id == x.AssessmentId && a.CycleId == cycle
            && a.AgencyId == agency)).SingleOrDefaultAsync();
        return row is null ? ((decimal?, decimal?)?)null
            : (JsonSerializer.Deserialize<ScoreInput>(row.Input!, IndexData.Json)!.Number, row.SelfPoints);
    });

    [Fact]
    public async Task Applying_changes_the_scores_in_one_transaction_with_each_change_audited_and_keeps_the_map()
    {
        var coordinator = await app.SignInAsync("cchc");
        var s = await ComputedAsync(coordinator);
        var page = $"/ParIndex/Survey/{s.Cycle}";
        var fields = new Dictionary<string, string> { ["Target[8.1]"] = "SIPAS" };

        // The audit line of one assessment refused by the database: nothing at all is written.
        await app.RefuseAuditAsync(IndexData.EntityType);
        try { await coordinator.PostFormAsync(page + "?handler=SipasApply", fields, page); }
        catch (Exception) { /* the refused write surfaces as an error; what matters is what is left behind */ }
        finally { await app.AllowAuditAsync(); }
        Assert.Null(await ScoreAsync(s.Cycle, s.A));
        Assert.Null(await ScoreAsync(s.Cycle, s.B));
        Assert.Null(await app.WithDbAsync(db => db.SurveyProgrammes.Where(p => p.Id == s.Programme).Select(p => p.ParMap).SingleAsync()));

        var applied = await coordinator.PostFormAsync(page + "?handler=SipasApply", fields, page);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var members = await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.CycleId == s.Cycle));
        Assert.Contains($"?sipas=2&skipped={members - 2}", applied.Headers.Location!.OriginalString);
        Assert.Equal((97.5m, 9.75m), (await ScoreAsync(s.Cycle, s.A))!.Value);
        Assert.Equal((100m, 10m), (await ScoreAsync(s.Cycle, s.B))!.Value);
        Assert.Null(await ScoreAsync(s.Cycle, s.C));
        Assert.Null(await ScoreAsync(s.Cycle, s.D));
        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "survey" && e.EntityType == IndexData.EntityType
            && db.Assessments.Any(a => a.CycleId == s.Cycle && a.Id.ToString() == e.EntityId)).Select(e => e.Summary).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Contains("từ SIPAS", a));
        Assert.Equal("8.1=SIPAS", await app.WithDbAsync(db => db.SurveyProgrammes.Where(p => p.Id == s.Programme).Select(p => p.ParMap).SingleAsync()));

        // Applied again: nothing changes, nothing more is audited; the assessment shows the points.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(page + "?handler=SipasApply", fields, page)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "survey"
            && db.Assessments.Any(a => a.CycleId == s.Cycle && a.Id.ToString() == e.EntityId))));
        var assessment = await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == s.Cycle && a.AgencyId == s.A).Select(a => a.Id).SingleAsync());
        Assert.Contains("9,75", await coordinator.GetStringAsync($"/ParIndex/Assessment/{assessment}"));
    }

    [Fact]
    public async Task A_cycle_without_a_computed_programme_says_so_in_Vietnamese_and_the_pasted_path_still_works()
    {
        var coordinator = await app.SignInAsync("cchc");
        var (none, _) = await CycleAsync(coordinator, null);
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/ParIndex/Survey/{none}"));
        Assert.Contains("Chưa có đợt khảo sát SIPAS nào cho kỳ đánh giá này", html);
        Assert.Contains("data-testid=\"survey-preview\"", html);
        var (collecting, _) = await CycleAsync(coordinator, SurveyState.Collecting);
        var page = $"/ParIndex/Survey/{collecting}";
        var refused = await coordinator.PostFormAsync(page + "?handler=SipasApply", new() { ["Target[8.1]"] = "SIPAS" }, page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("chưa tính kết quả (đang ở trạng thái “Đang thu thập”)", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(page + "?handler=Apply", new() { ["Rows"] = "STP\t90" }, page)).StatusCode);
    }

    [Fact]
    public async Task Weak_components_appear_on_the_improvement_page_and_one_becomes_a_task_once()
    {
        var coordinator = await app.SignInAsync("cchc");
        var s = await ComputedAsync(coordinator);
        var page = $"/ParIndex/Improve/{s.Cycle}";
        var doc = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(page));
        var rows = doc.QuerySelectorAll("[data-testid=weak-components] tbody tr").ToList();
        Assert.Equal([(s.A.ToString(), "II.A")], rows.Select(r => (r.GetAttribute("data-agency")!, r.GetAttribute("data-code")!)));
        Assert.Contains("75,00%", rows[0].TextContent);
        var fields = new Dictionary<string, string> { ["agency"] = s.A.ToString(), ["component"] = "II.A" };
        var made = await coordinator.PostFormAsync(page + "?handler=SipasTask", fields, page);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var planId = int.Parse(made.Headers.Location!.OriginalString.Split('/').Last());
        var task = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Assignments).Where(t => t.PlanId == planId && t.Content.Contains("II.A"))
            .OrderByDescending(t => t.Id).FirstAsync());
        Assert.Equal(s.A, task.Assignments.Single().AgencyId);
        Assert.Contains("75,00%", task.Content);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "create" && e.EntityType == "Task"
            && e.EntityId == task.Id.ToString())));
        var again = await coordinator.PostFormAsync(page + "?handler=SipasTask", fields, page);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Đã có nhiệm vụ cho nhóm tiêu chí II.A", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        var notWeak = await coordinator.PostFormAsync(page + "?handler=SipasTask", new() { ["agency"] = s.B.ToString(), ["component"] = "II.A" }, page);
        Assert.Contains("không dưới mục tiêu", WebUtility.HtmlDecode(await notWeak.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_agency_officer_and_anonymous_users_are_refused_and_the_use_cases_refuse_without_a_user()
    {
        var coordinator = await app.SignInAsync("cchc");
        var s = await ComputedAsync(coordinator);
        var survey = $"/ParIndex/Survey/{s.Cycle}";
        var improve = $"/ParIndex/Improve/{s.Cycle}";
        var tasks = await app.WithDbAsync(db => db.PlanTasks.CountAsync());
        var officer = await app.SignInAsync("tuphap"); // STP, agency B, has a result of its own
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(survey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(improve)).StatusCode);
        var token = await officer.AntiforgeryTokenAsync("/");
        foreach (var (url, body) in new[]
        {
            (survey + "?handler=SipasApply", new Dictionary<string, string> { ["Target[8.1]"] = "SIPAS" }),
            (survey + "?handler=SipasPreview", new Dictionary<string, string> { ["Target[8.1]"] = "SIPAS" }),
            (improve + "?handler=SipasTask", new Dictionary<string, string> { ["agency"] = s.A.ToString(), ["component"] = "II.A" }),
        })
        {
            body["__RequestVerificationToken"] = token;
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync(url, new FormUrlEncodedContent(body))).StatusCode);
        }
        var anonymous = app.Anonymous();
        foreach (var url in new[] { survey, improve })
        {
            var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/Account/Login", r.Headers.Location!.OriginalString);
        }
        Assert.Null(await ScoreAsync(s.Cycle, s.B));
        Assert.Equal(tasks, await app.WithDbAsync(db => db.PlanTasks.CountAsync()));

        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        Func<Task>[] calls =
        [
            () => sp.GetRequiredService<PreviewSipasFeed>().RunAsync(s.Cycle, null),
            () => sp.GetRequiredService<ApplySipasFeed>().RunAsync(s.Cycle, null),
            () => sp.GetRequiredService<ListWeakComponents>().RunAsync(s.Cycle, null),
            () => sp.GetRequiredService<AddSipasTask>().RunAsync(new AddSipasTaskRequest(s.Cycle, s.A, "II.A")),
        ];
        foreach (var call in calls) await Assert.ThrowsAsync<UnauthorizedAccessException>(call);
        Assert.Null(await ScoreAsync(s.Cycle, s.A));
    }
}

public sealed class SqliteSipasParFeedTests(SqliteFactory app) : SipasParFeedTests<SqliteFactory>(app);
public sealed class PostgresSipasParFeedTests(PostgresFactory app) : SipasParFeedTests<PostgresFactory>(app);
