using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// Import of a dossier export for the Coordinator: upload a .csv or .xlsx (size, type and content checked; stored aside,
/// streamed), see how its columns map to ParHub's — as found by their titles, as the source remembers them, or as the
/// officer maps them on the page — and every bad line, then apply: all the rows, or only the good ones when the
/// officer ticks that the bad lines are left out. Re-importing updates by dossier code and never duplicates; the
/// mapping is remembered for the source named.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[UploadLimit(MaxBytes + 64 * 1024, "Tệp lớn hơn mức tối đa 300 MB.")]
public class ImportModel(ImportDossiers import, PendingTables pending) : PageModel, IUploadPage
{
    public const long MaxBytes = 300L * 1024 * 1024;

    public void Refuse(string message) => Error = message;

    public DossierPreview? Preview { get; private set; }
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public string? Source { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<DossierSource> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sources = await import.SourcesAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, string? source, CancellationToken ct)
    {
        Source = source?.Trim();
        var (upload, error) = await pending.StoreAsync(file, MaxBytes, "xuất từ hệ thống một cửa", ct);
        if (error is not null) { Error = error; return await PageAsync(ct); }
        (Upload, FileName) = (upload, Path.GetFileName(file!.FileName));
        return await PreviewAsync(await import.MappingOfAsync(Source, ct), ct);
    }

    /// <summary>The same file read again through the columns the officer mapped on the preview.</summary>
    public async Task<IActionResult> OnPostMapAsync(string? upload, string? name, string? source, [FromForm] Dictionary<string, string>? map,
        CancellationToken ct)
    {
        (Upload, FileName, Source) = (upload, name, source?.Trim());
        if (pending.PathOf(upload) is null) { (Error, Upload) = ("Phiên nhập đã hết hạn, vui lòng tải tệp lên lại.", null); return await PageAsync(ct); }
        return await PreviewAsync(Clean(map), ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(string? upload, string? name, string? source, bool leaveOutBad,
        [FromForm] Dictionary<string, string>? map, CancellationToken ct)
    {
        var path = pending.PathOf(upload);
        if (path is null) { Error = "Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."; return await PageAsync(ct); }
        var mapping = Clean(map);
        try
        {
            var written = await import.RunAsync(path, name ?? "", leaveOutBad, mapping, source, ct);
            pending.Delete(upload);
            TempData["Message"] = $"Đã nhập hồ sơ: {written.Added:N0} mới, {written.Updated:N0} cập nhật, {written.Unchanged:N0} không đổi.";
            return Redirect("/Tthc/Import?done=1");
        }
        catch (DossierImportException e)
        {
            (Error, Upload, FileName, Source) = (e.Message, upload, name, source?.Trim());
            return await PreviewAsync(mapping, ct, keepError: true);
        }
    }

    private async Task<IActionResult> PreviewAsync(IReadOnlyDictionary<string, string> mapping, CancellationToken ct, bool keepError = false)
    {
        Preview = await import.PreviewAsync(pending.PathOf(Upload)!, mapping, ct);
        if (Preview.FileError is { } fileError)
        {
            pending.Delete(Upload);
            (Error, Upload, Preview) = (fileError, null, null);
        }
        else if (!keepError) Error = null;
        return await PageAsync(ct);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Sources = await import.SourcesAsync(ct);
        return Page();
    }

    /// <summary>The posted mapping: known columns only, a title each (an empty choice leaves the column to be found by its title).</summary>
    private static Dictionary<string, string> Clean(Dictionary<string, string>? map) =>
        (map ?? []).Where(m => DossierCsv.Columns.Contains(m.Key) && !string.IsNullOrWhiteSpace(m.Value))
            .ToDictionary(m => m.Key, m => m.Value.Trim(), StringComparer.Ordinal);
}
