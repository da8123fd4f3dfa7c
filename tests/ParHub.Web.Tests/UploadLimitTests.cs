using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>Upload tests measure the process's memory, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UploadCollection { public const string Name = "Uploads"; }

/// <summary>
/// Every upload page on real Kestrel: a small DOCX or XLSX holding a huge amount of valid XML is refused with the
/// Vietnamese message while the process's memory stays bounded; bodies over a page's limit (25 MB, 100 MB) answer
/// the page with its own message, never a 500; evidence is content-checked and its criterion codes checked.
/// </summary>
public abstract class UploadLimitTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static readonly Lazy<Dictionary<string, byte[]>> Files = new(() => new()
    {
        ["docx-190"] = BigOffice.Docx(190L << 20),        // refused by its part size, before any parsing
        ["docx-24"] = BigOffice.Docx(24L << 20),          // streamed until the paragraph cap
        ["docx-rows"] = BigOffice.Docx(20L << 20, table: true), // streamed until the row cap
        ["xlsx-190"] = BigOffice.Xlsx(190L << 20),
        ["xlsx-16"] = BigOffice.Xlsx(16L << 20),          // streamed until the row cap
    });

    private static MultipartFormDataContent Form(string token, HttpContent file, string name, params (string Key, string Value)[] fields)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var content = new MultipartFormDataContent { { file, "file", name } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }

    private async Task<int> CycleAsync(HttpClient coordinator)
    {
        var existing = await app.WithDbAsync(db => db.AssessmentCycles.Where(c => c.GroupCode == "SBN" && c.PublishedAt == null
            && c.SelfAssessmentDue > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)))
            .OrderByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync());
        if (existing is { } id && await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.CycleId == id && a.Status == AssessmentStatus.Draft)))
            return existing.Value;
        await coordinator.GetStringAsync("/ParIndex");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var frameworkId = await app.WithDbAsync(db => db.IndexFrameworks.Where(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year)
            .Select(f => f.Id).SingleAsync());
        var token = await coordinator.AntiforgeryTokenAsync("/ParIndex");
        var open = await coordinator.PostAsync("/ParIndex", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FrameworkId"] = frameworkId.ToString(), ["GroupCode"] = "SBN", ["Due"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        return int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<int> OwnAssessmentAsync(HttpClient coordinator)
    {
        var cycle = await CycleAsync(coordinator);
        return await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == cycle && db.Agencies.Any(x => x.Id == a.AgencyId && x.Code == "STP"))
            .Select(a => a.Id).SingleAsync());
    }

    /// <summary>The largest managed heap seen (sampled every millisecond) while <paramref name="act"/> runs, above the heap before it.</summary>
    private static async Task<(T Result, long Growth)> MeasuredAsync<T>(Func<Task<T>> act)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        });
        var result = await act();
        stop.Cancel();
        await sampler;
        return (result, Math.Max(peak, GC.GetTotalMemory(false)) - baseline);
    }

    [Fact]
    public async Task Huge_documents_on_every_import_page_are_refused_in_vietnamese_and_memory_stays_bounded()
    {
        var files = Files.Value;
        Assert.All(files.Values, f => Assert.True(f.Length < 1 << 20, $"{f.Length} bytes"));
        var coordinator = await app.SignInAsync("cchc");
        var cycle = await CycleAsync(coordinator);
        var pages = new List<(string Page, string Url, string File, string Name, (string, string)[] Fields)>();
        foreach (var f in new[] { "docx-190", "docx-24", "docx-rows", "xlsx-190", "xlsx-16" })
        {
            var name = f.StartsWith("docx") ? "ke-hoach.docx" : "ke-hoach.xlsx";
            pages.Add(("/Plans/Import", "/Plans/Import?handler=Preview", f, name, [("year", "2026")]));
            pages.Add(("/ParIndex", "/ParIndex?handler=Import", f, name.Replace("ke-hoach", "bo-chi-so"), [("year", "2044"), ("code", "lon")]));
            if (f.StartsWith("xlsx"))
            {
                pages.Add(("/Agencies/Import", "/Agencies/Import?handler=Preview", f, "danh-muc.xlsx", []));
                pages.Add(($"/ParIndex/Survey/{cycle}", $"/ParIndex/Survey/{cycle}?handler=Preview", f, "sipas.xlsx", []));
            }
        }
        var frameworks = await app.WithDbAsync(db => db.IndexFrameworks.CountAsync());
        foreach (var (page, url, file, name, fields) in pages)
        {
            var token = await coordinator.AntiforgeryTokenAsync(page);
            var (response, growth) = await MeasuredAsync(() => coordinator.PostAsync(url, Form(token, new ByteArrayContent(files[file]), name, fields)));
            Assert.True(growth < 400L << 20, $"{url} {file}: the heap grew by {growth >> 20} MB");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {file}: {(int)response.StatusCode}");
            Assert.True(html.Contains("Tệp có quá nhiều dữ liệu (hơn "), $"{url} {file}: no refusal");
            Assert.Contains("vui lòng tách thành nhiều tệp.", html);
        }
        Assert.Equal(frameworks, await app.WithDbAsync(db => db.IndexFrameworks.CountAsync())); // nothing stored
    }

    /// <summary>A body of <paramref name="bytes"/> zeros, written as it is sent (never held whole); unless <paramref name="sized"/> it is sent
    /// chunked.</summary>
    private sealed class Zeros(long bytes, bool sized = true) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = new byte[1 << 20];
            for (var left = bytes; left > 0; left -= block.Length) await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, left)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes;
            return sized;
        }
    }

    [Theory]
    [InlineData(25)]
    [InlineData(100)]
    public async Task An_oversized_upload_answers_the_page_with_its_own_message_never_a_500(int megabytes)
    {
        var coordinator = await app.SignInAsync("cchc");
        var officer = await app.SignInAsync("tuphap");
        var cycle = await CycleAsync(coordinator);
        var assessment = await OwnAssessmentAsync(coordinator);
        var task = await app.WithDbAsync(db => db.PlanTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var opened = await officer.GetAsync("/Reports/Open?regime=hanoi-2019&period=2026-Q1");
        var report = opened.Headers.Location!.OriginalString;
        var cases = new (HttpClient Client, string Page, string Url, string Name, string Message)[]
        {
            (coordinator, "/Plans/Import", "/Plans/Import?handler=Preview", "ke-hoach.docx", "Tệp vượt quá 20 MB."),
            (coordinator, "/ParIndex", "/ParIndex?handler=Import", "bo-chi-so.xlsx", "Tệp bộ chỉ số vượt quá 10 MB."),
            (coordinator, "/Agencies/Import", "/Agencies/Import?handler=Preview", "danh-muc.xlsx", "Tệp vượt quá 5 MB."),
            (coordinator, $"/ParIndex/Survey/{cycle}", $"/ParIndex/Survey/{cycle}?handler=Preview", "sipas.xlsx", "Tệp vượt quá 5 MB."),
            (officer, $"/ParIndex/Assessment/{assessment}", $"/ParIndex/Assessment/{assessment}?handler=Evidence", "kiem-chung.pdf",
                "Tệp quá lớn; tối đa 20 MB."),
            (officer, report, $"{report}?handler=Attach", "ky-so.pdf", "Tệp quá lớn; tối đa 20 MB."),
            (coordinator, $"/Tasks/Details/{task}", $"/Tasks/Details/{task}?handler=Contribute", "san-pham.pdf",
                megabytes > 100 - 1 ? "Tệp đính kèm vượt quá 100 MB (mỗi tệp tối đa 20 MB)." : "Tệp “san-pham.pdf” vượt quá 20 MB."),
        };
        foreach (var (client, page, url, name, message) in cases)
        {
            var token = await client.AntiforgeryTokenAsync(page);
            var response = await client.PostAsync(url, Form(token, new Zeros((long)megabytes << 20), name, ("codes", "1.1")));
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {megabytes} MB: {(int)response.StatusCode}");
            Assert.True(html.Contains(message), $"{url} {megabytes} MB: “{message}” not on the page");
            Assert.Contains("name=\"__RequestVerificationToken\"", html); // the page itself, ready for another try
        }
        // Sent chunked (no Content-Length), the body is counted as it is read: the same answer.
        var chunkedToken = await coordinator.AntiforgeryTokenAsync("/Plans/Import");
        var chunked =
            await coordinator.PostAsync("/Plans/Import?handler=Preview", Form(chunkedToken, new Zeros((long)megabytes << 20, sized: false), "ke-hoach.docx"));
        Assert.Equal(HttpStatusCode.OK, chunked.StatusCode);
        Assert.Contains("Tệp vượt quá 20 MB.", WebUtility.HtmlDecode(await chunked.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Evidence_is_checked_like_task_files_and_its_criteria_against_the_framework()
    {
        var coordinator = await app.SignInAsync("cchc");
        var id = await OwnAssessmentAsync(coordinator);
        var officer = await app.SignInAsync("tuphap");
        var url = $"/ParIndex/Assessment/{id}";
        async Task<string> UploadAsync(byte[] bytes, string name, params string[] codes)
        {
            var token = await officer.AntiforgeryTokenAsync(url);
            var response =
                await officer.PostAsync($"{url}?handler=Evidence", Form(token, new ByteArrayContent(bytes), name, [.. codes.Select(c => ("codes", c))]));
            return response.StatusCode == HttpStatusCode.Redirect ? "stored" : WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        var before = await app.WithDbAsync(db => db.EvidenceFiles.CountAsync(e => e.AssessmentId == id));
        var exe = new byte[4096];
        "MZ\u0090\0"u8.CopyTo(exe);
        Assert.Contains("Tệp “bao-cao.pdf” không đúng định dạng của phần mở rộng.", await UploadAsync(exe, "bao-cao.pdf", "1.1"));
        Assert.Contains("không đúng định dạng", await UploadAsync("%PDF-1.4"u8.ToArray(), "bang.xlsx", "1.1"));
        Assert.Contains("Không có tiêu chí “9.9” trong bộ chỉ số của kỳ đánh giá này.",
            await UploadAsync("%PDF-1.4 kế hoạch"u8.ToArray(), "ke-hoach.pdf", "1.1", "9.9"));
        Assert.Equal(before, await app.WithDbAsync(db => db.EvidenceFiles.CountAsync(e => e.AssessmentId == id)));
        // A real PDF for known criteria is stored whole.
        var pdf = "%PDF-1.4 kế hoạch cải cách hành chính"u8.ToArray();
        Assert.Equal("stored", await UploadAsync(pdf, "ke-hoach.pdf", "1.1", "1.4"));
        var stored = await app.WithDbAsync(db => db.EvidenceFiles.Where(e => e.AssessmentId == id).OrderBy(e => e.Id).LastAsync());
        Assert.Equal("1.1,1.4", stored.Codes);
        Assert.Equal(pdf, await (await officer.GetAsync($"{url}?handler=File&fileId={stored.Id}")).Content.ReadAsByteArrayAsync());
    }
}

[Collection(UploadCollection.Name)]
public sealed class SqliteUploadLimitTests(SqliteKestrelFactory app) : UploadLimitTests<SqliteKestrelFactory>(app);
[Collection(UploadCollection.Name)]
public sealed class PostgresUploadLimitTests(PostgresKestrelFactory app) : UploadLimitTests<PostgresKestrelFactory>(app);
