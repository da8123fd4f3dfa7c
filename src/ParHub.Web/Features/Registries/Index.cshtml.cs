using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Registries;
using ParHub.Core.Time;
using ParHub.Web.App;

namespace ParHub.Web.Features.Registries;

/// <summary>The registries of a year: each kind with its number of entries (as the user may read them) and the inspection coverage.</summary>
[Authorize]
public class IndexModel(RegistryQueries queries, ICurrentUser user, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public Dictionary<string, int> Counts { get; private set; } = [];
    public List<GroupCoverage> Coverage { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (!RegistryAccess.Scope(user, out var own)) return Forbid();
        if (!ModelState.IsValid) return BadRequest();
        Year = year is >= RegistryValues.MinYear and <= RegistryValues.MaxYear ? year.Value : VietnamTime.Today(clock).Year;
        Counts = await queries.CountsAsync(Year, own, ct);
        if (own is null) Coverage = await queries.CoverageAsync(Year, ct);
        return Page();
    }
}
