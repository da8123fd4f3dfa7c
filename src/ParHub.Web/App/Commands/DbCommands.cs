using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Demo;

namespace ParHub.Web.App.Commands;

/// <summary><c>db migrate</c>, <c>db script</c>.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "áp dụng các bản cập nhật cơ sở dữ liệu; in {provider, applied, current}");
        migrate.SetAction(_ => CliHost.WithServicesAsync(initialize: false, MigrateAsync));
        var script = new Command("script", "in lệnh SQL tạo cơ sở dữ liệu theo mô hình hiện tại (của PARHUB_DB hoặc SQLite)");
        script.SetAction(_ => CliHost.WithServicesAsync(initialize: false, ScriptAsync));
        return new Command("db", "cơ sở dữ liệu: cập nhật, lệnh tạo") { migrate, script };
    }

    private static async Task<int> MigrateAsync(IServiceProvider sp)
    {
        var migrator = sp.GetRequiredService<Migrator>();
        var applied = await migrator.MigrateAsync();
        await sp.GetRequiredService<DemoSeeder>().EnsureRolesAsync();
        CliHost.PrintJson(new
        {
            provider = sp.GetRequiredService<DatabaseSettings>().Provider.ToString(),
            applied,
            current = await migrator.AppliedAsync(),
        });
        return 0;
    }

    private static Task<int> ScriptAsync(IServiceProvider sp)
    {
        Console.WriteLine(sp.GetRequiredService<ParHubDbContext>().Database.GenerateCreateScript());
        return Task.FromResult(0);
    }
}
