using System.CommandLine;
using System.CommandLine.Invocation;
using ParHub.Web.App.Commands;

namespace ParHub.Web.App;

/// <summary>
/// The <c>./parhub</c> command line (System.CommandLine). Without a command it serves the web application. JSON goes
/// to stdout, logs and messages to stderr; exit code 0 on success, 1 on a user error, 2 on bad usage. The commands
/// are wired in <c>App/Commands</c>, one class per group; each command's work calls the feature's use cases.
/// </summary>
public static class Cli
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>As <see cref="RunAsync(string[])"/>, with help and usage errors written to the given writers (tests).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build();
        // "@file" stays a file name (no response files); the host handles Ctrl+C itself.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        try
        {
            // Options the host reads (ASP.NET Core's command-line configuration) are no error for serve.
            if (ServeCommand.Serves(parse, args)) return await ServeCommand.ServeAsync(args is ["serve", ..] ? args[1..] : args);
            if (parse.Action is ParseErrorAction) return BadUsage(parse, error);
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = error,
            });
        }
        catch (CliException e)
        {
            error.WriteLine("Lỗi: " + e.Message);
            return 1;
        }
    }

    /// <summary>Every command, with <c>serve</c> also the root's own action.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(CliHelp.Title);
        ServeCommand.AddTo(root);
        root.Add(DbCommands.Create());
        root.Add(DemoCommand.Create());
        root.Add(UserCommands.Create());
        root.Add(AgencyCommands.Create());
        root.Add(PlanCommands.CreateTimeframe());
        root.Add(PlanCommands.Create());
        root.Add(ReportCommands.Create());
        root.Add(IndexCommands.CreateScoring());
        root.Add(IndexCommands.CreateFramework());
        root.Add(SipasCommands.Create());
        root.Add(TthcCommands.Create());
        root.Add(DigestCommand.Create());
        CliHelp.Configure(root);
        return root;
    }

    /// <summary>An unknown command or option, a missing sub-command: what was wrong and where help is; exit code 2.</summary>
    private static int BadUsage(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var message = parse.UnmatchedTokens.Count > 0
            ? $"Lệnh hoặc tham số không hợp lệ: {string.Join(' ', parse.UnmatchedTokens)}"
            : command.Subcommands.Count > 0 && command.Action is null
                ? $"Thiếu lệnh con của “{CliHelp.PathOf(command)}”: "
                    + $"{string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}."
                : string.Join(" ", parse.Errors.Select(e => e.Message));
        error.WriteLine($"Lỗi: {message}");
        error.WriteLine($"Xem: ./parhub {CliHelp.PathOf(command)}{(command is RootCommand ? "" : " ")}--help");
        return 2;
    }
}
