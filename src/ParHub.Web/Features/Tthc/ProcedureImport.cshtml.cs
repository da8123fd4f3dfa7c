using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Shared;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// Import of the procedure catalogue for the province roles that import dossiers (Coordinator, Admin): upload a .csv or
/// .xlsx (size, type and content checked; stored aside), preview the counts and every bad line, then apply — all, or the
/// good rows only when the officer ticks that the bad lines are left out.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[UploadLimit(MaxBytes + 64 * 1024, "Tệp lớn hơn mức tối đa 20 MB.")]
public class ProcedureImportModel(ImportProcedures import, PendingTables pending) : PageModel, IUploadPage
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public void Refuse(string message) => Error = message;

    public ProcedurePreview? Preview { get; private set; }
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        (Upload, Error) = await pending.StoreAsync(file, MaxBytes, "của danh mục thủ tục", ct);
        if (Upload is null) return Page();
        var path = pending.PathOf(Upload)!;
        FileName = Path.GetFileName(file!.FileName);
        Preview = await import.PreviewAsync(path, ct);
        if (Preview.FileError is not null)
        {
            pending.Delete(Upload);
            (Upload, Error, Preview) = (null, Preview.FileError, null);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? upload, string? name, bool leaveOutBad, CancellationToken ct)
    {
        var path = pending.PathOf(upload);
        if (path is null) { Error = "Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."; return Page(); }
        try
        {
            var w = await import.RunAsync(path, name ?? "", leaveOutBad, ct);
            pending.Delete(upload);
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
}
