using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;

namespace ParHub.Web.Features.Reports;

/// <summary>Opens (and on first use makes) the signed-in officer's report for a period, then shows it.</summary>
public class OpenModel(ReportSetup setup, OpenReport open, ICurrentUser user) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string regime, string period, CancellationToken ct)
    {
        if (user.AgencyId is not { } agency) return Forbid();
        await setup.EnsurePresetsAsync(ct);
        try
        {
            var report = await open.RunAsync(new(regime, period, agency), ct);
            return Redirect($"/Reports/Report/{report.Id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (ReportRuleException e)
        {
            Error = e.Message;
            return Page();
        }
    }
}
