using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>The survey programmes of every year: plan one, open and close its collection, publish it.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class IndexModel(ParHubDbContext db, CreateProgramme create, MoveProgramme move, TimeProvider clock) : PageModel
{
    public sealed record Row(SurveyProgramme Programme, IReadOnlyList<string> Groups, string? Cycle, int Responses);

    public List<Row> Programmes { get; private set; } = [];
    public List<(int Id, string Name)> Groups { get; private set; } = [];
    public List<(int Id, string Name)> Cycles { get; private set; } = [];
    public string? Error { get; private set; }
    [BindProperty] public ProgrammeInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = VietnamTime.Today(clock).Year;
        Input = new ProgrammeInput
        {
            Year = year, Title = $"Khảo sát sự hài lòng của người dân, tổ chức năm {year}",
            FieldworkFrom = new DateOnly(year, 1, 1), FieldworkTo = new DateOnly(year, 1, 31),
        };
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var groups = await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        Groups = groups.Select(g => (g.Id, g.Name)).ToList();
        var cycles = await db.AssessmentCycles.AsNoTracking().OrderByDescending(c => c.Year).Select(c => new { c.Id, c.Year, c.GroupCode }).ToListAsync(ct);
        Cycles = cycles.Select(c => (c.Id, $"Chỉ số CCHC {c.Year} – nhóm {c.GroupCode}")).ToList();
        var names = Groups.ToDictionary(g => g.Id, g => g.Name);
        var cycleNames = Cycles.ToDictionary(c => c.Id, c => c.Name);
        var programmes = await db.SurveyProgrammes.AsNoTracking().Include(p => p.Groups).OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .ToListAsync(ct);
        var ids = programmes.Select(p => p.Id).ToList();
        var responses = await db.SurveyResponses.Where(r => ids.Contains(r.ProgrammeId)).GroupBy(r => r.ProgrammeId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Programmes = programmes.Select(p => new Row(p, p.Groups.Select(g => names.GetValueOrDefault(g.GroupId, "?")).ToList(),
            p.ParCycleId is { } c ? cycleNames.GetValueOrDefault(c) : null, responses.GetValueOrDefault(p.Id))).ToList();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            await create.RunAsync(Input, ct);
            TempData["Message"] = "Đã lập đợt khảo sát.";
            return RedirectToPage();
        }
        catch (SurveyRuleException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, SurveyState to, string? decision, int version, CancellationToken ct)
    {
        try
        {
            await move.RunAsync(id, to, decision, version, ct);
            TempData["Message"] = $"Đợt khảo sát: {SurveyFlow.StateName(to)}.";
            return RedirectToPage();
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (SurveyRuleException e)
        {
            Error = e.Message;
            await OnGetAsync(ct);
            return Page();
        }
    }
}
