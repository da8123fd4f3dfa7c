using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Shared;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>
/// Import of a feedback (PAKN) export for the Coordinator: upload a .csv or .xlsx (size, type and content checked;
/// stored aside), preview every bad line, then apply — all the rows, or only the good ones when the officer ticks that
/// the bad lines are left out. Re-importing updates by channel and code and never duplicates.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[UploadLimit(MaxBytes + 64 * 1024, "Tệp lớn hơn mức tối đa 50 MB.")]
public class ImportModel(ImportFeedback import, PendingTables pending) : PageModel, IUploadPage
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public void Refuse(string message) => Error = message;

    public FeedbackPreview? Preview { get; private set; }
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        (Upload, Error) = await pending.StoreAsync(file, MaxBytes, "xuất từ hệ thống tiếp nhận phản ánh, kiến nghị", ct);
        if (Upload is null) return Page();
        var path = pending.PathOf(Upload)!;
        FileName = Path.GetFileName(file!.FileName);
        try { Preview = await import.PreviewAsync(path, ct); }
        catch (UnreadableFileException e)
        {
            pending.Delete(Upload);
            (Error, Upload) = (e.Message, null);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string upload, string? name, bool leaveOutBad, CancellationToken ct)
    {
        var path = pending.PathOf(upload);
        if (path is null) { Error = "Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."; return Page(); }
        try
        {
            var written = await import.RunAsync(path, name ?? "", leaveOutBad, ct);
            pending.Delete(upload);
            TempData["Message"] = $"Đã nhập phản ánh, kiến nghị: {written.Added:N0} mới, {written.Updated:N0} cập nhật, {written.Unchanged:N0} không đổi.";
            return Redirect("/Tthc/Pakn/Import?done=1");
        }
        catch (FeedbackImportException e)
        {
            (Error, Upload, FileName) = (e.Message, upload, name);
            Preview = await import.PreviewAsync(path, ct);
            return Page();
        }
        catch (UnreadableFileException e) { Error = e.Message; return Page(); }
    }
}
