using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Registries;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Registries;

/// <summary>A registry's import: upload → preview with every row's problems (nothing written) → confirm (every row in one transaction).</summary>
[Authorize]
[RequestSizeLimit(RegistryXlsx.MaxUploadBytes + 64 * 1024)]
[UploadLimit(RegistryXlsx.MaxUploadBytes + 64 * 1024, "Tệp vượt quá 5 MB.")]
public class ImportModel(RegistryXlsx xlsx, DatabaseSettings settings, ICurrentUser user) : PageModel, IUploadPage
{
    public RegistryKind Kind { get; private set; } = null!;
    public RegistryImportPreview? Preview { get; private set; }
    public List<string> FileErrors { get; private set; } = [];
    public string? Upload { get; private set; }

    public void Refuse(string message) => FileErrors.Add(message);

    private string PendingDir => Path.Combine(settings.UploadsDir, "pending");

    private IActionResult? Load(string kind)
    {
        if (RegistryCatalog.Find(kind) is not { } k) return NotFound();
        Kind = k;
        return RegistryAccess.MayWriteAny(user, k) ? null : Forbid();
    }

    public IActionResult OnGet(string kind) => Load(kind) ?? Page();

    public async Task<IActionResult> OnPostPreviewAsync(string kind, IFormFile? file, CancellationToken ct)
    {
        if (Load(kind) is { } refused) return refused;
        if (FileErrors.Count > 0) return Page();
        if (file is null || file.Length == 0) { FileErrors.Add("Vui lòng chọn tệp Excel (.xlsx)."); return Page(); }
        if (file.Length > RegistryXlsx.MaxUploadBytes) { FileErrors.Add("Tệp vượt quá 5 MB."); return Page(); }
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) { FileErrors.Add("Chỉ nhận tệp Excel định dạng .xlsx."); return Page(); }
        Directory.CreateDirectory(PendingDir);
        Upload = Guid.NewGuid().ToString("N");
        var path = Path.Combine(PendingDir, Upload + ".xlsx");
        await using (var fs = System.IO.File.Create(path)) await file.CopyToAsync(fs, ct);
        await using (var fs = System.IO.File.OpenRead(path)) Preview = await xlsx.PreviewAsync(Kind, fs, ct);
        FileErrors.AddRange(Preview.FileErrors);
        if (!Preview.CanApply) System.IO.File.Delete(path);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string kind, string upload, CancellationToken ct)
    {
        if (Load(kind) is { } refused) return refused;
        if (!Guid.TryParseExact(upload, "N", out _)) return BadRequest();
        var path = Path.Combine(PendingDir, upload + ".xlsx");
        if (!System.IO.File.Exists(path)) { FileErrors.Add("Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."); return Page(); }
        RegistryImportPreview preview;
        await using (var fs = System.IO.File.OpenRead(path)) preview = await xlsx.PreviewAsync(Kind, fs, ct);
        if (!preview.CanApply)
        {
            (Preview, Upload) = (preview, upload); // something changed since the preview: show the new one instead of writing
            FileErrors.AddRange(preview.FileErrors);
            return Page();
        }
        try
        {
            var (created, updated) = await xlsx.ApplyAsync(Kind, preview, ct);
            System.IO.File.Delete(path);
            TempData["Message"] = $"Đã nhập sổ {Kind.Title}: {created} mục thêm mới, {updated} mục cập nhật.";
            return Redirect($"/Registries/{Kind.Code}?year={preview.Rows.Select(r => Core.Time.VnDate.TryParse(r.Date, out var d) ? d.Year : 0).Max()}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (Exception e) when (e is RegistryRefusedException or RegistryConflictException)
        {
            FileErrors.Add("Chưa nhập: " + e.Message);
            return Page();
        }
    }
}
