using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

/// <summary>One agency with its place in the tree and its history. Its users are shown to its own people only.</summary>
public class DetailsModel(ParHubDbContext db, AgencyScope scope) : PageModel
{
    public Agency Agency { get; private set; } = null!;
    public Agency? Parent { get; private set; }
    public Agency? Successor { get; private set; }
    public List<Agency> Ancestors { get; private set; } = [];
    public List<Agency> Children { get; private set; } = [];
    public List<Agency> Predecessors { get; private set; } = [];
    public List<AgencyGroup> Groups { get; private set; } = [];
    public List<AppUser> Users { get; private set; } = [];
    public bool CanManage => scope.CanManageDirectory;
    public bool CanEditProfile => scope.CanEditProfile(Agency.Id);
    public bool CanReadPrivate => scope.CanReadPrivate(Agency.Id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var all = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        if (!all.TryGetValue(id, out var agency)) return NotFound();
        Agency = agency;
        Parent = agency.ParentId is { } p ? all.GetValueOrDefault(p) : null;
        Successor = agency.SuccessorId is { } s ? all.GetValueOrDefault(s) : null;
        for (var cur = Parent; cur is not null && Ancestors.Count < 10; cur = cur.ParentId is { } pp ? all.GetValueOrDefault(pp) : null)
            Ancestors.Insert(0, cur);
        Children = all.Values.Where(a => a.ParentId == id).OrderBy(a => a.ValidTo is null ? 0 : 1).ThenBy(a => a.Name, VietnameseCollation.Comparer).ToList();
        Predecessors = all.Values.Where(a => a.SuccessorId == id).OrderBy(a => a.Name, VietnameseCollation.Comparer).ToList();
        Groups = await db.AgencyGroupMembers.Where(m => m.AgencyId == id).Select(m => m.Group!).ToListAsync(ct);
        if (CanReadPrivate)
            Users = await db.Users.AsNoTracking().Where(u => u.AgencyId == id).OrderBy(u => u.UserName).ToListAsync(ct);
        return Page();
    }
}
