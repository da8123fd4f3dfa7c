using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Plans;
using ParHub.Web.Features.Plans;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

if (args.FirstOrDefault() == "raw-submit") return await RawSubmit.RunAsync(args);
if (args.FirstOrDefault() == "raw-copy-dossiers") return await RawDossierCopy.RunAsync(args);
BenchmarkSwitcher.FromTypes([typeof(PlanBenchmarks), typeof(ReportBenchmarks), typeof(ScoringBenchmarks)]).RunAll(args: args);
return 0;

/// <summary>
/// Pure-code speed: reading a 200-task plan DOCX (goal &lt; 1 s), parsing time-frame phrases, resolving agency phrases.
/// Run: <c>dotnet run -c Release --project bench/ParHub.Bench -- --job short --inProcess</c> (in-process: the generated
/// out-of-process project cannot reference ASP.NET Core from the package mirror).
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private byte[] docx = [];
    private string[] phrases = [];
    private ParHub.Core.Agencies.AgencyPhraseResolver resolver = null!;

    [GlobalSetup]
    public void Setup()
    {
        docx = Build200TaskDocx();
        phrases = ["Quý I/2018", "Tháng 12/2017 và thực hiện cả năm 2018", "Từ tháng 5/2017 đến hết Quý III/2018",
            "trước ngày 31 tháng 12 năm 2026",
            "Thường xuyên", "Theo Kế hoạch cụ thể của Bộ Nội vụ",
                "Quý I: Trước ngày 21/3; 6 tháng: Trước ngày 21/6; Quý III: Trước ngày 21/9; Năm: Trước ngày 21/12"];
        resolver = new ParHub.Core.Agencies.AgencyPhraseResolver(ParHub.Web.Features.Demo.DemoProvince.DirectoryEntries());
    }

    [Benchmark(Description = "Read a 200-task plan DOCX")]
    public int ReadDocx() => PlanFileReader.Read("plan.docx", new MemoryStream(docx), 2024).Tasks.Count;

    [Benchmark(Description = "Parse 7 time-frame phrases")]
    public int ParsePhrases()
    {
        var n = 0;
        foreach (var p in phrases) n += TimeframeParser.Parse(p, new TimeframeContext(2018)).Dues.Count;
        return n;
    }

    [Benchmark(Description = "Resolve an agency phrase")]
    public int Resolve() =>
        resolver.Resolve("Sở Nội vụ, Sở Tài chính, Sở TNMT; Sở KH&ĐT, UBND các quận, huyện và các cơ quan, đơn vị liên quan").Count;

    private static byte[] Build200TaskDocx()
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(P("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"), P("Số: 1234/QĐ-UBND"), P("Hải Phòng, ngày 20 tháng 12 năm 2023"),
                P("QUYẾT ĐỊNH"), P("Ban hành Kế hoạch cải cách hành chính năm 2024"));
            var table = new Table();
            table.Append(Row("STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện"));
            string[] leads = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Văn phòng UBND thành phố", "Sở Khoa học và Công nghệ"];
            string[] frames = ["Quý I/2024", "Tháng 6/2024", "Cả năm 2024", "Trước ngày 30/9/2024", "Thường xuyên"];
            for (var i = 1; i <= 200; i++)
            {
                if (i % 40 == 1) table.Append(Row($"Lĩnh vực {i / 40 + 1}"));
                table.Append(Row(i.ToString(), $"Nhiệm vụ thử số {i}: rà soát, đơn giản hóa thủ tục hành chính", leads[i % leads.Length],
                    "Các sở, ban, ngành; UBND các quận, huyện", "Báo cáo", frames[i % frames.Length]));
            }
            body.Append(table);
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }

    private static Paragraph P(string text) => new(new Run(new Text(text)));
    private static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(P(c))));
}

