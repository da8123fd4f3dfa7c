using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// Live province totals of a period (sums of numerators and denominators), by group, against the previous period and
/// the same period last year; every agency's text per section; the province's own text; DOCX and XLSX downloads.
/// </summary>
[Authorize(Roles = Roles.ProvinceWide)]
public class ProvinceModel(ParHubDbContext db, ReportSetup setup, ReportQueries queries, ProvinceReportDocument document, ReportAccess access,
    TimeProvider clock)
    : PageModel
{
    public RegimeSetup Regime { get; private set; } = null!;
    public ReportingPeriod Period { get; private set; } = null!;
    public ProvinceReportContent Doc { get; private set; } = null!;
    public IReadOnlyDictionary<string, AggregateValue>? LastYear { get; private set; }
    public string? LastYearLabel { get; private set; }
    public List<(string Group, ProvinceTotals Totals)> Groups { get; private set; } = [];
    public string? Section { get; private set; }
    public List<Narrative> Narratives { get; private set; } = [];
    /// <summary>Sở Nội vụ writes the province's own text (<see cref="ReportOperations.Review"/>).</summary>
    public bool CanWrite { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public Dictionary<string, string?> Texts { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string? regime, string? period, string? section, bool? saved, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(regime) || string.IsNullOrEmpty(period)) // the menu's link: the period being collected
            return await setup.OpenPeriodAsync(VietnamTime.Today(clock), ct) is { } open
                ? Redirect($"/Reports/Province?regime={open.Regime.Setting.Key}&period={open.Period.Code}") : NotFound();
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
        return File(ProvinceReportDocument.Xlsx(Doc), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"phu-luc-so-lieu-{Period.Code}.xlsx");
    }

    /// <summary>Saves the province's own text per section, kept as the province agency's report of the period.</summary>
    public async Task<IActionResult> OnPostTextsAsync(string regime, string period, [FromServices] SaveProvinceReport save, CancellationToken ct)
    {
        CanWrite = await access.IsReviewerAsync();
        if (!CanWrite) return Forbid();
        if (!await LoadAsync(regime, period, ct)) return NotFound();
        if (!await save.RunAsync(new(Regime, Period, Texts), ct)) return NotFound();
        return Redirect($"/Reports/Province?regime={regime}&period={period}&saved=true");
    }

    private async Task<bool> LoadAsync(string regime, string period, CancellationToken ct)
    {
        var r = await setup.RegimeAsync(regime, ct);
        var p = r?.Period(period);
        if (r is null || p is null) return false;
        (Regime, Period) = (r, p);
        CanWrite = await access.IsReviewerAsync();
        Doc = await document.ContentAsync(r, p, ct);
        return true;
    }
}
