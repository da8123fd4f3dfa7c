using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Demo;

namespace ParHub.Web.App.Commands;

/// <summary><c>demo [--reset] [--scale small|large]</c>: the demo province and its data.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var reset = CliArgs.Flag("--reset", "xóa dữ liệu cũ trước khi nạp");
        var scale = CliArgs.Value("--scale", "small|large", "cỡ dữ liệu mẫu (mặc định small)");
        var demo = new Command("demo", "nạp dữ liệu mẫu (--reset: xóa dữ liệu cũ)") { reset, scale };
        demo.SetAction(p => CliHost.WithServicesAsync(initialize: false, sp => RunAsync(sp, p.GetValue(reset), p.GetValue(scale))));
        return demo;
    }

    private static async Task<int> RunAsync(IServiceProvider sp, bool reset, string? scaleName)
    {
        var scale = scaleName switch
        {
            null or "small" => DemoScale.Small,
            "large" => DemoScale.Large,
            var s => throw new CliException($"--scale phải là small hoặc large (không phải “{s}”)."),
        };
        var seeder = sp.GetRequiredService<DemoSeeder>();
        await sp.GetRequiredService<Migrator>().MigrateAsync();
        if (reset) await seeder.ResetAsync();
        else if (!await seeder.IsEmptyAsync())
            throw new CliException("Cơ sở dữ liệu đã có dữ liệu. Dùng --reset để xóa và nạp lại dữ liệu mẫu.");
        await seeder.SeedAsync(scale);
        var db = sp.GetRequiredService<ParHubDbContext>();
        CliHost.PrintJson(new
        {
            scale = scale.ToString().ToLowerInvariant(), agencies = await db.Agencies.CountAsync(), users = await db.Users.CountAsync(),
            plans = await db.Plans.CountAsync(), tasks = await db.PlanTasks.CountAsync(),
        });
        Console.Error.WriteLine(StartupTasks.DemoLogins());
        return 0;
    }
}
