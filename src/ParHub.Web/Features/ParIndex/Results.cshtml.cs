using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.ParIndex.Cycles;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// The ranking of a cycle: points, index, band and rank within the group, with field sub-indices. Before publication only
/// the province-wide roles and appraisers see it; after, anyone may (also on the public page).
/// </summary>
[AllowAnonymous]
public class ResultsModel(ParHubDbContext db, IndexQueries queries, IAuthorizationService auth, ReadCache cache) : PageModel
{
    /// <summary>One line of the ranking, formatted once and kept until the next change to the cycle's assessments.</summary>
    public sealed record RankingRow(string AgencyId, string Name, int? AssessmentId, bool Submitted, int Rank, string Points, string Max, string Index,
        string? Band, string[] Fields,
        string? LastYear = null, string? Change = null)
    {
        /// <summary>An agency that did not submit is not ranked: "—", and "Chưa nộp" for its band.</summary>
        public string RankText => Rank == ScoringEngine.NotRanked ? "—" : Rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public string? BandText => Rank == ScoringEngine.NotRanked ? "Chưa nộp" : Band;
    }

    /// <summary>Whether last year's cycle of the same framework and group exists (its index is shown beside this year's).</summary>
    public bool HasLastYear => Rows.Any(r => r.LastYear is not null);

