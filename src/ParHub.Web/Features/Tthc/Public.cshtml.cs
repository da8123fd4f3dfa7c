using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// The published service index for anyone, no account (/CongKhai/Tthc): the list of published periods, and one period's
/// figures per agency and the province's as they were published, with the decision. Server-rendered, no JavaScript.
/// </summary>
[AllowAnonymous]
public class PublicModel(ParHubDbContext db) : PageModel
{
    public List<TthcPublication> Published { get; private set; } = [];
    public TthcPublication? Shown { get; private set; }
    public ServiceIndexConfig Config { get; private set; } = ServiceIndexConfig.Default;
    public IReadOnlyList<AgencyFigures> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            Published = await db.TthcPublications.AsNoTracking().OrderByDescending(p => p.To).ThenByDescending(p => p.Id)
                .Select(p => new TthcPublication { Id = p.Id, From = p.From, To = p.To, Title = p.Title, Decision = p.Decision }).ToListAsync(ct);
            return Page();
        }
        Shown = await db.TthcPublications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (Shown is null) return NotFound();
        (Config, Rows) = PublishServiceIndex.Read(Shown);
        return Page();
    }
}
