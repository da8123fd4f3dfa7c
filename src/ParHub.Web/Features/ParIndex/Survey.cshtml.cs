using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.Survey;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// Survey (SIPAS) results of a cycle, per agency: pasted from a spreadsheet or uploaded as XLSX, previewed (agency found,
/// points by the rule, the value replaced, or what is wrong), then applied in one transaction.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
[RequestSizeLimit(5 * 1024 * 1024)]
[ParHub.Web.App.UploadLimit(5 * 1024 * 1024, "Tệp vượt quá 5 MB.")]
public class SurveyModel(ParHubDbContext db, PreviewSurvey preview, PreviewSipasFeed sipas) : PageModel, ParHub.Web.App.IUploadPage
{
    public void Refuse(string message) => Error = message;

    public AssessmentCycle Cycle { get; private set; } = null!;
    public string FrameworkTitle { get; private set; } = "";
    public List<FrameworkNode> SurveyNodes { get; private set; } = [];
    public List<SurveyPreviewLine>? Preview { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public string? Rows { get; set; }

    /// <summary>The computed SIPAS the cycle can take its survey points from (null with <see cref="SipasError"/> saying why).</summary>
    public SipasFeedPreview? Sipas { get; private set; }
    public bool SipasPreviewed { get; private set; }
    public string? SipasError { get; private set; }
    /// <summary>The mapping editor: survey criterion → SIPAS, a part or a component.</summary>
    [BindProperty] public Dictionary<string, string> Target { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? applied, int? sipas, int? skipped, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (applied is { } n) Message = $"Đã nhập kết quả điều tra cho {n} cơ quan.";
        if (sipas is { } s)
            Message = $"Đã lấy kết quả SIPAS cho {s} cơ quan" + (skipped is > 0 ? $"; {skipped} dòng giữ nguyên (chưa có kết quả hoặc chưa đủ mẫu)." : ".");
        await LoadSipasAsync(id, null, false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSipasPreviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await LoadSipasAsync(id, MapText(), true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSipasApplyAsync(int id, [FromServices] ApplySipasFeed apply, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var done = await apply.RunAsync(id, MapText(), ct);
            return Redirect($"/ParIndex/Survey/{id}?sipas={done.Changed}&skipped={done.Skipped}");
        }
        catch (IndexRuleException e)
        {
            await LoadSipasAsync(id, MapText(), true, ct);
            SipasError = e.Message;
        }
        return Page();
    }

    private string MapText() => string.Join("\n", Target.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={kv.Value}"));

    private async Task LoadSipasAsync(int id, string? map, bool previewed, CancellationToken ct)
    {
        try
        {
            Sipas = await sipas.RunAsync(id, map, ct);
            SipasPreviewed = previewed;
        }
        catch (IndexRuleException e) { SipasError = e.Message; }
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await LoadSipasAsync(id, null, false, ct);
        try
        {
            if (file is { Length: > 0 }) Rows = await FromXlsxAsync(file);
            Preview = await preview.RunAsync(id, SurveyTable.Split(Rows ?? ""), ct);
            if (Preview.Count == 0) Error = "Chưa có dòng nào: dán bảng (cơ quan, tỷ lệ %) hoặc chọn tệp XLSX.";
        }
        catch (IndexRuleException e) { Error = e.Message; }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, [FromServices] ApplySurvey apply, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var n = await apply.RunAsync(id, SurveyTable.Split(Rows ?? ""), ct);
            return Redirect($"/ParIndex/Survey/{id}?applied={n}");
        }
        catch (IndexRuleException e)
        {
            Error = e.Message;
            await LoadSipasAsync(id, null, false, ct);
            Preview = await preview.RunAsync(id, SurveyTable.Split(Rows ?? ""), ct);
        }
        return Page();
    }

    /// <summary>The first sheet of an XLSX as tab-separated lines (shown in the text box, so what is applied is what was seen).</summary>
    private static async Task<string> FromXlsxAsync(IFormFile file)
    {
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new IndexRuleException("Chỉ nhận tệp Excel .xlsx (hoặc dán bảng vào ô bên dưới).");
        var ms = new MemoryStream();
        await file.CopyToAsync(ms);
        ms.Position = 0;
        try { return string.Join("\n", ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(ms).Select(r => string.Join("\t", r.Take(3)))); }
        catch (ParHub.Web.Shared.Office.UnreadableFileException e) { throw new IndexRuleException(e.Message); }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return false;
        Cycle = cycle;
        var row = await db.IndexFrameworks.AsNoTracking().FirstAsync(f => f.Id == cycle.FrameworkId, ct);
        FrameworkTitle = row.Title;
        SurveyNodes = IndexData.Definition(row).Nodes.Where(n => n.IsSurvey).ToList();
        return true;
    }
}
