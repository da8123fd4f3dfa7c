using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Plans;

/// <summary>Upload → preview with flagged cells → fix inline → confirm, stored in one transaction.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(PlanFileReader.MaxBytes + 256 * 1024)]
[UploadLimit(PlanFileReader.MaxBytes + 256 * 1024, "Tệp vượt quá 20 MB.")]
public class ImportModel(PlanImporter importer) : PageModel, IUploadPage
{
    public void Refuse(string message) => Errors.Add(message);

    public ImportPreview? Preview { get; private set; }
    public List<string> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    [BindProperty] public PlanInput Plan { get; set; } = new();
    [BindProperty] public List<TaskRowInput> Rows { get; set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, int? year, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { Errors.Add("Vui lòng chọn tệp kế hoạch."); return Page(); }
        if (file.Length > PlanFileReader.MaxBytes) { Errors.Add("Tệp vượt quá 20 MB."); return Page(); }
        Core.Plans.PlanDraft draft;
        try
        {
            await using var stream = file.OpenReadStream();
            var buffered = new MemoryStream();
            await stream.CopyToAsync(buffered, ct);
            buffered.Position = 0;
            draft = PlanFileReader.Read(file.FileName, buffered, year);
        }
        catch (UnreadableFileException e) { Errors.Add(e.Message); return Page(); }
        if (draft.Tasks.Count == 0) { Errors.AddRange(draft.Warnings); return Page(); }
        Warnings.AddRange(draft.Warnings);
        var (plan, rows) = PlanImporter.FromDraft(draft, year, Path.GetFileName(file.FileName));
        Preview = await importer.CheckAsync(plan, rows, ct);
        Errors.AddRange(Preview.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostRecheckAsync(CancellationToken ct)
    {
        Preview = await importer.CheckAsync(Plan, Rows, ct);
        Errors.AddRange(Preview.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        Preview = await importer.CheckAsync(Plan, Rows, ct);
        if (!Preview.CanApply)
        {
            Errors.AddRange(Preview.Errors);
            if (Preview.BlockedMessage is { } blocked) Errors.Add(blocked);
            return Page();
        }
        var result = await importer.ApplyAsync(Preview, ct);
        TempData["Message"] = result.Created
            ? $"Đã nhập kế hoạch với {result.TasksAdded} nhiệm vụ."
            : $"Đã cập nhật kế hoạch: {result.TasksAdded} nhiệm vụ thêm, {result.TasksUpdated} cập nhật, {result.TasksRemoved} bỏ.";
        return Redirect($"/Plans/Details/{result.PlanId}");
    }
}
