using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features;

public class IndexModel(ParHubDbContext db, AgencyScope scope, TimeProvider clock) : PageModel
{
    public int ActiveAgencies { get; private set; }
    public int Groups { get; private set; }
    public Agency? OwnAgency { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        ActiveAgencies = await db.Agencies.CountAsync(a => a.ValidTo == null || a.ValidTo >= today, ct);
        Groups = await db.AgencyGroups.CountAsync(ct);
        if (scope.OwnAgencyId is { } id) OwnAgency = await db.Agencies.FindAsync([id], ct);
    }
}