/// <summary>
/// Aggregating one period in memory: 250 agencies × 60 indicators (numerators and denominators summed, derived rates
/// computed from the sums), and checking one complete report against the form's rules.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private ParHub.Core.Reports.ReportForm form = null!;
    private readonly List<IReadOnlyDictionary<string, ParHub.Core.Reports.FieldValue>> reports = [];

    [GlobalSetup]
    public void Setup()
    {
        var preset = ParHub.Core.Reports.ReportForm.CchcPeriodic;
        var extra = Enumerable.Range(1, 60 - preset.Fields.Count(f => f.IsNumeric))
            .Select(i => new ParHub.Core.Reports.FormField($"extra_{i}", $"Chỉ tiêu bổ sung {i}",
                i % 3 == 0 ? ParHub.Core.Reports.FieldKind.Rate : ParHub.Core.Reports.FieldKind.Count)).ToList();
        form = preset with { Sections = [.. preset.Sections, new ParHub.Core.Reports.FormSection("X", "Bổ sung", extra)] };
        var rng = new Random(1);
        var reporter = new ParHub.Web.Features.Reports.ExpectedReporter(1, "Sở", ParHub.Core.Agencies.AgencyKind.Department, "SBN", "Sở");
        var period = new ParHub.Core.Reports.ReportingPeriod("2025-Q3", "Quý III/2025", ParHub.Core.Reports.PeriodKind.Q3, 2025, null, null, null);
        for (var a = 0; a < 250; a++)
        {
            var v = ParHub.Web.Features.Demo.DemoReports.Values(preset, reporter, period, rng);
            foreach (var f in extra) v[f.Code] = f.Kind == ParHub.Core.Reports.FieldKind.Rate ? new(rng.Next(0, 10), 10) : new(rng.Next(0, 100));
            reports.Add(v);
        }
    }

    [Benchmark(Description = "Aggregate 250 agencies × 60 indicators")]
    public int Aggregate() => ParHub.Core.Reports.ReportAggregator.Sum(form, reports).Count;

    [Benchmark(Description = "Validate one complete report")]
    public int Validate() => ParHub.Core.Reports.ReportCheck.Validate(form, reports[0], complete: true).Count;
}

/// <summary>Recomputing a PAR Index cycle: 250 agencies × 120 criteria of every rule, exemptions and appraisals (goal &lt; 500 ms).</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ParHub.Core.Scoring.Framework framework = null!;
    private readonly List<ParHub.Core.Scoring.AgencyScoring> agencies = [];

    [GlobalSetup]
    public void Setup()
    {
        var rules = ParHub.Core.Scoring.IndexPresets.DemoDepartments(2026).Nodes.Where(n => n.Rule is not null).Select(n => n.Rule!).ToArray();
        var nodes = new List<ParHub.Core.Scoring.FrameworkNode>();
        for (var field = 1; field <= 8; field++)
        {
            nodes.Add(new($"{field}", $"Lĩnh vực {field}", 15 * 2));
            for (var c = 1; c <= 15; c++) nodes.Add(new($"{field}.{c}", $"Tiêu chí {field}.{c}", 2, rules[(field * 15 + c) % rules.Length]));
        }
        framework = new("B", "Bench", [new("Tốt", 90), new("Khá", 80), new("Trung bình", 65), new("Yếu", 0)], 3, 5, nodes);
        var rng = new Random(3);
        for (var a = 0; a < 250; a++)
        {
            var inputs = nodes.Where(n => n.Rule is not null).ToDictionary(n => n.Code, n => n.Rule!.Type switch
            {
                "binary" => ParHub.Core.Scoring.ScoreInput.Yes(rng.Next(2) == 1),
                "options" => ParHub.Core.Scoring.ScoreInput.Named(n.Rule.Options!.Keys.First()),
                "rate-bands" or "proportional" => ParHub.Core.Scoring.ScoreInput.Rate(rng.Next(0, 101), 100),
                _ => ParHub.Core.Scoring.ScoreInput.Of(rng.Next(0, 100)),
            });
            agencies.Add(new($"a{a}", null, a % 3 == 0 ? "XA" : "SBN", inputs, Exempt: a % 7 == 0 ? ["3.2"] : null,
                Appraised: a % 5 == 0 ? new Dictionary<string, decimal> { ["1.1"] = 1 } : null, Bonus: a % 4, Penalty: a % 2));
        }
    }

    [Benchmark(Description = "Recompute 250 agencies × 120 criteria (points, index, bands, ranks)")]
    public int Compute() => ParHub.Core.Scoring.ScoringEngine.Compute(framework, agencies).Count;
}
