using System.CommandLine;
using System.Text.Json;
using ParHub.Core.Plans;
using ParHub.Web.Features.Plans;

namespace ParHub.Web.App.Commands;

/// <summary><c>timeframe</c> and <c>plan extract|import</c>: plans and their time frames.</summary>
internal static class PlanCommands
{
    public static Command CreateTimeframe()
    {
        var phrase = CliArgs.Positional("\"cụm từ\"", "thời hạn như trong kế hoạch (\"Quý I/2018\", \"Trước ngày 30/6\"…)", needed: false);
        var year = CliArgs.Value("--year", "YYYY", "năm của kế hoạch (mặc định năm nay)");
        var period = CliArgs.Value("--period", "YYYY-YYYY", "giai đoạn của kế hoạch");
        var stdin = CliArgs.Flag("--stdin", "đọc từng dòng \"NĂM<TAB>cụm từ\", in mỗi dòng một JSON");
        var timeframe = new Command("timeframe", "đọc thời hạn (\"Quý I/2018\", \"Trước ngày 30/6\"…) ra JSON; --stdin: từng dòng")
        {
            phrase, year, period, stdin,
        };
        timeframe.SetAction(p => p.GetValue(stdin) ? TimeframeLines() : Timeframe(p.GetValue(phrase), p.GetValue(year), p.GetValue(period)));
        return timeframe;
    }

    public static Command Create()
    {
        var plan = new Command("plan", "kế hoạch: đọc, nhập");
        var file = CliArgs.Positional("TỆP", "kế hoạch (.docx, .xlsx, .txt, .md)");
        var year = CliArgs.Value("--year", "YYYY", "năm của kế hoạch");
        var extract = new Command("extract", "đọc kế hoạch (.docx, .xlsx, .txt, .md) ra JSON, không ghi CSDL") { file, year };
        extract.SetAction(p => Extract(p.GetValue(file), p.GetValue(year)));
        plan.Add(extract);

        var importFile = CliArgs.Positional("TỆP", "kế hoạch (.docx, .xlsx, .txt, .md)");
        var importYear = CliArgs.Value("--year", "YYYY", "năm của kế hoạch");
        var keep = CliArgs.Flag("--keep-unassigned", "nhập cả nhiệm vụ chưa có cơ quan chủ trì trong danh mục (ghi là chưa giao)");
        var import = new Command("import", "nhập kế hoạch vào CSDL (nhập lại thì cập nhật, không nhân đôi)")
        {
            importFile, importYear, keep,
        };
        import.SetAction(p => CliHost.WithServicesAsync(initialize: true,
            sp => ImportAsync(sp, p.GetValue(importFile), p.GetValue(importYear), p.GetValue(keep))));
        plan.Add(import);
        return plan;
    }

    /// <summary><c>timeframe "phrase" [--year YYYY | --period YYYY-YYYY]</c>: one JSON object. Pure: no database.</summary>
    private static int Timeframe(string? phrase, string? year, string? period)
    {
        if (phrase is null) throw new CliException("Dùng: ./parhub timeframe \"cụm từ\" [--year YYYY] | --stdin");
        var context = period is not null ? TimeframeContext.Parse(period)
            : new TimeframeContext(year is not null && int.TryParse(year, out var y) ? y : VietnamTime.Today(TimeProvider.System).Year);
        CliHost.PrintJson(TimeframeJson.From(TimeframeParser.Parse(phrase, context)));
        return 0;
    }

    /// <summary><c>timeframe --stdin</c>: lines "YYYY&lt;TAB&gt;phrase" (or "YYYY-YYYY&lt;TAB&gt;phrase"), one JSON object per line.</summary>
    private static int TimeframeLines()
    {
        var jsonLine = new JsonSerializerOptions(Json.Options) { WriteIndented = false };
        string? line;
        var n = 0;
        while ((line = Console.In.ReadLine()) is not null)
        {
            n++;
            if (line.Length == 0) continue;
            var tab = line.IndexOf('\t');
            if (tab < 0) throw new CliException($"Dòng {n}: cần dạng NĂM<TAB>cụm từ.");
            TimeframeContext ctx;
            try { ctx = TimeframeContext.Parse(line[..tab]); }
            catch (FormatException) { throw new CliException($"Dòng {n}: “{line[..tab]}” không phải năm (YYYY) hay giai đoạn (YYYY-YYYY)."); }
            var t = TimeframeParser.Parse(line[(tab + 1)..], ctx);
            Console.WriteLine(JsonSerializer.Serialize(TimeframeJson.From(t), jsonLine));
        }
        return 0;
    }

    /// <summary>The FILE and --year of <c>plan extract|import</c>, the file read into a draft; errors in Vietnamese.</summary>
    private static (string File, int? Year, PlanDraft Draft) ReadPlanFile(string? file, string? yearText, string verb)
    {
        if (file is null) throw new CliException($"Dùng: ./parhub plan {verb} TỆP [--year YYYY]");
        int? year = yearText is { } y ? CliArgs.Year(y) : null;
        if (!File.Exists(file)) throw new CliException($"Không tìm thấy tệp “{file}”.");
        if (new FileInfo(file).Length > PlanFileReader.MaxBytes) throw new CliException("Tệp vượt quá 20 MB.");
        try
        {
            using var stream = File.OpenRead(file);
            return (file, year, PlanFileReader.Read(file, stream, year));
        }
        catch (Shared.Office.UnreadableFileException e) { throw new CliException(e.Message); }
    }

    /// <summary><c>plan extract FILE [--year YYYY]</c>: the plan, its targets and tasks as JSON; no database.</summary>
    private static int Extract(string? file, string? yearText)
    {
        var (_, year, draft) = ReadPlanFile(file, yearText, "extract");
        var resolver = new Core.Agencies.AgencyPhraseResolver(Features.Demo.DemoProvince.DirectoryEntries());
        CliHost.PrintJson(PlanExtractJson.From(draft, resolver, year));
        return 0;
    }

    /// <summary><c>plan import FILE [--year YYYY] [--keep-unassigned]</c>: stores the plan (same rules as the web import) and prints a summary.</summary>
    private static async Task<int> ImportAsync(IServiceProvider sp, string? fileArg, string? yearText, bool keepUnassigned)
    {
        var (file, year, draft) = ReadPlanFile(fileArg, yearText, "import");
        if (draft.Tasks.Count == 0) throw new CliException(string.Join(" ", draft.Warnings));
        var importer = sp.GetRequiredService<PlanImporter>();
        var (plan, rows) = PlanImporter.FromDraft(draft, year, Path.GetFileName(file));
        foreach (var r in rows) r.KeepUnassigned = keepUnassigned;
        var preview = await importer.CheckAsync(plan, rows);
        if (!preview.CanApply)
            throw new CliException(string.Join(" ", preview.Errors.Append(preview.BlockedMessage?.Replace("rồi bấm “Kiểm tra lại”",
                "trong tệp, hoặc chạy lại với --keep-unassigned") ?? "")).Trim());
        var result = await importer.ApplyAsync(preview);
        CliHost.PrintJson(new
        {
            result.PlanId, result.Created, result.TasksAdded, result.TasksUpdated, result.TasksRemoved, result.Flagged,
            flags = preview.Rows.Where(r => r.Flags.Count > 0).Select(r => new { no = r.Row.No, r.Flags }),
        });
        return 0;
    }
}
