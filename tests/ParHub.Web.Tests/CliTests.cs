using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Web.App;
using ParHub.Web.App.Commands;
using ParHub.Web.Features.Account;
using ParHub.Web.Features.Admin.Users;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The command line's shape: <c>--help</c> lists every command, a group's help its commands, a wrong command or option
/// is refused with a message and exit code 2 (no stack trace), and only options or nothing at all mean “serve”.
/// </summary>
public sealed class CliTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static readonly TheoryData<string> Commands = new()
    {
        "serve", "db migrate", "db script", "demo", "users list", "users add", "users reset-password", "users lock", "users unlock",
        "users token", "agencies list", "timeframe", "plan extract", "plan import", "report periods", "report rates",
        "report form show", "report form add", "scoring compute", "framework extract", "framework import", "sipas compute", "sipas sample",
        "tthc compute", "tthc import", "tthc figures", "digest",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_lists_every_command_with_a_description(string command)
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        var lines = output.Replace("\r\n", "\n").Split('\n');
        var i = Array.FindIndex(lines, l => l == "  " + command || l.StartsWith("  " + command + " ", StringComparison.Ordinal));
        Assert.True(i >= 0, command);
        // The description follows the usage on the same line or, after a long usage, on the next one.
        var description = lines[i].Length > 39 ? lines[i][39..] : lines[i + 1];
        Assert.False(string.IsNullOrWhiteSpace(description), command);
    }

    [Fact]
    public async Task A_group_lists_its_commands_and_a_command_its_options()
    {
        var (code, output, _) = await RunAsync("db", "--help");
        Assert.Equal(0, code);
        Assert.Contains("  db migrate ", output);
        Assert.Contains("  db script ", output);
        Assert.DoesNotContain("users", output);

        (code, output, _) = await RunAsync("users", "add", "--help");
        Assert.Equal(0, code);
        Assert.Contains("./parhub users add --username U --password P --role ROLE [--agency MÃ]", output);
        Assert.Contains("--email EMAIL", output);

        (code, var help, _) = await RunAsync("help");
        Assert.Equal(0, code);
        Assert.Contains("framework import", help);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("users", "add", "--bogus", "x")]
    [InlineData("db", "migrate", "--force")]
    [InlineData("users")]
    [InlineData("report", "form")]
    public async Task A_wrong_command_or_option_is_refused_with_a_message_and_exit_code_2(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("Lỗi: ", error);
        Assert.Contains("--help", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_refusal_of_a_pure_command_is_exit_code_1()
    {
        var (code, _, error) = await RunAsync("plan", "extract", "/no/such/file.docx");
        Assert.Equal(1, code);
        Assert.Equal("Lỗi: Không tìm thấy tệp “/no/such/file.docx”.\n", error.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(true, "--urls", "http://127.0.0.1:5999")]
    [InlineData(true, "--urls=http://127.0.0.1:5999", "--environment", "Development")]
    [InlineData(true, "serve", "--urls", "http://127.0.0.1:5999", "--contentRoot", "x")]
    [InlineData(false, "--help")]
    [InlineData(false, "-h")]
    [InlineData(false, "--version")]
    [InlineData(false, "db", "migrate")]
    [InlineData(false, "bogus")]
    public void Nothing_or_only_options_or_serve_means_serving(bool serves, params string[] args)
    {
        var parse = Cli.Build().Parse(args);
        Assert.Equal(serves, ServeCommand.Serves(parse, args));
    }
}

/// <summary><c>users token</c>: a working API token for the user, audited, stored only as its hash.</summary>
public abstract class CreateApiTokenTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task A_token_created_for_a_user_signs_in_through_the_api_and_is_audited()
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().RunAsync("cchc", "thử CLI");
        Assert.StartsWith(ApiTokenHandler.TokenPrefix, created.Token);
        var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/v1/agencies")).StatusCode);
        var prefix = created.Token[..10];
        Assert.True(await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Prefix == prefix && t.Name == "thử CLI" && t.TokenHash != created.Token)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ApiToken" && a.EntityId == prefix)));
    }

    [Fact]
    public async Task An_unknown_user_gets_no_token()
    {
        using var scope = app.Services.CreateScope();
        var before = await app.WithDbAsync(db => db.ApiTokens.CountAsync());
        await Assert.ThrowsAsync<AccountException>(() => scope.ServiceProvider.GetRequiredService<CreateApiToken>().RunAsync("khongco", "x"));
        Assert.Equal(before, await app.WithDbAsync(db => db.ApiTokens.CountAsync()));
    }
}

public sealed class SqliteCreateApiTokenTests(SqliteFactory app) : CreateApiTokenTests<SqliteFactory>(app);
public sealed class PostgresCreateApiTokenTests(PostgresFactory app) : CreateApiTokenTests<PostgresFactory>(app);
