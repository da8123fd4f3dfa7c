using ParHub.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>
/// Feedback (PAKN) over a period: per agency the items received, carried, answered (on time), pending (overdue),
/// published and rated, and the rates against <see cref="FeedbackFigures.Target"/>; the province's total. An agency's
/// officer sees their own agency only. The period defaults to the current quarter, as on /Tthc.
/// </summary>
public class IndexModel(FeedbackFigures figures, ICurrentUser user, TimeProvider clock) : PageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<AgencyFeedback> Agencies { get; private set; } = [];
    public AgencyFeedback? Province { get; private set; }
    public bool All { get; private set; }
    public bool CanEnter { get; private set; }
    public bool CanImport { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out var agency)) return Forbid();
        (All, CanEnter, CanImport) = (agency is null, FeedbackAccess.CanEnter(user), FeedbackAccess.ProvinceWriter(user));
        var today = ParHub.Core.Time.VietnamTime.Today(clock); // the quarter of Vietnam's today, not the server's
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        (From, To) = (quarterStart, quarterStart.AddMonths(3).AddDays(-1));
        if (from is not null || to is not null)
        {
            if (!VnDate.TryParse(from, out var f) || !VnDate.TryParse(to, out var t)) Error = "Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy.";
            else if (f > t) Error = "Từ ngày phải trước hoặc bằng đến ngày.";
            else (From, To) = (f, t);
        }
        (Agencies, Province) = await figures.ComputeAsync(From, To, agency, ct);
        return Page();
    }
}
