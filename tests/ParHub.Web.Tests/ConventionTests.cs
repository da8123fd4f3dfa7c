using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Vietnamese conventions of the pages: long lists are paged, pages without parameters open what is current, no English labels.</summary>
public abstract class ConventionTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    [Fact]
    public async Task The_plans_are_paged_fifty_at_a_time_and_filtered_by_year()
    {
        const int year = 1999; // a year no demo plan has
        await app.WithDbAsync(async db =>
        {
            db.Plans.AddRange(Enumerable.Range(1, 61).Select(i => new Plan
            {
                Year = year, Title = $"Kế hoạch thử phân trang {i:00}", Number = $"{i}/KH-TEST", IssuedOn = new DateOnly(year, 1, 1).AddDays(i),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });
        try
        {
            var coordinator = await app.SignInAsync("cchc");
            var first = Text(await coordinator.GetStringAsync($"/Plans?year={year}"));
            Assert.Contains("61 kế hoạch · trang 1/2", first);
            Assert.Equal(50, Regex.Count(first, "Kế hoạch thử phân trang"));
            var second = Text(await coordinator.GetStringAsync($"/Plans?year={year}&p=2"));
            Assert.Equal(11, Regex.Count(second, "Kế hoạch thử phân trang"));
            Assert.Contains("Kế hoạch thử phân trang 01", second); // newest first: the earliest issued is last
            // A page beyond the last shows the last; a year that has no plan shows every year.
            Assert.Contains("trang 2/2", Text(await coordinator.GetStringAsync($"/Plans?year={year}&p=999")));
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Plans?year=1&p=-5")).StatusCode);
        }
        finally
        {
            await app.WithDbAsync(db => db.Plans.Where(p => p.Year == year).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task The_rates_and_the_province_report_without_parameters_open_the_period_being_collected()
    {
        var coordinator = await app.SignInAsync("cchc");
        foreach (var page in new[] { "/Reports/Rates", "/Reports/Province" })
        {
            var r = await coordinator.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Matches($@"^{Regex.Escape(page)}\?regime=[\w-]+&period=\d{{4}}-\w+$", r.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(r.Headers.Location)).StatusCode);
        }
    }

    [Fact]
    public async Task A_tasks_history_names_progress_in_vietnamese()
    {
        var task = await app.WithDbAsync(async db =>
        {
            var id = await db.PlanTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            db.TaskUpdates.Add(new TaskUpdate
            {
                TaskId = id, UserName = "tuphap", At = DateTime.UtcNow, Progress = TaskProgress.Done, CompletedOn = new DateOnly(2026, 1, 5), Note = "Xong.",
            });
            await db.SaveChangesAsync();
            return id;
        });
        var page = Text(await (await app.SignInAsync("cchc")).GetStringAsync($"/Tasks/Details/{task}"));
        Assert.Contains("Tiến độ: Đã hoàn thành", page);
        Assert.DoesNotMatch(@"Tiến độ: (Done|InProgress|NotStarted)", page);
    }

    [Fact]
    public async Task Dates_are_typed_and_shown_day_first_whatever_the_browser()
    {
        var coordinator = await app.SignInAsync("cchc");
        // Shown: a text field typed dd/mm/yyyy, never the browser's own date field (mm/dd/yyyy in an English browser).
        var tasks = await coordinator.GetStringAsync("/Tasks?asOf=2026-12-31");
        Assert.DoesNotContain("type=\"date\"", tasks);
        Assert.Matches("<input id=\"asOf\" name=\"asOf\" type=\"text\"[^>]*value=\"31/12/2026\"", tasks);
        Assert.Contains("placeholder=\"dd/mm/yyyy\"", tasks);
        // Typed day first, it is read day first; month first is refused with a Vietnamese message, not read as another day.
        Assert.Contains("value=\"05/03/2026\"", await coordinator.GetStringAsync("/Tasks?asOf=5/3/2026"));
        var wrong = await coordinator.GetAsync("/Tasks?asOf=12/31/2026");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(ParHub.Core.Time.VnDate.Invalid, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        var code = "NGAYVN";
        var saved = await coordinator.PostFormAsync("/Agencies/Edit", new()
        {
            ["Input.Code"] = code, ["Input.Kind"] = "Department", ["Input.Name"] = "Cơ quan thử ngày", ["Input.ValidFrom"] = "01/02/2026",
            ["Input.ValidTo"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var agency = await app.WithDbAsync(db => db.Agencies.SingleAsync(a => a.Code == code));
        Assert.Equal(new DateOnly(2026, 2, 1), agency.ValidFrom);
        Assert.Contains("value=\"01/02/2026\"", await coordinator.GetStringAsync($"/Agencies/Edit/{agency.Id}"));
        var refused = await coordinator.PostFormAsync($"/Agencies/Edit/{agency.Id}", new()
        {
            ["Input.Code"] = code, ["Input.Kind"] = "Department", ["Input.Name"] = "Cơ quan thử ngày", ["Input.ValidFrom"] = "02/30/2026",
        });
        var again = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(ParHub.Core.Time.VnDate.Invalid, again);
        Assert.Contains("value=\"02/30/2026\"", again); // shown again as typed, to be corrected
        Assert.Equal(new DateOnly(2026, 2, 1), await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.ValidFrom).SingleAsync()));
        // A form without its own place for the message refuses the post rather than saving the date as empty.
        var taskId = await app.WithDbAsync(db => db.PlanTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var deadline = await coordinator.PostFormAsync($"/Tasks/Details/{taskId}?handler=Deadline", new() { ["newDue"] = "31/02/2027", ["reason"] = "Thử" },
            $"/Tasks/Details/{taskId}");
        Assert.Equal(HttpStatusCode.BadRequest, deadline.StatusCode);
        Assert.Contains(ParHub.Core.Time.VnDate.Invalid, WebUtility.HtmlDecode(await deadline.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Without_mail_a_forgotten_password_is_sent_to_the_administrator()
    {
        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Account/ForgotPassword"));
        Assert.Contains(Features.Account.RequestPasswordReset.NoMail, page);
        Assert.DoesNotContain("Gửi đường dẫn", page);
    }
}

public sealed class SqliteConventionTests(SqliteFactory app) : ConventionTests<SqliteFactory>(app);
public sealed class PostgresConventionTests(PostgresFactory app) : ConventionTests<PostgresFactory>(app);
