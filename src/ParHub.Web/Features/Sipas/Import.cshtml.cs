using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// Import of responses from CSV/XLSX for the survey staff: upload (size, type and content checked), map columns to
/// items (matched on the header, editable) and the agency column, preview every bad row, then apply all or nothing.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(ImportTable.MaxBytes + 64 * 1024)]
[UploadLimit(ImportTable.MaxBytes + 64 * 1024, "Tệp vượt quá 5 MB.")]
public class ImportModel(ParHubDbContext db, ImportResponses import, DatabaseSettings settings) : PageModel, IUploadPage
{
    public const string MapPrefix = "m:";

    public void Refuse(string message) => Error = message;

    public SurveyProgramme Programme { get; private set; } = null!;
    public SurveyDefinition? Definition { get; private set; }
    public ImportTable? Table { get; private set; }
    public ImportPlan? Plan { get; private set; }
    public List<string?> Mapping { get; private set; } = [];
    public int AgencyColumn { get; private set; } = -1;
    public string? Upload { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    private string PendingDir => Path.Combine(settings.UploadsDir, "pending");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (file is null || file.Length == 0) { Error = "Vui lòng chọn tệp .csv hoặc .xlsx."; return Page(); }
        if (file.Length > ImportTable.MaxBytes) { Error = "Tệp vượt quá 5 MB."; return Page(); }
        var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx")) { Error = "Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx."; return Page(); }
        try
        {
            await using (var s = file.OpenReadStream()) Table = await ImportTable.ReadAsync(s, file.FileName, ct);
            Directory.CreateDirectory(PendingDir);
            Upload = Guid.NewGuid().ToString("N") + ext;
            await using (var s = file.OpenReadStream())
            await using (var fs = System.IO.File.Create(Path.Combine(PendingDir, Upload))) await s.CopyToAsync(fs, ct);
            FileName = Path.GetFileName(file.FileName);
            return await PreviewAsync(id, null, null, ct);
        }
        catch (SurveyRuleException e) { Error = e.Message; return Page(); }
    }

    public async Task<IActionResult> OnPostRemapAsync(int id, string upload, string? name, int agency, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!await PendingAsync(upload, name, ct)) return Page();
        try { return await PreviewAsync(id, Posted(), agency, ct); }
        catch (SurveyRuleException e) { Error = e.Message; return Page(); }
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, string upload, string? name, int agency, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!await PendingAsync(upload, name, ct)) return Page();
        var mapping = Posted();
        try
        {
            var added = await import.RunAsync(id, Table!, mapping, agency, FileName ?? "", ct);
            System.IO.File.Delete(Path.Combine(PendingDir, Upload!));
            TempData["Message"] = added == 0 ? "Không có phiếu mới: các dòng của tệp này đã được nhập trước đó." : $"Đã nhập {added} phiếu.";
            return Redirect($"/Sipas/Responses/{id}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (SurveyRuleException e)
        {
            Error = e.Message;
            try { return await PreviewAsync(id, mapping, agency, ct); }
            catch (SurveyRuleException) { return Page(); }
        }
    }

    private async Task<IActionResult> PreviewAsync(int id, IReadOnlyList<string?>? mapping, int? agency, CancellationToken ct)
    {
        (Plan, Definition) = await import.PreviewAsync(id, Table!, mapping, agency, ct);
        Mapping = (mapping ?? SurveyImport.AutoMap(Table!.Header, Definition)).ToList();
        AgencyColumn = agency ?? SurveyImport.AgencyColumn(Table!.Header);
        return Page();
    }

    /// <summary>The column → item mapping as posted ("m:3" = "9.1"; empty: not imported).</summary>
    private List<string?> Posted() => Enumerable.Range(0, Table!.Header.Count)
        .Select(i => Request.Form.TryGetValue(MapPrefix + i.ToString(CultureInfo.InvariantCulture), out var v) && !string.IsNullOrWhiteSpace(v)
            ? (string?)v.ToString().Trim() : null).ToList();

    private async Task<bool> PendingAsync(string? upload, string? name, CancellationToken ct)
    {
        var ok = upload is { Length: 36 or 37 } && Guid.TryParseExact(upload[..32], "N", out _) && upload[32..] is ".csv" or ".xlsx";
        var path = ok ? Path.Combine(PendingDir, upload!) : null;
        if (path is null || !System.IO.File.Exists(path)) { Error = "Phiên nhập đã hết hạn, vui lòng tải tệp lên lại."; return false; }
        try
        {
            await using var fs = System.IO.File.OpenRead(path);
            Table = await ImportTable.ReadAsync(fs, path, ct);
        }
        catch (SurveyRuleException e) { Error = e.Message; return false; }
        (Upload, FileName) = (upload, name);
        return true;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p is null) return false;
        Programme = p;
        return true;
    }
}
