using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>The periods of a regime and year: an officer's own reports, or the province's reporting rates.</summary>
public class IndexModel(ReportSetup setup, ReportQueries queries, ParHubDbContext db, AgencyScope scope, ICurrentUser user, TimeProvider clock) : PageModel
{
    public sealed record PeriodLine(ReportingPeriod Period, AgencyReport? Own, RateCounts? Counts);

    public List<RegimeSetup> Regimes { get; private set; } = [];
    public RegimeSetup? Regime { get; private set; }
    public int Year { get; private set; }
    public List<PeriodLine> Lines { get; private set; } = [];
    public bool ProvinceWide => scope.IsProvinceWide;
    public bool IsOfficer => user.IsInRole(Roles.AgencyOfficer) && user.AgencyId is not null;
    public bool CanConfigure => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? regime, int? year, CancellationToken ct)
    {
        await setup.EnsurePresetsAsync(ct);
        Today = VietnamTime.Today(clock);
        Regimes = await setup.RegimesAsync(ct);
        Regime = regime is null ? Regimes.FirstOrDefault(r => r.Setting.IsActive && r.ReporterGroups.Count > 0) ?? Regimes.FirstOrDefault()
            : Regimes.FirstOrDefault(r => r.Setting.Key == regime);
        if (Regime is null) return NotFound();
        Year = year is >= 2000 and <= 2100 ? year.Value : Today.Year;
        var periods = Regime.Regime.Periods(Year);
        var own = IsOfficer
            ? await db.Reports.AsNoTracking()
                .Where(r => r.RegimeKey == Regime.Setting.Key && r.AgencyId == user.AgencyId && r.PeriodCode.StartsWith(Year.ToString())).ToListAsync(ct)
            : [];
        foreach (var p in periods)
        {
            RateCounts? counts = null;
            if (ProvinceWide && Regime.ReporterGroups.Count > 0) counts = (await queries.RatesAsync(Regime, p, Today, ct)).Totals;
            Lines.Add(new PeriodLine(p, own.FirstOrDefault(r => r.PeriodCode == p.Code), counts));
        }
        return Page();
    }
}
