using System.CommandLine;
using ParHub.Web.Features.Notifications;

namespace ParHub.Web.App.Commands;

/// <summary><c>digest [--date YYYY-MM-DD]</c>: the daily reminder mail, now.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var date = CliArgs.Value("--date", "YYYY-MM-DD", "ngày của thư nhắc (mặc định hôm nay)");
        var digest = new Command("digest", "gửi thư nhắc hằng ngày (nhiệm vụ sắp đến hạn, quá hạn)") { date };
        digest.SetAction(p => CliHost.WithServicesAsync(initialize: true, sp => RunAsync(sp, p.GetValue(date))));
        return digest;
    }

    private static async Task<int> RunAsync(IServiceProvider sp, string? date)
    {
        var day = date is { } d ? CliArgs.Date(d, "--date") : VietnamTime.Today(sp.GetRequiredService<TimeProvider>());
        await sp.GetRequiredService<Features.Sipas.SurveyQuotaWatch>().RunAsync(); // surveys that reached a sample: told once
        var result = await sp.GetRequiredService<Reminders>().SendDigestAsync(day);
        // The command line does not wait for the server's outbox worker: it sends what it queued now.
        await sp.GetRequiredService<OutboxSender>().SendDueAsync();
        CliHost.PrintJson(result);
        return 0;
    }
}
