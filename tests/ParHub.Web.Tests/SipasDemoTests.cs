using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Sipas;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>The demo's survey programmes, and the bulk writer that fills them (COPY on PostgreSQL, JSON inserts on SQLite).</summary>
public abstract class SipasDemoTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task The_demo_has_last_years_published_programme_and_this_years_collecting_one_with_responses_on_every_channel()
    {
        var programmes = await app.WithDbAsync(db => db.SurveyProgrammes.Where(p => p.Title.Contains("dữ liệu mẫu")).OrderBy(p => p.Year).ToListAsync());
        Assert.Equal([SurveyState.Published, SurveyState.Collecting], programmes.Select(p => p.State));
        Assert.Equal(programmes[0].Year + 1, programmes[1].Year);
        Assert.NotNull(programmes[0].Decision);
        var last = programmes[0].Id;
        var channels = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.ProgrammeId == last).Select(r => r.Channel).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<SurveyChannel>().Order(), channels.Order());
        // 250 in the tests' factories (PARHUB_DEMO_RESPONSES), four fifths last year.
        Assert.Equal(200, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == last)));
        var cutoff = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc); // the other test writes into this programme after it
        Assert.Equal(50, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == programmes[1].Id && r.SubmittedAt < cutoff)));
        // Every agency surveyed has its population, so its sample size is known.
        var surveyed = await app.WithDbAsync(async db =>
            (await SurveyForms.AgenciesAsync(db, (await SurveyForms.ProgrammeAsync(db, last, default))!, default)).Count);
        Assert.Equal(surveyed, await app.WithDbAsync(db => db.SurveyPopulations.CountAsync(p => p.ProgrammeId == last)));

        using var scope = app.Services.CreateScope();
        var computed = (await scope.ServiceProvider.GetRequiredService<SipasResults>().ComputeAsync(last))!;
        Assert.InRange(computed.Province.Result.Sipas!.Value, 50m, 100m);
        // Rejected and on-hold forms are left out.
        Assert.Equal(await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ProgrammeId == last && r.Status == ResponseStatus.Valid)),
            computed.Province.Result.N);
    }

    [Fact]
    public async Task The_bulk_writer_stores_exactly_what_it_is_given_and_the_index_reads_it()
    {
        var (programme, questionnaire, agencies) = await app.WithDbAsync(async db =>
        {
            var p = await db.SurveyProgrammes.Include(x => x.Groups).SingleAsync(x => x.State == SurveyState.Collecting && x.Title.Contains("dữ liệu mẫu"));
            return (p.Id, p.QuestionnaireId!.Value, (await SurveyForms.AgenciesAsync(db, p, default)).Select(a => a.Id).Take(2).ToArray());
        });
        var when = new DateTime(2030, 10, 3, 8, 15, 30, 250, DateTimeKind.Utc); // after the demo's
        var tag = Guid.NewGuid().ToString("N")[..12];
        List<SurveyResponse> Batch() => Enumerable.Range(0, 7).Select(i => new SurveyResponse
        {
            ProgrammeId = programme, QuestionnaireId = questionnaire, AgencyId = agencies[i % 2], Channel = (SurveyChannel)(i % 6),
            ClientId = i % 2 == 0 ? $"{tag}-{i}" : null, Status = i == 6 ? ResponseStatus.Rejected : ResponseStatus.Valid,
            StatusReason = i == 6 ? "Trùng “phiếu” khác" : null, SubmittedAt = when.AddMinutes(i), EnteredBy = i == 3 ? "cchc" : null,
            Answers = [new() { ItemCode = "8.c", Value = 1 }, new() { ItemCode = "9.1", Value = 1 + i % 5 }, new() { ItemCode = "9.24", Value = 5 },
                new() { ItemCode = "11", Text = i == 1 ? "Cán bộ tận tình; \"nhanh\" \\ gọn" : null }],
        }).ToList();
        var batch = Batch();
        using (var scope = app.Services.CreateScope())
            Assert.Equal(7, await scope.ServiceProvider.GetRequiredService<SurveyResponseWriter>().WriteAsync(batch));
        Assert.Equal(7, batch.Select(r => r.Id).Distinct().Count());

        var stored = await app.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Include(r => r.Answers)
            .Where(r => batch.Select(b => b.Id).Contains(r.Id)).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(7, stored.Count);
        foreach (var (w, s) in batch.OrderBy(b => b.Id).Zip(stored))
        {
            Assert.Equal((w.ProgrammeId, w.QuestionnaireId, w.AgencyId, w.Channel, w.ClientId, w.Status, w.StatusReason, w.EnteredBy),
                (s.ProgrammeId, s.QuestionnaireId, s.AgencyId, s.Channel, s.ClientId, s.Status, s.StatusReason, s.EnteredBy));
            Assert.Equal(w.SubmittedAt, DateTime.SpecifyKind(s.SubmittedAt, DateTimeKind.Utc));
            Assert.Equal(w.Answers.Select(a => (a.ItemCode, a.Value, a.Text)).Order(), s.Answers.Select(a => (a.ItemCode, a.Value, a.Text)).Order());
        }
        // The same client ids again: the unique index refuses the batch, and none of it is stored.
        using (var scope = app.Services.CreateScope())
            await Assert.ThrowsAnyAsync<Exception>(() => scope.ServiceProvider.GetRequiredService<SurveyResponseWriter>().WriteAsync(Batch()));
        Assert.Equal(7, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SubmittedAt >= when && r.SubmittedAt <= when.AddMinutes(6)
            && r.ProgrammeId == programme && (r.ClientId == null || r.ClientId.StartsWith(tag)))));
    }
}

public sealed class SqliteSipasDemoTests(SqliteFactory app) : SipasDemoTests<SqliteFactory>(app);
public sealed class PostgresSipasDemoTests(PostgresFactory app) : SipasDemoTests<PostgresFactory>(app);
