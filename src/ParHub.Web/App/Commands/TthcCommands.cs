using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Tthc;

namespace ParHub.Web.App.Commands;

/// <summary><c>tthc compute</c>: the dossier figures, rates and service index of a dossier CSV over a period; no database.</summary>
internal static class TthcCommands
{
    private const string Usage = "Dùng: ./parhub tthc compute HỒ_SƠ.csv --from YYYY-MM-DD --to YYYY-MM-DD";

    public static Command Create()
    {
        var file = CliArgs.Positional("HỒ_SƠ.csv", $"danh sách hồ sơ, tiêu đề: {DossierCsv.Header}");
        var from = CliArgs.Value("--from", "YYYY-MM-DD", "ngày đầu kỳ (tính cả ngày này)", needed: true);
        var to = CliArgs.Value("--to", "YYYY-MM-DD", "ngày cuối kỳ (tính cả ngày này)", needed: true);
        var compute = new Command("compute",
            "tính số liệu hồ sơ, các tỉ lệ và điểm chỉ số phục vụ (không dùng CSDL), in JSON theo từng cơ quan và toàn tỉnh") { file, from, to };
        compute.SetAction(p => Compute(p.GetValue(file), p.Require(from), p.Require(to), p.InvocationConfiguration.Output,
            p.InvocationConfiguration.Error));
        var importFile = CliArgs.Positional("HỒ_SƠ.csv", $"danh sách hồ sơ xuất từ hệ thống một cửa, tiêu đề: {DossierCsv.Header}");
        var leaveOut = new Option<bool>("--leave-out-bad") { Description = "bỏ qua các dòng lỗi và ghi các dòng hợp lệ" };
        var import = new Command("import", "nhập hồ sơ vào CSDL (theo mã hồ sơ: nhập lại thì cập nhật, không trùng), in JSON số mới/cập nhật/không đổi")
            { importFile, leaveOut };
        import.SetAction(p => ImportAsync(p.GetValue(importFile), p.GetValue(leaveOut), p.InvocationConfiguration.Output));
        var figuresFrom = CliArgs.Value("--from", "YYYY-MM-DD", "ngày đầu kỳ (tính cả ngày này)", needed: true);
        var figuresTo = CliArgs.Value("--to", "YYYY-MM-DD", "ngày cuối kỳ (tính cả ngày này)", needed: true);
        var figures = new Command("figures", "số liệu hồ sơ trong CSDL của kỳ, theo từng cơ quan và toàn tỉnh (JSON, kèm thời gian tính)")
            { figuresFrom, figuresTo };
        figures.SetAction(p => FiguresAsync(p.Require(figuresFrom), p.Require(figuresTo), p.InvocationConfiguration.Output));
        return new Command("tthc", "Thủ tục hành chính: số liệu hồ sơ và chỉ số phục vụ") { compute, import, figures };
    }

