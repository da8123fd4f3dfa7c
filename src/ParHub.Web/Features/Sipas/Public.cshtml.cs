using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Sipas;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The published results for anyone, no account (/CongKhai/Sipas): the list of published programmes, and a programme's
/// province SIPAS, parts and components, and each agency's figures only where it has at least the minimum of valid forms
/// ("chưa đủ mẫu" otherwise), with the publishing decision. A programme that is not published does not exist here (404).
/// Server-rendered tables, no JavaScript.
/// </summary>
[AllowAnonymous]
public class PublicModel(SipasReports reports) : PageModel
{
    public SipasReport? Report { get; private set; }
    public List<SurveyProgramme> Published { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            Published = await reports.PublishedAsync(ct);
            return Page();
        }
        Report = await reports.ReportAsync(id.Value, ct);
        return Report?.Current.Programme.State == SurveyState.Published ? Page() : NotFound();
    }
}
