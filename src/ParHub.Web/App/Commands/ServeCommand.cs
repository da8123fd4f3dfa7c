using System.CommandLine;

namespace ParHub.Web.App.Commands;

/// <summary>
/// <c>serve [--urls URL]</c>, also what <c>./parhub</c> does with no command or with only options: the web application.
/// Options other than <c>--urls</c> go to the host as they are (ASP.NET Core's command-line configuration).
/// </summary>
internal static class ServeCommand
{
    public static void AddTo(RootCommand root)
    {
        var serve = new Command("serve", $"chạy ứng dụng web (mặc định, {ParHubApp.DefaultUrl})") { Urls() };
        root.Add(serve);
        root.Add(Urls());
    }

    /// <summary>
    /// No command, only options (<c>./parhub --urls …</c>), or <c>serve …</c>: the web application, whatever the
    /// options; <c>--help</c> and <c>--version</c> keep their meaning.
    /// </summary>
    public static bool Serves(ParseResult parse, string[] args) =>
        !parse.RootCommandResult.Command.Options.Any(o => o.Action is not null && ReferenceEquals(o.Action, parse.Action))
        && (parse.CommandResult.Command.Name == "serve" || (parse.CommandResult.Command is RootCommand && (args.Length == 0 || args[0].StartsWith('-'))));

    private static Option<string?> Urls() => CliArgs.Value("--urls", "URL", $"địa chỉ lắng nghe (mặc định {ParHubApp.DefaultUrl})");

    public static async Task<int> ServeAsync(string[] args)
    {
        var hasUrls = args.Any(a => a == "--urls" || a.StartsWith("--urls=", StringComparison.Ordinal))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
        var app = ParHubApp.Build(hasUrls ? args : [.. args, "--urls", ParHubApp.DefaultUrl]);
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.Error.WriteLine($"ParHub đang chạy tại {string.Join(", ", app.Urls)} (Ctrl+C để dừng)"));
        await app.RunAsync();
        return 0;
    }
}
