using System.CommandLine;
using System.Text.Json;
using ParHub.Core.Reports;
using ParHub.Core.Time;
using ParHub.Web.Features.Reports;

namespace ParHub.Web.App.Commands;

/// <summary><c>report periods|rates|form show|form add</c>: reporting regimes, their periods, rates and forms.</summary>
internal static class ReportCommands
{
    public static Command Create()
    {
        var report = new Command("report", "báo cáo: kỳ báo cáo, tình hình nộp, mẫu báo cáo");

        Option<string?> regime = Regime(), year = CliArgs.Value("--year", "YYYY", "năm", needed: true);
        var periods = new Command("periods", "kỳ báo cáo, hạn nộp và thời gian chốt số liệu (cv581, haiphong-2018, hanoi-2019)")
        {
            regime, year, Json(),
        };
        periods.SetAction(p => Periods(p.Require(regime), p.Require(year)));
        report.Add(periods);

        Option<string?> ratesRegime = Regime(), period = CliArgs.Value("--period", "CODE", "kỳ báo cáo (ví dụ 2026-Q1)", needed: true);
        var asOf = CliArgs.Value("--as-of", "YYYY-MM-DD", "tính đến ngày (mặc định hôm nay)");
        var json = Json();
        var rates =
            new Command("rates", "tình hình nộp báo cáo của kỳ: phải nộp, đúng hạn, muộn, chưa nộp") { ratesRegime, period, asOf, json };
        rates.SetAction(p => CliHost.WithServicesAsync(initialize: true, sp =>
            RatesAsync(sp, p.Require(ratesRegime), p.Require(period), p.GetValue(asOf), p.GetValue(json))));
        report.Add(rates);

        var key = CliArgs.Positional("KEY", $"khóa của mẫu (mặc định {ReportForm.CchcKey})", needed: false);
        var show = new Command("show", "xem mẫu báo cáo (JSON, phiên bản mới nhất)") { key };
        show.SetAction(p => CliHost.WithServicesAsync(initialize: true, sp => ShowFormAsync(sp, p.GetValue(key) ?? ReportForm.CchcKey)));
        var file = CliArgs.Positional("TỆP.json", "mẫu báo cáo dạng JSON (như report form show in ra)");
        var add = new Command("add", "thêm phiên bản mới của mẫu báo cáo (báo cáo đã lập giữ mẫu cũ)") { file };
        add.SetAction(p => CliHost.WithServicesAsync(initialize: true, sp => AddFormAsync(sp, p.GetValue(file))));
        report.Add(new Command("form", "mẫu báo cáo: xem, thêm phiên bản") { show, add });
        return report;
    }

    private static Option<string?> Regime() => CliArgs.Value("--regime", "KEY", "chế độ báo cáo", needed: true);
    private static Option<bool> Json() => CliArgs.Flag("--json", "in dạng JSON");

    private static int Periods(string key, string yearText)
    {
        var regime = ReportRegime.Find(key)
            ?? throw new CliException($"Không có chế độ báo cáo “{key}”. Có: {string.Join(", ", ReportRegime.Presets.Select(r => r.Key))}.");
        var year = int.TryParse(yearText, out var yy) && yy is >= 1990 and <= 2100 ? yy : throw new CliException("--year phải là năm (YYYY).");
        CliHost.PrintJson(regime.Periods(year).Select(p => new
        {
            period = p.Code, label = p.Label, due = Features.Plans.TimeframeJson.Iso(p.Due),
            cutoffFrom = Features.Plans.TimeframeJson.Iso(p.CutoffFrom), cutoffTo = Features.Plans.TimeframeJson.Iso(p.CutoffTo),
        }));
        return 0;
    }

    private static async Task<int> RatesAsync(IServiceProvider sp, string regimeKey, string periodCode, string? asOfText, bool json)
    {
        var setup = sp.GetRequiredService<ReportSetup>();
        await setup.EnsurePresetsAsync();
        var regime = await setup.RegimeAsync(regimeKey) ?? throw new CliException($"Không có chế độ báo cáo “{regimeKey}”.");
        var period = regime.Period(periodCode)
            ?? throw new CliException(
                $"Kỳ “{periodCode}” không thuộc chế độ {regime.Setting.Key} (ví dụ {regime.Regime.Periods(2024)[0].Code}).");
        var asOf = asOfText is { } d ? CliArgs.Date(d, "--as-of") : VietnamTime.Today(sp.GetRequiredService<TimeProvider>());
        var view = await sp.GetRequiredService<ReportQueries>().RatesAsync(regime, period, asOf);
        if (json) CliHost.PrintJson(ReportApi.ToDto(view));
        else
        {
            var t = view.Totals;
            Console.WriteLine($"{period.Label}: phải nộp {t.Expected}, đã nộp {t.Submitted}, đúng hạn {t.OnTime}, muộn {t.Late}, "
                + $"chưa nộp {t.Missing + t.NotYetDue}");
            foreach (var r in view.Rows) Console.WriteLine($"  {ReportingRates.Label(r.State),-24} {r.Agency.Name}");
        }
        return 0;
    }

    private static readonly JsonSerializerOptions IndentedFormJson = new(ReportSetup.FormJson)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><c>report form show KEY</c>: the newest version as JSON.</summary>
    private static async Task<int> ShowFormAsync(IServiceProvider sp, string key)
    {
        var setup = sp.GetRequiredService<ReportSetup>();
        await setup.EnsurePresetsAsync();
        var (_, form) = await setup.LatestFormAsync(key);
        Console.WriteLine(JsonSerializer.Serialize(form, IndentedFormJson));
        return 0;
    }

    /// <summary><c>report form add FILE</c>: stores a new version of the form.</summary>
    private static async Task<int> AddFormAsync(IServiceProvider sp, string? file)
    {
        if (file is null) throw new CliException("Dùng: report form show [KEY] | report form add TỆP.json");
        var setup = sp.GetRequiredService<ReportSetup>();
        await setup.EnsurePresetsAsync();
        ReportForm? def;
        try { def = JsonSerializer.Deserialize<ReportForm>(await File.ReadAllTextAsync(file), ReportSetup.FormJson); }
        catch (JsonException e) { throw new CliException($"Tệp mẫu báo cáo không đọc được: {e.Message}"); }
        if (def is null) throw new CliException("Tệp mẫu báo cáo rỗng.");
        try
        {
            var row = await setup.AddVersionAsync(def);
            CliHost.PrintJson(new { key = row.Key, version = row.Version, title = row.Title });
            return 0;
        }
        catch (FormatException e) { throw new CliException(e.Message); }
    }
}
