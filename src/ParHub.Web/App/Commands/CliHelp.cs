using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ParHub.Web.App.Commands;

/// <summary>
/// <c>--help</c> in Vietnamese: the root lists every command with its usage and a one-line description, a group
/// (<c>db --help</c>) its commands, a command its arguments and options.
/// </summary>
internal static class CliHelp
{
    public const string Title = "ParHub – hệ thống quản lý cải cách hành chính";

    private const string Footer = """
        Vai trò (ROLE): Admin, Coordinator, Leader, AgencyOfficer, Appraiser, Viewer
        Cấu hình: PARHUB_DATA_DIR (mặc định ./data), PARHUB_DB (chuỗi kết nối PostgreSQL; khi có thì dùng PostgreSQL).
        """;

    private const int Column = 37;

    public static void Configure(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Description = "hướng dẫn này (./parhub LỆNH --help: tùy chọn của một lệnh)";
        foreach (var version in root.Options.OfType<VersionOption>()) version.Description = "phiên bản";
        help.Action = new VietnameseHelp();

        // "./parhub help" as before: the root's help.
        var word = new Command("help", "hướng dẫn này") { Hidden = true };
        word.SetAction(p =>
        {
            Write(root, p.InvocationConfiguration.Output);
            return 0;
        });
        root.Add(word);
    }

    /// <summary>The words that lead to the command: <c>report form show</c> (empty for the root).</summary>
    public static string PathOf(Command command)
    {
        var words = new List<string>();
        for (Symbol? s = command; s is Command c and not RootCommand; s = c.Parents.FirstOrDefault()) words.Insert(0, c.Name);
        return string.Join(' ', words);
    }

    /// <summary>The help of the command that was given (<c>./parhub db --help</c>: the <c>db</c> group's).</summary>
    private sealed class VietnameseHelp : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return 0;
        }
    }

    private static void Write(Command command, TextWriter output)
    {
        output.WriteLine(command is RootCommand ? Title : Capitalized(command.Description));
        output.WriteLine();
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            output.WriteLine($"Cách dùng: ./parhub {(command is RootCommand ? "" : PathOf(command) + " ")}[lệnh] [tùy chọn]");
            output.WriteLine();
            output.WriteLine("Lệnh:");
            foreach (var leaf in Leaves(command)) Row(output, Usage(leaf), leaf.Description);
            if (command is RootCommand)
            {
                foreach (var o in command.Options.Where(o => o is HelpOption or VersionOption)) Row(output, o.Name, o.Description);
                output.WriteLine();
                output.WriteLine(Footer);
            }
            return;
        }
        output.WriteLine($"Cách dùng: ./parhub {Usage(command)}");
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        if (arguments.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Tham số:");
            foreach (var a in arguments) Row(output, a.Name, a.Description);
        }
        output.WriteLine();
        output.WriteLine("Tùy chọn:");
        foreach (var o in Options(command)) Row(output, o.ValueType == typeof(bool) ? o.Name : $"{o.Name} {o.HelpName}", o.Description);
        Row(output, "-h, --help", "hướng dẫn này");
    }

    /// <summary>Every command under this one that does something, in the order they were added.</summary>
    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Subcommands.Any(s => !s.Hidden) ? Leaves(c) : [c]);

    private static IEnumerable<Option> Options(Command command) =>
        command.Options.Where(o => o is not HelpOption and not VersionOption && !o.Hidden);

    /// <summary><c>users add --username U --password P --role ROLE [--agency MÃ]</c>: what must be given and what may.</summary>
    private static string Usage(Command command)
    {
        var parts = new List<string> { PathOf(command) };
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => CliArgs.IsNeeded(a) ? a.Name : $"[{a.Name}]"));
        foreach (var o in Options(command))
        {
            var text = o.ValueType == typeof(bool) ? o.Name : $"{o.Name} {o.HelpName}";
            parts.Add(CliArgs.IsNeeded(o) ? text : $"[{text}]");
        }
        return string.Join(' ', parts);
    }

    /// <summary>A two-column line; a long first column puts the description on the next line.</summary>
    private static void Row(TextWriter output, string first, string? description)
    {
        if (first.Length < Column) output.WriteLine($"  {first.PadRight(Column)}{description}");
        else
        {
            output.WriteLine($"  {first}");
            output.WriteLine($"  {new string(' ', Column)}{description}");
        }
    }

    private static string Capitalized(string? text) =>
        string.IsNullOrEmpty(text) ? "" : char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
}
