using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// Paper forms of a programme: the survey staff print numbered batches per agency (DOCX), follow each sheet's double
/// entry, and open the sheets whose two entries differ to resolve them.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class SheetsModel(ParHubDbContext db, IssuePaperSheets issue) : PageModel
{
    public sealed record Batch(string Agency, int First, int Last, DateTime CreatedAt);
    public sealed record Waiting(int SheetId, int Number, string Agency, string Operators);

    public SurveyProgramme Programme { get; private set; } = null!;
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<Batch> Batches { get; private set; } = [];
    public List<Waiting> ToResolve { get; private set; } = [];
    public (int Issued, int Once, int Counted) Totals { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int agency, string? count, CancellationToken ct)
    {
        try
        {
            if (!int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                throw new SurveyRuleException($"Số phiếu giấy mỗi lần từ 1 đến {IssuePaperSheets.MaxBatch}.");
            var (first, last) = await issue.RunAsync(id, agency, n, ct);
            TempData["Message"] = $"Đã tạo phiếu giấy số {PaperSheet.Number(first)}–{PaperSheet.Number(last)}.";
            return Redirect($"/Sipas/Sheets/{id}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (SurveyRuleException e)
        {
            Error = e.Message;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    /// <summary>The sheets numbered <paramref name="from"/> to <paramref name="to"/> as a Word document to print.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, int from, int to, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p is null) return NotFound();
        if (to < from || to - from >= IssuePaperSheets.MaxBatch) return BadRequest();
        var sheets = await db.SurveyPaperSheets.AsNoTracking().Where(s => s.ProgrammeId == id && s.Number >= from && s.Number <= to)
            .Join(db.Agencies, s => s.AgencyId, a => a.Id, (s, a) => new { s.Number, a.Name }).OrderBy(s => s.Number).ToListAsync(ct);
        if (sheets.Count == 0) return NotFound();
        var q = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == p.QuestionnaireId, ct);
        var bytes = PaperSheetsDocument.Write(SurveyDefinition.FromJson(q.Definition), p.Title, sheets.Select(s => (s.Number, s.Name)).ToList());
        return File(bytes, PaperSheetsDocument.ContentType, $"phieu-khao-sat-{PaperSheet.Number(from)}-{PaperSheet.Number(to)}.docx");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p is null) return false;
        Programme = p;
        Agencies = await SurveyForms.AgenciesAsync(db, p, ct);
        var names = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var sheets = await db.SurveyPaperSheets.AsNoTracking().Where(s => s.ProgrammeId == id)
            .Select(s => new { s.Id, s.Number, s.AgencyId, s.CreatedAt, s.ResponseId, Entries = s.Entries.Count }).ToListAsync(ct);
        Batches = sheets.GroupBy(s => (s.AgencyId, s.CreatedAt)).Select(g => new Batch(names.GetValueOrDefault(g.Key.AgencyId, "?"),
            g.Min(s => s.Number), g.Max(s => s.Number), g.Key.CreatedAt)).OrderBy(b => b.First).ToList();
        Totals = (sheets.Count, sheets.Count(s => s.Entries == 1 && s.ResponseId == null), sheets.Count(s => s.ResponseId != null));
        var waiting = sheets.Where(s => s.Entries >= 2 && s.ResponseId == null).Select(s => s.Id).ToList();
        var operators = await db.SurveyPaperEntries.AsNoTracking().Where(e => waiting.Contains(e.SheetId)).OrderBy(e => e.Id)
            .Select(e => new { e.SheetId, e.Operator }).ToListAsync(ct);
        ToResolve = sheets.Where(s => waiting.Contains(s.Id)).OrderBy(s => s.Number).Select(s => new Waiting(s.Id, s.Number,
            names.GetValueOrDefault(s.AgencyId, "?"), string.Join(", ", operators.Where(o => o.SheetId == s.Id).Select(o => o.Operator)))).ToList();
        return true;
    }
}
