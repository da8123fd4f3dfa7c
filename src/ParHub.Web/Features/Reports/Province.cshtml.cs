using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// Live province totals of a period (sums of numerators and denominators), by group, against the previous period and
/// the same period last year; every agency's text per section; the province's own text; DOCX and XLSX downloads.
/// </summary>
[Authorize(Roles = Roles.ProvinceWide)]
public class ProvinceModel(ParHubDbContext db, ReportSetup setup, ReportQueries queries, ProvinceReportDocument document, AuditLog audit, TimeProvider clock) : PageModel
{
    public RegimeSetup Regime { get; private set; } = null!;
    public ReportingPeriod Period { get; private set; } = null!;
    public ProvinceReportContent Doc { get; private set; } = null!;
    public IReadOnlyDictionary<string, AggregateValue>? LastYear { get; private set; }
    public string? LastYearLabel { get; private set; }
    public List<(string Group, ProvinceTotals Totals)> Groups { get; private set; } = [];
    public string? Section { get; private set; }
    public List<Narrative> Narratives { get; private set; } = [];
    public bool CanWrite => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Coordinator);
    public string? Message { get; private set; }
    [BindProperty] public Dictionary<string, string?> Texts { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string regime, string period, string? section, bool? saved, CancellationToken ct)
    {
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        // An unknown section (an old link, a typo) shows the first one.
        Section = Doc.Totals.Form.Sections.Any(s => s.Code == section) ? section : Doc.Totals.Form.Sections[0].Code;
        Narratives = await queries.NarrativesAsync(Regime, Period.Code, Doc.Totals.Form, Section!, ct);
        var (_, ly) = Regime.Comparisons(Period);
        if (ly is not null) { LastYear = (await queries.TotalsAsync(Regime, ly.Code, null, ct)).Values; LastYearLabel = ly.Label; }
        var groupCodes = Regime.ReporterGroups;
        var groups = await db.AgencyGroups.AsNoTracking().Where(g => groupCodes.Contains(g.Code)).ToListAsync(ct);
        foreach (var g in groups) Groups.Add((g.Name, await queries.TotalsAsync(Regime, Period.Code, g.Code, ct)));
        if (saved == true) Message ??= "Đã lưu nội dung báo cáo của tỉnh, thành phố.";
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(string regime, string period, CancellationToken ct)
    {
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        return File(document.Docx(Doc), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bao-cao-cchc-{Period.Code}.docx");
    }

    public async Task<IActionResult> OnGetPdfAsync(string regime, string period, CancellationToken ct)
    {
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        if (!ParHub.Web.Shared.Office.PdfConverter.Available)
        {
            Message = "Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; hãy tải bản DOCX.";
            return await OnGetAsync(regime, period, null, null, ct);
        }
        var pdf = await ParHub.Web.Shared.Office.PdfConverter.DocxToPdfAsync(document.Docx(Doc), ct);
        return File(pdf, "application/pdf", $"bao-cao-cchc-{Period.Code}.pdf");
    }

    public async Task<IActionResult> OnGetXlsxAsync(string regime, string period, CancellationToken ct)
    {
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        return File(ProvinceReportDocument.Xlsx(Doc), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"phu-luc-so-lieu-{Period.Code}.xlsx");
    }

    /// <summary>Saves the province's own text per section, kept as the province agency's report of the period.</summary>
    public async Task<IActionResult> OnPostTextsAsync(string regime, string period, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        var province = await db.Agencies.Where(a => a.Kind == AgencyKind.Province).OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (province == 0) return NotFound();
        var report = await db.Reports.Include(r => r.Values).FirstOrDefaultAsync(r => r.RegimeKey == regime && r.PeriodCode == period && r.AgencyId == province, ct);
        if (report is null)
        {
            var (form, _) = await setup.LatestFormAsync(Regime.Setting.FormKey, ct);
            report = new AgencyReport { RegimeKey = regime, PeriodCode = period, AgencyId = province, FormId = form.Id, Status = ReportStatus.Draft, DueOn = Period.Due, Version = 1 };
            db.Reports.Add(report);
        }
        var changes = new List<Core.Audit.FieldChange>();
        foreach (var s in Doc.Totals.Form.Sections)
        {
            var code = "P_" + s.Code;
            var text = Texts.TryGetValue(code, out var t) && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;
            if (text is { Length: > ReportCheck.MaxTextLength }) text = text[..ReportCheck.MaxTextLength];
            var row = report.Values.FirstOrDefault(v => v.Code == code);
            if (row?.Text == text) continue;
            changes.Add(new(code, row?.Text is { } old ? (old.Length > 200 ? old[..200] : old) : null, text is null ? null : (text.Length > 200 ? text[..200] : text)));
            if (text is null) { if (row is not null) report.Values.Remove(row); continue; }
            if (row is null) report.Values.Add(row = new ReportValueRow { Code = code, Source = ValueSource.Entered });
            row.Text = text;
        }
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = User.Identity?.Name ?? "";
        report.Version++;
        await db.SaveChangesAsync(ct);
        audit.Record("update", ReportWorkflow.EntityType, report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), province, $"Nội dung báo cáo của tỉnh {period}", changes);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Reports/Province?regime={regime}&period={period}&saved=true");
    }

    private async Task<bool> LoadAsync(string regime, string period, CancellationToken ct)
    {
        var r = await setup.RegimeAsync(regime, ct);
        var p = r?.Period(period);
        if (r is null || p is null) return false;
        (Regime, Period) = (r, p);
        Doc = await document.ContentAsync(r, p, ct);
        return true;
    }
}
