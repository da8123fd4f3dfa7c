using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ParHub.Core.Sipas;

namespace ParHub.Web.App.Commands;

/// <summary><c>sipas compute|sample</c>: the SIPAS satisfaction index and the survey's sample size; no database.</summary>
internal static class SipasCommands
{
    public static Command Create()
    {
        var file = CliArgs.Positional("TỆP.json", "bộ câu hỏi và các phiếu: {\"questionnaire\":{…},\"responses\":[…]}");
        var compute = new Command("compute", "tính Chỉ số hài lòng SIPAS (không dùng CSDL), in JSON theo từng cơ quan và toàn tỉnh") { file };
        compute.SetAction(p => Compute(p.GetValue(file), p.InvocationConfiguration.Output));

        var population = CliArgs.Value("--population", "N", "tổng thể: số người được phục vụ hoặc số hộ", needed: true);
        var error = CliArgs.Value("--error", "E", "sai số cho phép, lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05)", needed: true);
        var minimum = CliArgs.Value("--min", "M", "cỡ mẫu tối thiểu (mặc định 0)");
        var sample = new Command("sample", "cỡ mẫu khảo sát n = N / (1 + N·e²), làm tròn lên, không dưới tối thiểu, không quá N")
            { population, error, minimum };
        sample.SetAction(p => Sample(p.Require(population), p.Require(error), p.GetValue(minimum), p.InvocationConfiguration.Output));
        return new Command("sipas", "Chỉ số hài lòng SIPAS: tính chỉ số, cỡ mẫu") { compute, sample };
    }

    /// <summary><c>sipas compute FILE.json</c>: one object per agency (by code) and then the province's, shares unrounded.</summary>
    private static int Compute(string? fileArg, TextWriter output)
    {
        if (fileArg is null) throw new CliException("Dùng: ./parhub sipas compute TỆP.json");
        if (!File.Exists(fileArg)) throw new CliException($"Không tìm thấy tệp “{fileArg}”.");
        string json;
        try { json = File.ReadAllText(fileArg); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Không đọc được tệp “{fileArg}”: {e.Message}");
        }
        try
        {
            var input = SipasIndexJson.Parse(json);
            output.WriteLine(SipasIndexJson.Write(input.Questionnaire, SipasIndex.Compute(input.Questionnaire, input.Responses)));
            return 0;
        }
        catch (FormatException e) { throw new CliException(e.Message); }
    }

    /// <summary><c>sipas sample --population N --error E [--min M]</c>: <c>{"n": …}</c>.</summary>
    private static int Sample(string populationText, string errorText, string? minimumText, TextWriter output)
    {
        if (!long.TryParse(populationText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var population))
            throw new CliException($"--population phải là số nguyên, không phải “{populationText}”.");
        if (!decimal.TryParse(errorText.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var error))
            throw new CliException($"--error phải là một số (ví dụ 0.05), không phải “{errorText}”.");
        var minimum = 0;
        if (minimumText is not null && !int.TryParse(minimumText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out minimum))
            throw new CliException($"--min phải là số nguyên, không phải “{minimumText}”.");
        if (SampleSize.Problem(population, error, minimum) is { } problem) throw new CliException(problem);
        output.WriteLine(new JsonObject { ["n"] = SampleSize.Required((int)population, error, minimum) }.ToJsonString());
        return 0;
    }
}
