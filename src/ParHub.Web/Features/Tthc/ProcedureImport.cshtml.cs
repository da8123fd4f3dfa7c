using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// Import of the procedure catalogue for the province roles that import dossiers (Coordinator, Admin): upload a .csv or
/// .xlsx (size, type and content checked; stored aside), preview the counts and every bad line, then apply — all, or the
/// good rows only when the officer ticks that the bad lines are left out.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[UploadLimit(MaxBytes + 64 * 1024, "Tệp vượt quá 20 MB.")]
public class ProcedureImportModel(ImportProcedures import, DatabaseSettings settings) : PageModel, IUploadPage
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public void Refuse(string message) => Error = message;

    public ProcedurePreview? Preview { get; private set; }
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    private string PendingDir => Path.Combine(settings.UploadsDir, "pending");

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { Error = "Vui lòng chọn tệp .csv hoặc .xlsx."; return Page(); }
        if (file.Length > MaxBytes) { Error = "Tệp vượt quá 20 MB."; return Page(); }
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx")) { Error = "Chỉ nhận tệp .csv (UTF-8) hoặc Excel .xlsx."; return Page(); }
        Directory.CreateDirectory(PendingDir);
        Upload = Guid.NewGuid().ToString("N") + extension;
        var path = Path.Combine(PendingDir, Upload);
        await using (var s = file.OpenReadStream())
        await using (var fs = System.IO.File.Create(path)) await s.CopyToAsync(fs, ct);
        if (!await ContentMatchesAsync(path, extension, ct))
        {
            System.IO.File.Delete(path);
            (Upload, Error) = (null, extension == ".csv" ? "Tệp không phải văn bản CSV (UTF-8)." : "Tệp không phải bảng tính Excel .xlsx.");
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        Preview = await import.PreviewAsync(path, ct);
        if (Preview.FileError is not null)
        {
            System.IO.File.Delete(path);
            (Upload, Error, Preview) = (null, Preview.FileError, null);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? upload, string? name, bool leaveOutBad, CancellationToken ct)
    {
        var path = PendingPath(upload);
        if (path is null) { Error = "Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."; return Page(); }
        try
        {
            var w = await import.RunAsync(path, name ?? "", leaveOutBad, ct);
            System.IO.File.Delete(path);
            TempData["Message"] = $"Đã nhập danh mục TTHC: {w.Added:N0} mới, {w.Updated:N0} cập nhật, {w.Unchanged:N0} không đổi; "
                + $"quyết định công bố: {w.DecisionsAdded:N0} mới, {w.DecisionsUpdated:N0} cập nhật.";
            return Redirect("/Tthc/ProcedureImport?done=1");
        }
        catch (ProcedureImportException e)
        {
            (Error, Upload, FileName) = (e.Message, upload, name);
            Preview = await import.PreviewAsync(path, ct);
            return Page();
        }
    }

    private string? PendingPath(string? upload)
    {
        var ok = upload is { Length: 36 or 37 } && Guid.TryParseExact(upload[..32], "N", out _) && upload[32..] is ".csv" or ".xlsx";
        var path = ok ? Path.Combine(PendingDir, upload!) : null;
        return path is not null && System.IO.File.Exists(path) ? path : null;
    }

    private static async Task<bool> ContentMatchesAsync(string path, string extension, CancellationToken ct)
    {
        if (extension == ".csv") return await ImportModel.LooksLikeTextAsync(path, ct);
        var head = new byte[FileSignatures.HeadLength];
        int read;
        await using (var fs = System.IO.File.OpenRead(path)) read = await fs.ReadAtLeastAsync(head, head.Length, false, ct);
        return FileSignatures.Matches(".xlsx", head.AsSpan(0, read));
    }
}
