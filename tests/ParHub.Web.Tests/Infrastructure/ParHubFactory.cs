using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Web.Data;

namespace ParHub.Web.Tests.Infrastructure;

/// <summary>
/// The real ParHub application in memory on a fresh database of one provider, seeded with the demo province at
/// start-up exactly as a first run of <c>./parhub</c> does.
/// </summary>
public abstract class ParHubFactory(DbProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public DbProvider Provider => provider;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(provider);
        if (RealServer)
        {
            UseKestrel(0);
            StartServer();
        }
        else _ = Server; // start the host: migrations and demo seed run now
    }

    /// <summary>Kestrel on a loopback port instead of the in-memory server, where a test needs Kestrel's own limits.</summary>
    protected virtual bool RealServer => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>(Db.Settings) { ["PARHUB_NOW_FILE"] = NowFile };
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        foreach (var (k, v) in settings) if (v is not null) builder.UseSetting(k, v);
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    private static int clients;

    /// <summary>A client address of its own for each test client (sign-in throttles and rate limits are per client).</summary>
    public static string NextClientAddress()
    {
        var n = Interlocked.Increment(ref clients);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <summary>A browser with a cookie jar the test can read and copy (to replay a cookie after logout).</summary>
    public HttpClient Browser(CookieContainer jar, string? clientAddress = null)
    {
        var client = CreateDefaultClient(new CookieJarHandler(jar));
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress ?? NextClientAddress());
        return client;
    }

    /// <summary>More configuration for a factory of its own (e.g. behind a proxy).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task<T> WithDbAsync<T>(Func<ParHubDbContext, Task<T>> f)
    {
        using var scope = Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ParHubDbContext>());
    }

    /// <summary>The application's clock (real time until a test sets it): time is an outside edge, so tests may move it.</summary>
    public string NowFile => System.IO.Path.Combine(Db.DataDir, "now.txt");

    public void SetNow(DateTimeOffset? now)
    {
        if (now is { } n) File.WriteAllText(NowFile, n.ToString("O"));
        else File.Delete(NowFile);
    }

    public HttpClient Anonymous(string? clientAddress = null)
    {
        HttpClient client;
        if (!RealServer) client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        else
        {
            var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
            {
                BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5),
            };
        }
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress ?? NextClientAddress());
        return client;
    }

    /// <summary>A browser-like client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Features.Demo.DemoProvince.DemoPassword)
    {
        var client = Anonymous();
        await SignInAsync(client, userName, password);
        return client;
    }

    /// <summary>Signs an existing client in through the real sign-in form.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password = Features.Demo.DemoProvince.DemoPassword)
    {
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Db.DisposeAsync();
    }
}

public sealed class SqliteFactory() : ParHubFactory(DbProvider.Sqlite);
public sealed class PostgresFactory() : ParHubFactory(DbProvider.Postgres);
public sealed class SqliteKestrelFactory() : ParHubFactory(DbProvider.Sqlite) { protected override bool RealServer => true; }
public sealed class PostgresKestrelFactory() : ParHubFactory(DbProvider.Postgres) { protected override bool RealServer => true; }

public static partial class HttpClientForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>GETs the form page for its anti-forgery token, then POSTs the fields like a browser.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        var body = new Dictionary<string, string>(fields);
        if (token.Success) body["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>Any page's anti-forgery token, for POSTs to a page the client may not GET.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var m = TokenPattern().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no anti-forgery token on " + page);
    }
}

/// <summary>
/// Test clients say which client address they stand for (the in-memory server has none): the header sets the
/// connection's remote address before anything else runs, as a real client's address would be.
/// </summary>
public sealed class TestClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        Microsoft.AspNetCore.Builder.UseExtensions.Use(app, async (HttpContext ctx, Func<Task> go) =>
        {
            if (ctx.Request.Headers[Header] is { Count: > 0 } v && IPAddress.TryParse(v.ToString(), out var ip)) ctx.Connection.RemoteIpAddress = ip;
            await go();
        });
        next(app);
    };
}

/// <summary>Keeps cookies in a container the test owns.</summary>
public sealed class CookieJarHandler(CookieContainer jar) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        var header = jar.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var c in set) jar.SetCookies(uri, c);
        return response;
    }
}
