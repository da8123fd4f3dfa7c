using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>Expected, submitted, on time, late and missing for one period, by agency and group; one-click reminders.</summary>
[Authorize(Roles = Roles.ProvinceWide)]
public class RatesModel(ReportSetup setup, ReportQueries queries, ReportReminders reminders, TimeProvider clock) : PageModel
{
    public RatesView View { get; private set; } = null!;
    public string? Message { get; private set; }
    public bool CanRemind => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Coordinator);

    public async Task<IActionResult> OnGetAsync(string? regime, string? period, int? reminded, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(regime) || string.IsNullOrEmpty(period))
            return await setup.OpenPeriodAsync(VietnamTime.Today(clock), ct) is { } open
                ? Redirect($"/Reports/Rates?regime={open.Regime.Setting.Key}&period={open.Period.Code}") : NotFound();
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        if (reminded is { } n) Message = $"Đã nhắc {n} cơ quan chưa nộp báo cáo.";
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(string regime, string period, CancellationToken ct)
    {
        if (!CanRemind) return Forbid();
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        var missing = View.Rows.Where(r => r.State is SubmissionState.Missing or SubmissionState.NotYetDue).Select(r => r.Agency.AgencyId).ToList();
        var n = await reminders.RemindMissingAsync(View.Regime, View.Period, missing, ct);
        return Redirect($"/Reports/Rates?regime={regime}&period={period}&reminded={n}");
    }

    private async Task<bool> LoadAsync(string regime, string period, CancellationToken ct)
    {
        var r = await setup.RegimeAsync(regime, ct);
        var p = r?.Period(period);
        if (r is null || p is null) return false;
        View = await queries.RatesAsync(r, p, VietnamTime.Today(clock), ct);
        return true;
    }
}
