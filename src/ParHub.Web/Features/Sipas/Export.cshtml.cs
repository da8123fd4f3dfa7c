using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The raw answers of a programme for the survey staff, as CSV (UTF-8) or XLSX: one row per response with its number,
/// agency, channel, status, questionnaire version and day, then one column per item code. Nothing personal: no
/// operator or interviewer, no client id, no review note.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class ExportModel(ParHubDbContext db) : PageModel
{
    public static readonly string[] Fixed = ["Số phiếu", "Mã cơ quan", "Cơ quan", "Kênh", "Trạng thái", "Phiên bản bảng hỏi", "Ngày"];

    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p?.QuestionnaireId is not { } qid) return NotFound();
        var definition = SurveyDefinition.FromJson(await db.SurveyQuestionnaires.Where(q => q.Id == qid).Select(q => q.Definition).SingleAsync(ct));
        var versions = await db.SurveyQuestionnaires.Select(q => new { q.Id, q.Version }).ToDictionaryAsync(q => q.Id, q => q.Version, ct);
        var agencyIds = db.SurveyResponses.Where(r => r.ProgrammeId == id).Select(r => r.AgencyId).Distinct();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
        var codes = definition.Items.Select(i => i.Code).ToList();
        var older = await db.SurveyAnswers.Join(db.SurveyResponses.Where(r => r.ProgrammeId == id), a => a.ResponseId, r => r.Id, (a, r) => a.ItemCode)
            .Distinct().ToListAsync(ct);
        codes.AddRange(older.Where(c => !codes.Contains(c)).Order(StringComparer.Ordinal)); // items of earlier versions only
        var header = Fixed.Concat(codes).ToList();
        var rows = Rows(id, codes, versions, agencies, ct);
        var name = $"sipas-{p.Year}-{id}-phieu";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var all = new List<IReadOnlyList<string?>>();
            await foreach (var r in rows) all.Add(r);
            return File(ParHub.Web.Shared.Office.Xlsx.Write("Phieu", header, all),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(true));
        await writer.WriteLineAsync(Csv(header));
        await foreach (var r in rows) await writer.WriteLineAsync(Csv(r));
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    /// <summary>The responses in pages of 2,000 by id, each with its answers: memory stays flat however many there are.</summary>
    private async IAsyncEnumerable<IReadOnlyList<string?>> Rows(int id, List<string> codes, Dictionary<int, int> versions,
        Dictionary<int, (string Code, string Name)> agencies, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var column = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var page = await db.SurveyResponses.AsNoTracking().Where(r => r.ProgrammeId == id && r.Id > after).OrderBy(r => r.Id).Take(2000)
                .Select(r => new { r.Id, r.AgencyId, r.Channel, r.Status, r.QuestionnaireId, r.SubmittedAt }).ToListAsync(ct);
            if (page.Count == 0) yield break;
            var ids = page.Select(r => r.Id).ToList();
            var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => ids.Contains(a.ResponseId))
                .Select(a => new { a.ResponseId, a.ItemCode, a.Value, a.Text }).ToListAsync(ct)).ToLookup(a => a.ResponseId);
            foreach (var r in page)
            {
                var agency = agencies.GetValueOrDefault(r.AgencyId);
                var cells = new string?[Fixed.Length + codes.Count];
                cells[0] = r.Id.ToString(CultureInfo.InvariantCulture);
                (cells[1], cells[2]) = (agency.Code, agency.Name);
                (cells[3], cells[4]) = (r.Channel.ToString(), r.Status.ToString());
                cells[5] = versions.GetValueOrDefault(r.QuestionnaireId).ToString(CultureInfo.InvariantCulture);
                cells[6] = VietnamTime.Show(r.SubmittedAt, "yyyy-MM-dd");
                foreach (var a in answers[r.Id])
                    if (column.TryGetValue(a.ItemCode, out var c)) cells[Fixed.Length + c] = a.Value?.ToString(CultureInfo.InvariantCulture) ?? a.Text;
                yield return cells;
            }
            after = page[^1].Id;
        }
    }

    /// <summary>One CSV line: quoted where needed; a cell that a spreadsheet would take for a formula is prefixed with an apostrophe.</summary>
    public static string Csv(IEnumerable<string?> cells) => string.Join(",", cells.Select(c =>
    {
        var v = c ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }));
}
