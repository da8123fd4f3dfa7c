using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Dashboard;

/// <summary>The leaders' dashboard (GET), and its one-page brief as DOCX or PDF.</summary>
[Authorize(Roles = Roles.ProvinceWide)]
public class IndexModel(DashboardQuery query, ParHubDbContext db, TimeProvider clock, Indices.IndexTrends trends) : PageModel
{
    public DashboardView View { get; private set; } = null!;
    /// <summary>The province's results on the indices it is measured by (the Ministry's PAR Index and SIPAS, PAPI, PCI, …), by year.</summary>
    public List<Indices.IndexTrend> Trends { get; private set; } = [];
    public string? Group { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? group, CancellationToken ct)
    {
        Group = group;
        View = await query.QueryAsync(VietnamTime.Today(clock), group, ct);
        Trends = await trends.QueryAsync(ct);
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        var v = await query.QueryAsync(VietnamTime.Today(clock), null, ct);
        return File(DashboardBrief.Document(v, await ProvinceAsync(ct)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"tinh-hinh-cchc-{v.Today:yyyy-MM-dd}.docx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var v = await query.QueryAsync(VietnamTime.Today(clock), null, ct);
        if (!ParHub.Web.Shared.Office.PdfConverter.Available)
        {
            (View, Message) = (v, "Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; hãy tải bản DOCX.");
            return Page();
        }
        var pdf = await ParHub.Web.Shared.Office.PdfConverter.DocxToPdfAsync(DashboardBrief.Document(v, await ProvinceAsync(ct)), ct);
        return File(pdf, "application/pdf", $"tinh-hinh-cchc-{v.Today:yyyy-MM-dd}.pdf");
    }

    private async Task<string> ProvinceAsync(CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Kind == Core.Agencies.AgencyKind.Province).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "Tỉnh";
}
