using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>An agency of the year's list, with the months (1–12) it entered.</summary>
public sealed record AgencyMonths(int AgencyId, string Code, string Name, IReadOnlySet<int> Entered);

/// <summary>Reads of the month totals (<see cref="DossierMonthTotals"/>): one month, and which months each agency entered in a year.</summary>
public sealed class MonthTotalsQueries(ParHubDbContext db)
{
    public Task<DossierMonthTotals?> MonthAsync(int agencyId, int year, int month, CancellationToken ct = default) =>
        db.DossierMonthTotals.AsNoTracking().FirstOrDefaultAsync(t => t.AgencyId == agencyId && t.Year == year && t.Month == month, ct);

    public async Task<(int Id, string Code, string Name)?> AgencyAsync(int agencyId, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Id, a.Code, a.Name }).FirstOrDefaultAsync(ct) is { } a
            ? (a.Id, a.Code, a.Name) : null;

    /// <summary>
    /// The agencies that exist in the year (or only <paramref name="agencyId"/>), in Vietnamese order, with the months
    /// they entered; the province itself (code HP, which has no one-stop desk of its own) is left out.
    /// </summary>
    public async Task<IReadOnlyList<AgencyMonths>> YearAsync(int year, int? agencyId, CancellationToken ct = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var agencies = db.Agencies.AsNoTracking().Where(a => (a.ValidFrom == null || a.ValidFrom <= last) && (a.ValidTo == null || a.ValidTo >= first));
        agencies = agencyId is { } only ? agencies.Where(a => a.Id == only) : agencies.Where(a => a.Code != "HP");
        var list = await agencies.Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct);
        var totals = db.DossierMonthTotals.AsNoTracking().Where(t => t.Year == year);
        if (agencyId is { } one) totals = totals.Where(t => t.AgencyId == one);
        var entered = (await totals.Select(t => new { t.AgencyId, t.Month }).ToListAsync(ct))
            .GroupBy(t => t.AgencyId).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(t => t.Month).ToHashSet());
        return list.Select(a => new AgencyMonths(a.Id, a.Code, a.Name, entered.GetValueOrDefault(a.Id) ?? new HashSet<int>()))
            .OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).ToList();
    }
}
