using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>
/// Import of a feedback (PAKN) export for the Coordinator: upload a .csv or .xlsx (size, type and content checked;
/// stored aside), preview every bad line, then apply — all the rows, or only the good ones when the officer ticks that
/// the bad lines are left out. Re-importing updates by channel and code and never duplicates.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[UploadLimit(MaxBytes + 64 * 1024, "Tệp vượt quá 50 MB.")]
public class ImportModel(ImportFeedback import, DatabaseSettings settings) : PageModel, IUploadPage
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public void Refuse(string message) => Error = message;

    public FeedbackPreview? Preview { get; private set; }
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    private string PendingDir => Path.Combine(settings.UploadsDir, "pending");

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { Error = "Vui lòng chọn tệp .csv hoặc .xlsx."; return Page(); }
        if (file.Length > MaxBytes) { Error = "Tệp vượt quá 50 MB."; return Page(); }
        var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx")) { Error = "Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx xuất từ hệ thống tiếp nhận phản ánh, kiến nghị."; return Page(); }
        Directory.CreateDirectory(PendingDir);
        Upload = Guid.NewGuid().ToString("N") + ext;
        var path = Path.Combine(PendingDir, Upload);
        await using (var s = file.OpenReadStream())
        await using (var fs = System.IO.File.Create(path)) await s.CopyToAsync(fs, ct);
        if (!await ContentMatchesAsync(path, ext, ct))
        {
            System.IO.File.Delete(path);
            Error = ext == ".csv" ? "Tệp không phải văn bản CSV (UTF-8)." : "Tệp không phải bảng tính .xlsx.";
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        try { Preview = await import.PreviewAsync(path, ct); }
        catch (UnreadableFileException e)
        {
            System.IO.File.Delete(path);
            (Error, Upload) = (e.Message, null);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string upload, string? name, bool leaveOutBad, CancellationToken ct)
    {
        var path = PendingPath(upload);
        if (path is null) { Error = "Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."; return Page(); }
        try
        {
            var written = await import.RunAsync(path, name ?? "", leaveOutBad, ct);
            System.IO.File.Delete(path);
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

    private string? PendingPath(string? upload)
    {
        var ok = upload is { Length: > 32 } && Guid.TryParseExact(upload[..32], "N", out _) && upload[32..] is ".csv" or ".xlsx";
        var path = ok ? Path.Combine(PendingDir, upload!) : null;
        return path is not null && System.IO.File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Content check: an .xlsx starts as a ZIP archive; a .csv's first 8 KB hold no NUL byte and are valid UTF-8 (an
    /// .xlsx or .exe renamed .csv is refused).
    /// </summary>
    private static async Task<bool> ContentMatchesAsync(string path, string ext, CancellationToken ct)
    {
        var buffer = new byte[8192];
        int read;
        await using (var fs = System.IO.File.OpenRead(path)) read = await fs.ReadAsync(buffer, ct);
        if (ext == ".xlsx") return FileSignatures.Matches(ext, buffer.AsSpan(0, read));
        if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0) return false;
        var end = read;
        while (end > 0 && end > read - 4 && (buffer[end - 1] & 0xC0) == 0x80) end--; // a character cut at the end of the sample
        if (end > 0 && buffer[end - 1] >= 0xC0) end--;
        try { _ = new System.Text.UTF8Encoding(false, true).GetString(buffer, 0, end); return true; }
        catch (System.Text.DecoderFallbackException) { return false; }
    }
}
