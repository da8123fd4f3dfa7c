using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Sipas;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>A collecting survey that reaches an agency's required sample tells the Coordinators, once.</summary>
public abstract class SurveyQuotaTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task An_agency_that_reached_its_sample_is_told_to_the_coordinators_once()
    {
        var (programme, agency, n) = await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Where(x => x.State == SurveyState.Collecting).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var best = await db.SurveyResponses.Where(r => r.ProgrammeId == p && r.Status == ResponseStatus.Valid).GroupBy(r => r.AgencyId)
                .Select(g => new { g.Key, N = g.Count() }).OrderByDescending(x => x.N).FirstAsync();
            return (p, best.Key, best.N);
        });
        // A population whose required sample is what the agency has (a population of n needs at most n forms).
        await app.WithDbAsync(async db =>
        {
            db.SurveyPopulations.RemoveRange(db.SurveyPopulations.Where(x => x.ProgrammeId == programme));
            db.SurveyPopulations.Add(new SurveyPopulation { ProgrammeId = programme, AgencyId = agency, Population = n });
            return await db.SaveChangesAsync();
        });
        var key = $"survey:{programme}:{agency}:quota";
        async Task<int> WatchAsync()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SurveyQuotaWatch>().RunAsync();
            return await app.WithDbAsync(db => db.Notifications.CountAsync(x => x.Key == key));
        }
        var coordinators = await app.WithDbAsync(db => db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Coordinator")));
        Assert.Equal(coordinators, await WatchAsync());
        Assert.Equal(coordinators, await WatchAsync()); // never twice
        Assert.Contains("đã đủ mẫu", await app.WithDbAsync(db => db.Notifications.Where(x => x.Key == key).Select(x => x.Title).FirstAsync()));
    }
}

public sealed class SqliteSurveyQuotaTests(SqliteFactory app) : SurveyQuotaTests<SqliteFactory>(app);
public sealed class PostgresSurveyQuotaTests(PostgresFactory app) : SurveyQuotaTests<PostgresFactory>(app);
