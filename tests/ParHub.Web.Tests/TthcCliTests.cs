using System.Text.Json.Nodes;
using ParHub.Web.App;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// <c>./parhub tthc compute DOSSIERS.csv --from --to</c> on tests/fixtures/tthc/dossiers.csv (20 dossiers, 3 agencies,
/// UTF-8 with BOM, CRLF, a quoted cell, some dd/MM/yyyy dates) over Q1 2026. The expected figures are worked out by
/// hand below, dossier by dossier; bad input is refused in Vietnamese on stderr with nothing on stdout.
/// </summary>
public sealed class TthcCliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("parhub-tthc-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly string Fixture = SharedFiles.Path("tthc/dossiers.csv");

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string FileWith(string text, string name = "dossiers.csv")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>One agency's expected object: counts, then rates and points in indicator order (null = no denominator).</summary>
    private sealed record Expected(string Agency, long[] Counts, decimal?[] Rates, decimal?[] Points, decimal Total, decimal ApplicableMax, decimal Index);

    private static readonly string[] Codes = ["tien_do", "truc_tuyen", "thanh_toan", "so_hoa", "ket_qua_dien_tu", "dong_bo", "hai_long"];
    private static readonly string[] Counts = ["received", "carried", "resolved", "resolvedOnTime", "pending", "pendingInTime", "late", "apologies"];

    /// <summary>
    /// Period 2026-01-01..2026-03-31.
    /// SNV: 001 on time; 002 late (resolved 15/2, due 10/2, apology); 003 carried from 20/12/2025, resolved 3/1 on time,
    /// rated khong_hai_long; 004 pending, due 5/4; 005 resolved 2/4 (after `to`) = pending, due 31/3 = `to` → in time;
    /// 006 received 1/4 → out; 007 resolved in 2025 → out; 008 pending, due 20/3 → late.
    /// received 5, carried 1, resolved 3 (001 002 003), on time 2, pending 3, in time 2 (004 005), late 2, apologies 1.
    /// tien_do 4/6; online 2/5 = 40 → 6·40/50 = 4.8; fee 001 002 005, paid 001 005 → 2/3 → 6·2/3 = 4; digitised 001 002 004
    /// 008 = 80 → 4 (target met); electronic 001 003 of 3; synced 4/5 → 4.8; satisfied 001 only (003 rated badly, 002 late)
    /// = 1/3 → 6·(100/3)/90 = 20/9. Total 40/3 + 4.8 + 4 + 4 + 4 + 4.8 + 20/9 = 334.4/9 of 54.
    /// STP: 001 resolved on its due date (on time); 002 on time; 003 on time, khong_hai_long; 004 carried, pending, due
    /// 30/12/2025 → late, apology; 005 resolved 31/12/2025 → out; 006 received on `to`, pending in time; 007 received on
    /// `from`, resolved late (rated hai_long, still not satisfied). received 5, carried 1, resolved 4, on time 3,
    /// pending 2, in time 1, late 2, apologies 1. tien_do 4/6; online 3/5 = 60 → capped 6; fee 001 002 006, paid 2 → 4;
    /// digitised 4/5 → 4; electronic 3/4 = 75 → 4.5; synced 5/5 → 6; satisfied 001 002 = 2/4 → 6·50/90 = 10/3.
    /// Total 40/3 + 6 + 4 + 4 + 4.5 + 6 + 10/3 = 247/6 of 54.
    /// SYT: 001 pending, due 10/3 → late, apology; 002 resolved 20/4 → pending, due 15/4 → in time; 003 received in May
    /// → out; 004 pending, due 31/3 → in time; 005 out. Nothing resolved, nothing fee-bearing: thanh_toan, ket_qua_dien_tu
    /// and hai_long are null and leave their 18 points out. tien_do 2/3 → 40/3; online 1/3 → 6·(100/3)/50 = 4; digitised
    /// 2/3 → 4·(200/3)/80 = 10/3; synced 2/3 → 4. Total 74/3 of 36.
    /// *: received 13, carried 2, resolved 7, on time 5, pending 8, in time 5, late 5, apologies 3. tien_do 10/15;
    /// online 6/13 → 6·(600/13)/50 = 72/13; paid 4/6 → 4; digitised 10/13 → 4·(1000/13)/80 = 50/13; electronic 5/7 →
    /// 30/7; synced 11/13 → 66/13; satisfied 3/7 → 6·(300/7)/90 = 20/7. Total 10630/273 of 54.
    /// </summary>
    private static readonly Expected[] Q1 =
    [
        new("SNV", [5, 1, 3, 2, 3, 2, 2, 1], [200m / 3, 40, 200m / 3, 80, 200m / 3, 80, 100m / 3],
            [40m / 3, 4.8m, 4, 4, 4, 4.8m, 20m / 9], 334.4m / 9, 54, 100m * 334.4m / 9 / 54),
        new("STP", [5, 1, 4, 3, 2, 1, 2, 1], [200m / 3, 60, 200m / 3, 80, 75, 100, 50],
            [40m / 3, 6, 4, 4, 4.5m, 6, 10m / 3], 247m / 6, 54, 100m * 247 / 6 / 54),
        new("SYT", [3, 0, 0, 0, 3, 2, 1, 1], [200m / 3, 100m / 3, null, 200m / 3, null, 200m / 3, null],
            [40m / 3, 4, null, 10m / 3, null, 4, null], 74m / 3, 36, 100m * 74 / 3 / 36),
        new("*", [13, 2, 7, 5, 8, 5, 5, 3], [200m / 3, 600m / 13, 200m / 3, 1000m / 13, 500m / 7, 1100m / 13, 300m / 7],
            [40m / 3, 72m / 13, 4, 50m / 13, 30m / 7, 66m / 13, 20m / 7], 10630m / 273, 54, 100m * 10630 / 273 / 54),
    ];

    private static decimal? Near(decimal? v) => v is { } d ? Math.Round(d, 12) : null;

    private static decimal? Number(JsonNode? node) => node is null ? null : Near(node.GetValue<decimal>());

    [Fact]
    public async Task Compute_prints_the_hand_worked_figures_of_every_agency_by_code_then_the_province()
    {
        var (code, output, error) = await RunAsync("tthc", "compute", Fixture, "--from", "2026-01-01", "--to", "2026-03-31");
        Assert.Equal((0, ""), (code, error));
        var results = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(["SNV", "STP", "SYT", "*"], results.Select(r => (string?)r!["agency"]));
        foreach (var (r, e) in results.Zip(Q1))
        {
            Assert.Equal(["agency", .. Counts, "rates", "points", "total", "applicableMax", "index"], r!.AsObject().Select(p => p.Key));
            Assert.Equal(Codes, r["rates"]!.AsObject().Select(p => p.Key));
            Assert.Equal(Codes, r["points"]!.AsObject().Select(p => p.Key));
            Assert.Equal(e.Counts, Counts.Select(c => (long)r[c]!));
            Assert.Equal(e.Rates.Select(Near), Codes.Select(c => Number(r["rates"]![c])));
            Assert.Equal(e.Points.Select(Near), Codes.Select(c => Number(r["points"]![c])));
            Assert.Equal((Near(e.Total), Near(e.ApplicableMax), Near(e.Index)),
                (Number(r["total"]), Number(r["applicableMax"]), Number(r["index"])));
        }
        Assert.StartsWith("66.666666", results[0]!["rates"]!["tien_do"]!.ToJsonString()); // unrounded
        Assert.Equal("6", results[1]!["points"]!["truc_tuyen"]!.ToJsonString());         // capped at max
        Assert.Equal("4", results[0]!["points"]!["thanh_toan"]!.ToJsonString());          // no trailing zeros
        Assert.Equal("null", results[2]!["rates"]!["hai_long"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public async Task A_period_of_one_day_counts_what_it_holds()
    {
        // 2026-01-20 at STP: nothing received; carried 001 (received 10/1, resolved that day on its due date → on time),
        // 002 (received 15/1, resolved 22/1 → pending, due 25/1 → in time) and 004 (since 2025, pending, due 30/12 →
        // late, apology); 005 and 007 were resolved before it, 003 and 006 received after it.
        var (code, output, _) = await RunAsync("tthc", "compute", Fixture, "--from", "2026-01-20", "--to", "2026-01-20");
        Assert.Equal(0, code);
        var stp = JsonNode.Parse(output)!.AsArray()[1]!;
        Assert.Equal("STP", (string?)stp["agency"]);
        Assert.Equal([0L, 3, 1, 1, 2, 1, 1, 1], Counts.Select(c => (long)stp[c]!));
        Assert.Null(stp["rates"]!["truc_tuyen"]);
    }

    [Fact]
    public async Task A_file_with_bad_rows_names_every_bad_line_on_stderr_and_prints_nothing()
    {
        var csv = string.Join("\n",
            "MA_HO_SO,co_quan,ma_tthc,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_co_ket_qua,co_phi,thanh_toan_truc_tuyen,so_hoa,ket_qua_dien_tu,"
                + "dong_bo_dvcqg,xin_loi,danh_gia",
            "A-1,SNV,1.1,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,",
            "A-2,SNV,1.1,qua_mang,2026-01-05,2026-01-15,,no,no,no,no,no,no,",
            "A-3,SNV,1.1,truc_tiep,2026-02-30,2026-01-15,,no,no,no,no,no,no,",
            "A-1,SNV,1.1,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,",
            "A-5,SNV,1.1,truc_tiep,2026-01-05,2026-01-15,2026-01-01,no,no,no,no,no,no,rat_tot",
            "");
        var (code, output, error) = await RunAsync("tthc", "compute", FileWith(csv), "--from", "2026-01-01", "--to", "2026-03-31");
        Assert.Equal((1, ""), (code, output));
        var lines = error.Replace("\r\n", "\n").TrimEnd().Split('\n');
        Assert.Equal(
        [
            "Dòng 3: Kênh tiếp nhận “qua_mang” không có (truc_tiep, truc_tuyen, buu_chinh).",
            "Dòng 4: Ngày tiếp nhận (ngay_tiep_nhan) “2026-02-30” không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy).",
            "Dòng 5: Mã hồ sơ “A-1” trùng với dòng 2.",
            "Dòng 6: Ngày có kết quả (2026-01-01) trước ngày tiếp nhận (2026-01-05). "
                + "Đánh giá “rat_tot” không có (hai_long, khong_hai_long hoặc để trống).",
            "Lỗi: Tệp có 4 dòng lỗi; chưa tính. Sửa các dòng trên rồi chạy lại.",
        ], lines);
    }

    [Fact]
    public async Task A_header_without_a_column_is_refused_naming_it()
    {
        var (code, output, error) = await RunAsync("tthc", "compute", FileWith("ma_ho_so,co_quan,kenh\nA,SNV,truc_tiep\n"),
            "--from", "2026-01-01", "--to", "2026-03-31");
        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("Dòng 1: Tiêu đề thiếu cột ma_tthc, ngay_tiep_nhan, ngay_hen_tra, ngay_co_ket_qua, co_phi,", error);
    }

    [Theory]
    [InlineData("2026-13-01", "2026-03-31", "Lỗi: --from phải là ngày (YYYY-MM-DD).")]
    [InlineData("2026-01-01", "31/03/2026", "Lỗi: --to phải là ngày (YYYY-MM-DD).")]
    [InlineData("2026-04-01", "2026-03-31", "Lỗi: --from (2026-04-01) phải không sau --to (2026-03-31).")]
    public async Task A_bad_period_is_refused_in_Vietnamese(string from, string to, string message)
    {
        var (code, output, error) = await RunAsync("tthc", "compute", Fixture, "--from", from, "--to", to);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task A_missing_file_option_or_argument_is_refused()
    {
        var (code, _, error) = await RunAsync("tthc", "compute", "/no/such/dossiers.csv", "--from", "2026-01-01", "--to", "2026-03-31");
        Assert.Equal((1, "Lỗi: Không tìm thấy tệp “/no/such/dossiers.csv”."), (code, error.Trim()));
        (code, _, error) = await RunAsync("tthc", "compute", "--from", "2026-01-01", "--to", "2026-03-31");
        Assert.Equal((1, "Lỗi: Dùng: ./parhub tthc compute HỒ_SƠ.csv --from YYYY-MM-DD --to YYYY-MM-DD"), (code, error.Trim()));
        (code, _, error) = await RunAsync("tthc", "compute", Fixture, "--from", "2026-01-01");
        Assert.Equal((1, "Lỗi: Thiếu tham số --to."), (code, error.Trim()));
    }

    [Fact]
    public async Task Help_shows_the_command()
    {
        var (code, output, _) = await RunAsync("tthc", "--help");
        Assert.Equal(0, code);
        Assert.Contains("  tthc compute HỒ_SƠ.csv --from YYYY-MM-DD --to YYYY-MM-DD", output);
    }

    /// <summary>
    /// <c>tthc import</c> and <c>tthc figures</c> against a database of their own (the demo without dossiers): the fixture
    /// imported once, again (all unchanged), a file with a bad row refused; the database's figures equal what
    /// <c>tthc compute</c> prints for the file.
    /// </summary>
    [Fact]
    public async Task Import_stores_the_file_once_and_the_databases_figures_equal_the_files()
    {
        var env = new Dictionary<string, string> { ["PARHUB_DATA_DIR"] = dir, ["PARHUB_DEMO_DOSSIERS"] = "0", ["PARHUB_DEMO_RESPONSES"] = "0" };
        Assert.Equal(0, (await ProgramAsync(env, "demo", "--reset")).Code);
        var (code, output, error) = await ProgramAsync(env, "tthc", "import", Fixture);
        Assert.Equal((0, ""), (code, error));
        var first = JsonNode.Parse(output)!;
        Assert.Equal((20L, 0L, 0L), ((long)first["added"]!, (long)first["updated"]!, (long)first["unchanged"]!));
        var again = JsonNode.Parse((await ProgramAsync(env, "tthc", "import", Fixture)).Out)!;
        Assert.Equal((0L, 0L, 20L), ((long)again["added"]!, (long)again["updated"]!, (long)again["unchanged"]!));
        var bad = FileWith(File.ReadAllText(Fixture).TrimEnd() + "\nSTP-999,STP,2.000101,truc_tuyen,2026-13-01,2026-01-20,,no,no,no,no,no,no,\n", "bad.csv");
        (code, output, error) = await ProgramAsync(env, "tthc", "import", bad);
        Assert.Equal((1, ""), (code, output));
        Assert.Contains("Dòng 22", error);

        var (_, computed, _) = await RunAsync("tthc", "compute", Fixture, "--from", "2026-01-01", "--to", "2026-03-31");
        (code, output, error) = await ProgramAsync(env, "tthc", "figures", "--from", "2026-01-01", "--to", "2026-03-31");
        Assert.Equal((0, ""), (code, error));
        var figures = JsonNode.Parse(output)!;
        Assert.True((double)figures["ms"]! >= 0);
        static string Sorted(JsonArray rows) => string.Join("\n", rows.Select(r => r!.ToJsonString()).Order(StringComparer.Ordinal));
        Assert.Equal(Sorted(JsonNode.Parse(computed)!.AsArray()), Sorted(figures["agencies"]!.AsArray()));
    }

    private static async Task<(int Code, string Out, string Err)> ProgramAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParHub.Web.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment.Remove("PARHUB_DB");
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout, await stderr);
    }
}
