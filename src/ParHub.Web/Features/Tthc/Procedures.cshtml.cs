using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Text;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// The procedure catalogue: filtered by field, level, agency and online level, with the counts by online level (of
/// the other filters), and the publishing decisions. Everyone with /Tthc access reads it; an agency's officer sees the
/// procedures their agency resolves (and the decisions that published them) only.
/// </summary>
public class ProceduresModel(ParHubDbContext db, ICurrentUser user) : PageModel
{
    public const int Shown = 500;

    public sealed record Row(string Code, string Name, string Field, ProcedureLevel Level, string? Agency, OneStopKind OneStop,
        OnlineLevel Online, bool FeeBearing, bool Postal, string? Decision);

    public sealed record DecisionRow(string Number, DateOnly Date, DateOnly? EffectiveFrom, DateOnly? Published, int Procedures, bool? OnTime);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<OnlineLevel, int> ByOnline { get; private set; } = [];
    public List<DecisionRow> Decisions { get; private set; } = [];
    public List<string> Fields { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public bool All { get; private set; }
    public bool CanImport => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);

    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public ProcedureLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public OnlineLevel? Online { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out var own)) return Forbid();
        All = own is null;
        var scoped = db.TthcProcedures.AsNoTracking();
        if (own is { } mine) scoped = scoped.Where(p => p.AgencyId == mine);
        Fields = (await scoped.Select(p => p.Field).Distinct().ToListAsync(ct)).Order(VietnameseCollation.Comparer).ToList();
        var agencyIds = await scoped.Where(p => p.AgencyId != null).Select(p => p.AgencyId!.Value).Distinct().ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Agencies = names.Select(a => (a.Key, a.Value)).OrderBy(a => a.Value, VietnameseCollation.Comparer).ToList();

        var filtered = scoped;
        if (!string.IsNullOrWhiteSpace(Field)) filtered = filtered.Where(p => p.Field == Field);
        if (Level is { } level) filtered = filtered.Where(p => p.Level == level);
        if (Agency is { } agency) filtered = filtered.Where(p => p.AgencyId == agency);
        ByOnline = await filtered.GroupBy(p => p.Online).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        if (Online is { } online) filtered = filtered.Where(p => p.Online == online);
        Total = await filtered.CountAsync(ct);
        Rows = (await filtered.OrderBy(p => p.Code).Take(Shown)
                .Select(p => new { p.Code, p.Name, p.Field, p.Level, p.AgencyId, p.OneStop, p.Online, p.FeeBearing, p.Postal, Decision = p.Decision!.Number })
                .ToListAsync(ct))
            .Select(p => new Row(p.Code, p.Name, p.Field, p.Level, p.AgencyId is { } a ? names.GetValueOrDefault(a) : null, p.OneStop, p.Online,
                p.FeeBearing, p.Postal, p.Decision))
            .OrderBy(p => p.Field, VietnameseCollation.Comparer).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();

        var counts = await scoped.Where(p => p.DecisionId != null).GroupBy(p => p.DecisionId!.Value).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var decisionIds = counts.Keys.ToList();
        Decisions = (await db.TthcDecisions.AsNoTracking().Where(d => All || decisionIds.Contains(d.Id)).ToListAsync(ct))
            .OrderByDescending(d => d.Date).ThenBy(d => d.Number, StringComparer.Ordinal)
            .Select(d => new DecisionRow(d.Number, d.Date, d.EffectiveFrom, d.PublishedOnDatabase, counts.GetValueOrDefault(d.Id), d.OnTime)).ToList();
        return Page();
    }
}
