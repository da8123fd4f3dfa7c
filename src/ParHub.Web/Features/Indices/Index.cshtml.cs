using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Indices;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Indices;

/// <summary>
/// The indices the province is measured by (PAR Index and SIPAS as the Ministry publishes them, PAPI, PCI, DTI, PGI,
/// the 766 index): each year's score and rank, by dimension where published, typed or imported from a spreadsheet;
/// their trends. Province-wide roles read; Admin and Coordinator record.
/// </summary>
[Authorize(Roles = Roles.ProvinceWide)]
[RequestSizeLimit(5 * 1024 * 1024)]
[ParHub.Web.App.UploadLimit(5 * 1024 * 1024, "Tệp vượt quá 5 MB.")]
public class IndexModel(ParHubDbContext db, IndexTrends trends, ParHub.Web.App.ICurrentUser user) : PageModel, ParHub.Web.App.IUploadPage
{
    public void Refuse(string message) => Error = message;

    public List<IndexTrend> Trends { get; private set; } = [];
    public List<ExternalIndexValue> Values { get; private set; } = [];
    public bool CanManage => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public string? IndexCode { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Dimension { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Score { get; set; }
    [BindProperty] public string? Rank { get; set; }
    [BindProperty] public string? RankOf { get; set; }
    [BindProperty] public string? Source { get; set; }

    public async Task OnGetAsync(string? done, int? count, CancellationToken ct)
    {
        Message = done switch { "saved" => "Đã lưu.", "deleted" => "Đã xóa.", "imported" => $"Đã nhập {count} dòng.", _ => null };
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync([FromServices] SaveIndexValue save, CancellationToken ct) =>
        Act(() => save.RunAsync(new ExternalFigures.Typed(IndexCode, Year, Dimension, Title, Score, Rank, RankOf, Source), ct), "saved", ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, [FromServices] DeleteIndexValue delete, CancellationToken ct) =>
        Act(() => delete.RunAsync(id, ct), "deleted", ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, [FromServices] ImportIndexValues import, CancellationToken ct)
    {
        var count = 0;
        return await Act(async () =>
        {
            if (file is null || file.Length == 0) throw new IndexValueException("Chưa chọn tệp.");
            if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new IndexValueException("Chỉ nhận tệp Excel (.xlsx).");
            await using var s = file.OpenReadStream();
            count = await import.RunAsync(s, ct);
        }, "imported", ct, () => count);
    }

    /// <summary>The import template: the header and every figure recorded (so that it also serves as the export).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        static string? N(decimal? v) => v is { } x ? Core.Reports.VietnameseNumber.Format(x) : null;
        var rows = Values.Select(v => (IReadOnlyList<string?>)[v.Index, v.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Dimension,
            v.Title, N(v.Score), v.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v.RankOf?.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Source]);
        return File(ParHub.Web.Shared.Office.Xlsx.Write("Chỉ số", ImportIndexValues.Header, rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "chi-so-danh-gia.xlsx");
    }

    private async Task<IActionResult> Act(Func<Task> action, string done, CancellationToken ct, Func<int>? count = null)
    {
        try
        {
            await action();
            return Redirect($"/Indices?done={done}" + (count is null ? "" : $"&count={count()}"));
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexValueException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Trends = await trends.QueryAsync(ct);
        Values = (await db.ExternalIndexValues.AsNoTracking().ToListAsync(ct))
            .OrderBy(v => v.Index, StringComparer.Ordinal).ThenByDescending(v => v.Year).ThenBy(v => v.Dimension, Core.Scoring.RuleText.CodeOrder).ToList();
    }
}
