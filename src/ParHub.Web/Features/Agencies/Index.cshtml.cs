using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.App;

namespace ParHub.Web.Features.Agencies;

/// <summary>The directory as a tree, or the agencies found by a search.</summary>
public class IndexModel(AgencyQueries agencies, AgencyScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool ShowEnded { get; set; }
    public List<AgencyInfo>? Hits { get; private set; }
    public List<AgencyInfo> Roots { get; private set; } = [];
    private ILookup<int?, AgencyInfo> children = Array.Empty<AgencyInfo>().ToLookup(a => a.ParentId);
    public bool CanManage => scope.CanManageDirectory;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Hits = (await agencies.SearchAsync(Q, 100, ct)).Select(h => h.Agency)
                .Where(a => ShowEnded || a.ExistsOn(today) || a.ValidFrom > today).ToList();
            return;
        }
        var all = (await agencies.AllAsync(ct)).Where(a => ShowEnded || a.ValidTo is null || a.ValidTo >= today).ToList();
        var ids = all.Select(a => a.Id).ToHashSet();
        // An agency whose parent is hidden (ended) is shown under the root.
        var ordered = all; // already in directory order
        children = ordered.ToLookup(a => a.ParentId is { } p && ids.Contains(p) ? a.ParentId : null);
        Roots = children[null].ToList();
        var province = Roots.FirstOrDefault(a => a.Kind == AgencyKind.Province);
        if (province is not null && Roots.Count > 1)
        {
            // Orphans without a visible parent hang under the province.
            children = ordered.ToLookup(a => a.Id == province.Id ? null : a.ParentId is { } p && ids.Contains(p) ? a.ParentId : province.Id);
            Roots = [province];
        }
    }

    public List<AgencyInfo> ChildrenOf(int id) => children[id].ToList();
}
