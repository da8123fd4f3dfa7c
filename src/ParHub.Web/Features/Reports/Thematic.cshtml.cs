using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Core.Time;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// Thematic reports (báo cáo chuyên đề): the province asks named agencies for a report with its own form and deadline
/// (picked from lists), and follows who sent it; an agency's officer sees the requests addressed to it, with its own
/// report's state. The totals are the province report's page of the request's period.
/// </summary>
[Authorize]
public class ThematicModel(ParHubDbContext db, ReportSetup setup, ReportQueries queries, ICurrentUser user, TimeProvider clock) : PageModel
{
    public sealed record ThematicRequest(RegimeSetup Regime, ReportingPeriod Period, RateCounts? Counts, AgencyReport? Own);

    public sealed class ThematicInput
    {
        public string? Title { get; set; }
        public string? FormKey { get; set; }
        public List<string> Agencies { get; set; } = [];
        public string? Due { get; set; }
    }

    public bool CanAsk => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
    public bool ProvinceWide => CanAsk || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Viewer);
    public List<ThematicRequest> Requests { get; private set; } = [];
    public List<(string Code, string Name)> Agencies { get; private set; } = [];
    public List<(string Key, string Title)> Forms { get; private set; } = [];
    public string? Error { get; private set; }
    [BindProperty] public ThematicInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ProvinceWide && user.AgencyId is null) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CreateThematicReport create, CancellationToken ct)
    {
        if (!CanAsk) return Forbid();
        try
        {
            var (regime, period) = await create.RunAsync(new ThematicReportRequest(Input.Title, Input.FormKey, Input.Agencies, Input.Due), ct);
            TempData["Message"] = $"Đã gửi yêu cầu báo cáo chuyên đề “{regime.Name}” tới {Input.Agencies.Count} cơ quan, hạn {VnDate.Show(period.Due)}.";
            return Redirect("/Reports/Thematic");
        }
        catch (ReportRuleException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await setup.EnsurePresetsAsync(ct);
        var today = VietnamTime.Today(clock);
        var mine = user.AgencyId;
        var thematic = (await setup.RegimesAsync(ct)).Where(r => r.Setting.Year is not null)
            .OrderByDescending(r => r.Setting.Year).ThenBy(r => r.Setting.Key);
        foreach (var r in thematic)
            foreach (var p in r.Regime.Periods(r.Setting.Year!.Value))
            {
                if (!ProvinceWide)
                {
                    var expected = await setup.ExpectedAsync(r, p, ct);
                    if (expected.All(e => e.AgencyId != mine)) continue;
                }
                var counts = ProvinceWide ? (await queries.RatesAsync(r, p, today, ct)).Totals : null;
                var own = mine is { } a
                    ? await db.Reports.AsNoTracking().FirstOrDefaultAsync(x => x.RegimeKey == r.Setting.Key && x.PeriodCode == p.Code && x.AgencyId == a, ct)
                    : null;
                Requests.Add(new ThematicRequest(r, p, counts, own));
            }
        if (!CanAsk) return;
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).Select(a => new { a.Code, a.Name }).ToListAsync(ct))
            .OrderBy(a => a.Name, Core.Text.VietnameseCollation.Comparer).Select(a => (a.Code, a.Name)).ToList();
        Forms = (await db.ReportForms.AsNoTracking().Select(f => new { f.Key, f.Title, f.Version }).ToListAsync(ct))
            .GroupBy(f => f.Key).Select(g => g.MaxBy(f => f.Version)!).OrderBy(f => f.Key).Select(f => (f.Key, f.Title)).ToList();
    }
}
