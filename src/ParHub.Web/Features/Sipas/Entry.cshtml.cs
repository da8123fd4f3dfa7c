using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>Where interviewers and operators start: the programmes collecting now, with their entry pages (no results).</summary>
[Authorize(Policy = Policies.SurveyEntry)]
public class EntryModel(ParHubDbContext db) : PageModel
{
    public List<(int Id, int Year, string Title)> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.SurveyProgrammes.AsNoTracking().Where(p => p.State == SurveyState.Collecting).OrderByDescending(p => p.Year)
            .ThenByDescending(p => p.Id).Select(p => new { p.Id, p.Year, p.Title }).ToListAsync(ct);
        Programmes = rows.Select(p => (p.Id, p.Year, p.Title)).ToList();
    }
}
