using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// An agency's own survey results: only its own aggregates (never raw answers, never another agency's), and only
/// where it has at least the programme's minimum of valid forms; computed and published programmes only.
/// </summary>
public class MineModel(ParHubDbContext db, SipasResults results, ICurrentUser user) : PageModel
{
    public sealed record Line(SurveyProgramme Programme, SipasRow? Own, SipasQuestionnaireSpec Spec);

    public List<Line> Lines { get; private set; } = [];
    public bool HasAgency { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        HasAgency = user.AgencyId is not null;
        if (user.AgencyId is not { } agency) return;
        var ids = await db.SurveyProgrammes.AsNoTracking().Where(p => p.State == SurveyState.Computed || p.State == SurveyState.Published)
            .OrderByDescending(p => p.Year).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            if (await results.ComputeAsync(id, ct) is not { } c) continue;
            if (c.Agencies.FirstOrDefault(r => r.AgencyId == agency) is not { } own) continue;
            Lines.Add(new Line(c.Programme, own.BelowMinimum ? null : own, c.Spec));
        }
    }
}
