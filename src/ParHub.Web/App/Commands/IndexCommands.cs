using System.CommandLine;
using ParHub.Core.Scoring;
using ParHub.Web.Features.ParIndex.Frameworks;

namespace ParHub.Web.App.Commands;

/// <summary><c>scoring compute</c> and <c>framework extract|import</c>: the PAR Index engine and its frameworks.</summary>
internal static class IndexCommands
{
    public static Command CreateScoring()
    {
        var file = CliArgs.Positional("TỆP.json", "bộ chỉ số và số liệu các cơ quan: {\"framework\":{…},\"agencies\":[…]}");
        var compute = new Command("compute", "tính điểm Chỉ số CCHC (không dùng CSDL), in JSON theo từng cơ quan") { file };
        compute.SetAction(p => Compute(p.GetValue(file)));
        return new Command("scoring", "Chỉ số CCHC: tính điểm") { compute };
    }

    public static Command CreateFramework()
    {
        var framework = new Command("framework", "bộ chỉ số: đọc bảng tiêu chí, lưu");
        var file = CliArgs.Positional("TỆP", "bảng tiêu chí (.docx, .xlsx, .txt, .md)");
        var json = CliArgs.Flag("--json", "in dạng JSON");
        var extract = new Command("extract", "đọc bảng tiêu chí của bộ chỉ số (.docx, .xlsx, .txt, .md) ra JSON") { file, json };
        extract.SetAction(p => Extract(p.GetValue(file), p.GetValue(json)));
        framework.Add(extract);

        var importFile = CliArgs.Positional("TỆP", "bộ chỉ số dạng JSON hoặc bảng có điểm tối đa");
        var year = CliArgs.Value("--year", "YYYY", "năm áp dụng", needed: true);
        var code = CliArgs.Value("--code", "MÃ", "mã bộ chỉ số");
        var group = CliArgs.Value("--group", "NHÓM", "nhóm cơ quan được chấm (mặc định SBN)");
        var title = CliArgs.Value("--title", "TÊN", "tên bộ chỉ số");
        var import = new Command("import", "lưu bộ chỉ số (JSON hoặc bảng có điểm tối đa) sau khi kiểm tra")
            { importFile, year, code, group, title };
        import.SetAction(p => CliHost.WithServicesAsync(initialize: true, sp => ImportAsync(sp, p.GetValue(importFile),
            () => CliArgs.Year(p.Require(year)), p.GetValue(code), p.GetValue(group) ?? "SBN", p.GetValue(title))));
        framework.Add(import);
        return framework;
    }

    /// <summary><c>scoring compute FILE.json</c>: the PAR Index engine alone, no database; a JSON array per agency.</summary>
    private static int Compute(string? fileArg)
    {
        var file = CliArgs.ExistingFile(fileArg, "Dùng: scoring compute TỆP.json", $"Không có tệp {fileArg}.");
        try
        {
            var (framework, agencies, ids) = ScoringJson.Parse(File.ReadAllText(file));
            Console.WriteLine(ScoringJson.Write(ScoringEngine.Compute(framework, agencies), ids));
            return 0;
        }
        catch (FormatException e) { throw new CliException(e.Message); }
    }

    /// <summary><c>framework extract FILE --json</c>: an index framework's table as <c>{"nodes":[{"code","title","parent","max"}]}</c>.</summary>
    private static int Extract(string? fileArg, bool json)
    {
        var file = CliArgs.ExistingFile(fileArg, "Dùng: framework extract TỆP --json", $"Không có tệp {fileArg}.");
        try
        {
            using var stream = File.OpenRead(file);
            var nodes = FrameworkFileReader.Read(file, stream);
            if (json) CliHost.PrintJson(new { nodes = nodes.Select(n => new { code = n.Code, title = n.Title, parent = n.Parent, max = n.Max }) });
            else foreach (var n in nodes) Console.WriteLine($"{n.Code ?? "·",-8} {n.Max?.ToString() ?? "",6}  {n.Title}");
            return 0;
        }
        catch (Shared.Office.UnreadableFileException e) { throw new CliException(e.Message); }
    }

    /// <summary>
    /// <c>framework import FILE --year Y [--code C] [--group G] [--title T]</c>: a framework from JSON (the
    /// <c>framework</c> object of <c>scoring compute</c>, or that object alone) or from a table (.docx, .xlsx, .txt, .md:
    /// criteria without children are scored <c>manual</c> out of the table's max points), validated, stored.
    /// </summary>
    private static async Task<int> ImportAsync(IServiceProvider sp, string? fileArg, Func<int> year, string? code, string group, string? title)
    {
        var file = CliArgs.ExistingFile(fileArg, "Dùng: framework import TỆP --year YYYY [--code MÃ] [--group NHÓM] [--title TÊN]",
            $"Không có tệp {fileArg}.");
        var y = year();
        Framework framework;
        try
        {
            using var stream = File.OpenRead(file);
            framework = FrameworkFileReader.ReadFramework(file, stream, code, title);
        }
        catch (FormatException e) { throw new CliException(e.Message); }
        catch (Shared.Office.UnreadableFileException e) { throw new CliException(e.Message); }
        var row = await AddFrameworkAsync(sp, framework, y, group);
        CliHost.PrintJson(new
        {
            id = row.Id, code = row.Code, year = row.Year, nodes = framework.Nodes.Count, scored = framework.Nodes.Count(n => n.Rule is not null),
        });
        return 0;
    }

    /// <summary>The one call into the PAR Index feature: stores a validated framework.</summary>
    private static async Task<IndexFramework> AddFrameworkAsync(IServiceProvider sp, Framework framework, int year, string group)
    {
        try { return await sp.GetRequiredService<AddFramework>().RunAsync(new AddFrameworkRequest(framework, year, group, Illustrative: false)); }
        catch (Features.ParIndex.IndexRuleException e) { throw new CliException(e.Message); }
    }
}
