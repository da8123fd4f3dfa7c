using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.Frameworks;

namespace ParHub.Web.Features.ParIndex;

/// <summary>One editable line of a framework's tree.</summary>
public sealed class NodeRow
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Max { get; set; }
    public string? Rule { get; set; }
    public string? Params { get; set; }
    public string? Evidence { get; set; }
    public string? Source { get; set; }
    /// <summary>The codes of the agency groups the criterion applies to (none: every group); a value may hold several, comma-separated.</summary>
    public List<string> Groups { get; set; } = [];
    public bool Delete { get; set; }
}

/// <summary>
/// A framework's page: its tree (codes, titles, max points, scoring rule and parameters, evidence, data source, the agency
/// groups each criterion applies to), bands and caps, with what is still wrong listed. Coordinators edit a framework no
/// cycle uses yet; others read it.
/// </summary>
[Authorize(Roles = Roles.ProvinceWide + "," + Roles.Appraiser)]
[RequestSizeLimit(10 * 1024 * 1024 + 64 * 1024)]
[ParHub.Web.App.UploadLimit(10 * 1024 * 1024 + 64 * 1024, "Tệp bảng điểm vượt quá 10 MB.")]
public class FrameworkModel(ParHubDbContext db, IAuthorizationService auth) : PageModel, ParHub.Web.App.IUploadPage
{
    public void Refuse(string message) => Error = message;

    public const int BlankRows = 5;

