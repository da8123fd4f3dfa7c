using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.Cycles;
using ParHub.Web.Features.ParIndex.Frameworks;

namespace ParHub.Web.Features.ParIndex;

/// <summary>PAR Index cycles: the Coordinator opens one for a group; an officer finds its agency's assessment.</summary>
[RequestSizeLimit(10 * 1024 * 1024)]
[UploadLimit(10 * 1024 * 1024, "Tệp bộ chỉ số vượt quá 10 MB.")]
public class IndexModel(ParHubDbContext db, Microsoft.AspNetCore.Authorization.IAuthorizationService auth, EnsureDemoFramework demo, ICurrentUser user,
    TimeProvider clock, ProvinceLeads leads) : PageModel, IUploadPage
{
    public void Refuse(string message) => Error = message;

    public sealed record CycleLine(AssessmentCycle Cycle, string Framework, bool Illustrative, int Agencies, int Submitted, int? OwnAssessmentId);

    public List<CycleLine> Cycles { get; private set; } = [];
    public List<IndexFramework> Frameworks { get; private set; } = [];
    public bool IsCoordinator { get; private set; }
    public bool IsProvinceWide => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Leader);
    public string? Error { get; private set; }
    public List<(string Code, string Name)> Groups { get; private set; } = [];
    /// <summary>Frameworks with something still missing (see their page): they open no cycle.</summary>
    public HashSet<int> Incomplete { get; private set; } = [];
    [BindProperty] public int FrameworkId { get; set; }
    [BindProperty] public string GroupCode { get; set; } = "SBN";
    [BindProperty] public DateOnly Due { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([FromServices] OpenCycle open, CancellationToken ct)
    {
        if (!await IsCoordinatorAsync()) return Forbid();
        try
        {
            var cycle = await open.RunAsync(new OpenCycleRequest(FrameworkId, GroupCode, Due), ct);
            return Redirect($"/ParIndex/Results/{cycle.Id}");
        }
        catch (IndexRuleException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloneAsync(int frameworkId, [FromServices] CloneFramework clone, CancellationToken ct)
    {
        if (!await IsCoordinatorAsync()) return Forbid();
        try
        {
            await clone.RunAsync(frameworkId, ct);
            return Redirect("/ParIndex");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>BNV's provincial structure for a year, for the province's own self-assessment; its points are entered next.</summary>
    public async Task<IActionResult> OnPostBnvAsync(int year, [FromServices] AddBnvPreset add, CancellationToken ct)
    {
        if (!await IsCoordinatorAsync()) return Forbid();
        try
        {
            var row = await add.RunAsync(year, ct);
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
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, int year, string? group, string? code, string? title,
        [FromServices] AddFramework add, CancellationToken ct)
    {
        if (!await IsCoordinatorAsync()) return Forbid();
        try
        {
            if (file is null || file.Length == 0) throw new IndexRuleException("Chưa chọn tệp bộ chỉ số.");
            if (year is < 2000 or > 2100) throw new IndexRuleException("Năm của bộ chỉ số không hợp lệ.");
            Framework f;
            await using (var s = file.OpenReadStream())
                f = FrameworkFileReader.ReadFramework(file.FileName, s, code, title);
            var targetGroup = string.IsNullOrWhiteSpace(group) ? "SBN" : group.Trim().ToUpperInvariant();
            var row = await add.RunAsync(new AddFrameworkRequest(f, year, targetGroup, Illustrative: false, AllowIncomplete: true), ct);
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

    private async Task<bool> IsCoordinatorAsync() => IsCoordinator = await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage);

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = VietnamTime.Today(clock).Year;
        if (await IsCoordinatorAsync()) await demo.RunAsync(year, ct);
        if (Due == default) Due = VietnamTime.Today(clock).AddDays(30); // a month to self-assess, unless set otherwise
        Groups = (await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(ct)).Select(g => (g.Code, g.Name))
            .ToList();
        Frameworks = await db.IndexFrameworks.AsNoTracking().OrderByDescending(f => f.Year).ToListAsync(ct);
        Incomplete = Frameworks.Where(f => IndexData.Definition(f).Problems().Count > 0).Select(f => f.Id).ToHashSet();
        var names = Frameworks.ToDictionary(f => f.Id);
        var cycles = await db.AssessmentCycles.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        foreach (var c in cycles)
        {
            var counts = await db.Assessments.Where(a => a.CycleId == c.Id).GroupBy(a => 1)
                .Select(g => new { All = g.Count(), Submitted = g.Count(a => a.Status == AssessmentStatus.Submitted) }).FirstOrDefaultAsync(ct);
            int? own = user.AgencyId is { } ag ? await db.Assessments.Where(a => a.CycleId == c.Id && a.AgencyId == ag).Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(ct) : null;
            // A department that leads criteria of the province's own index works on the province's assessment.
            if (own is null && c.GroupCode == IndexData.ProvinceGroup && user.IsInRole(Roles.AgencyOfficer) && await leads.LeadsAsync(user.AgencyId, null, ct))
                own = await db.Assessments.Where(a => a.CycleId == c.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            var f = names.GetValueOrDefault(c.FrameworkId);
            Cycles.Add(new CycleLine(c, f?.Title ?? "?", f?.Illustrative ?? false, counts?.All ?? 0, counts?.Submitted ?? 0, own));
        }
    }
}
