using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// No change without its audit line: a change and its audit lines commit in one transaction. The database itself is
/// made to refuse the audit line (a trigger, as a full disk or a lost connection would at that moment): the change must
/// not be there afterwards. Then, without the trigger, the same request makes the change (so the test can fail).
/// Concurrent writers on SQLite get no error and lose no audit line.
/// </summary>
public abstract class AtomicityTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    /// <summary>Runs the request with the audit line refused, checks nothing changed, then again with it allowed.</summary>
    private async Task CheckAsync<T>(string entityType, Func<Task<HttpResponseMessage>> request, Func<ParHubDbContext, Task<T>> state)
    {
        var before = await app.WithDbAsync(state);
        await app.RefuseAuditAsync(entityType);
        HttpResponseMessage refused;
        try { refused = await request(); }
        finally { await app.AllowAuditAsync(); }
        Assert.True((int)refused.StatusCode >= 500, $"the failed write answered {(int)refused.StatusCode}");
        Assert.Equal(before, await app.WithDbAsync(state));
        var ok = await request();
        Assert.True((int)ok.StatusCode < 400, $"the write answered {(int)ok.StatusCode}: {await ok.Content.ReadAsStringAsync()}");
        Assert.NotEqual(before, await app.WithDbAsync(state));
    }

    [Fact]
    public async Task Task_progress_is_not_committed_without_its_audit_line()
    {
        var coordinator = await app.SignInAsync("cchc");
        var id = await app.WithDbAsync(db => db.PlanTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        await CheckAsync("Task", async () =>
        {
            var version = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == id).Select(t => t.Version).SingleAsync());
            return await coordinator.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { progress = "InProgress", note = "Nguyên tử", version });
        }, db => db.TaskUpdates.CountAsync(u => u.TaskId == id));
    }

    [Fact]
    public async Task A_file_sent_with_a_change_that_is_rolled_back_is_not_kept_and_one_that_commits_is_in_place()
    {
        var coordinator = await app.SignInAsync("cchc");
        var id = await app.WithDbAsync(db => db.PlanTasks.OrderBy(t => t.Id).Skip(1).Select(t => t.Id).FirstAsync());
        var dir = Path.Combine(app.Db.DataDir, "uploads", "tasks");
        string[] Files() => Directory.Exists(dir) ? Directory.GetFiles(dir) : [];
        async Task<HttpResponseMessage> PostAsync()
        {
            var version = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == id).Select(t => t.Version).SingleAsync());
            var token = await coordinator.AntiforgeryTokenAsync($"/Tasks/Details/{id}");
            var content = new MultipartFormDataContent
            {
                { new StringContent("InProgress"), "Input.Progress" },
                { new StringContent(version.ToString()), "Input.Version" },
                { new StringContent("Kèm tệp"), "Input.Note" },
                { new StringContent(token), "__RequestVerificationToken" },
            };
            var file = new ByteArrayContent("%PDF-1.4 thử tệp"u8.ToArray());
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(file, "files", "bien-ban.pdf");
            return await coordinator.PostAsync($"/Tasks/Details/{id}?handler=Progress", content);
        }
        var before = Files().Length;
        await CheckAsync("Task", PostAsync, db => db.TaskFiles.CountAsync(f => f.TaskId == id));
        // One file in place for the committed change; none (not even a part-written one) for the rolled-back one.
        var after = Files();
        Assert.Equal(before + 1, after.Length);
        Assert.DoesNotContain(after, f => f.EndsWith(".part"));
        var stored = await app.WithDbAsync(db => db.TaskFiles.Where(f => f.TaskId == id).Select(f => f.StoredName).SingleAsync());
        Assert.True(File.Exists(Path.Combine(dir, stored)));
    }

    [Fact]
    public async Task A_new_task_is_not_committed_without_its_audit_line()
    {
        var coordinator = await app.SignInAsync("cchc");
        await CheckAsync("Task", () => coordinator.PostFormAsync("/Tasks/New", new()
        {
            ["Input.Source"] = "Thủ tướng Chính phủ giao", ["Input.AssignedBy"] = "Quyết định số 9/QĐ-TTg",
            ["Input.Content"] = "Nhiệm vụ thử tính nguyên tử", ["Input.Lead"] = "Sở Tư pháp", ["Input.Timeframe"] = "Trước ngày 30/6/2026",
            ["Input.Year"] = "2026",
        }), db => db.PlanTasks.CountAsync());
    }

    [Fact]
    public async Task An_agency_edit_is_not_committed_without_its_audit_line()
    {
        var coordinator = await app.SignInAsync("cchc");
        var agency = await app.WithDbAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "STP"));
        var n = 0;
        await CheckAsync("Agency", () => coordinator.PutAsJsonAsync($"/api/v1/agencies/{agency.Id}",
                new { code = agency.Code, kind = agency.Kind.ToString(), name = agency.Name, phone = "0225 38" + (++n).ToString("D5") }),
            db => db.Agencies.Where(a => a.Id == agency.Id).Select(a => a.Phone).SingleAsync());
    }

    [Fact]
    public async Task A_report_is_not_created_without_its_audit_line()
    {
        var officer = await app.SignInAsync("taichinh");
        await CheckAsync("Report", () => officer.GetAsync("/api/v1/reports/haiphong-2018/2026-Y"), db => db.Reports.CountAsync());
    }

    [Fact]
    public async Task A_cycle_and_a_framework_are_not_created_without_their_audit_lines()
    {
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.GetAsync("/ParIndex"); // the Coordinator's first visit adds the demo framework of the year
        var framework = await app.WithDbAsync(db => db.IndexFrameworks.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
        await CheckAsync("AssessmentCycle", () => coordinator.PostFormAsync("/ParIndex", new()
        {
            ["FrameworkId"] = framework.ToString(), ["GroupCode"] = "SBN", ["Due"] = "2031-01-31",
        }), db => db.AssessmentCycles.CountAsync());
        await CheckAsync("IndexFramework", () => coordinator.PostFormAsync("/ParIndex?handler=Bnv&year=2031", new(), "/ParIndex"),
            db => db.IndexFrameworks.CountAsync());
    }

    [Fact]
    public async Task An_improvement_plan_and_a_publication_are_not_kept_without_their_audit_lines()
    {
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.GetAsync("/ParIndex");
        var framework = await app.WithDbAsync(db => db.IndexFrameworks.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
        var open = await coordinator.PostFormAsync("/ParIndex",
            new() { ["FrameworkId"] = framework.ToString(), ["GroupCode"] = "SBN", ["Due"] = "2031-02-28" });
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var cycle = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        // One agency submitted (with nothing scored), so that the improvement plan has lost points to draft from.
        await app.WithDbAsync(async db =>
        {
            var first = await db.Assessments.Where(a => a.CycleId == cycle).OrderBy(a => a.Id).FirstAsync();
            first.Status = ParHub.Core.Scoring.AssessmentStatus.Submitted;
            return await db.SaveChangesAsync();
        });
        var n = 0;
        await CheckAsync("Plan", () => coordinator.PostFormAsync($"/ParIndex/Improve/{cycle}",
                new() { ["Map"] = $"1=SNV\n2=STP\n3=VPUBND\n4=SNV\n5=SNV\n6=STC\n7=SKHCN\n8={(++n % 2 == 0 ? "STP" : "SNV")}" }),
            db => db.Plans.CountAsync());
        var results = $"/ParIndex/Results/{cycle}";
        // After the self-assessment deadline, confirming that some agencies did not submit.
        app.SetNow(new DateTimeOffset(2031, 3, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        try
        {
            var late = await app.SignInAsync("cchc");
            await CheckAsync("AssessmentCycle",
                () => late.PostFormAsync($"{results}?handler=Publish",
                    new() { ["decision"] = "Quyết định số 9/QĐ-UBND", ["confirmNotSubmitted"] = "true" }, results),
                db => db.AssessmentCycles.Where(c => c.Id == cycle).Select(c => c.PublicationDecision).SingleAsync());
        }
        finally { app.SetNow(null); }
    }

    [Fact]
    public async Task The_provinces_texts_are_not_saved_without_their_audit_line()
    {
        var coordinator = await app.SignInAsync("cchc");
        var year = DateTime.UtcNow.Year - 1;
        var url = $"/Reports/Province?regime=haiphong-2018&period={year}-Y";
        var page = await coordinator.GetStringAsync(url);
        var code = System.Text.RegularExpressions.Regex.Match(page, "name=\"Texts\\[(P_[^\\]]+)\\]\"").Groups[1].Value;
        Assert.StartsWith("P_", code);
        var n = 0;
        await CheckAsync("Report", () => coordinator.PostFormAsync($"/Reports/Province?handler=Texts&regime=haiphong-2018&period={year}-Y",
                new() { [$"Texts[{code}]"] = "Nội dung thử nguyên tử " + (++n) }, url),
            db => db.ReportValues.Where(v => v.Code == code).Select(v => v.Text).ToListAsync().ContinueWith(t => string.Join("|", t.Result)));
    }

    [Fact]
    public async Task Sixteen_simultaneous_first_requests_with_a_new_token_all_succeed()
    {
        var coordinator = await app.SignInAsync("cchc");
        var page = await coordinator.PostFormAsync("/Account/Tokens?handler=Create", new() { ["name"] = "Song song" }, "/Account/Tokens");
        var token =
            System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "data-testid=\"new-token\">(phk_[^<]+)<").Groups[1].Value;
        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var api = app.Anonymous();
            api.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return (await api.GetAsync("/api/v1/agencies")).StatusCode;
        })));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Four_concurrent_writers_get_no_error_and_every_change_has_its_audit_line()
    {
        var ids = await app.WithDbAsync(db => db.PlanTasks.OrderByDescending(t => t.Id).Select(t => t.Id).Take(4).ToListAsync());
        var clients = new List<HttpClient>();
        foreach (var _ in ids) clients.Add(await app.SignInAsync("cchc"));
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
        {
            for (var n = 0; n < 12; n++)
            {
                var version = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == id).Select(t => t.Version).SingleAsync());
                var r = await clients[i].PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { progress = "InProgress", note = $"Lần {n}", version });
                statuses.Add(r.StatusCode);
                // Reads in between, as other people's browsers would.
                statuses.Add((await clients[i].GetAsync("/Tasks")).StatusCode);
            }
        })));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var updates = await app.WithDbAsync(db => db.TaskUpdates.CountAsync(u => ids.Contains(u.TaskId)));
        var idTexts = ids.Select(i => i.ToString()).ToList();
        var audited = await app.WithDbAsync(db =>
            db.AuditEntries.CountAsync(e => e.EntityType == "Task" && idTexts.Contains(e.EntityId) && e.Summary!.StartsWith("Cập nhật tiến độ")));
        Assert.Equal(48, updates);
        Assert.Equal(updates, audited);
    }
}

public sealed class SqliteAtomicityTests(SqliteFactory app) : AtomicityTests<SqliteFactory>(app);
public sealed class PostgresAtomicityTests(PostgresFactory app) : AtomicityTests<PostgresFactory>(app);
