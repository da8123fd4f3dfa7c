using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Reports;

public sealed record OpenReportRequest(string Regime, string Period, int AgencyId);

/// <summary>
/// The agency's report for a period: the one made already (if the user may read it), or, on first open by the agency's
/// officer, a new draft with what ParHub knows filled in. Two first opens at once make one report.
/// </summary>
public sealed class OpenReport(ParHubDbContext db, ReportSetup setup, ReportPrefill prefill, ReportAccess access,
    ReportHistory history, AuditLog audit)
{
    public Task<AgencyReport> RunAsync(OpenReportRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (regimeKey, periodCode, agencyId) = request;
        var existing = await FindAsync(request, ct);
        if (existing is not null)
        {
            await access.DemandAsync(existing, ReportOperations.Read);
            return existing;
        }
        if (!await access.CanEditAsync(agencyId)) throw new UnauthorizedAccessException();
        var regime = await setup.RegimeAsync(regimeKey, ct)
            ?? throw new ReportRuleException($"Không có chế độ báo cáo \"{regimeKey}\".");
        var period = regime.Period(periodCode)
            ?? throw new ReportRuleException($"Kỳ báo cáo \"{periodCode}\" không thuộc chế độ {regimeKey}.");
        var expected = await setup.ExpectedAsync(regime, period, ct);
        if (expected.All(e => e.AgencyId != agencyId))
            throw new ReportRuleException("Cơ quan không thuộc diện báo cáo của chế độ này trong kỳ.");
        var (formRow, form) = await setup.LatestFormAsync(regime.Setting.FormKey, ct);
        var report = new AgencyReport
        {
            RegimeKey = regimeKey, PeriodCode = periodCode, AgencyId = agencyId, FormId = formRow.Id, Status = ReportStatus.Draft,
            DueOn = period.Due, UpdatedAt = history.Now, UpdatedBy = history.UserName, Version = 1,
        };
        foreach (var (code, v) in await prefill.ValuesAsync(form, period, agencyId, ct))
        {
            var row = new ReportValueRow { Code = code };
            row.Assign(v);
            report.Values.Add(row);
        }
        db.Reports.Add(report);
        // Two first opens at once: the other one made it; use that. The report's id is needed for its revision and audit.
        if (!await db.TrySaveAsync("open_report", ct))
            return await FindAsync(request, ct) ?? throw new InvalidOperationException("The report made meanwhile is gone.");
        history.AddRevision(report, "create", null);
        audit.Record("create", ReportHistory.EntityType, ReportHistory.Id(report), agencyId, $"Tạo báo cáo {period.Label} ({regimeKey})", []);
        await db.SaveChangesAsync(ct);
        return report;
    }, ct);

    private Task<AgencyReport?> FindAsync(OpenReportRequest r, CancellationToken ct) => db.Reports.Include(x => x.Values)
        .FirstOrDefaultAsync(x => x.RegimeKey == r.Regime && x.PeriodCode == r.Period && x.AgencyId == r.AgencyId, ct);
}
