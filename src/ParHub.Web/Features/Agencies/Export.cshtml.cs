using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParHub.Web.Features.Agencies;

/// <summary>The whole directory as an XLSX file, in the layout the import reads.</summary>
public class ExportModel(AgencyXlsx xlsx, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        File(await xlsx.ExportAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"danh-muc-co-quan-{VietnamTime.Today(clock):yyyyMMdd}.xlsx");
}
