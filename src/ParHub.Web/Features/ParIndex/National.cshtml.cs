using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.National;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// The Ministry's result of the province per year (index, change, rank, SIPAS), its points per criterion imported
/// from its table, and, beside the province's self-assessment of that year, the gap per criterion — which feeds the
/// lost-points page and the improvement plan drafted from it.
/// </summary>
[Authorize(Roles = Roles.ProvinceWide)]
[RequestSizeLimit(10 * 1024 * 1024 + 64 * 1024)]
[ParHub.Web.App.UploadLimit(10 * 1024 * 1024 + 64 * 1024, "Tệp bảng điểm vượt quá 10 MB.")]
public class NationalModel(ParHubDbContext db, IAuthorizationService auth, TimeProvider clock) : PageModel, ParHub.Web.App.IUploadPage
{
    public void Refuse(string message) => Error = message;

    public List<NationalResult> Results { get; private set; } = [];
    public int Year { get; private set; }
    public NationalResult? Current { get; private set; }
    public AssessmentCycle? Cycle { get; private set; }
    public IReadOnlyList<GapRow> Gaps { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Change { get; set; }
    [BindProperty] public string? Rank { get; set; }
    [BindProperty] public string? RankOf { get; set; }
    [BindProperty] public string? Sipas { get; set; }
    [BindProperty] public string? SipasRank { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int? year, string? done, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        Fill();
        Message = done switch
        {
            "saved" => "Đã lưu kết quả.",
            "imported" => "Đã nhập điểm thẩm định của Bộ theo từng tiêu chí.",
            "survey" => "Đã điền các tiêu chí điều tra xã hội học, SIPAS từ điểm của Bộ.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? year, [FromServices] SaveNationalResult save, CancellationToken ct) =>
        Act(year, "saved", y => save.RunAsync(new SaveNationalResultRequest(y,
            new NationalFigures.Typed(Points, Change, Rank, RankOf, Sipas, SipasRank, Source), Version), ct), ct, keep: true);

    public Task<IActionResult> OnPostImportAsync(int? year, IFormFile? file, [FromServices] ImportNationalScores import, CancellationToken ct) =>
        Act(year, "imported", async y =>
        {
            if (file is null || file.Length == 0) throw new IndexRuleException("Chưa chọn tệp bảng điểm của Bộ.");
            await using var s = file.OpenReadStream();
            await import.RunAsync(y, file.FileName, s, ct);
        }, ct);

    public Task<IActionResult> OnPostSurveyAsync(int? year, [FromServices] FillSurveyFromNational fill, CancellationToken ct) =>
        Act(year, "survey", y => fill.RunAsync(y, ct), ct);

    private async Task<IActionResult> Act(int? year, string done, Func<int, Task> action, CancellationToken ct, bool keep = false)
    {
        if (!await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage)) return Forbid();
        var y = year ?? VietnamTime.Today(clock).Year - 1;
        try
        {
            await action(y);
            return Redirect($"/ParIndex/National/{y}?done={done}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexConflictException e) { Error = e.Message; }
        catch (IndexRuleException e) { Error = e.Message; }
        catch (FormatException e) { Error = $"Không đọc được tệp: {e.Message}"; }
        catch (ParHub.Web.Shared.Office.UnreadableFileException e) { Error = e.Message; }
        await LoadAsync(y, ct);
        if (!keep) Fill();
        return Page();
    }

    private void Fill()
    {
        static string? N(decimal? v) => v is { } x ? Core.Reports.VietnameseNumber.Format(x) : null;
        var r = Current;
        (Points, Change, Rank, RankOf, Sipas, SipasRank, Source, Version) = (N(r?.Points), N(r?.Change), r?.Rank?.ToString(), r?.RankOf?.ToString(),
            N(r?.SipasPercent), r?.SipasRank?.ToString(), r?.Source, r?.Version ?? 0);
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        CanManage = await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage);
        Results = await db.NationalResults.AsNoTracking().Include(r => r.Scores).OrderByDescending(r => r.Year).ToListAsync(ct);
        Year = year is >= 2015 and <= 2100 ? year.Value : Results.FirstOrDefault()?.Year ?? VietnamTime.Today(clock).Year - 1;
        Current = Results.FirstOrDefault(r => r.Year == Year);
        Cycle = await NationalData.CycleOfAsync(db, Year, ct);
        if (Current is not { Scores.Count: > 0 } || await NationalData.FrameworkOfAsync(db, Year, ct) is not { } framework) return;
        var self = new Dictionary<string, decimal>();
        if (Cycle is not null)
            self = await db.AssessmentScores.AsNoTracking()
                .Where(s => db.Assessments.Any(a => a.Id == s.AssessmentId && a.CycleId == Cycle.Id) && s.SelfPoints != null && !s.Exempt)
                .ToDictionaryAsync(s => s.Code, s => s.SelfPoints!.Value, ct);
        Gaps = NationalGaps.Of(framework, self, Current.Scores.ToDictionary(s => s.Code, s => s.Points));
    }
}
