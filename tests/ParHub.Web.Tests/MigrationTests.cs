using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ParHub.Core.Agencies;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// EF Core migrations produce exactly the schema of the model, the model has no change without its migration, a
/// database of the old hand-written scripts is carried over with every row, and two instances migrating at once are safe.
/// </summary>
public abstract class MigrationTests(DbProvider provider)
{
    private static ParHubDbContext Context(TestDatabase db)
    {
        var settings = DatabaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(db.Settings).Build());
        if (settings.Provider == DbProvider.Postgres)
        {
            var o = new DbContextOptionsBuilder<PostgresParHubDbContext>();
            settings.Configure(o);
            return new PostgresParHubDbContext(o.Options);
        }
        var s = new DbContextOptionsBuilder<SqliteParHubDbContext>();
        settings.Configure(s);
        return new SqliteParHubDbContext(s.Options);
    }

    private static Migrator MigratorFor(ParHubDbContext ctx) => new(ctx, NullLogger<Migrator>.Instance);

    [Fact]
    public async Task Migrations_produce_exactly_the_schema_of_the_model()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var expected = await TestDatabase.CreateAsync(provider);
        await using var a = Context(migrated);
        await using var b = Context(expected);

        var applied = await MigratorFor(a).MigrateAsync();
        Assert.Equal(Migrator.All(provider), applied);

        if (provider == DbProvider.Sqlite) Directory.CreateDirectory(expected.DataDir);
        await b.Database.OpenConnectionAsync();
        await b.Database.ExecuteSqlRawAsync(b.Database.GenerateCreateScript());

        await a.Database.OpenConnectionAsync();
        var actual = await SchemaReader.ReadAsync(a.Database.GetDbConnection(), provider);
        var model = await SchemaReader.ReadAsync(b.Database.GetDbConnection(), provider);
        Assert.True(model.Count > 50, "the schema reader read too little: " + model.Count);
        Assert.Equal(model.Except(actual).ToList(), (IEnumerable<string>)[]);
        Assert.Equal(actual.Except(model).ToList(), (IEnumerable<string>)[]);
    }

    [Fact]
    public void The_model_has_no_change_without_its_migration()
    {
        using var ctx = provider == DbProvider.Postgres
            ? (ParHubDbContext)new PostgresDesignTimeFactory().CreateDbContext([])
            : new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(ctx.Database.HasPendingModelChanges(),
            "the model changed: add a migration for both providers (see docs/architecture.md, Data)");
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = Context(db);
        Assert.NotEmpty(await MigratorFor(ctx).MigrateAsync());
        Assert.Empty(await MigratorFor(ctx).MigrateAsync());
        Assert.Equal(Migrator.All(provider), await MigratorFor(ctx).AppliedAsync());
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_both_succeed()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var first = Context(db);
        await using var second = Context(db);
        var results = await Task.WhenAll(MigratorFor(first).MigrateAsync(), MigratorFor(second).MigrateAsync());
        Assert.Equal(Migrator.All(provider), results.SelectMany(r => r).Order(StringComparer.Ordinal));
        await using var check = Context(db);
        Assert.Equal(Migrator.All(provider), await MigratorFor(check).AppliedAsync());
    }

    [Theory]
    [InlineData("0011_user_sessions")]
    [InlineData("0008_par_index")]
    public async Task A_database_of_the_old_scripts_is_carried_over_with_every_row(string oldVersion)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = Context(db))
        {
            await MigratorFor(ctx).ApplyLegacyAsync(upTo: oldVersion);
            // Rows written by that version, with plain SQL as its schema has them.
            await ctx.Database.ExecuteSqlRawAsync(
                """INSERT INTO agencies ("Code","Kind","Name","Aliases","SearchText","IsDemo") VALUES ('OLD','Department','Sở Cũ','','so cu',FALSE)"""
                    .Replace("FALSE", provider == DbProvider.Sqlite ? "0" : "FALSE"));
            await ctx.Database.ExecuteSqlRawAsync(
                ("""INSERT INTO "AspNetUsers" ("Id","FullName","CreatedAt","UserName","NormalizedUserName","EmailConfirmed","PhoneNumberConfirmed","""
                    + "\"TwoFactorEnabled\",\"LockoutEnabled\",\"AccessFailedCount\") "
                    + "VALUES ('u1','Người cũ','2024-01-01T00:00:00Z','old','OLD',FALSE,FALSE,FALSE,TRUE,0)")
                    .Replace("FALSE", provider == DbProvider.Sqlite ? "0" : "FALSE").Replace("TRUE", provider == DbProvider.Sqlite ? "1" : "TRUE"));
        }
        await using (var ctx = Context(db))
        {
            // The baseline is recorded, not run again; later migrations (if any) are applied.
            Assert.Equal(Migrator.All(provider).Skip(1), await MigratorFor(ctx).MigrateAsync());
            Assert.Equal(Migrator.All(provider), await MigratorFor(ctx).AppliedAsync());
            var agency = await ctx.Agencies.SingleAsync(a => a.Code == "OLD");
            Assert.Equal("Sở Cũ", agency.Name);
            Assert.Equal(AgencyKind.Department, agency.Kind);
            var user = await ctx.Users.SingleAsync(u => u.UserName == "old");
            Assert.Equal("Người cũ", user.FullName);
            ctx.UserSessions.Add(new UserSession { Id = "s1", UserId = user.Id, CreatedAt = DateTime.UtcNow });
            await ctx.SaveChangesAsync();
            Assert.Equal(1, await ctx.UserSessions.CountAsync());
            await ctx.Database.OpenConnectionAsync();
            var schema = await SchemaReader.ReadAsync(ctx.Database.GetDbConnection(), provider);
            await using var fresh = await TestDatabase.CreateAsync(provider);
            await using var f = Context(fresh);
            await MigratorFor(f).MigrateAsync();
            await f.Database.OpenConnectionAsync();
            var expected = await SchemaReader.ReadAsync(f.Database.GetDbConnection(), provider);
            expected.RemoveWhere(l => l.Contains(Migrator.HistoryTable));
            schema.RemoveWhere(l => l.Contains(Migrator.HistoryTable) || l.Contains(Migrator.LegacyHistoryTable));
            Assert.Equal(expected.Except(schema).ToList(), (IEnumerable<string>)[]);
            Assert.Equal(schema.Except(expected).ToList(), (IEnumerable<string>)[]);
        }
    }

    [Fact]
    public async Task ParHubs_figure_kept_in_an_override_reason_moves_to_its_own_columns_and_back()
    {
        var before = Migrator.All(provider).TakeWhile(m => !m.EndsWith("_PrefilledFigure", StringComparison.Ordinal)).Last();
        var prefilled = Migrator.All(provider).Single(m => m.EndsWith("_PrefilledFigure", StringComparison.Ordinal));
        await using var db = await TestDatabase.CreateAsync(provider);
        var rows = new (string Code, string Value, string Denominator, string Source, string? Reason)[]
        {
            ("plan_tasks", "13", "30", "Overridden", "Có thêm nhiệm vụ giao bổ sung [ParHub: 12/30]"),
            ("last_mark", "8", "NULL", "Overridden", "Ghi [ParHub: x] trong lý do [ParHub: 7]"),
            ("decimals", "2", "4", "Overridden", "Làm tròn\nhai dòng [ParHub: 1.5/4]"),
            ("prefilled", "5", "9", "Prefilled", null),
            ("entered", "3", "NULL", "Entered", null),
            ("no_mark", "4", "NULL", "Overridden", "Lý do không có số [ParHub]"),
        };
        int reportId;
        await using (var ctx = Context(db))
        {
            await MigratorFor(ctx).MigrateAsync(before);
            await ctx.Database.ExecuteSqlRawAsync(
                """INSERT INTO agencies ("Code","Kind","Name","Aliases","SearchText","IsDemo") VALUES ('OLD','Department','Sở Cũ','','so cu',FALSE)"""
                    .Replace("FALSE", provider == DbProvider.Sqlite ? "0" : "FALSE"));
            var form = new ReportFormVersion { Key = "f", Version = 1, Title = "f", Definition = "{}", CreatedAt = DateTime.UtcNow };
            ctx.ReportForms.Add(form);
            await ctx.SaveChangesAsync();
            var report = new AgencyReport
            {
                RegimeKey = "r", PeriodCode = "2025-Q1", AgencyId = await ctx.Agencies.Where(a => a.Code == "OLD").Select(a => a.Id).SingleAsync(),
                FormId = form.Id, UpdatedAt = DateTime.UtcNow, UpdatedBy = "old", Version = 2,
            };
            ctx.Reports.Add(report);
            await ctx.SaveChangesAsync();
            reportId = report.Id;
            foreach (var r in rows)
                await ctx.Database.ExecuteSqlRawAsync($"""
                    INSERT INTO report_values ("ReportId","Code","Value","Denominator","Source","Reason")
                    VALUES ({reportId},'{r.Code}',{r.Value},{r.Denominator},'{r.Source}',{(r.Reason is null ? "NULL" : $"'{r.Reason}'")})
                    """);
        }
        await using (var ctx = Context(db))
        {
            Assert.Equal([prefilled], await MigratorFor(ctx).MigrateAsync(prefilled));
            var stored = await ctx.ReportValues.AsNoTracking().Where(v => v.ReportId == reportId).ToDictionaryAsync(v => v.Code);
            Assert.Equal(rows.Length, stored.Count);
            (string?, decimal?, decimal?) Moved(string code) =>
                (stored[code].OfficerReason, stored[code].PrefilledValue, stored[code].PrefilledDenominator);
            Assert.Equal(("Có thêm nhiệm vụ giao bổ sung", 12m, 30m), Moved("plan_tasks"));
            Assert.Equal(("Ghi [ParHub: x] trong lý do", 7m, null), Moved("last_mark"));
            Assert.Equal(("Làm tròn\nhai dòng", 1.5m, 4m), Moved("decimals"));
            Assert.Equal((null, 5m, 9m), Moved("prefilled"));
            Assert.Equal((null, null, null), Moved("entered"));
            Assert.Equal(("Lý do không có số [ParHub]", null, null), Moved("no_mark"));
            Assert.Equal(13m, stored["plan_tasks"].Value);
            // Shown as before: the officer's reason with ParHub's figure beside it.
            foreach (var r in rows.Where(r => r.Reason is not null && r.Code != "no_mark"))
                Assert.Equal(r.Reason, stored[r.Code].Reason);

            // And back: the figure returns to the reason as ParHub wrote it.
            await ctx.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
            var reasons = await ctx.Database.SqlQueryRaw<string>(
                $"""SELECT "Reason" AS "Value" FROM report_values WHERE "ReportId" = {reportId} AND "Reason" IS NOT NULL ORDER BY "Code" """).ToListAsync();
            Assert.Equal(rows.Where(r => r.Reason is not null).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Reason!), reasons);
        }
    }

    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = Context(db);
        await MigratorFor(ctx).MigrateAsync();
        ctx.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, UserName = "a", Action = "create", EntityType = "X", EntityId = "1" });
        await ctx.SaveChangesAsync();
        // The trigger's own refusal, not any SQL error (a typo in the statement would pass a bare Exception).
        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => ctx.Database.ExecuteSqlRawAsync("""UPDATE audit_entries SET "UserName" = 'b'"""));
        Assert.Contains("audit_entries is append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ctx.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        Assert.Contains("audit_entries is append-only", delete.Message);
        ctx.ChangeTracker.Clear();
        Assert.Equal("a", (await ctx.AuditEntries.SingleAsync()).UserName);
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DbProvider.Sqlite);
public sealed class PostgresMigrationTests() : MigrationTests(DbProvider.Postgres);
