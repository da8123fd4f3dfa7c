using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ParHub.Web.Tests;

/// <summary>
/// Every API endpoint and the main forms, sent out-of-range, NUL, huge (100,000 characters), empty and malformed
/// values: never a 500. The seed is fixed, so a failure reproduces; the count and each request's time are bounded.
/// </summary>
public abstract class InputFuzzTests<TFactory>(TFactory app, ITestOutputHelper output) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static readonly string HugeText = new('Ư', 100_000);

    private static readonly string[] BadScalars =
    [
        "", " ", "-1", "0", "2147483647", "-2147483648", "2147483648", "79228162514264337593543950335", "1e400", "NaN", "-0,5", "1.5",
        "9999-12-31", "0001-01-01", "2026-02-30", "abc", "\0", "a\0b", "%00", "'; DROP TABLE agencies; --", "<script>x</script>", "\"", "{}", "[]",
    ];

    private static string Bad(Random rng) => rng.Next(12) == 0 ? HugeText : BadScalars[rng.Next(BadScalars.Length)];

    private static JsonNode? BadJson(Random rng) => rng.Next(9) switch
    {
        0 => JsonValue.Create(decimal.MaxValue),
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(int.MaxValue),
        3 => JsonValue.Create("a\0b"),
        4 => JsonValue.Create(HugeText),
        5 => null,
        6 => new JsonArray(JsonValue.Create(1)),
        7 => new JsonObject { ["x"] = 1 },
        _ => JsonValue.Create(Bad(rng)),
    };

    /// <summary>A valid body with one to three of its values (anywhere in it) replaced by bad ones.</summary>
    private static string Mutate(Random rng, JsonObject valid)
    {
        var body = JsonNode.Parse(valid.ToJsonString())!.AsObject();
        for (var k = rng.Next(1, 4); k > 0; k--)
        {
            var target = body;
            var keys = target.Select(p => p.Key).ToList();
            var key = keys[rng.Next(keys.Count)];
            if (target[key] is JsonObject inner && inner.Count > 0 && rng.Next(2) == 0)
            {
                target = inner;
                key = inner.Select(p => p.Key).ToList()[rng.Next(inner.Count)];
                if (target[key] is JsonObject leaf && leaf.Count > 0 && rng.Next(2) == 0)
                {
                    target = leaf;
                    key = leaf.Select(p => p.Key).ToList()[rng.Next(leaf.Count)];
                }
            }
            target[key] = BadJson(rng);
        }
        var text = body.ToJsonString();
        return rng.Next(10) == 0 ? text[..rng.Next(text.Length)] : text; // sometimes cut short
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, List<string> failures, Stopwatch total)
    {
        var what = $"{request.Method} {Short(request.RequestUri!.OriginalString)}";
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var response = await client.SendAsync(request, cts.Token);
        if ((int)response.StatusCode >= 500)
        {
            var body = await response.Content.ReadAsStringAsync();
            var main = System.Text.RegularExpressions.Regex.Match(body, "<main[\\s\\S]{0,1200}");
            failures.Add($"{(int)response.StatusCode} {what}: {(main.Success ? main.Value : Short(body))}");
        }
        if (watch.Elapsed > TimeSpan.FromSeconds(10)) failures.Add($"slow ({watch.Elapsed.TotalSeconds:0.0} s) {what}");
        Assert.True(total.Elapsed < TimeSpan.FromMinutes(4), "the fuzz run is bounded in time");
        return response;
    }

    private static string Short(string s) => s.Length > 160 ? s[..160] + "…" : s;

    [Fact]
    public async Task Every_api_endpoint_answers_bad_values_without_500()
    {
        var rng = new Random(20261201);
        var failures = new List<string>();
        var total = Stopwatch.StartNew();
        var officer = await app.SignInAsync("tuphap");
        var coordinator = await app.SignInAsync("cchc");
        var clients = new[] { officer, coordinator, await app.SignInAsync("xem") };
        var taskId = await app.WithDbAsync(db => db.PlanTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var year = DateTime.UtcNow.AddHours(7).Year;

        string[] gets =
        [
            "/api/v1/agencies?q={0}", "/api/v1/agencies?kind={0}", "/api/v1/agencies?parentId={0}", "/api/v1/agencies?activeOn={0}", "/api/v1/agencies/{0}",
            "/api/v1/agency-groups?x={0}", "/api/v1/plans?year={0}", "/api/v1/plans/{0}", $"/api/v1/plans/1?asOf={{0}}",
            "/api/v1/tasks?planId={0}", "/api/v1/tasks?agencyId={0}", "/api/v1/tasks?groupId={0}", "/api/v1/tasks?status={0}", "/api/v1/tasks?area={0}",
            "/api/v1/tasks?dueFrom={0}", "/api/v1/tasks?dueTo={0}", "/api/v1/tasks?year={0}", "/api/v1/tasks?q={0}", "/api/v1/tasks?asOf={0}",
            "/api/v1/tasks?page={0}", "/api/v1/tasks?pageSize={0}", "/api/v1/tasks?leadOnly={0}", "/api/v1/tasks/{0}", $"/api/v1/tasks/{taskId}?asOf={{0}}",
            "/api/v1/reports/periods?regime=haiphong-2018&year={0}", "/api/v1/reports/periods?regime={0}&year=2026",
            "/api/v1/reports/{0}/2026-Q1", "/api/v1/reports/haiphong-2018/{0}", "/api/v1/reports/haiphong-2018/2026-Q1?agencyId={0}",
            "/api/v1/reports/haiphong-2018/{0}/aggregate", "/api/v1/reports/haiphong-2018/2026-Q1/aggregate?group={0}",
            "/api/v1/reports/haiphong-2018/{0}/rates", "/api/v1/reports/haiphong-2018/2026-Q1/rates?asOf={0}",
        ];
        var sent = 0;
        foreach (var template in gets)
            for (var n = 0; n < 4; n++)
            {
                var value = n == 0 ? "" : Bad(rng);
                if (value.Length > 2000) value = value[..2000]; // a URL is not a body
                if (!template.Contains('?') && (value.Contains('\0') || value.Contains("%00"))) value = "x"; // a NUL in a path never leaves the client
                var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(value));
                await SendAsync(clients[rng.Next(clients.Length)], new HttpRequestMessage(HttpMethod.Get, url), failures, total);
                sent++;
            }

        var report = JsonNode.Parse(await officer.GetStringAsync($"/api/v1/reports/haiphong-2018/{year}-Q3"))!.AsObject();
        var validReport = new JsonObject
        {
            ["version"] = report["version"]!.GetValue<int>(), ["submit"] = false,
            ["values"] = new JsonObject
            {
                ["docs_issued"] = new JsonObject { ["value"] = 3 },
                ["plan_tasks"] = new JsonObject { ["value"] = 1, ["denominator"] = 2, ["reason"] = "Bổ sung" },
                ["invest_plan"] = new JsonObject { ["value"] = 10.5m }, ["strengths"] = new JsonObject { ["text"] = "Ưu điểm" },
            },
        };
        var validProgress =
            new JsonObject { ["progress"] = "InProgress", ["completedOn"] = null, ["note"] = "Ghi chú", ["productNumber"] = "1/KH", ["version"] = 1 };
        var validAgency = new JsonObject
        {
            ["code"] = "FUZZ", ["kind"] = "Department", ["name"] = "Cơ quan thử", ["shortName"] = "CQT", ["aliases"] = "cqt", ["parentId"] = null,
            ["validFrom"] = "2020-01-01", ["validTo"] = null, ["successorId"] = null, ["address"] = "Số 1", ["phone"] = "0225", ["email"] = "a@b.vn",
            ["groupIds"] = new JsonArray(),
        };
        var agencyId = await app.WithDbAsync(db => db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var writes = new (HttpMethod Method, string Url, JsonObject Valid, HttpClient Client)[]
        {
            (HttpMethod.Put, $"/api/v1/reports/haiphong-2018/{year}-Q3", validReport, officer),
            (HttpMethod.Post, $"/api/v1/tasks/{taskId}/progress", validProgress, officer),
            (HttpMethod.Post, $"/api/v1/tasks/{taskId}/progress", validProgress, coordinator),
            (HttpMethod.Post, "/api/v1/agencies", validAgency, coordinator),
            (HttpMethod.Put, $"/api/v1/agencies/{agencyId}", validAgency, coordinator),
        };
        foreach (var (method, url, valid, client) in writes)
            for (var n = 0; n < 40; n++)
            {
                var body = n == 0 ? "" : n == 1 ? "{" : n == 2 ? "null" : Mutate(rng, valid);
                await SendAsync(client, new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, failures,
                    total);
                sent++;
            }
        output.WriteLine($"api fuzz: {sent} requests in {total.Elapsed.TotalSeconds:0} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task The_main_forms_answer_bad_values_without_500()
    {
        var rng = new Random(20261202);
        var failures = new List<string>();
        var total = Stopwatch.StartNew();
        var officer = await app.SignInAsync("tuphap");
        var coordinator = await app.SignInAsync("cchc");
        var stp = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STP").Select(a => a.Id).SingleAsync());
        var task = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Assignments.Any(a => a.AgencyId == stp && a.Role == Core.Plans.AssignmentRole.Lead))
            .Select(t => t.Id).FirstAsync());
        var year = DateTime.UtcNow.AddHours(7).Year;
        var open = await officer.GetAsync($"/Reports/Open?regime=haiphong-2018&period={year}-Q3");
        var reportUrl = open.Headers.Location!.OriginalString;
        var regimeId = await app.WithDbAsync(db => db.ReportRegimes.Where(r => r.Key == "hanoi-2019").Select(r => r.Id).SingleAsync());

        var forms = new (HttpClient Client, string Url, string Page, string[] Fields)[]
        {
            (officer, $"{reportUrl}?handler=Save", reportUrl, ["Version", "In[docs_issued].Value", "In[plan_tasks].Value", "In[plan_tasks].Denominator",
                "In[plan_tasks].Reason", "In[invest_plan].Value", "In[strengths].Text", "In[khong_co].Value"]),
            (officer, $"{reportUrl}?handler=Submit", reportUrl, ["Version", "In[docs_issued].Value", "In[feedback_done].Value", "In[I_text].Text"]),
            (officer, $"/Tasks/Details/{task}?handler=Progress", $"/Tasks/Details/{task}",
                ["Input.Version", "Input.Progress", "Input.CompletedOn", "Input.Note", "Input.ProductNumber"]),
            (officer, $"/Tasks/Details/{task}?handler=Contribute", $"/Tasks/Details/{task}", ["Input.Note"]),
            (coordinator, $"/Tasks/Details/{task}?handler=Deadline", $"/Tasks/Details/{task}", ["newDue", "reason"]),
            (officer, $"/Agencies/Profile/{stp}", $"/Agencies/Profile/{stp}", ["Address", "Phone", "Email"]),
            (coordinator, "/Reports/Regimes", "/Reports/Regimes",
                ["Input.Id", "Input.Name", "Input.FromText", "Input.ToText", "Input.Reporters", "Input.FormKey", "Input.Periods[0].Kind",
                    "Input.Periods[0].Due", "Input.Periods[0].From", "Input.Periods[0].To", "Input.IsActive"]),
            (coordinator, "/ParIndex", "/ParIndex", ["FrameworkId", "GroupCode", "Due"]),
        };
        var sent = 0;
        foreach (var (client, url, page, fields) in forms)
        {
            var token = await client.AntiforgeryTokenAsync(page);
            for (var n = 0; n < 20; n++)
            {
                var body = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
                foreach (var f in fields) if (rng.Next(4) > 0) body[f] = Bad(rng);
                if (url.StartsWith("/Reports/Regimes")) body["Input.Id"] = rng.Next(3) == 0 ? Bad(rng) : regimeId.ToString();
                await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) }, failures, total);
                sent++;
            }
        }
        string[] pages =
        [
            "/Audit?from={0}", "/Audit?to={0}", "/Audit?page={0}", "/Audit?agencyId={0}", "/Tasks?q={0}", "/Tasks?year={0}", "/Tasks?status={0}",
                "/Tasks?page={0}",
            "/Agencies?q={0}", "/Reports/Province?regime=haiphong-2018&period=2026-Q1&section={0}", "/Reports/Province?regime={0}&period=2026-Q1",
            "/Reports/Rates?regime=haiphong-2018&period={0}", "/Reports?year={0}", "/ParIndex/Improve/1?agencyId={0}", "/ParIndex/Results/{0}",
                "/ParIndex/Assessment/{0}",
        ];
        foreach (var template in pages)
            for (var n = 0; n < 4; n++)
            {
                var value = Bad(rng);
                if (value.Length > 2000) value = value[..2000];
                if (!template.Contains('?') && (value.Contains('\0') || value.Contains("%00"))) value = "x";
                await SendAsync(coordinator, new HttpRequestMessage(HttpMethod.Get,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(value))), failures, total);
                sent++;
            }
        output.WriteLine($"form fuzz: {sent} requests in {total.Elapsed.TotalSeconds:0} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }
}

public sealed class SqliteInputFuzzTests(SqliteFactory app, ITestOutputHelper output) : InputFuzzTests<SqliteFactory>(app, output);
public sealed class PostgresInputFuzzTests(PostgresFactory app, ITestOutputHelper output) : InputFuzzTests<PostgresFactory>(app, output);
