using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

/// <summary>Create or edit an agency: Admin and Coordinator only.</summary>
[Authorize(Policy = Policies.DirectoryEditor), ShowsDateErrors]
public class EditModel(ParHubDbContext db, SaveAgency save) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public AgencyInput Input { get; set; } = new() { Kind = AgencyKind.Department };
    public Dictionary<string, string> Errors { get; private set; } = [];
    public List<Agency> Choices { get; private set; } = [];
    public List<AgencyGroup> AllGroups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var a = await db.Agencies.Include(x => x.Groups).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (a is null) return NotFound();
            Input = AgencyQueries.ToInput(a);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.GroupIds ??= []; // a form without any group box ticked leaves the agency in no group
        var unreadable = new[] { "ValidFrom", "ValidTo" }.Where(f => ModelState[$"Input.{f}"]?.Errors.Count > 0).ToList();
        if (unreadable.Count > 0)
        {
            Errors = unreadable.ToDictionary(f => f, _ => ParHub.Core.Time.VnDate.Invalid);
            await LoadChoicesAsync(ct);
            return Page();
        }
        var result = await save.RunAsync(Input, Id, ct);
        if (result.NotFound) return NotFound();
        if (result.Agency is not { } agency)
        {
            Errors = result.Errors.ToDictionary();
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Message"] = Id is null ? "Đã thêm cơ quan." : "Đã lưu thay đổi.";
        return Redirect($"/Agencies/Details/{agency.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Choices = (await db.Agencies.AsNoTracking().Where(a => a.Id != (Id ?? 0)).ToListAsync(ct))
            .OrderBy(a => a.Kind).ThenBy(a => a.Name, VietnameseCollation.Comparer).ToList();
        AllGroups = await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct);
    }
}
