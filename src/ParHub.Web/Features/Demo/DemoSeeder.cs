using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Demo;

public enum DemoScale { Small, Large }

/// <summary>Fills an empty database with the demo province, its groups, the roles and one demo user per role.</summary>
public sealed class DemoSeeder(ParHubDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    AuditLog audit, Migrator migrator, DemoPlans plans, DemoReports demoReports, DemoIndex demoIndex,
    DemoProvinceIndex demoProvinceIndex, DemoSurvey demoSurvey, DemoDossiers demoDossiers,
    DemoProcedures demoProcedures, DemoFeedback demoFeedback, DemoRegistries demoRegistries, IConfiguration config,
    ILogger<DemoSeeder> log)
{
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.Agencies.AnyAsync(ct);

    public async Task<bool> HasDemoUsersAsync() =>
        await users.FindByNameAsync(DemoProvince.Users()[1].UserName) is not null;

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Drops every table and applies the migrations again.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", ct);
        }
        else
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;", ct);
                var conn = db.Database.GetDbConnection();
                var tables = new List<string>();
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'";
                    await using var r = await cmd.ExecuteReaderAsync(ct);
                    while (await r.ReadAsync(ct)) tables.Add(r.GetString(0));
                }
                foreach (var t in tables)
                {
                    await using var drop = conn.CreateCommand();
                    drop.CommandText = "DROP TABLE IF EXISTS \"" + t.Replace("\"", "\"\"") + "\"";
                    await drop.ExecuteNonQueryAsync(ct);
                }
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;", ct);
            }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        db.ChangeTracker.Clear();
        await migrator.MigrateAsync(ct: ct);
    }

    public async Task SeedAsync(DemoScale scale, CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        var rows = DemoProvince.Agencies().ToList();
        if (scale == DemoScale.Large) rows.AddRange(DemoProvince.LargeExtras());

        var byCode = new Dictionary<string, Agency>();
        foreach (var r in rows)
        {
            var a = new Agency
            {
                Code = r.Code, Kind = r.Kind, Name = r.Name, ShortName = r.ShortName, Aliases = r.Aliases,
                ValidFrom = r.From, ValidTo = r.To, IsDemo = r.Demo,
            };
            a.RefreshSearchText();
            byCode[r.Code] = a;
            db.Agencies.Add(a);
        }
        await db.SaveChangesAsync(ct);
        foreach (var r in rows)
        {
            var a = byCode[r.Code];
            a.ParentId = r.Parent is null ? null : byCode[r.Parent].Id;
            a.SuccessorId = r.Successor is null ? null : byCode[r.Successor].Id;
        }
        foreach (var g in DemoProvince.Groups())
        {
            var group = new AgencyGroup { Code = g.Code, Name = g.Name, Aliases = g.Aliases };
            foreach (var r in rows.Where(g.Includes)) group.Members.Add(new AgencyGroupMember { Agency = byCode[r.Code] });
            db.AgencyGroups.Add(group);
        }
        audit.Record("import", "Directory", "demo", null, $"Dữ liệu mẫu ({rows.Count} cơ quan, quy mô {scale})", []);
        await db.SaveChangesAsync(ct);

        foreach (var u in DemoProvince.Users())
        {
            var user = new AppUser
            {
                UserName = u.UserName, FullName = u.FullName, Email = $"{u.UserName}@demo.parhub.vn", EmailConfirmed = true,
                AgencyId = u.AgencyCode is null ? null : byCode[u.AgencyCode].Id,
            };
            // The demo password is refused for any password a person chooses (CommonPasswordValidator), so it is set here as a hash.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoProvince.DemoPassword);
            var result = await users.CreateAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, u.Role);
        }
        var tasks = scale == DemoScale.Large
            ? await plans.SeedAsync(years: 10, plansPerYear: 50, tasksPerPlan: 100, ct: ct)
            : await plans.SeedAsync(years: 2, plansPerYear: 2, tasksPerPlan: 20, ct: ct);
        var reports = await demoReports.SeedAsync(years: scale == DemoScale.Large ? 10 : 1, ct: ct);
        if (scale == DemoScale.Large) await demoIndex.SeedAsync("XA", ct: ct); // last year's PAR Index of ~260 communes
        await demoIndex.SeedOpenAsync(ct: ct); // this year's departments' cycle, open: the homes of officers and appraisers
        await demoProvinceIndex.SeedAsync(ct); // the province's own, scored by its departments
        // ~5,000 survey responses, four fifths last year (40,000 last year at large scale: the size the index must compute in
        // under a second); PARHUB_DEMO_RESPONSES sets the small scale's total (the tests' factories take a few hundred).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var total = scale == DemoScale.Large ? 50_000 : int.TryParse(config["PARHUB_DEMO_RESPONSES"], out var t) && t >= 0 ? t : 5_000;
        var responses = await demoSurvey.SeedAsync(scale == DemoScale.Large ? 40_000 : total * 4 / 5, scale == DemoScale.Large ? 1_000 : total / 5, ct: ct);
        log.LogInformation("Seeded {Responses} survey responses in {Ms} ms", responses, watch.ElapsedMilliseconds);
        // A year of dossiers: 20,000 (PARHUB_DEMO_DOSSIERS sets it; the tests' factories take a few hundred), 2 million at large scale.
        watch.Restart();
        var dossiers = await demoDossiers.SeedAsync(scale == DemoScale.Large ? 2_000_000
            : int.TryParse(config["PARHUB_DEMO_DOSSIERS"], out var d) && d >= 0 ? d : 20_000, ct: ct);
        log.LogInformation("Seeded {Dossiers} dossiers in {Ms} ms", dossiers, watch.ElapsedMilliseconds);
        var procedures = await demoProcedures.SeedAsync(ct); // the catalogue of the codes the dossiers use
        log.LogInformation("Seeded {Procedures} procedures", procedures);
        // A year of feedback (PAKN): 3,000 (PARHUB_DEMO_FEEDBACK sets it), 100,000 at large scale.
        watch.Restart();
        var feedback = await demoFeedback.SeedAsync(scale == DemoScale.Large ? 100_000
            : int.TryParse(config["PARHUB_DEMO_FEEDBACK"], out var pf) && pf >= 0 ? pf : 3_000, ct: ct);
        log.LogInformation("Seeded {Feedback} feedback items in {Ms} ms", feedback, watch.ElapsedMilliseconds);
        var registries = await demoRegistries.SeedAsync(ct); // every registry, so that report fields and criteria show figures
        log.LogInformation("Seeded {Entries} registry entries", registries);
        // After a bulk load PostgreSQL's planner needs fresh statistics, or it plans for empty tables until autovacuum runs.
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true) await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        log.LogInformation(
            "Seeded the demo province: {Agencies} agencies, {Users} users, {Tasks} tasks, {Reports} reports, {Responses} survey responses, "
            + "{Dossiers} dossiers, {Feedback} feedback items", rows.Count, DemoProvince.Users().Count, tasks, reports, responses, dossiers, feedback);
    }
}
