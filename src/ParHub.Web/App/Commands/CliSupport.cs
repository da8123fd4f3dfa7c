using System.CommandLine;
using System.Text.Json;

namespace ParHub.Web.App.Commands;

/// <summary>An expected refusal of a command: printed as “Lỗi: …” on stderr, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>Options and arguments as the commands declare them, and reading them back.</summary>
internal static class CliArgs
{
    private static readonly HashSet<Symbol> Needed = [];

    /// <summary><c>--name VALUE</c> (also <c>--name=VALUE</c>). A needed one is checked by the command, with its message.</summary>
    public static Option<string?> Value(string name, string valueName, string description, bool needed = false)
    {
        var option = new Option<string?>(name) { HelpName = valueName, Description = description };
        if (needed) lock (Needed) Needed.Add(option);
        return option;
    }

    /// <summary>A flag: <c>--json</c>.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A positional value, optional for the parser (the command says what is missing).</summary>
    public static Argument<string?> Positional(string name, string description, bool needed = true)
    {
        var argument = new Argument<string?>(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };
        if (needed) lock (Needed) Needed.Add(argument);
        return argument;
    }

    public static bool IsNeeded(Symbol symbol)
    {
        lock (Needed) return Needed.Contains(symbol);
    }

    /// <summary>The option's value, or the refusal “Thiếu tham số --name.”.</summary>
    public static string Require(this ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) ?? throw new CliException($"Thiếu tham số {option.Name}.");

    /// <summary>A year given as YYYY, or the refusal “--year phải là năm (YYYY).”.</summary>
    public static int Year(string value) =>
        int.TryParse(value, out var year) ? year : throw new CliException("--year phải là năm (YYYY).");

    /// <summary>A date given as YYYY-MM-DD.</summary>
    public static DateOnly Date(string value, string option) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", out var day) ? day : throw new CliException($"{option} phải là ngày (YYYY-MM-DD).");

    /// <summary>A file that must exist.</summary>
    public static string ExistingFile(string? file, string usage, string missing)
    {
        if (file is null) throw new CliException(usage);
        return File.Exists(file) ? file : throw new CliException(missing);
    }
}

/// <summary>Running a command's work with the application's services, and printing its result.</summary>
internal static class CliHost
{
    /// <summary>
    /// The application's services in one scope (no web server). <paramref name="initialize"/>: migrate and seed as
    /// the first start of the server does (the database commands themselves do not).
    /// </summary>
    public static async Task<int> WithServicesAsync(bool initialize, Func<IServiceProvider, Task<int>> run)
    {
        var builder = ParHubApp.CreateBuilder([]);
        var app = builder.Build();
        using var scope = app.Services.CreateScope();
        if (initialize) await StartupTasks.InitializeAsync(scope.ServiceProvider, app.Configuration);
        return await run(scope.ServiceProvider);
    }

    /// <summary>One JSON document on stdout (camelCase, Vietnamese letters as they are, indented as configured).</summary>
    public static void PrintJson<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Json.Options));
}
