using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.Appraisal;
using ParHub.Web.Features.ParIndex.SelfAssessment;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// One agency's assessment: self-scores with evidence (the agency), appraisal with reasons, explanations. Once the
/// results are published anyone may read the scores per criterion, also without signing in (evidence stays private).
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(IndexData.MaxEvidenceBytes + 1024 * 1024)]
[ParHub.Web.App.UploadLimit(IndexData.MaxEvidenceBytes + 1024 * 1024, "Tệp quá lớn; tối đa 20 MB.")]
public class AssessmentModel(ParHubDbContext db, IndexQueries queries, IAuthorizationService auth, TimeProvider clock, DatabaseSettings settings,
    ProvinceLeads leads)
    : PageModel, ParHub.Web.App.IUploadPage
{
    public void Refuse(string message) => Error = message;

    public Assessment Item { get; private set; } = null!;
    public AssessmentCycle Cycle { get; private set; } = null!;
    public IndexFramework FrameworkRow { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    /// <summary>Where the agency's documents are dated: the province ("Hải Phòng"), not the agency's own name.</summary>
    public string ProvinceName { get; private set; } = "";
    public Dictionary<string, AssessmentScore> Scores { get; private set; } = [];
    public Dictionary<string, (ScoreInput Input, string Shown)> Computed { get; private set; } = [];
    public List<EvidenceFile> Evidence { get; private set; } = [];
    public AgencyResult? Result { get; private set; }
    /// <summary>Last year's points per criterion, for comparison (empty without a cycle the year before).</summary>
    public Dictionary<string, decimal> LastYear { get; private set; } = [];
    public bool CanSelfAssess { get; private set; }
    public bool CanExplain { get; private set; }
    public bool IsOpen => new CycleFlow(Cycle).IsOpen(VietnamTime.Today(clock));
    /// <summary>Criteria that do not apply to the cycle's agency group (the framework says which groups each is for).</summary>
    public IReadOnlySet<string> NotApplicable { get; private set; } = new HashSet<string>();
    /// <summary>Of <see cref="NotApplicable"/>, those that do not apply to this agency (no units to inspect), not to its group.</summary>
    public IReadOnlySet<string> NotForAgency { get; private set; } = new HashSet<string>();
    public bool CanSetBonus => IsCoordinator && Cycle.PublishedAt is null;
    public bool CanAppraise => IsAppraiser && Item.Status == AssessmentStatus.Submitted && Cycle.PublishedAt is null && AppraisableCodes.Count > 0;
    /// <summary>The criteria this person may appraise (an appraiser: the fields assigned in the cycle).</summary>
    public List<string> AppraisableCodes { get; private set; } = [];
    public bool IsCoordinator { get; private set; }
    /// <summary>The province's own assessment, scored by the departments that lead its criteria.</summary>
    public bool IsTeam => Cycle.GroupCode == IndexData.ProvinceGroup;
    /// <summary>The criteria this person may score now (all of them for an agency's own officer or the Coordinator; a department: its own).</summary>
    public IReadOnlySet<string> Editable { get; private set; } = new HashSet<string>();
    /// <summary>Of a team assessment: each criterion's lead agency name.</summary>
    public Dictionary<string, string> LeadNames { get; private set; } = [];
    public IReadOnlyList<Core.ParIndex.LeadProgress> Team { get; private set; } = [];
    /// <summary>The directory's current agencies (code, name): the Coordinator names leads from them.</summary>
    public List<(string Code, string Name)> Directory { get; private set; } = [];
    public bool CanReturn => IsTeam && IsCoordinator && CanSelfAssess;
    /// <summary>A council's proposals per criterion (when the cycle is appraised by a council), for those who read the reasons.</summary>
    public ILookup<string, Core.ParIndex.ProposalSpread> Proposals { get; private set; } = Array.Empty<Core.ParIndex.ProposalSpread>().ToLookup(p => p.Code);
    /// <summary>This person's appraisals are proposals to the council's chair.</summary>
    public bool Proposes => Cycle.CouncilChair is { } chair && !IsCoordinator && !string.Equals(chair, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);
    public bool CanSubmit => CanSelfAssess && (!IsTeam || IsCoordinator);
    private bool IsAppraiser { get; set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public Dictionary<string, CriterionInput> In { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        Message = done switch
        {
            "saved" => "Đã lưu.",
            "submitted" => "Đã gửi bản tự đánh giá; bản này đã được khóa.",
            "appraised" => "Đã ghi điểm thẩm định.",
            "explained" => "Đã ghi giải trình.",
            "attached" => "Đã tải lên tài liệu kiểm chứng.",
            "bonus" => "Đã ghi điểm thưởng, điểm trừ.",
            "returned" => "Đã trả lại tiêu chí cho cơ quan chủ trì.",
            "lead" => "Đã ghi cơ quan chủ trì.",
            _ => null
        };
        return r ?? Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, [FromServices] SaveScores save, CancellationToken ct) =>
        Act(id, "saved", () => save.RunAsync(new SaveScoresRequest(id, Version, In, Submit: false), ct), ct);
    public Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SaveScores save, CancellationToken ct) =>
        Act(id, "submitted", () => save.RunAsync(new SaveScoresRequest(id, Version, In, Submit: true), ct), ct);
    public Task<IActionResult> OnPostAppraiseAsync(int id, string code, string? points, string? reason, int round, [FromServices] Appraise appraise,
        CancellationToken ct) =>
        Act(id, "appraised", () => appraise.RunAsync(AppraiseRequest.One(id, code, points ?? "", reason, round == 2 ? 2 : 1, Version), ct), ct);

    /// <summary>The appraiser's table: every row where points were typed, one round, saved together or not at all.</summary>
    public Task<IActionResult> OnPostAppraiseManyAsync(int id, [FromForm] Dictionary<string, AppraisalInput>? appraise, int round,
        [FromServices] Appraise appraiser, CancellationToken ct) =>
        Act(id, "appraised", () => appraiser.RunAsync(new AppraiseRequest(id, appraise ?? [], round == 2 ? 2 : 1, Version), ct), ct);

    /// <summary>The self-assessment as a Word report: the summary table of scores per criterion, evidence or the explanation where there is none.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, [FromServices] SelfAssessmentReport report, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        if (!CanReadEvidence) return Denied();
        var bytes = report.Write(this);
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"tu-danh-gia-chi-so-cchc-{Cycle.Year}-{Item.AgencyId}.docx");
    }
    public Task<IActionResult> OnPostBonusAsync(int id, string? bonus, string? penalty, string? basis, [FromServices] SetBonusPenalty set,
        CancellationToken ct) =>
        Act(id, "bonus", () => set.RunAsync(new SetBonusPenaltyRequest(id, bonus, penalty, basis), ct), ct);
    public Task<IActionResult> OnPostReturnAsync(int id, string code, string? comment, [FromServices] ReturnCriterion ret, CancellationToken ct) =>
        Act(id, "returned", () => ret.RunAsync(id, code, comment, Version, ct), ct);

    public Task<IActionResult> OnPostLeadAsync(int id, string? code, string? agency, [FromServices] Cycles.SetLead set, CancellationToken ct) =>
        Act(id, "lead", () => set.RunAsync(code, agency, ct), ct);

    public Task<IActionResult> OnPostExplainAsync(int id, string code, string? text, [FromServices] Explain explain, CancellationToken ct) =>
        Act(id, "explained", () => explain.RunAsync(id, code, text, ct), ct);

    public Task<IActionResult> OnPostEvidenceAsync(int id, IFormFile? file, List<string>? codes, [FromServices] AddEvidence add, CancellationToken ct) =>
        Act(id, "attached", async () =>
        {
            if (file is null || file.Length == 0) throw new IndexRuleException("Chưa chọn tệp.");
            await using var s = file.OpenReadStream();
            await add.RunAsync(new AddEvidenceRequest(id, codes ?? [], file.FileName, file.Length, s), ct);
        }, ct);

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        if (!CanReadEvidence) return Denied();
        var f = Evidence.FirstOrDefault(e => e.Id == fileId);
        var path = f is null ? null : Path.Combine(settings.DataDir, ParHub.Web.Shared.FileStore.Evidence, Path.GetFileName(f.StoredName));
        return path is not null && System.IO.File.Exists(path) ? PhysicalFile(path, "application/octet-stream", f!.FileName) : NotFound();
    }

    private int? AgencyOfUser => int.TryParse(User.FindFirst(ParHub.Web.App.ParHubClaims.AgencyId)?.Value, out var x) ? x : null;

    private IActionResult Denied() => User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

    /// <summary>Evidence, notes and the self-assessment report stay with the agency, appraisers and province-wide roles.</summary>
    public bool CanReadEvidence { get; private set; }

    /// <summary>The inputs of a self-assessment that was never submitted stay with the agency, appraisers and province-wide roles.</summary>
    public bool CanSeeInputs => Item.Status != AssessmentStatus.Draft || CanReadEvidence;

    /// <summary>A stored input as people write it: "Đạt", an option's name, "95/100 (95%)", "1.234,5".</summary>
    public static string ShowInput(string? json)
    {
        var i = json is null ? null : JsonSerializer.Deserialize<ScoreInput>(json, IndexData.Json);
        static string N(decimal v) => Core.Reports.VietnameseNumber.Format(v);
        return i switch
        {
            null => "—",
            { Flag: { } f } => f ? "Đạt" : "Không đạt",
            { Option: { } o } => o,
            { Num: { } n, Den: { } d } => d == 0 ? $"{N(n)}/{N(d)}" : $"{N(n)}/{N(d)} ({N(ScoringEngine.Round(100 * n / d))}%)",
            { Number: { } x } => N(x),
            _ => "—",
        };
    }

    private async Task<IActionResult> Act(int id, string done, Func<Task> action, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var conflict = false;
        try
        {
            await action();
            return Redirect($"/ParIndex/Assessment/{id}?done={done}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexConflictException e) { (Error, conflict) = (e.Message, true); }
        catch (IndexRuleException e) { Error = e.Message; }
        var keep = In;
        var r = await LoadAsync(id, ct);
        if (keep.Count > 0) In = keep; // what was typed is shown again
        if (r is not null) return r;
        var page = Page();
        if (conflict) page.StatusCode = StatusCodes.Status409Conflict; // somebody else saved first: nothing of this was saved
        return page;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound();
        Cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == a.CycleId, ct);
        var resource = IndexResource.Of(a, Cycle);
        if (!await auth.AllowsAsync(User, resource, IndexOperations.Read)) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        Item = a;
        CanReadEvidence = await auth.AllowsAsync(User, resource, IndexOperations.ReadEvidence);
        CanSelfAssess = await auth.AllowsAsync(User, resource, IndexOperations.SelfAssess);
        CanExplain = await auth.AllowsAsync(User, resource, IndexOperations.Explain);
        IsCoordinator = await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage);
        IsAppraiser = await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Appraise);
        FrameworkRow = await db.IndexFrameworks.AsNoTracking().FirstAsync(f => f.Id == Cycle.FrameworkId, ct);
        Framework = IndexData.Definition(FrameworkRow);
        NotApplicable = Framework.NotApplicable(Cycle.GroupCode);
        AgencyName = await db.Agencies.Where(x => x.Id == a.AgencyId).Select(x => x.Name).FirstAsync(ct);
        ProvinceName = await db.Agencies.Where(x => x.Kind == Core.Agencies.AgencyKind.Province).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? AgencyName;
        Scores = a.Scores.ToDictionary(s => s.Code);
        Computed = await queries.ComputedAsync(Framework, a.AgencyId, Cycle.Year, ct);
        NotForAgency = await queries.AgencyNotApplicableAsync(Framework, a.AgencyId, Cycle.Year, ct);
        NotApplicable = NotApplicable.Union(NotForAgency).ToHashSet();
        Evidence = CanReadEvidence ? await db.EvidenceFiles.AsNoTracking().Where(e => e.AssessmentId == id).OrderBy(e => e.Id).ToListAsync(ct) : [];
        Version = a.Version;
        In = Framework.Nodes.Where(n => n.Rule is not null).ToDictionary(n => n.Code, n =>
        {
            var s = Scores.GetValueOrDefault(n.Code);
            var input = s?.Input is { } j ? JsonSerializer.Deserialize<ScoreInput>(j, IndexData.Json) : null;
            return new CriterionInput
            {
                Flag = input?.Flag == true, Value = input?.Option ?? (input?.Number is { } num ? Core.Reports.VietnameseNumber.Format(num) : null),
                Num = input?.Num is { } x ? Core.Reports.VietnameseNumber.Format(x) : null,
                Den = input?.Den is { } y ? Core.Reports.VietnameseNumber.Format(y) : null,
                Note = s?.NoEvidenceNote, Exempt = s?.Exempt == true,
            };
        });
        foreach (var n in Framework.Nodes.Where(n => n.Rule is not null && !NotApplicable.Contains(n.Code)))
            if (IsAppraiser && await auth.AllowsAsync(User, new IndexResource(Cycle, a, n.Code), IndexOperations.Appraise)) AppraisableCodes.Add(n.Code);
        var scored = Framework.Nodes.Where(n => n.Rule is not null && !n.IsSurvey && !n.IsComputed && !NotApplicable.Contains(n.Code)).Select(n => n.Code)
            .ToList();
        if (CanSelfAssess)
            Editable = IsTeam && !IsCoordinator ? (await leads.CriteriaOfAsync(Framework, AgencyOfUser, ct)).ToHashSet()
                : scored.ToHashSet();
        if (IsTeam)
        {
            var map = await leads.MapAsync(ct);
            var names = await db.Agencies.AsNoTracking().Where(x => x.ValidTo == null).Select(x => new { x.Code, x.Name }).ToListAsync(ct);
            var byCode = names.GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
            foreach (var n in Framework.Nodes)
                if (map.LeadOf(n.Code) is { } lead) LeadNames[n.Code] = byCode.GetValueOrDefault(lead) ?? lead;
            var evidenced = Evidence.SelectMany(e => e.Codes.Split(',', StringSplitOptions.TrimEntries)).ToHashSet();
            Team = Core.ParIndex.TeamProgress.Of(scored, map, Scores, evidenced)
                .Select(p => p with { Agency = p.Agency.Length == 0 ? "" : byCode.GetValueOrDefault(p.Agency) ?? p.Agency }).ToList();
            if (IsCoordinator)
                Directory = names.OrderBy(x => x.Name, Core.Text.VietnameseCollation.Comparer).Select(x => (x.Code, x.Name)).ToList();
        }
        if (Cycle.CouncilChair is not null && CanReadEvidence)
            Proposals = Core.ParIndex.Council.Spread(await db.AppraisalProposals.AsNoTracking().Where(p => p.AssessmentId == id).ToListAsync(ct))
                .ToLookup(p => p.Code);
        LastYear = await queries.LastYearAsync(Cycle, a.AgencyId, ct);
        var (_, results, _) = await queries.ResultsAsync(Cycle, ct);
        Result = results.FirstOrDefault(r => r.Id == a.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }
}