    public List<RankingRow> Rows { get; private set; } = [];
    public AssessmentCycle Cycle { get; private set; } = null!;
    public IndexFramework FrameworkRow { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public bool CanPublish => IsCoordinator && Cycle.PublishedAt is null;
    private bool IsCoordinator { get; set; }
    public bool IsPublic { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public List<(string UserName, string Fields, string Agencies)> Assignments { get; private set; } = [];
    /// <summary>What an appraiser may be limited to: the districts whose communes are in the cycle, then the cycle's agencies (code, name).</summary>
    public List<(string Code, string Name)> ScopeChoices { get; private set; } = [];
    /// <summary>The accounts with the appraiser role, for the Coordinator's picker (login name, full name).</summary>
    public List<(string UserName, string FullName)> Appraisers { get; private set; } = [];

    public async Task<IActionResult> OnPostCouncilAsync(int id, string? chair, [FromServices] SetCouncilChair set, CancellationToken ct)
    {
        try
        {
            await set.RunAsync(id, chair, ct);
            return Redirect($"/ParIndex/Results/{id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, string? appraiser, string[]? fields, string[]? agencies, [FromServices] AssignAppraisers assign,
        CancellationToken ct)
    {
        try
        {
            await assign.RunAsync(id, appraiser, string.Join(',', fields ?? []), string.Join(',', agencies ?? []), ct);
            return Redirect($"/ParIndex/Results/{id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The ranking as XLSX: the decision's annex table (rank, agency, points, index, band, field sub-indices).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        var fields = Framework.Nodes.Where(n => !n.Code.Contains('.')).ToList();
        string[] lastYear = HasLastYear ? [$"Năm {Cycle.Year - 1} (%)", "Thay đổi"] : [];
        string[] header = ["Hạng", "Cơ quan, đơn vị", "Tự đánh giá", "Tổng điểm", "Điểm tối đa áp dụng", "Chỉ số (%)",
            "Xếp loại", .. lastYear, .. fields.Select(f => $"{f.Code}. {f.Title} (%)")];
        static object? Number(string? shown) => ParHub.Web.Shared.Office.Xlsx.Number(shown);
        var rows = Rows.Select(x => (IReadOnlyList<object?>)[Number(x.RankText), x.Name,
            x.Submitted ? "Đã gửi" : "Chưa gửi", Number(x.Points), Number(x.Max), Number(x.Index), x.BandText,
            .. (HasLastYear ? new[] { Number(x.LastYear), Number(x.Change) } : []), .. x.Fields.Select(Number)]);
        return File(ParHub.Web.Shared.Office.Xlsx.WriteValues("Kết quả Chỉ số CCHC", header, rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"chi-so-cchc-{Cycle.Year}-{Cycle.GroupCode}.xlsx");
    }

    /// <summary>Every agency's points per criterion (final: appraised over self-assessed; "—" where it does not apply), in rank order.</summary>
    public async Task<IActionResult> OnGetCriteriaAsync(int id, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        var (f, results, _) = await queries.ResultsAsync(Cycle, ct);
        var scored = f.Nodes.Where(n => n.Rule is not null).ToList();
        string[] header = ["Hạng", "Cơ quan, đơn vị", "Tổng điểm", "Chỉ số (%)", .. scored.Select(n => $"{n.Code} (tối đa {Show(n.Max)})")];
        var rows = Rows.Select(row =>
        {
            var result = results.First(x => x.Id == row.AgencyId);
            var byCode = result.Criteria.ToDictionary(c => c.Code);
            return (IReadOnlyList<object?>)[Number(row.RankText), row.Name, Number(row.Points), Number(row.Index),
                .. scored.Select(n => byCode.TryGetValue(n.Code, out var c) && !c.Exempt ? Number(Show(c.Points)) : "—")];
        });
        static object? Number(string? shown) => ParHub.Web.Shared.Office.Xlsx.Number(shown);
        return File(ParHub.Web.Shared.Office.Xlsx.WriteValues("Điểm theo tiêu chí", header, rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"diem-theo-tieu-chi-{Cycle.Year}-{Cycle.GroupCode}.xlsx");
    }

    /// <summary>The ranking as the decision's annex in Word: landscape A4, Times New Roman, "PHỤ LỤC", the table.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        var fields = Framework.Nodes.Where(n => !n.Code.Contains('.')).ToList();
        var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            var center = DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center;
            body.Append(ParHub.Web.Shared.Office.Docx.P(center, ParHub.Web.Shared.Office.Docx.R("PHỤ LỤC", bold: true, halfPoints: 28)));
            body.Append(ParHub.Web.Shared.Office.Docx.P(center, ParHub.Web.Shared.Office.Docx.R(
                $"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {Cycle.Year} – "
                    + $"{FrameworkRow.Title.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}",
                bold: true)));
            if (Cycle.PublicationDecision is { } d)
                body.Append(ParHub.Web.Shared.Office.Docx.P(center, ParHub.Web.Shared.Office.Docx.R($"(Kèm theo {d})", italic: true)));
            string[] header = ["Hạng", "Cơ quan, đơn vị", "Tổng điểm", "Điểm tối đa", "Chỉ số (%)", "Xếp loại", .. fields.Select(f => "LV " + f.Code)];
            var cells = Rows.Select(x => (string?[])[x.RankText, x.Name, x.Points, x.Max, x.Index, x.BandText, .. x.Fields]).ToList();
            // Landscape A4 within its margins; no header or figure breaks mid-word, the agencies' names take the rest.
            var (widths, size) = ParHub.Web.Shared.Office.Docx.FitWidths(16838 - 1134 - 851, 1,
                header.Select((h, i) => cells.Select(c => c[i]).Prepend(h)).ToList());
            var table = ParHub.Web.Shared.Office.Docx.BorderedTable(widths, header, size);
            foreach (var c in cells)
            {
                var row = new DocumentFormat.OpenXml.Wordprocessing.TableRow();
                row.Append(c.Select((text, i) => ParHub.Web.Shared.Office.Docx.Cell(text, widths[i], align: i == 1 ? null : center, halfPoints: size)));
                table.Append(row);
            }
            body.Append(table);
            body.Append(ParHub.Web.Shared.Office.OfficialDocument.LandscapeA4());
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
            main.Document.Save();
        }
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"phu-luc-chi-so-cchc-{Cycle.Year}-{Cycle.GroupCode}.docx");
    }

    public async Task<IActionResult> OnPostDeadlineAsync(int id, DateOnly? due, string? reason, [FromServices] SetDeadline deadline, CancellationToken ct)
    {
        try
        {
            if (due is null) throw new IndexRuleException("Chọn hạn tự đánh giá mới.");
            await deadline.RunAsync(id, due.Value, reason, ct);
            return Redirect($"/ParIndex/Results/{id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, string? decision, bool confirmNotSubmitted, [FromServices] Publish publish,
        CancellationToken ct)
    {
        try
        {
            await publish.RunAsync(id, decision, confirmNotSubmitted, ct);
            return Redirect($"/ParIndex/Results/{id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (IndexRuleException e) { Error = e.Message; }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return NotFound();
        if (!await auth.AllowsAsync(User, new IndexResource(cycle), IndexOperations.SeeResults))
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        Cycle = cycle;
        IsPublic = User.Identity?.IsAuthenticated != true;
        FrameworkRow = await db.IndexFrameworks.AsNoTracking().FirstAsync(f => f.Id == cycle.FrameworkId, ct);
        var (framework, _, _) = await queries.ResultsAsync(cycle, ct);
        Framework = framework;
        Rows = await cache.GetOrCreateAsync($"index:ranking:{id}", IndexQueries.CacheTagsOf(id), async _ =>
        {
            var (f, results, _) = await queries.ResultsAsync(cycle, ct);
            var ids = await db.Assessments.AsNoTracking().Where(a => a.CycleId == id)
                .ToDictionaryAsync(a => a.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    a => (a.Id, Submitted: a.Status == AssessmentStatus.Submitted), ct);
            var fields = f.Nodes.Where(n => !n.Code.Contains('.')).Select(n => n.Code).ToList();
            var last = (await queries.LastYearResultsAsync(cycle, ct)).ToDictionary(r => r.Id, r => r.Index);
            // The ranked first by rank; those that did not submit after them ("chưa nộp"), by name.
            return results.OrderBy(r => r.Rank == ScoringEngine.NotRanked).ThenBy(r => r.Rank).ThenBy(r => r.Name, Core.Text.VietnameseCollation.Comparer)
                .Select(r => new RankingRow(r.Id, r.Name ?? r.Id, ids.TryGetValue(r.Id, out var a) ? a.Id : null, a.Submitted, r.Rank, Show(r.Points),
                    Show(r.ApplicableMax),
                    Show(r.Index), r.Band, fields.Select(c => Show(SubIndex(r, c))).ToArray(),
                    last.TryGetValue(r.Id, out var before) ? Show(before) : null,
                    last.TryGetValue(r.Id, out var b)
                        ? (ScoringEngine.Round(r.Index) - ScoringEngine.Round(b)) switch { > 0 and var d => "+" + Show(d), var d => Show(d) } : null))
                .ToList();
        }, ct);
        IsCoordinator = await auth.AllowsAsync(User, IndexResource.Province, IndexOperations.Manage);
        if (IsCoordinator)
        {
            Assignments = await queries.AssignmentsAsync(id, ct);
            var members = await db.Assessments.AsNoTracking().Where(a => a.CycleId == id)
                .Join(db.Agencies, a => a.AgencyId, x => x.Id, (a, x) => new { x.Code, x.Name, x.ParentId }).ToListAsync(ct);
            var parents = members.Where(m => m.ParentId is not null).Select(m => m.ParentId!.Value).Distinct().ToList();
            var districts = await db.Agencies.AsNoTracking().Where(x => parents.Contains(x.Id)).Select(x => new { x.Code, x.Name }).ToListAsync(ct);
            ScopeChoices = districts.OrderBy(x => x.Name, Core.Text.VietnameseCollation.Comparer).Select(x => (x.Code, "Các đơn vị thuộc " + x.Name))
                .Concat(members.OrderBy(x => x.Name, Core.Text.VietnameseCollation.Comparer).Select(x => (x.Code, x.Name))).ToList();
            Appraisers = (await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Appraiser)))
                .Select(u => new { u.UserName, u.FullName }).ToListAsync(ct))
                .Select(u => (u.UserName ?? "", u.FullName)).OrderBy(u => u.FullName, Core.Text.VietnameseCollation.Comparer).ToList();
        }
        return null;
    }

    public static string Show(decimal? v) => v is { } x ? ScoringEngine.Round(x).ToString("0.##", Core.Text.VietnameseCollation.Culture) : "—";

    /// <summary>A field's sub-index: its criteria's points over their applicable max, in percent.</summary>
    public static decimal? SubIndex(AgencyResult r, string field)
    {
        var c = r.Criteria.Where(x => !x.Exempt && (x.Code == field || x.Code.StartsWith(field + ".", StringComparison.Ordinal))).ToList();
        var max = c.Sum(x => x.Max);
        return max == 0 ? null : c.Sum(x => x.Points) / max * 100;
    }
}
