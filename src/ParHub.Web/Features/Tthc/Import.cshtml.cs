using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// Import of a dossier export for the Coordinator: upload (size, type and content checked; stored aside, streamed),
/// preview every bad line, then apply — all the rows, or only the good ones when the officer ticks that the bad lines
/// are left out. Re-importing updates by dossier code and never duplicates.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[UploadLimit(MaxBytes + 64 * 1024, "Tệp vượt quá 300 MB.")]
public class ImportModel(ImportDossiers import, DatabaseSettings settings) : PageModel, IUploadPage
{
    public const long MaxBytes = 300L * 1024 * 1024;

    public void Refuse(string message) => Error = message;

    public DossierPreview? Preview { get; private set; }
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    private string PendingDir => Path.Combine(settings.UploadsDir, "pending");

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { Error = "Vui lòng chọn tệp .csv."; return Page(); }
        if (file.Length > MaxBytes) { Error = "Tệp vượt quá 300 MB."; return Page(); }
        if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            Error = "Chỉ nhận tệp .csv (UTF-8) xuất từ hệ thống một cửa.";
            return Page();
        }
        Directory.CreateDirectory(PendingDir);
        Upload = Guid.NewGuid().ToString("N") + ".csv";
        var path = Path.Combine(PendingDir, Upload);
        await using (var s = file.OpenReadStream())
        await using (var fs = System.IO.File.Create(path)) await s.CopyToAsync(fs, ct);
        if (!await LooksLikeTextAsync(path, ct))
        {
            System.IO.File.Delete(path);
            Error = "Tệp không phải văn bản CSV (UTF-8).";
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        Preview = await import.PreviewAsync(path, ct);
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
            TempData["Message"] = $"Đã nhập hồ sơ: {written.Added:N0} mới, {written.Updated:N0} cập nhật, {written.Unchanged:N0} không đổi.";
            return Redirect("/Tthc/Import?done=1");
        }
        catch (DossierImportException e)
        {
            (Error, Upload, FileName) = (e.Message, upload, name);
            Preview = await import.PreviewAsync(path, ct);
            return Page();
        }
    }

    private string? PendingPath(string? upload)
    {
        var ok = upload is { Length: 36 } && Guid.TryParseExact(upload[..32], "N", out _) && upload[32..] == ".csv";
        var path = ok ? Path.Combine(PendingDir, upload!) : null;
        return path is not null && System.IO.File.Exists(path) ? path : null;
    }

    /// <summary>Content check: the first 8 KB hold no NUL byte and are valid UTF-8 (an .xlsx or .exe renamed .csv is refused).</summary>
    internal static async Task<bool> LooksLikeTextAsync(string path, CancellationToken ct)
    {
        var buffer = new byte[8192];
        int read;
        await using (var fs = System.IO.File.OpenRead(path)) read = await fs.ReadAsync(buffer, ct);
        if (read == 0 || buffer.AsSpan(0, read).Contains((byte)0)) return false;
        var end = read;
        while (end > 0 && end > read - 4 && (buffer[end - 1] & 0xC0) == 0x80) end--; // a character cut at the end of the sample
        if (end > 0 && buffer[end - 1] >= 0xC0) end--;
        try { _ = new System.Text.UTF8Encoding(false, true).GetString(buffer, 0, end); return true; }
        catch (System.Text.DecoderFallbackException) { return false; }
    }
}
