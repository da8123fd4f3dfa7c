using System.Diagnostics;
using System.Text.Json.Nodes;
using ParHub.Web.App;

namespace ParHub.Web.Tests;

/// <summary>
/// <c>./parhub sipas compute FILE.json</c> and <c>./parhub sipas sample</c>: the output contract on a real file, and
/// bad input refused with a Vietnamese message on stderr and exit code 1, never a stack trace.
/// </summary>
public sealed class SipasCliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("parhub-sipas-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string FileWith(string json, string name = "survey.json")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>
    /// Two parts; SNV: q1 5, 4 → 100; q2 3, 0 → 0 of 1; q3 4 → 100 (the invalid form left out). SGD: q1 1 → 0; q2 4 → 100;
    /// q3 2.5, 9 → nothing counted.
    /// </summary>
    private static string Survey(string aggregation = "mean", int scale = 5) => $$$"""
        {"questionnaire":{"code":"SIPAS-2026","scale":{{{scale}}},"satisfiedFrom":4,"aggregation":"{{{aggregation}}}","parts":[
          {"code":"I","title":"Xây dựng, tổ chức thực hiện chính sách",
           "components":[{"code":"I.A","title":"Trách nhiệm giải trình","items":["1","2"]}]},
          {"code":"II","title":"Cung ứng dịch vụ hành chính công","components":[{"code":"II.A","title":"Tiếp cận dịch vụ","items":["3"]}]}]},
         "responses":[
          {"id":"p1","agency":"SNV","channel":"trực tiếp","answers":{"1":5,"2":3,"3":4}},
          {"id":"p2","agency":"SNV","channel":"bưu điện","answers":{"1":4,"2":0}},
          {"id":"p3","agency":"SNV","channel":"trực tuyến","valid":false,"answers":{"1":1,"2":1,"3":1}},
          {"id":"p4","agency":"SGD","channel":"trực tiếp","answers":{"1":1,"2":4,"3":2.5}},
          {"id":"p5","agency":"SGD","channel":"trực tiếp","answers":{"3":9}}]}
        """;

    private static decimal? Number(JsonNode? node) => node?.GetValue<decimal>();

    [Fact]
    public async Task Compute_prints_one_object_per_agency_by_code_then_the_province()
    {
        var (code, output, error) = await RunAsync("sipas", "compute", FileWith(Survey()));
        Assert.Equal((0, ""), (code, error));
        var results = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(["SGD", "SNV", "*"], results.Select(r => (string?)r!["agency"]));
        foreach (var r in results)
        {
            Assert.Equal(["agency", "n", "items", "components", "parts", "sipas"], r!.AsObject().Select(p => p.Key));
            Assert.Equal(["1", "2", "3"], r["items"]!.AsObject().Select(p => p.Key));
            Assert.Equal(["I.A", "II.A"], r["components"]!.AsObject().Select(p => p.Key));
            Assert.Equal(["I", "II"], r["parts"]!.AsObject().Select(p => p.Key));
        }
        var (sgd, snv, province) = (results[0]!, results[1]!, results[2]!);
        Assert.Equal((2, 2, 4), ((int)sgd["n"]!, (int)snv["n"]!, (int)province["n"]!));
        Assert.Equal(0m, Number(sgd["items"]!["1"]));
        Assert.Null(sgd["items"]!["3"]);
        Assert.Null(sgd["parts"]!["II"]);
        Assert.Equal(50m, Number(sgd["sipas"]));            // I = (0 + 100) / 2; II has nothing
        Assert.Equal(75m, Number(snv["sipas"]));            // I = (100 + 0) / 2, II = 100
        Assert.Equal(200m / 3, Number(province["items"]!["1"])); // 2 of 3, unrounded
        Assert.StartsWith("66.666666", province["items"]!["1"]!.ToJsonString());
        Assert.Equal(50m, Number(province["items"]!["2"]));  // 1 of 2
        Assert.Equal(100m, Number(province["parts"]!["II"]));
    }

    [Fact]
    public async Task Compute_pools_answers_when_the_questionnaire_says_pooled()
    {
        var (code, output, _) = await RunAsync("sipas", "compute", FileWith(Survey("pooled")));
        Assert.Equal(0, code);
        var snv = JsonNode.Parse(output)!.AsArray()[1]!;
        Assert.Equal(200m / 3, Number(snv["parts"]!["I"])); // (2 + 0) of (2 + 1)
        Assert.Equal(75m, Number(snv["sipas"]));           // 3 of 4
    }

    [Fact]
    public async Task The_real_program_prints_the_same_and_refuses_with_exit_code_1_without_a_stack_trace()
    {
        var file = FileWith(Survey());
        var (code, output, error) = await ProgramAsync("sipas", "compute", file);
        Assert.Equal((0, ""), (code, error));
        Assert.Equal((await RunAsync("sipas", "compute", file)).Out, output);

        (code, output, error) = await ProgramAsync("sipas", "compute", FileWith("{\"questionnaire\":", "broken.json"));
        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("Lỗi: JSON không hợp lệ", error);
        Assert.DoesNotContain("   at ", error);

        (code, output, _) = await ProgramAsync("sipas", "sample", "--population", "10000", "--error", "0.05");
        Assert.Equal((0, "{\"n\":385}"), (code, output.Trim()));
    }

    /// <summary>The built ParHub program (what <c>./parhub</c> runs) as a process of its own.</summary>
    private static async Task<(int Code, string Out, string Err)> ProgramAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParHub.Web.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("10000", "0.05", null, 385)]
    [InlineData("10000", "0,05", null, 385)]
    [InlineData("10000", "0.05", "500", 500)]
    [InlineData("120", "0.05", "150", 120)]
    [InlineData("0", "0.05", null, 0)]
    public async Task Sample_prints_the_sample_size(string population, string error, string? minimum, int n)
    {
        string[] args = minimum is null
            ? ["sipas", "sample", "--population", population, "--error", error]
            : ["sipas", "sample", "--population", population, "--error", error, "--min", minimum];
        var (code, output, stderr) = await RunAsync(args);
        Assert.Equal((0, ""), (code, stderr));
        Assert.Equal(n, (int)JsonNode.Parse(output)!["n"]!);
        Assert.Equal($"{{\"n\":{n}}}", output.Trim());
    }

    public static readonly TheoryData<string, string> BadSurveys = new()
    {
        { "{\"questionnaire\":{", "Lỗi: JSON không hợp lệ" },
        { Survey("median"), "Lỗi: Cách tổng hợp \"median\" không có (mean, pooled)." },
        { Survey(scale: 1), "Lỗi: Thang đo (scale) phải có ít nhất 2 mức, không phải 1." },
        { "{\"questionnaire\":{\"scale\":5},\"responses\":[{\"agency\":\"A\",\"answers\":{\"1\":\"bốn\"}}]}",
            "Lỗi: responses[0] (phiếu 1), câu 1: câu trả lời phải là một số hoặc null." },
    };

    [Theory]
    [MemberData(nameof(BadSurveys))]
    public async Task Compute_refuses_bad_input_in_Vietnamese(string json, string message)
    {
        var (code, output, error) = await RunAsync("sipas", "compute", FileWith(json));
        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Compute_refuses_a_missing_file_and_no_file()
    {
        var (code, _, error) = await RunAsync("sipas", "compute", "/no/such/survey.json");
        Assert.Equal((1, "Lỗi: Không tìm thấy tệp “/no/such/survey.json”.\n"), (code, error.Replace("\r\n", "\n")));
        (code, _, error) = await RunAsync("sipas", "compute");
        Assert.Equal((1, "Lỗi: Dùng: ./parhub sipas compute TỆP.json\n"), (code, error.Replace("\r\n", "\n")));
    }

    [Theory]
    [InlineData("100", "0", "Lỗi: Sai số (e) phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05), không phải 0.")]
    [InlineData("100", "1", "Lỗi: Sai số (e) phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05), không phải 1.")]
    [InlineData("100", "1.5", "Lỗi: Sai số (e) phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05), không phải 1.5.")]
    [InlineData("100", "năm phần trăm", "Lỗi: --error phải là một số (ví dụ 0.05), không phải “năm phần trăm”.")]
    [InlineData("-5", "0.05", "Lỗi: Tổng thể (N) không được âm, không phải -5.")]
    [InlineData("mười nghìn", "0.05", "Lỗi: --population phải là số nguyên, không phải “mười nghìn”.")]
    public async Task Sample_refuses_bad_input_in_Vietnamese(string population, string error, string message)
    {
        var (code, output, stderr) = await RunAsync("sipas", "sample", "--population", population, "--error", error);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal(message, stderr.Trim());
    }

    [Fact]
    public async Task Sample_needs_the_population_and_the_error()
    {
        var (code, _, error) = await RunAsync("sipas", "sample", "--error", "0.05");
        Assert.Equal((1, "Lỗi: Thiếu tham số --population."), (code, error.Trim()));
        (code, _, error) = await RunAsync("sipas", "sample", "--population", "100");
        Assert.Equal((1, "Lỗi: Thiếu tham số --error."), (code, error.Trim()));
    }

    [Fact]
    public async Task Help_shows_both_commands()
    {
        var (code, output, _) = await RunAsync("sipas", "--help");
        Assert.Equal(0, code);
        Assert.Contains("  sipas compute TỆP.json", output);
        Assert.Contains("  sipas sample --population N --error E [--min M]", output);
    }
}
