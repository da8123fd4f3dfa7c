using ParHub.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// Drill-down from /Tthc: one agency's figures of a period per procedure (names from the catalogue; a code it lacks is
/// shown as the code), each row's late count linking to its late dossiers. An agency's officer sees their own agency only.
/// </summary>
public class AgencyModel(TthcFigures figures, ParHubDbContext db, ICurrentUser user, TimeProvider clock) : PageModel
{
    public int AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<ProcedureFigures> Procedures { get; private set; } = [];
    public DossierTally Total { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int agencyId, string? from, string? to, CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out var own)) return Forbid();
        if (own is { } mine && mine != agencyId) return Forbid();
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        if (name is null) return NotFound();
        (AgencyId, AgencyName) = (agencyId, name);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        (From, To) = (quarterStart, quarterStart.AddMonths(3).AddDays(-1));
        if (from is not null || to is not null)
        {
            if (!VnDate.TryParse(from, out var f) || !VnDate.TryParse(to, out var t)) Error = "Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy.";
            else if (f > t) Error = "Từ ngày phải trước hoặc bằng đến ngày.";
            else (From, To) = (f, t);
        }
        (Procedures, Total) = await figures.ByProcedureAsync(agencyId, From, To, ct: ct);
        return Page();
    }
}