    /// <summary><c>tthc import FILE.csv</c>: as the import page applies it, in one transaction; a file with bad rows is refused unless told.</summary>
    private static Task<int> ImportAsync(string? fileArg, bool leaveOutBad, TextWriter output)
    {
        var path = CliArgs.ExistingFile(fileArg, "Dùng: ./parhub tthc import HỒ_SƠ.csv [--leave-out-bad]", $"Không tìm thấy tệp “{fileArg}”.");
        return CliHost.WithServicesAsync(initialize: true, async sp =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var written = await sp.GetRequiredService<Features.Tthc.ImportDossiers>().RunAsync(path, Path.GetFileName(path), leaveOutBad);
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    added = written.Added, updated = written.Updated, unchanged = written.Unchanged,
                    ms = clock.ElapsedMilliseconds
                }));
                return 0;
            }
            catch (Features.Tthc.DossierImportException e) { throw new CliException(e.Message); }
        });
    }

    /// <summary>
    /// <c>tthc figures --from --to</c>: the database's figures of the period (<see cref="Features.Tthc.TthcFigures"/>), and how long they took.
    /// </summary>
    private static Task<int> FiguresAsync(string fromText, string toText, TextWriter output)
    {
        var from = CliArgs.Date(fromText, "--from");
        var to = CliArgs.Date(toText, "--to");
        if (from > to) throw new CliException($"--from ({fromText}) phải không sau --to ({toText}).");
        return CliHost.WithServicesAsync(initialize: true, async sp =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (agencies, province) = await sp.GetRequiredService<Features.Tthc.TthcFigures>().ComputeAsync(from, to);
            var ms = clock.Elapsed.TotalMilliseconds;
            var rows = agencies.Append(province).Select(a => Result(a.Code, a.Tally, ServiceIndexConfig.Default)).ToArray();
            output.WriteLine(new JsonObject { ["ms"] = Math.Round(ms, 1), ["agencies"] = new JsonArray(rows) }.ToJsonString(Printed));
            return 0;
        });
    }

    /// <summary>
    /// <c>tthc compute FILE.csv --from D --to D</c>: one object per agency code of the file (ordinal order), then
    /// <c>"*"</c> with every dossier; figures of the default configuration, unrounded. Any bad row: every one on stderr, nothing on stdout.
    /// </summary>
    private static int Compute(string? fileArg, string fromText, string toText, TextWriter output, TextWriter error)
    {
        var path = CliArgs.ExistingFile(fileArg, Usage, $"Không tìm thấy tệp “{fileArg}”.");
        var from = CliArgs.Date(fromText, "--from");
        var to = CliArgs.Date(toText, "--to");
        if (from > to) throw new CliException($"--from ({fromText}) phải không sau --to ({toText}).");
        var agencies = new SortedDictionary<string, DossierTally>(StringComparer.Ordinal);
        var province = default(DossierTally);
        var bad = 0;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            foreach (var row in DossierCsv.Read(reader))
            {
                if (row.Dossier is not { } d)
                {
                    bad++;
                    error.WriteLine($"Dòng {row.Line}: {row.Problem}");
                    continue;
                }
                if (bad > 0) continue;
                var tally = DossierTally.Of(d, from, to);
                agencies[d.AgencyCode] = agencies.GetValueOrDefault(d.AgencyCode) + tally;
                province += tally;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Không đọc được tệp “{fileArg}”: {e.Message}");
        }
        if (bad > 0) throw new CliException($"Tệp có {bad} dòng lỗi; chưa tính. Sửa các dòng trên rồi chạy lại.");
        var config = ServiceIndexConfig.Default;
        var results = agencies.Select(a => Result(a.Key, a.Value, config)).Append(Result(ServiceIndex.Province, province, config));
        output.WriteLine(new JsonArray(results.ToArray()).ToJsonString(Printed));
        return 0;
    }

    private static JsonNode Result(string agency, DossierTally t, ServiceIndexConfig config)
    {
        var score = ServiceIndex.Score(t, config);
        var rates = new JsonObject();
        var points = new JsonObject();
        foreach (var indicator in config.Indicators)
        {
            rates[indicator.Code] = Plain(score.Rates[indicator.Code]);
            points[indicator.Code] = Plain(score.Points[indicator.Code]);
        }
        return new JsonObject
        {
            ["agency"] = agency,
            ["received"] = t.Received,
            ["carried"] = t.Carried,
            ["resolved"] = t.Resolved,
            ["resolvedOnTime"] = t.ResolvedOnTime,
            ["pending"] = t.Pending,
            ["pendingInTime"] = t.PendingInTime,
            ["late"] = t.Late,
            ["apologies"] = t.Apologies,
            ["rates"] = rates,
            ["points"] = points,
            ["total"] = Plain(score.Total),
            ["applicableMax"] = Plain(score.ApplicableMax),
            ["index"] = Plain(score.Index),
        };
    }

    /// <summary>The same value without trailing zeros (<c>4.00000000000000000000000000</c> → <c>4</c>): every significant digit kept.</summary>
    private static decimal? Plain(decimal? value) => value is { } v
        ? decimal.Parse(v.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : null;

    private static readonly JsonSerializerOptions Printed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
