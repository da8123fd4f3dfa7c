using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Audit;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Reports;

/// <summary>The province's own text per section of the form (field code → text; a blank text removes it).</summary>
public sealed record SaveProvinceReportRequest(RegimeSetup Regime, ReportingPeriod Period, IReadOnlyDictionary<string, string?> Texts);

/// <summary>
/// Saves the province's own text per section, kept as the province agency's report of the period (made on the first
/// save). Sở Nội vụ only. The change and its audit entry commit together. False when the directory has no province.
/// </summary>
public sealed class SaveProvinceReport(ParHubDbContext db, ReportSetup setup, ReportAccess access, ReportHistory history, AuditLog audit)
{
    public const string Prefix = "P_";

    public async Task<bool> RunAsync(SaveProvinceReportRequest request, CancellationToken ct = default)
    {
        if (!await access.IsReviewerAsync()) throw new UnauthorizedAccessException();
        var (regime, period, texts) = request;
        var province = await db.Agencies.Where(a => a.Kind == AgencyKind.Province).OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (province == 0) return false;
        var (formRow, form) = await setup.LatestFormAsync(regime.Setting.FormKey, ct);
        var key = regime.Setting.Key;
        await db.InTransactionAsync(async () =>
        {
            var report = await db.Reports.Include(r => r.Values)
                .FirstOrDefaultAsync(r => r.RegimeKey == key && r.PeriodCode == period.Code && r.AgencyId == province, ct);
            if (report is null)
            {
                report = new AgencyReport
                {
                    RegimeKey = key, PeriodCode = period.Code, AgencyId = province, FormId = formRow.Id, Status = ReportStatus.Draft,
                    DueOn = period.Due, Version = 1,
                };
                db.Reports.Add(report);
            }
            var changes = Apply(report, form, texts);
            history.Stamp(report);
            // A new report gets its id from the database; its audit entry names it, in the same transaction.
            if (report.Id == 0) await db.SaveChangesAsync(ct);
            audit.Record("update", ReportHistory.EntityType, ReportHistory.Id(report), province, $"Nội dung báo cáo của tỉnh {period.Code}", changes);
            await db.SaveChangesAsync(ct);
        }, ct);
        return true;
    }

    private static List<FieldChange> Apply(AgencyReport report, ReportForm form, IReadOnlyDictionary<string, string?> texts)
    {
        var changes = new List<FieldChange>();
        foreach (var s in form.Sections)
        {
            var code = Prefix + s.Code;
            var text = texts.TryGetValue(code, out var t) && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;
            if (text is { Length: > ReportCheck.MaxTextLength }) text = text[..ReportCheck.MaxTextLength];
            var row = report.Values.FirstOrDefault(v => v.Code == code);
            if (row?.Text == text) continue;
            changes.Add(new(code, row?.Text is { } old ? Cut(old) : null, text is null ? null : Cut(text)));
            if (text is null)
            {
                if (row is not null) report.Values.Remove(row);
                continue;
            }
            if (row is null) report.Values.Add(row = new ReportValueRow { Code = code, Source = ValueSource.Entered });
            row.Text = text;
        }
        return changes;
    }

    private static string Cut(string s) => s.Length > 200 ? s[..200] : s;
}
