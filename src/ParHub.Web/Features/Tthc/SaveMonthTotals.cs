using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Time;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Tthc;

/// <summary>What the officer typed for one agency's month (by field code), and the version of the month the form showed (0: new).</summary>
public sealed record SaveMonthTotalsRequest(int AgencyId, int Year, int Month, int Version, IReadOnlyDictionary<string, string?> Input);

/// <summary>The month as stored, and the warning to show (it does not carry on from last month), if any.</summary>
public sealed record MonthTotalsSaved(DossierMonthTotals Totals, string? Warning);

/// <summary>Refused: the month does not balance (every problem listed) or cannot be entered; nothing was stored.</summary>
public sealed class MonthTotalsRefusedException(IReadOnlyList<MonthProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<MonthProblem> Problems { get; } = problems;
}

/// <summary>Somebody else saved the month since the form was opened; nothing was overwritten.</summary>
public sealed class MonthTotalsConflictException(string message) : Exception(message);

/// <summary>
/// Stores an agency's dossier totals of a month (<see cref="DossierMonthTotals"/>): only by who may enter them
/// (<see cref="TthcAccess.MayEnter"/>; otherwise <see cref="UnauthorizedAccessException"/>, 403), only when they balance
/// (<see cref="MonthTotals.Read"/>), only over the version the form showed; the change and its audit line in one
/// transaction. Not carrying on from last month's pending is a warning, not a refusal.
/// </summary>
public sealed class SaveMonthTotals(ParHubDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string EntityType = "DossierMonthTotals";

    public Task<MonthTotalsSaved> RunAsync(SaveMonthTotalsRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (agencyId, year, month, version, input) = request;
        if (!TthcAccess.MayEnter(user, agencyId)) throw new UnauthorizedAccessException();
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct)) throw new KeyNotFoundException();
        if (MonthTotals.MonthRefusal(year, month, VietnamTime.Today(clock)) is { } refusal) throw new MonthTotalsRefusedException([new(null, refusal)]);
        var (counts, problems) = MonthTotals.Read(input);
        if (counts is not { } c) throw new MonthTotalsRefusedException(problems);

        var row = await db.DossierMonthTotals.FirstOrDefaultAsync(t => t.AgencyId == agencyId && t.Year == year && t.Month == month, ct);
        if ((row?.Version ?? 0) != version)
            throw new MonthTotalsConflictException(row is null
                ? "Số liệu tháng này không còn như lúc mở. Số liệu của bạn chưa được lưu: tải lại trang rồi nhập lại."
                : $"Số liệu tháng {month}/{year} vừa được {row.EnteredBy} cập nhật lúc {VietnamTime.Show(row.EnteredAt)}. "
                    + "Số liệu của bạn chưa được lưu: tải lại trang để xem bản mới rồi nhập lại.");
        var before = row is null ? null : Snapshot(row.Counts);
        if (row is null) db.DossierMonthTotals.Add(row = new DossierMonthTotals { AgencyId = agencyId, Year = year, Month = month });
        row.Counts = c;
        row.EnteredBy = user.Name;
        row.EnteredAt = clock.GetUtcNow().UtcDateTime;
        row.Version++;
        audit.RecordChange(EntityType, Id(agencyId, year, month), agencyId, $"Nhập số liệu tổng hợp hồ sơ TTHC tháng {month}/{year}", before,
            Snapshot(c));
        await SaveAsync(before is null, ct);

        var (py, pm) = MonthTotals.Previous(year, month);
        var previous = await db.DossierMonthTotals.AsNoTracking().FirstOrDefaultAsync(t => t.AgencyId == agencyId && t.Year == py && t.Month == pm, ct);
        return new MonthTotalsSaved(row, MonthTotals.CarriedWarning(c, previous?.Counts, year, month));
    }, ct);

    /// <summary>A new month may lose a race to another first entry (the unique key), an update to another save (the version).</summary>
    private async Task SaveAsync(bool created, CancellationToken ct)
    {
        const string conflict = "Số liệu tháng này vừa được người khác lưu. Số liệu của bạn chưa được lưu: tải lại trang để xem bản mới rồi nhập lại.";
        if (created)
        {
            if (!await db.TrySaveAsync("month_totals", ct)) throw new MonthTotalsConflictException(conflict);
            return;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new MonthTotalsConflictException(conflict); }
    }

    public static string Id(int agencyId, int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{agencyId}:{year}-{month:D2}");

    /// <summary>The counts as the audit log shows them, by field label.</summary>
    public static Dictionary<string, string?> Snapshot(MonthCounts c) =>
        MonthTotals.Fields.ToDictionary(f => f.Label, f => (string?)f.Get(c).ToString(CultureInfo.InvariantCulture));
}
