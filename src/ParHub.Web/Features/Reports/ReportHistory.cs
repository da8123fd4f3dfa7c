using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>A refused action; the message is shown as it is.</summary>
public sealed class ReportRuleException(string message, IReadOnlyList<ValueError>? errors = null) : Exception(message)
{
    public IReadOnlyList<ValueError> Errors { get; } = errors ?? [];
}

/// <summary>Somebody else saved the report since it was opened; nothing was overwritten.</summary>
public sealed class ReportConflictException(string message) : Exception(message);

/// <summary>
/// What every step in a report's life writes besides its change: the report stamped (who, when, the next version) and
/// a revision with the values at that moment. Saving turns a lost race into <see cref="ReportConflictException"/>.
/// </summary>
public sealed class ReportHistory(ParHubDbContext db, ICurrentUser user, TimeProvider clock)
{
    public const string EntityType = "Report";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string UserName => user.Name;

    /// <summary>The report as loaded for a change (with its values); <see cref="KeyNotFoundException"/> (404) when there is none.</summary>
    public async Task<AgencyReport> LoadAsync(int id, CancellationToken ct) =>
        await db.Reports.Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException();

    /// <summary>Who changed it and when; the version moves on (the concurrency token).</summary>
    public void Stamp(AgencyReport report)
    {
        report.UpdatedAt = Now;
        report.UpdatedBy = user.Name;
        report.Version++;
    }

    public static void DemandVersion(AgencyReport report, int version, string tail)
    {
        if (version != report.Version)
            throw new ReportConflictException($"Báo cáo vừa được {report.UpdatedBy} cập nhật lúc {VietnamTime.Show(report.UpdatedAt)}{tail}");
    }

    public static string Id(AgencyReport report) => report.Id.ToString(CultureInfo.InvariantCulture);

    public void AddRevision(AgencyReport report, string action, string? comment)
    {
        // The number follows the report's version, which the concurrency check keeps unique.
        db.ReportRevisions.Add(new ReportRevision
        {
            ReportId = report.Id, No = report.Version, Action = action, Status = report.Status, At = Now,
            UserName = user.Name, Comment = comment,
            Snapshot = JsonSerializer.Serialize(report.Values.OrderBy(v => v.Code)
                .Select(v => new { v.Code, v.Value, v.Denominator, v.Text, Source = v.Source.ToString(), v.Reason }), Json.Options),
        });
    }

    public async Task<string?> LastActionAsync(int reportId, CancellationToken ct) =>
        await db.ReportRevisions.Where(r => r.ReportId == reportId).OrderByDescending(r => r.No).Select(r => r.Action).FirstOrDefaultAsync(ct);

    public async Task SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e is DbUpdateException u && Notifications.Notifier.IsSameEvent(u))
        {
            throw new ReportConflictException(
                "Báo cáo vừa được người khác cập nhật. Số liệu của bạn chưa được lưu: tải lại trang để xem bản mới.");
        }
    }

    /// <summary>The values as the audit log shows them (a text cut at 200 characters, a rate as "n/d").</summary>
    public static Dictionary<string, string?> Snapshot(IEnumerable<ReportValueRow> values) =>
        values.ToDictionary(v => v.Code, v => v.Text is { } t ? (t.Length > 200 ? t[..200] + "…" : t)
            : v.Denominator is { } d ? $"{N(v.Value)}/{d.ToString(CultureInfo.InvariantCulture)}" : N(v.Value));

    private static string? N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture);
}
