using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Time;
using ParHub.Web.App;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// A programme's index per agency and for the province, with n, the margin of error, "chưa đủ mẫu", the rank within the
/// programme's groups and last year beside this year; charts; the report (DOCX, NĐ 30/2020) and the table (XLSX).
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class ResultsModel(SipasReports reports) : PageModel
{
    public SipasReport? Report { get; private set; }
    public SipasResults.Computed? Computed => Report?.Current;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Report = await reports.ReportAsync(id, ct);
        return Report is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (await reports.ReportAsync(id, ct) is not { } r) return NotFound();
        return File(SipasReportFiles.Docx(r, VietnamTime.Today(clock)), SipasReportFiles.DocxType, $"bao-cao-sipas-{r.Current.Programme.Year}.docx");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (await reports.ReportAsync(id, ct) is not { } r) return NotFound();
        return File(SipasReportFiles.Xlsx(r), SipasReportFiles.XlsxType, $"ket-qua-sipas-{r.Current.Programme.Year}.xlsx");
    }

    /// <summary>The class of a heat-map cell: five bands of the share, and one for no answer.</summary>
    public static string Heat(decimal? share) => Core.Sipas.SipasIndex.Round(share) switch
    {
        null => "heat-none",
        >= 95 => "heat-4",
        >= 90 => "heat-3",
        >= 80 => "heat-2",
        >= 70 => "heat-1",
        _ => "heat-0",
    };
}
