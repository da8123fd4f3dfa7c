using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Plans;
using ParHub.Web.Features.Tasks;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>The homes and the leaders' dashboard read the database as their own pages do; each figure is checked by another query.</summary>
public abstract class HomeTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    /// <summary>The text of the targets table's row whose target contains <paramref name="fragment"/>.</summary>
    private static string Row(string html, string fragment) =>
        Regex.Matches(html, "<tr data-target=\"\\d+\">(.*?)</tr>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value))
            .Single(t => t.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public async Task The_officers_home_counts_the_agencys_overdue_tasks_as_the_task_board_does()
    {
        var agency = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        int overdue;
        using (var scope = app.Services.CreateScope())
            overdue = (await scope.ServiceProvider.GetRequiredService<TaskQueries>()
                .CountsAsync(new TaskFilter { AgencyId = agency, Status = DeadlineStatus.Overdue }, today)).Overdue;
        var officer = await app.SignInAsync("tuphap");
        var home = Text(await officer.GetStringAsync("/"));
        Assert.Contains($"{overdue} quá hạn", home);
        Assert.Contains("Tự đánh giá Chỉ số CCHC", home);
        Assert.Matches(@"Còn \d+/\d+ tiêu chí chưa chấm", home);
        // Another agency's home is not this one's: Sở Tài chính sees its own name, not Sở Tư pháp's tasks.
        var other = Text(await (await app.SignInAsync("taichinh")).GetStringAsync("/"));
        Assert.Contains("Sở Tài chính", other);
        Assert.Contains("1 tiêu chí cần giải trình", other);
    }

    [Fact]
    public async Task The_leader_lands_on_the_dashboard_and_its_brief_carries_the_same_figures()
    {
        var leader = await app.SignInAsync("lanhdao");
        var home = await leader.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Dashboard", home.Headers.Location?.OriginalString);
        var page = Text(await leader.GetStringAsync("/Dashboard"));
        Assert.Contains("Nhiệm vụ hoàn thành đúng hạn", page);
        Assert.Contains("Hồ sơ TTHC giải quyết đúng hạn", page);
        Assert.Contains("Điểm theo lĩnh vực", page);
        var tile = Regex.Match(page, @"Nhiệm vụ hoàn thành đúng hạn\s+([\d,]+%)").Groups[1].Value;
        Assert.NotEmpty(tile);
        var docx = await leader.GetByteArrayAsync("/Dashboard?handler=Docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("TÌNH HÌNH CẢI CÁCH HÀNH CHÍNH", text);
        Assert.Contains("Nhiệm vụ hoàn thành đúng hạn" + tile, text);
        // The drill-down: a group's agencies.
        var group = Text(await leader.GetStringAsync("/Dashboard?group=SBN"));
        Assert.Contains("Sở Tư pháp", group);
        // An agency officer has no dashboard.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("tuphap")).GetAsync("/Dashboard")).StatusCode);
    }

    [Fact]
    public async Task The_demo_plans_targets_show_met_or_not_and_a_target_bound_by_the_coordinator_is_measured_and_audited()
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        var plan = await app.WithDbAsync(db => db.Plans.Where(p => p.Year == year && p.Targets.Count > 0).Select(p => p.Id).FirstAsync());
        var coordinator = await app.SignInAsync("cchc");
        var html = await coordinator.GetStringAsync($"/Plans/Details/{plan}");
        Assert.Matches("(Đạt|Chưa đạt)", Row(html, "100% nhiệm vụ của Kế hoạch"));
        Assert.Matches(@"\d+/\d+ nhiệm vụ đến hạn", Row(html, "100% nhiệm vụ của Kế hoạch"));
        Assert.Contains("chưa đo được", Row(html, "Chỉ số PAPI"));
        // The SIPAS target names last year: measured on last year's survey.
        Assert.Contains($"Năm {year - 1}", Row(html, "Mức độ hài lòng"));
        Assert.Matches("(Đạt|Chưa đạt)", Row(html, "Mức độ hài lòng"));

        // Unbind the dossier target, then bind it again: measured again, each change audited.
        var target = await app.WithDbAsync(db => db.PlanTargets.Where(t => t.PlanId == plan && t.MetricKey == "tthc.ontime").Select(t => t.Id).SingleAsync());
        var r = await coordinator.PostFormAsync($"/Plans/Details/{plan}?handler=Bind", new() { ["targetId"] = target.ToString(), ["metric"] = "" },
            $"/Plans/Details/{plan}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.PlanTargets.Where(t => t.Id == target).Select(t => t.MetricKey).SingleAsync()));
        Assert.Contains("chưa đo được", Row(await coordinator.GetStringAsync($"/Plans/Details/{plan}"), "giải quyết đúng hạn đạt từ 95%"));
        await coordinator.PostFormAsync($"/Plans/Details/{plan}?handler=Bind", new() { ["targetId"] = target.ToString(), ["metric"] = "tthc.ontime" },
            $"/Plans/Details/{plan}");
        Assert.Equal("tthc.ontime", await app.WithDbAsync(db => db.PlanTargets.Where(t => t.Id == target).Select(t => t.MetricKey).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Plan" && e.EntityId == plan.ToString()
            && e.Summary!.StartsWith("Gắn chỉ tiêu"))));
        // An unknown metric is refused; an officer cannot bind.
        await coordinator.PostFormAsync($"/Plans/Details/{plan}?handler=Bind", new() { ["targetId"] = target.ToString(), ["metric"] = "x" },
            $"/Plans/Details/{plan}");
        Assert.Equal("tthc.ontime", await app.WithDbAsync(db => db.PlanTargets.Where(t => t.Id == target).Select(t => t.MetricKey).SingleAsync()));
        var officer = await app.SignInAsync("tuphap");
        var refused = await officer.PostFormAsync($"/Plans/Details/{plan}?handler=Bind", new() { ["targetId"] = target.ToString(), ["metric"] = "" },
            $"/Plans/Details/{plan}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // The dashboard lists the same targets.
        Assert.Contains("Chỉ tiêu của các kế hoạch năm", Text(await (await app.SignInAsync("lanhdao")).GetStringAsync("/Dashboard")));
    }

    [Fact]
    public async Task An_agencys_self_assessment_document_is_dated_at_the_province()
    {
        var stp = await app.WithDbAsync(db => db.Assessments.Where(a => db.Agencies.Any(g => g.Id == a.AgencyId && g.Code == "STP"))
            .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var officer = await app.SignInAsync("tuphap");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await officer.GetByteArrayAsync($"/ParIndex/Assessment/{stp}?handler=Docx")), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Hải Phòng, ngày", text);
        Assert.DoesNotContain("Sở Tư pháp, ngày", text);
    }
}

public sealed class SqliteHomeTests(SqliteFactory app) : HomeTests<SqliteFactory>(app);
public sealed class PostgresHomeTests(PostgresFactory app) : HomeTests<PostgresFactory>(app);
