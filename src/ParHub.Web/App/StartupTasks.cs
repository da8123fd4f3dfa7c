using ParHub.Web.Data;
using ParHub.Web.Features.Demo;

namespace ParHub.Web.App;

/// <summary>
/// At start-up: applies pending migrations, and on an empty database seeds the demo province (unless
/// <c>PARHUB_DEMO=off</c>) and prints the demo logins.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration config) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        if (await InitializeAsync(scope.ServiceProvider, config, ct)) Console.WriteLine(DemoLogins());
    }

    /// <summary>Migrates, seeds an empty database with the demo province; true when demo users exist.</summary>
    public static async Task<bool> InitializeAsync(IServiceProvider sp, IConfiguration config, CancellationToken ct = default)
    {
        var log = sp.GetRequiredService<ILogger<StartupTasks>>();
        await sp.GetRequiredService<Migrator>().MigrateAsync(ct: ct);
        var seeder = sp.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync();
        if (await seeder.IsEmptyAsync(ct) && !string.Equals(config["PARHUB_DEMO"], "off", StringComparison.OrdinalIgnoreCase))
        {
            log.LogInformation("Empty database: seeding the demo province");
            await seeder.SeedAsync(DemoScale.Small, ct);
        }
        return await seeder.HasDemoUsersAsync();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static string DemoLogins()
    {
        var lines = new List<string> { "", "Tài khoản dùng thử (mật khẩu chung: " + DemoProvince.DemoPassword + "):" };
        lines.AddRange(DemoProvince.Users().Select(u => $"  {u.UserName,-10} {Roles.Label(u.Role)}{(u.AgencyCode is null ? "" : " – " + u.AgencyCode)}"));
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }
}
