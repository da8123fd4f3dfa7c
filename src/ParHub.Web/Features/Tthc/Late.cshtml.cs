using ParHub.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// Drill-down: an agency's late dossiers of a period (resolved after their due date, or still pending past it at the
/// period's end), by procedure (names from the catalogue), with whether an apology was sent; <c>procedure</c> keeps one
/// procedure's only (the drill-down of /Tthc/Agency). Scoped as the figures are.
/// </summary>
public class LateModel(ParHubDbContext db, ICurrentUser user) : PageModel
{
    public const int Shown = 500;

    public string AgencyName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public List<DossierRecord> Dossiers { get; private set; } = [];
    public int Total { get; private set; }
    public List<(string Procedure, int Late, int Apologies)> ByProcedure { get; private set; } = [];
    public int AgencyId { get; private set; }
    public string? Procedure { get; private set; }
    public Dictionary<string, string> ProcedureNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int agency, string? from, string? to, string? procedure, CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out var own)) return Forbid();
        if (own is { } mine && mine != agency) return Forbid();
        if (!VnDate.TryParse(from, out var f) || !VnDate.TryParse(to, out var t) || f > t) return BadRequest();
        var name = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct);
        if (name is null) return NotFound();
        (AgencyName, From, To, AgencyId) = (name, f, t, agency);
        var dossiers = db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agency);
        if (!string.IsNullOrWhiteSpace(procedure))
        {
            Procedure = procedure.Trim();
            dossiers = dossiers.Where(d => d.ProcedureCode == Procedure);
        }
        var late = TthcFigures.Late(TthcFigures.InScope(dossiers, f, t), t);
        Total = await late.CountAsync(ct);
        ByProcedure = (await late.GroupBy(d => d.ProcedureCode)
                .Select(g => new { g.Key, Late = g.Count(), Apologies = g.Count(d => d.Apology) }).ToListAsync(ct))
            .OrderByDescending(x => x.Late).Select(x => (x.Key, x.Late, x.Apologies)).ToList();
        Dossiers = await late.OrderBy(d => d.Due).ThenBy(d => d.Code).Take(Shown).ToListAsync(ct);
        var codes = ByProcedure.Select(p => p.Procedure).Concat(Procedure is null ? [] : [Procedure]).Distinct().ToList();
        ProcedureNames = await db.TthcProcedures.AsNoTracking().Where(p => codes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => p.Name, StringComparer.Ordinal, ct);
        return Page();
    }
}
