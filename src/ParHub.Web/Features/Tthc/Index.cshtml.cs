using ParHub.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Tthc;
using ParHub.Web.App;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// The service to citizens over a period: per agency the dossiers received, carried, resolved (on time), pending (in
/// time), late and apologised for, the rates and points of the service index against their targets; the province's
/// total. An agency without a dossier export is counted from the month totals it entered (marked so) when the period
/// is whole months, else named with a note. An agency's officer sees their own agency only. The period defaults to the
/// current quarter.
/// </summary>
public class IndexModel(TthcFigures figures, ServiceIndexConfigs configs, ICurrentUser user, TimeProvider clock) : PageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<AgencyFigures> Agencies { get; private set; } = [];
    public AgencyFigures? Province { get; private set; }
    public IReadOnlyList<AgencyFiguresNote> Notes { get; private set; } = [];
    public bool All { get; private set; }
    public string? Error { get; private set; }
    public ServiceIndexConfig Config { get; private set; } = ServiceIndexConfig.Default;

    /// <summary>The trend's year (the period's end) month by month, of the province or of <see cref="TrendAgency"/>.</summary>
    public IReadOnlyList<MonthFigures> Months { get; private set; } = [];
    public int? TrendAgency { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? from, string? to, int? trend, CancellationToken ct)
    {
        if (await LoadAsync(from, to, ct) is { } refused) return refused;
        TrendAgency = All ? Agencies.FirstOrDefault(a => a.AgencyId == trend)?.AgencyId : user.AgencyId;
        Months = await figures.MonthlyAsync(To.Year, TrendAgency, ct);
        return Page();
    }

    /// <summary>The table as a spreadsheet: counts and rates as numbers, points, index and band.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? from, string? to, CancellationToken ct)
    {
        if (await LoadAsync(from, to, ct) is { } refused) return refused;
        if (Error is not null) return Page();
        var codes = Config.Indicators.Select(i => i.Code).ToList();
        var header = new List<string> { "Mã cơ quan", "Cơ quan", "Tiếp nhận", "Kỳ trước chuyển sang", "Đã giải quyết", "Đúng hạn", "Đang giải quyết",
            "Còn hạn", "Trễ hạn", "Xin lỗi" };
        header.AddRange(Config.Indicators.Select(i => $"{i.Title} (%)"));
        header.AddRange(["Điểm", "Điểm tối đa áp dụng", "Chỉ số", "Xếp loại"]);
        var rows = Agencies.Append(Province!).Where(a => All || a.AgencyId is not null).Select(a =>
        {
            var t = a.Tally;
            var row = new List<object?>
                { a.Code, a.Name, t.Received, t.Carried, t.Resolved, t.ResolvedOnTime, t.Pending, t.PendingInTime, t.Late, t.Apologies };
            row.AddRange(codes.Select(c => (object?)ServiceIndex.Round2(a.Score.Rates.GetValueOrDefault(c))));
            row.AddRange([ServiceIndex.Round2(a.Score.Total), ServiceIndex.Round2(a.Score.ApplicableMax), ServiceIndex.Round2(a.Score.Index), a.Score.Band]);
            return (IReadOnlyList<object?>)row;
        });
        var bytes = ParHub.Web.Shared.Office.Xlsx.WriteValues("TTHC", header, rows);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"tthc-{From:yyyyMMdd}-{To:yyyyMMdd}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(string? from, string? to, CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out var agency)) return Forbid();
        All = agency is null;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        (From, To) = (quarterStart, quarterStart.AddMonths(3).AddDays(-1));
        if (from is not null || to is not null)
        {
            if (!VnDate.TryParse(from, out var f) || !VnDate.TryParse(to, out var t)) Error = "Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy.";
            else if (f > t) Error = "Từ ngày phải trước hoặc bằng đến ngày.";
            else (From, To) = (f, t);
        }
        Config = await configs.CurrentAsync(ct);
        (Agencies, Province, Notes) = await figures.ComputeAsync(From, To, agency, Config, ct);
        return null;
    }
}
