using System.CommandLine;
using ParHub.Web.Features.Agencies;

namespace ParHub.Web.App.Commands;

/// <summary><c>agencies list [--json]</c>.</summary>
internal static class AgencyCommands
{
    public static Command Create()
    {
        var json = CliArgs.Flag("--json", "in dạng JSON");
        var list = new Command("list", "in danh mục cơ quan (--json: dạng JSON)") { json };
        list.SetAction(p => CliHost.WithServicesAsync(initialize: true, sp => ListAsync(sp, p.GetValue(json))));
        return new Command("agencies", "danh mục cơ quan") { list };
    }

    private static async Task<int> ListAsync(IServiceProvider sp, bool json)
    {
        var list = await AgencyApi.QueryAsync(sp.GetRequiredService<AgencyQueries>(), null, null, null, null, CancellationToken.None);
        if (json) CliHost.PrintJson(list);
        else foreach (var a in list) Console.WriteLine($"{a.Id,5}  {a.Code,-14} {a.Kind,-18} {a.Name}");
        return 0;
    }
}
