using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Notifications;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// Tells the Coordinators, once per agency and programme, that a collecting survey has reached an agency's required
/// sample (valid forms ≥ <see cref="SampleSize.Required"/> for its population): the field team can move on. Run with
/// the daily digest (and <c>./parhub digest</c>), so that no submission waits for it.
/// </summary>
public sealed class SurveyQuotaWatch(ParHubDbContext db, Notifier notifier)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var told = 0;
        foreach (var p in await db.SurveyProgrammes.AsNoTracking().Where(p => p.State == SurveyState.Collecting).ToListAsync(ct))
        {
            var populations = await db.SurveyPopulations.AsNoTracking().Where(x => x.ProgrammeId == p.Id && x.Population != null)
                .ToDictionaryAsync(x => x.AgencyId, x => x.Population!.Value, ct);
            if (populations.Count == 0) continue;
            var collected = await db.SurveyResponses.Where(r => r.ProgrammeId == p.Id && r.Status == ResponseStatus.Valid).GroupBy(r => r.AgencyId)
                .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
            var names = await db.Agencies.AsNoTracking().Where(a => populations.Keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            foreach (var (agency, population) in populations)
            {
                var minimum = Math.Min(p.MinResponses, population);
                if (SampleSize.Problem(population, p.MarginOfError, minimum) is not null) continue; // no sample size to reach
                var required = SampleSize.Required(population, p.MarginOfError, minimum);
                var n = collected.GetValueOrDefault(agency);
                if (n < required) continue;
                told += await notifier.ToRolesAsync([Roles.Coordinator], new Notice($"survey:{p.Id}:{agency}:quota",
                    $"{p.Title}: {names.GetValueOrDefault(agency, "?")} đã đủ mẫu",
                    $"{names.GetValueOrDefault(agency, "?")} đã có {n:N0} phiếu hợp lệ, đủ cỡ mẫu {required:N0} phiếu cần thu.",
                    $"/Sipas/Sample/{p.Id}"), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return told;
    }
}
