using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

public class GroupsModel(ParHubDbContext db) : PageModel
{
    public List<AgencyGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Groups = await db.AgencyGroups.AsNoTracking().Include(g => g.Members).ThenInclude(m => m.Agency).OrderBy(g => g.Id).ToListAsync(ct);
}
