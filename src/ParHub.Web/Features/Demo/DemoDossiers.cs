using Microsoft.EntityFrameworkCore;
using ParHub.Core.Time;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Features.Tthc;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// A year of generated dossiers (the twelve months up to today) for the demo agencies that exist today, written as an
/// import would write them (<see cref="DossierWriter"/>): each agency with its own share of online dossiers and of
/// dossiers late, so that /Tthc ranks something real; a few pending at the end, apologies for most late ones.
/// </summary>
public sealed class DemoDossiers(ParHubDbContext db, DossierWriter writer, TimeProvider clock)
{
    public async Task<long> SeedAsync(int count, int seed = 766, CancellationToken ct = default)
    {
        if (count <= 0) return 0;
        var today = VietnamTime.Today(clock);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Code != "HP" && (a.ValidTo == null || a.ValidTo >= today))
            .Select(a => a.Id).OrderBy(a => a).ToListAsync(ct);
        if (agencies.Count == 0) return 0;
        var rng = new Random(seed);
        var quality = agencies.ToDictionary(a => a, _ => (Late: 0.01 + rng.NextDouble() * 0.12, Online: 0.2 + rng.NextDouble() * 0.6));
        var start = today.AddYears(-1).AddDays(1);
        var now = clock.GetUtcNow().UtcDateTime;
        IEnumerable<DossierRecord> Generate()
        {
            for (var i = 0; i < count; i++)
            {
                var agency = agencies[(int)Math.Min(agencies.Count - 1, Math.Floor(Math.Pow(rng.NextDouble(), 1.6) * agencies.Count))];
                var (lateShare, onlineShare) = quality[agency];
                var received = start.AddDays(rng.Next(today.DayNumber - start.DayNumber + 1));
                var due = received.AddDays(rng.Next(3, 21));
                DateOnly? resolved = null;
                var late = rng.NextDouble() < lateShare;
                var r = late ? due.AddDays(rng.Next(1, 15)) : received.AddDays(rng.Next(0, due.DayNumber - received.DayNumber + 1));
                if (r <= today && rng.NextDouble() > 0.02) resolved = r;
                var online = rng.NextDouble() < onlineShare;
                var fee = rng.NextDouble() < 0.4;
                var overdue = (resolved ?? today) > due;
                yield return new DossierRecord
                {
                    Code = $"HS{received.Year}-{i + 1:D7}", AgencyId = agency, ProcedureCode = $"1.00{rng.Next(1000, 1040)}",
                    Channel = online ? DossierChannel.Online : rng.NextDouble() < 0.08 ? DossierChannel.Post : DossierChannel.Counter,
                    Received = received, Due = due, Resolved = resolved, FeeBearing = fee, PaidOnline = fee && online && rng.NextDouble() < 0.7,
                    Digitised = rng.NextDouble() < 0.78, ElectronicResult = resolved is not null && rng.NextDouble() < 0.72,
                    Synced = rng.NextDouble() < 0.96, Apology = overdue && rng.NextDouble() < 0.75,
                    Rating = resolved is null ? DossierRating.None : rng.NextDouble() < 0.05 + (overdue ? 0.3 : 0) ? DossierRating.Dissatisfied
                        : rng.NextDouble() < 0.45 ? DossierRating.Satisfied : DossierRating.None,
                    ImportedAt = now,
                };
            }
        }
        var written = await db.InTransactionAsync(() => writer.WriteAsync(Generate(), ct), ct);
        return written.Added + written.Updated;
    }
}
