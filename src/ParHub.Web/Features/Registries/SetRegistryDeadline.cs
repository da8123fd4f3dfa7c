using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Registries;
using ParHub.Core.Time;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Registries;

/// <summary>The deadline a year's plan sets for a registry (seed 000: agencies' plans before 15 January, budget proposals before 20 January).</summary>
public sealed record SetRegistryDeadlineRequest(string Kind, int Year, string? Due);

/// <summary>
/// Sets the deadline by which every agency owes a registry its entry in a year, as that year's CCHC plan sets it
/// (<see cref="Expectation"/> gives the default): by the Admin or the Coordinator only, a date of that year, stored as a
/// setting with its audit line in one transaction. Who is late is read against it.
/// </summary>
public sealed class SetRegistryDeadline(ParHubDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock)
{
    public static string Key(string kind, int year) => string.Create(CultureInfo.InvariantCulture, $"registry-due:{kind}:{year}");

    public Task<DateOnly> RunAsync(SetRegistryDeadlineRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        if (!RegistryAccess.IsProvince(user)) throw new UnauthorizedAccessException();
        if (RegistryCatalog.Find(request.Kind) is not { Expected.DueMonth: not null } kind) throw new KeyNotFoundException();
        if (!VnDate.TryParse(request.Due, out var due)) throw new RegistryRefusedException(["Hạn: " + VnDate.Invalid]);
        if (due.Year != request.Year) throw new RegistryRefusedException([$"Hạn phải là một ngày của năm {request.Year}."]);
        var key = Key(kind.Code, request.Year);
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        var before = setting?.Value;
        if (setting is null) db.Settings.Add(setting = new Setting { Key = key });
        setting.Value = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (setting.UpdatedAt, setting.UpdatedBy) = (clock.GetUtcNow().UtcDateTime, user.Name);
        audit.RecordChange("Setting", key, null, $"Hạn {kind.Expected!.Text} năm {request.Year}",
            before is null ? null : new Dictionary<string, string?> { ["Hạn"] = VnDate.ShowTyped(before) },
            new Dictionary<string, string?> { ["Hạn"] = VnDate.Show(due) });
        await db.SaveChangesAsync(ct);
        return due;
    }, ct);
}
