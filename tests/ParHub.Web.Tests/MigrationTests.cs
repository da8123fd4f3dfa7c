using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ParHub.Core.Agencies;
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
                """INSERT INTO agencies ("Code","Kind","Name","Aliases","SearchText","IsDemo") VALUES ('OLD','Department','Sở Cũ','','so cu',FALSE)""".Replace("FALSE", provider == DbProvider.Sqlite ? "0" : "FALSE"));
            await ctx.Database.ExecuteSqlRawAsync(
                """INSERT INTO "AspNetUsers" ("Id","FullName","CreatedAt","UserName","NormalizedUserName","EmailConfirmed","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount") VALUES ('u1','Người cũ','2024-01-01T00:00:00Z','old','OLD',FALSE,FALSE,FALSE,TRUE,0)"""
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
    public async Task The_audit_log_refuses_updates_and_deletes()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = Context(db);
        await MigratorFor(ctx).MigrateAsync();
        ctx.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, UserName = "a", Action = "create", EntityType = "X", EntityId = "1" });
        await ctx.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("""UPDATE audit_entries SET "UserName" = 'b'"""));
        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        ctx.ChangeTracker.Clear();
        Assert.Equal("a", (await ctx.AuditEntries.SingleAsync()).UserName);
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DbProvider.Sqlite);
public sealed class PostgresMigrationTests() : MigrationTests(DbProvider.Postgres);
