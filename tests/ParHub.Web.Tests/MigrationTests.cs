using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ParHub.Core.Agencies;
using ParHub.Web.Data;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>The hand-written migrations produce exactly the schema the EF model expects, and upgrades keep data.</summary>
public abstract class MigrationTests(DbProvider provider)
{
    private static ParHubDbContext Context(TestDatabase db)
    {
        var settings = DatabaseSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(db.Settings).Build());
        var options = new DbContextOptionsBuilder<ParHubDbContext>();
        settings.Configure(options);
        return new ParHubDbContext(options.Options);
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
        Assert.Equal(Migrator.All(provider).Select(m => m.Id), applied);

        if (provider == DbProvider.Sqlite) Directory.CreateDirectory(expected.DataDir);
        await b.Database.OpenConnectionAsync();
        await b.Database.ExecuteSqlRawAsync(b.Database.GenerateCreateScript());

        var actual = await SchemaReader.ReadAsync(a.Database.GetDbConnection(), provider);
        var model = await SchemaReader.ReadAsync(b.Database.GetDbConnection(), provider);
        Assert.True(model.Count > 50, "the schema reader read too little: " + model.Count);
        Assert.Equal(model.Except(actual).ToList(), (IEnumerable<string>)[]);
        Assert.Equal(actual.Except(model).ToList(), (IEnumerable<string>)[]);
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = Context(db);
        Assert.NotEmpty(await MigratorFor(ctx).MigrateAsync());
        Assert.Empty(await MigratorFor(ctx).MigrateAsync());
        Assert.Equal(Migrator.All(provider).Select(m => m.Id), await MigratorFor(ctx).AppliedAsync());
    }

    [Fact]
    public async Task Upgrading_from_the_previous_migration_keeps_existing_rows()
    {
        var all = Migrator.All(provider);
        Assert.True(all.Count >= 2);
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = Context(db))
        {
            await MigratorFor(ctx).MigrateAsync(target: all[^2].Id);
            Assert.Equal(all.SkipLast(1).Select(m => m.Id), await MigratorFor(ctx).AppliedAsync());
            // Rows written by the previous version, with plain SQL as that version's schema has it.
            await ctx.Database.ExecuteSqlRawAsync(
                """INSERT INTO agencies ("Code","Kind","Name","Aliases","SearchText","IsDemo") VALUES ('OLD','Department','Sở Cũ','','so cu',FALSE)""".Replace("FALSE", provider == DbProvider.Sqlite ? "0" : "FALSE"));
            await ctx.Database.ExecuteSqlRawAsync(
                """INSERT INTO "AspNetUsers" ("Id","FullName","CreatedAt","UserName","NormalizedUserName","EmailConfirmed","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount") VALUES ('u1','Người cũ','2024-01-01T00:00:00Z','old','OLD',FALSE,FALSE,FALSE,TRUE,0)"""
                    .Replace("FALSE", provider == DbProvider.Sqlite ? "0" : "FALSE").Replace("TRUE", provider == DbProvider.Sqlite ? "1" : "TRUE"));
        }
        await using (var ctx = Context(db))
        {
            Assert.Equal([all[^1].Id], await MigratorFor(ctx).MigrateAsync());
            var agency = await ctx.Agencies.SingleAsync(a => a.Code == "OLD");
            Assert.Equal("Sở Cũ", agency.Name);
            Assert.Equal(AgencyKind.Department, agency.Kind);
            var user = await ctx.Users.SingleAsync(u => u.UserName == "old");
            Assert.Equal("Người cũ", user.FullName);
            // The new migration's table works with the kept rows.
            ctx.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "x", TokenHash = new string('a', 64), Prefix = "phk_x", CreatedAt = DateTime.UtcNow });
            await ctx.SaveChangesAsync();
            Assert.Equal(1, await ctx.ApiTokens.CountAsync());
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
