using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;

namespace ParHub.Web.Features.Sipas;

/// <summary>A programme's index per agency and for the province, with n, the margin of error and "chưa đủ mẫu".</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class ResultsModel(SipasResults results) : PageModel
{
    public SipasResults.Computed? Computed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Computed = await results.ComputeAsync(id, ct);
        return Computed is null ? NotFound() : Page();
    }
}