    public IndexFramework Row { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool InUse { get; private set; }
    public bool CanEdit => IsCoordinator && !InUse;
    private bool IsCoordinator { get; set; }
    public string? Error { get; private set; }
    /// <summary>The directory's agency groups (code, name), for each criterion's picker.</summary>
    public List<(string Code, string Name)> AgencyGroups { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public bool Illustrative { get; set; }
    [BindProperty] public string? Bands { get; set; }
    [BindProperty] public string? BonusCap { get; set; }
    [BindProperty] public string? PenaltyCap { get; set; }
    [BindProperty] public List<NodeRow> Nodes { get; set; } = [];
    [BindProperty] public string? Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, bool saved, bool imported, int? points, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill();
        if (points is { } p)
            Message = $"Đã nhập điểm tối đa từ bảng: {p} mục thay đổi." + (Problems.Count == 0 ? " Bộ chỉ số đã hoàn chỉnh, có thể mở kỳ đánh giá." : "");
        if (imported)
            Message =
            $"Đã nhập {Framework.Nodes.Count} mục ({Framework.Nodes.Count(n => n.Rule is not null)} tiêu chí được chấm). Xem lại, bổ sung "
            + "điểm và cách chấm rồi lưu.";
        if (saved) Message = Problems.Count == 0 ? "Đã lưu. Bộ chỉ số đã hoàn chỉnh, có thể mở kỳ đánh giá."
            : "Đã lưu. Bộ chỉ số còn những chỗ cần hoàn thiện (xem bên dưới) trước khi mở kỳ đánh giá.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] SaveFramework save, CancellationToken ct)
    {
        if (!await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await save.RunAsync(new SaveFrameworkRequest(id, Build(), Illustrative, Stamp), ct);
            return Redirect($"/ParIndex/Framework/{id}?saved=true");
        }
        catch (FormatException e) { Error = e.Message; }
        catch (IndexRuleException e) { Error = e.Message; }
        return Page(); // what was typed stays on the page
    }

    /// <summary>The Ministry's maximum points from its table (DOCX, XLSX, text), checked that parents add up; nothing changes otherwise.</summary>
    public async Task<IActionResult> OnPostPointsAsync(int id, IFormFile? file, [FromServices] ImportFrameworkPoints import, CancellationToken ct)
    {
        if (!await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage)) return Forbid();
        try
        {
            if (file is null || file.Length == 0) throw new IndexRuleException("Chưa chọn tệp bảng điểm.");
            if (file.Length > 10 * 1024 * 1024) throw new IndexRuleException("Tệp bảng điểm vượt quá 10 MB.");
            await using var s = file.OpenReadStream();
            var changed = await import.RunAsync(id, file.FileName, s, ct);
            return Redirect($"/ParIndex/Framework/{id}?points={changed}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        catch (FormatException e) { Error = $"Không đọc được tệp: {e.Message}"; }
        catch (ParHub.Web.Shared.Office.UnreadableFileException e) { Error = e.Message; }
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill();
        return Page();
    }

    /// <summary>The framework as the table people exchange; it imports back to the same tree, points and rules.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(ParHub.Web.Shared.Office.Xlsx.Write("Bộ chỉ số", FrameworkTable.Header, FrameworkTable.Rows(Framework)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Row.Code}-{Row.Year}.xlsx");
    }

    /// <summary>The framework as a Word table (the annex of a decision issuing it); it imports back like the Excel table.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(FrameworkDocument.Write(Framework), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"{Row.Code}-{Row.Year}.docx");
    }

    /// <summary>The framework the form describes; a wrong number or rule is a <see cref="FormatException"/> naming the row.</summary>
    private Framework Build()
    {
        static decimal? Number(string? text, string where) => string.IsNullOrWhiteSpace(text) ? null
            : Core.Reports.VietnameseNumber.TryParse(text, out var v)
                && v >= 0 ? v : throw new FormatException($"{where}: \"{text}\" không phải số không âm.");
        var nodes = new List<FrameworkNode>();
        foreach (var r in Nodes.Where(r => !r.Delete && !(string.IsNullOrWhiteSpace(r.Code) && string.IsNullOrWhiteSpace(r.Title))))
        {
            var code = (r.Code ?? "").Trim().Replace(',', '.').TrimEnd('.');
            if (code.Length == 0) throw new FormatException($"Mục \"{r.Title}\" chưa có mã.");
            ScoringRule? rule;
            try { rule = string.IsNullOrWhiteSpace(r.Rule) ? null : RuleText.Parse(r.Rule, r.Params); }
            catch (FormatException e) { throw new FormatException($"{code}: {e.Message}"); }
            var groups = r.Groups.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(g => g.ToUpperInvariant()).Distinct().ToList();
            nodes.Add(new FrameworkNode(code, (r.Title ?? "").Trim(), Number(r.Max, code), rule, Blank(r.Evidence), Blank(r.Source),
                groups.Count == 0 ? null : groups));
        }
        if (nodes.Count == 0) throw new FormatException("Bộ chỉ số cần ít nhất một mục.");
        List<Band> bands;
        try { bands = RuleText.ParseBands(Bands); }
        catch (FormatException e) { throw new FormatException($"Xếp loại: {e.Message}"); }
        return Framework with
        {
            Title = string.IsNullOrWhiteSpace(Title) ? Framework.Title : Title.Trim(),
            Bands = bands,
            BonusCap = Number(BonusCap, "Điểm thưởng tối đa") ?? 0,
            PenaltyCap = Number(PenaltyCap, "Điểm trừ tối đa") ?? 0,
            Nodes = nodes.OrderBy(n => n.Code, RuleText.CodeOrder).ToList(),
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private void Fill()
    {
        (Title, Illustrative, Bands) = (Row.Title, Row.Illustrative, RuleText.FormatBands(Framework.Bands));
        (BonusCap, PenaltyCap) = (Core.Reports.VietnameseNumber.Format(Framework.BonusCap), Core.Reports.VietnameseNumber.Format(Framework.PenaltyCap));
        Nodes = Framework.Nodes.Select(n => new NodeRow
        {
            Code = n.Code, Title = n.Title, Max = n.Max is { } m ? Core.Reports.VietnameseNumber.Format(m) : null, Rule = n.Rule?.Type,
            Params = n.Rule is null ? null : RuleText.Format(n.Rule), Evidence = n.Evidence, Source = n.Source,
            Groups = n.Groups is { Count: > 0 } g ? [.. g] : [],
        }).Concat(Enumerable.Range(0, BlankRows).Select(_ => new NodeRow())).ToList();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var row = await db.IndexFrameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (row is null) return false;
        Row = row;
        Framework = IndexData.Definition(row);
        Problems = Framework.Problems();
        InUse = await db.AssessmentCycles.AnyAsync(c => c.FrameworkId == id, ct);
        Stamp ??= IndexData.Stamp(row);
        IsCoordinator = await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage);
        AgencyGroups = (await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(ct))
            .Select(g => (g.Code, g.Name)).ToList();
        return true;
    }
}
