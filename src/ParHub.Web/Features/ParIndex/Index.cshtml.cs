using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.ParIndex;

/// <summary>PAR Index cycles: the Coordinator opens one for a group; an officer finds its agency's assessment.</summary>
[RequestSizeLimit(10 * 1024 * 1024)]
[UploadLimit(10 * 1024 * 1024, "Tệp bộ chỉ số vượt quá 10 MB.")]
public class IndexModel(ParHubDbContext db, IndexService index, ICurrentUser user, TimeProvider clock) : PageModel, IUploadPage
{
    public void Refuse(string message) => Error = message;

    public sealed record CycleLine(AssessmentCycle Cycle, string Framework, bool Illustrative, int Agencies, int Submitted, int? OwnAssessmentId);

    public List<CycleLine> Cycles { get; private set; } = [];
    public List<IndexFramework> Frameworks { get; private set; } = [];
    public bool IsCoordinator => index.IsCoordinator;
    public string? Error { get; private set; }
    public List<(string Code, string Name)> Groups { get; private set; } = [];
    /// <summary>Frameworks with something still missing (see their page): they open no cycle.</summary>
    public HashSet<int> Incomplete { get; private set; } = [];
    [BindProperty] public int FrameworkId { get; set; }
    [BindProperty] public string GroupCode { get; set; } = "SBN";
    [BindProperty] public DateOnly Due { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsCoordinator) return Forbid();
        try
        {
            var cycle = await index.CreateCycleAsync(FrameworkId, GroupCode, Due, ct);
            return Redirect($"/ParIndex/Results/{cycle.Id}");
        }
        catch (IndexRuleException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloneAsync(int frameworkId, CancellationToken ct)
    {
        if (!IsCoordinator) return Forbid();
        try
        {
            await index.CloneAsync(frameworkId, ct);
            return Redirect("/ParIndex");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>BNV's provincial structure for a year, for the province's own self-assessment; its points are entered next.</summary>
    public async Task<IActionResult> OnPostBnvAsync(int year, CancellationToken ct)
    {
        if (!IsCoordinator) return Forbid();
        try
        {
            var row = await index.AddBnvPresetAsync(year, ct);
            return Redirect($"/ParIndex/Framework/{row.Id}");
        }
        catch (IndexRuleException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// A framework from a file (JSON, or a table in .docx, .xlsx, .txt, .md): stored as it is read, then completed and
    /// checked on its own page, which is the preview — it opens no cycle while something is missing.
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, int year, string? group, string? code, string? title, CancellationToken ct)
    {
        if (!IsCoordinator) return Forbid();
        try
        {
            if (file is null || file.Length == 0) throw new IndexRuleException("Chưa chọn tệp bộ chỉ số.");
            if (year is < 2000 or > 2100) throw new IndexRuleException("Năm của bộ chỉ số không hợp lệ.");
            Framework f;
            await using (var s = file.OpenReadStream())
                f = Scoring.FrameworkFileReader.ReadFramework(file.FileName, s, code, title);
            var row = await index.AddFrameworkAsync(f, year, string.IsNullOrWhiteSpace(group) ? "SBN" : group.Trim().ToUpperInvariant(), illustrative: false, ct, allowIncomplete: true);
            return Redirect($"/ParIndex/Framework/{row.Id}?imported=true");
        }
        catch (IndexRuleException e) { Error = e.Message; }
        catch (FormatException e) { Error = $"Không đọc được tệp: {e.Message}"; }
        catch (ParHub.Web.Shared.Office.UnreadableFileException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A framework as JSON (the same shape <c>./parhub scoring compute</c> and <c>framework import</c> read).</summary>
    public async Task<IActionResult> OnGetExportAsync(int frameworkId, CancellationToken ct)
    {
        var row = await db.IndexFrameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Id == frameworkId, ct);
        if (row is null) return NotFound();
        return File(System.Text.Encoding.UTF8.GetBytes(row.Definition), "application/json", $"{row.Code}-{row.Year}.json");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = VietnamTime.Today(clock).Year;
        if (IsCoordinator) await index.EnsureDemoFrameworkAsync(year, ct);
        if (Due == default) Due = VietnamTime.Today(clock).AddDays(30); // a month to self-assess, unless set otherwise
        Groups = (await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(ct)).Select(g => (g.Code, g.Name)).ToList();
        Frameworks = await db.IndexFrameworks.AsNoTracking().OrderByDescending(f => f.Year).ToListAsync(ct);
        Incomplete = Frameworks.Where(f => IndexService.Definition(f).Problems().Count > 0).Select(f => f.Id).ToHashSet();
        var names = Frameworks.ToDictionary(f => f.Id);
        var cycles = await db.AssessmentCycles.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        foreach (var c in cycles)
        {
            var counts = await db.Assessments.Where(a => a.CycleId == c.Id).GroupBy(a => 1)
                .Select(g => new { All = g.Count(), Submitted = g.Count(a => a.Status == AssessmentStatus.Submitted) }).FirstOrDefaultAsync(ct);
            int? own = user.AgencyId is { } ag ? await db.Assessments.Where(a => a.CycleId == c.Id && a.AgencyId == ag).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) : null;
            var f = names.GetValueOrDefault(c.FrameworkId);
            Cycles.Add(new CycleLine(c, f?.Title ?? "?", f?.Illustrative ?? false, counts?.All ?? 0, counts?.Submitted ?? 0, own));
        }
    }
}
