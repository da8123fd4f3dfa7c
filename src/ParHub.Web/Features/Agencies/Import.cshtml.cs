using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Agencies;

/// <summary>Upload → preview (nothing written) → confirm (all rows in one transaction).</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(AgencyXlsx.MaxUploadBytes + 64 * 1024)]
[UploadLimit(AgencyXlsx.MaxUploadBytes + 64 * 1024, "Tệp vượt quá 5 MB.")]
public class ImportModel(AgencyXlsx xlsx, DatabaseSettings settings) : PageModel, IUploadPage
{
    public void Refuse(string message) => FileErrors.Add(message);

    public AgencyImportPreview? Preview { get; private set; }
    public List<string> FileErrors { get; private set; } = [];
    public string? Upload { get; private set; }

    private string PendingDir => Path.Combine(settings.UploadsDir, "pending");

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { FileErrors.Add("Vui lòng chọn tệp Excel (.xlsx)."); return Page(); }
        if (file.Length > AgencyXlsx.MaxUploadBytes) { FileErrors.Add("Tệp vượt quá 5 MB."); return Page(); }
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        { FileErrors.Add("Chỉ nhận tệp Excel định dạng .xlsx."); return Page(); }
        Directory.CreateDirectory(PendingDir);
        Upload = Guid.NewGuid().ToString("N");
        var path = Path.Combine(PendingDir, Upload + ".xlsx");
        await using (var fs = System.IO.File.Create(path)) await file.CopyToAsync(fs, ct);
        await using (var fs = System.IO.File.OpenRead(path)) Preview = await xlsx.PreviewAsync(fs, ct);
        FileErrors.AddRange(Preview.FileErrors);
        if (!Preview.CanApply) System.IO.File.Delete(path);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string upload, CancellationToken ct)
    {
        if (!Guid.TryParseExact(upload, "N", out _)) return BadRequest();
        var path = Path.Combine(PendingDir, upload + ".xlsx");
        if (!System.IO.File.Exists(path)) { FileErrors.Add("Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."); return Page(); }
        AgencyImportPreview preview;
        await using (var fs = System.IO.File.OpenRead(path)) preview = await xlsx.PreviewAsync(fs, ct);
        if (!preview.CanApply)
        {
            // The directory changed since the preview: show the new preview instead of writing.
            Preview = preview;
            Upload = upload;
            FileErrors.AddRange(preview.FileErrors);
            return Page();
        }
        var (created, updated) = await xlsx.ApplyAsync(preview, ct);
        System.IO.File.Delete(path);
        TempData["Message"] = $"Đã nhập danh mục: {created} cơ quan thêm mới, {updated} cơ quan cập nhật.";
        return Redirect("/Agencies");
    }
}
