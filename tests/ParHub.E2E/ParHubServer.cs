using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace ParHub.E2E;

/// <summary>
/// Runs ParHub as a user does — <c>./parhub serve</c> from the repository root on a fresh data folder — and a
/// headless Debian Chromium driven by Playwright. Screenshots go to <c>artifacts/e2e/</c>.
/// </summary>
public sealed class ParHubServer : IAsyncLifetime
{
    public string BaseUrl { get; private set; } = "";
    public string RepoRoot { get; } = FindRoot();
    public string Artifacts => Path.Combine(RepoRoot, "artifacts", "e2e");
    public IBrowser Browser { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;
    public string DataDir => dataDir;
    private IPlaywright? playwright;
    private Process? server;
    private string dataDir = "";
    private readonly List<string> output = [];

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "parhub")) && File.Exists(Path.Combine(d.FullName, "ParHub.slnx"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        dataDir = Directory.CreateTempSubdirectory("parhub-e2e-").FullName;
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo(Path.Combine(RepoRoot, "parhub"), ["serve", "--urls", BaseUrl])
        {
            WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Smtp = new SmtpSink();
        foreach (var (k, v) in ServerEnvironment(dataDir)) psi.Environment[k] = v;
        psi.Environment.Remove("PARHUB_DB");
        server = Process.Start(psi)!;
        server.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException("./parhub exited: " + Output);
            try { if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode) break; }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("./parhub did not answer /health: " + Output);
            await Task.Delay(250);
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PARHUB_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public string Output { get { lock (output) return string.Join('\n', output); } }

    private Dictionary<string, string> ServerEnvironment(string data) => new()
    {
        ["PARHUB_DATA_DIR"] = data,
        ["PARHUB_SMTP_HOST"] = "127.0.0.1",
        ["PARHUB_SMTP_PORT"] = Smtp.Port.ToString(),
        ["PARHUB_SMTP_FROM"] = "parhub@demo.parhub.vn",
        ["PARHUB_SITE_URL"] = BaseUrl,
        ["PARHUB_DIGEST"] = "off",
        ["PARHUB_SIGNIN_PER_MINUTE"] = "1000", // every test signs in from 127.0.0.1
        ["PARHUB_NOW_FILE"] = Path.Combine(data, "now.txt"),
    };

    /// <summary>Moves the server's clock (null: real time again). Sign in again afterwards: sessions expire with time.</summary>
    public void SetNow(DateTimeOffset? now)
    {
        var file = Path.Combine(dataDir, "now.txt");
        if (now is { } n) File.WriteAllText(file, n.ToString("O"));
        else File.Delete(file);
    }

    /// <summary>Runs another <c>./parhub</c> command on the same data folder and SMTP server; returns stdout.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepoRoot, "parhub"), args)
        {
            WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (k, v) in ServerEnvironment(dataDir)) psi.Environment[k] = v;
        psi.Environment.Remove("PARHUB_DB");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"./parhub {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(1280, 900);

    /// <summary>A page in a fresh context (no cookies) of the given screen size: 390 × 844 is a phone.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in and waits for the home page. A sign-in that does not arrive there (seen once in CI right after the clock
    /// was moved) is written down — the page's address and text and the server's last lines, in
    /// <c>artifacts/e2e/sign-in-*.txt</c> — and tried once more; a second failure fails the test with the same details.
    /// </summary>
    public async Task SignInAsync(IPage page, string user, string password = "ParHub@2026")
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("Tên đăng nhập").FillAsync(user);
            await page.GetByLabel("Mật khẩu").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            try
            {
                // Home: the root, or the dashboard for a leader.
                await page.WaitForURLAsync(u => u == BaseUrl + "/" || u == BaseUrl + "/Dashboard", new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException)
            {
                var lines = Output.Split('\n');
                var details = $"sign-in of {user} (attempt {attempt}) stayed at {page.Url}\n--- page ---\n{await page.InnerTextAsync("body")}\n"
                    + $"--- server ---\n{string.Join('\n', lines.TakeLast(40))}";
                await File.WriteAllTextAsync(Path.Combine(Artifacts, $"sign-in-{user}-{DateTime.UtcNow:HHmmssfff}.txt"), details);
                if (attempt >= 2) throw new TimeoutException(details);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        Smtp?.Dispose();
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ParHubServer>;
