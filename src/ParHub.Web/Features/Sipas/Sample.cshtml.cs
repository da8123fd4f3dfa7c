using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The sample per agency: population N as typed, n = ⌈N / (1 + N·e²)⌉ (at least the minimum, at most N), and the
/// valid forms collected so far against it; and each agency's own target (empty: the programme's).
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[UploadLimit(MaxFileBytes + 64 * 1024, "Tệp vượt quá 2 MB.")]
public class SampleModel(ParHubDbContext db, SetPopulations set) : PageModel, IUploadPage
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public void Refuse(string message) => Error = message;

    /// <summary>The lines of an uploaded population table, shown before anything is stored.</summary>
    public List<PopulationLine>? FileLines { get; private set; }

    public const string Prefix = "n:";
    public const string TargetPrefix = "t:";

    public sealed record Row(int AgencyId, string Name, string? Typed, int? Population, int? Required, int Collected)
    {
        /// <summary>The agency's own target as typed or stored; empty when it has the programme's.</summary>
        public string? Target { get; init; }
    }

    public SurveyProgramme Programme { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, null, ct) ? Page() : NotFound();

    private Dictionary<int, string?> Typed(string prefix) => Request.Form.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
        .Select(f => (Ok: int.TryParse(f.Key[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var a), Agency: a,
            Text: (string?)f.Value.ToString()))
        .Where(x => x.Ok).GroupBy(x => x.Agency).ToDictionary(g => g.Key, g => g.Last().Text);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var typed = Typed(Prefix);
        var targets = Typed(TargetPrefix);
        try
        {
            var changed = await set.RunAsync(id, typed, targets, ct);
            TempData["Message"] = $"Đã lưu tổng thể của {changed} cơ quan.";
            return Redirect($"/Sipas/Sample/{id}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (SurveyRuleException e)
        {
            Error = e.Message;
            return await LoadAsync(id, typed, ct, targets) ? Page() : NotFound();
        }
    }

    /// <summary>An XLSX of populations (agency code or name, N): previewed line by line; applying posts its values like the typed form.</summary>
    public async Task<IActionResult> OnPostFileAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct)) return NotFound();
        if (file is null || file.Length == 0) { Error = "Vui lòng chọn tệp Excel (.xlsx)."; return Page(); }
        if (file.Length > MaxFileBytes) { Error = "Tệp vượt quá 2 MB."; return Page(); }
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) { Error = "Chỉ nhận tệp Excel .xlsx."; return Page(); }
        await using var s = file.OpenReadStream();
        var head = new byte[ParHub.Web.Shared.Office.FileSignatures.HeadLength];
        var read = await s.ReadAtLeastAsync(head, head.Length, false, ct);
        if (!ParHub.Web.Shared.Office.FileSignatures.Matches(".xlsx", head.AsSpan(0, read))) { Error = "Tệp không phải bảng tính Excel .xlsx."; return Page(); }
        s.Position = 0;
        try { FileLines = PopulationImport.Read(ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(s), await SurveyForms.AgencyLookupAsync(db, Programme, ct)); }
        catch (ParHub.Web.Shared.Office.UnreadableFileException e) { Error = e.Message; return Page(); }
        if (FileLines.Count == 0) Error = "Tệp không có dòng nào (cột A: mã hoặc tên cơ quan, cột B: tổng thể N, cột C nếu có: mục tiêu %).";
        return Page();
    }

    /// <summary>
    /// N from the one-stop system: each surveyed agency's dossiers received in <paramref name="year"/> (default the
    /// programme's), previewed like a file; agencies without dossiers that year are listed and keep their N.
    /// </summary>
    public async Task<IActionResult> OnPostDossiersAsync(int id, int? year, [FromServices] Tthc.TthcFigures dossiers, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct)) return NotFound();
        DossierYear = year is >= 2000 and <= 2100 ? year.Value : Programme.Year;
        var received = await dossiers.ReceivedAsync(DossierYear.Value, ct);
        FileLines = Rows.Where(r => received.GetValueOrDefault(r.AgencyId) > 0).Select((r, i) => new PopulationLine(i + 1, r.Name, r.AgencyId,
            received[r.AgencyId].ToString("#,##0", ParHub.Core.Reports.VietnameseNumber.Culture), null)).ToList();
        WithoutDossiers = Rows.Where(r => received.GetValueOrDefault(r.AgencyId) == 0).Select(r => r.Name).ToList();
        if (FileLines.Count == 0) Error = $"Chưa có hồ sơ TTHC nào tiếp nhận năm {DossierYear} của các cơ quan trong đợt khảo sát.";
        return Page();
    }

    /// <summary>The year whose dossiers gave the previewed N; the agencies that had none.</summary>
    public int? DossierYear { get; private set; }
    public List<string> WithoutDossiers { get; private set; } = [];

    private async Task<bool> LoadAsync(int id, IReadOnlyDictionary<int, string?>? typed, CancellationToken ct,
        IReadOnlyDictionary<int, string?>? typedTargets = null)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p is null) return false;
        Programme = p;
        var stored = await db.SurveyPopulations.AsNoTracking().Where(x => x.ProgrammeId == id).ToDictionaryAsync(x => x.AgencyId, ct);
        var populations = stored.Where(x => x.Value.Population is not null).ToDictionary(x => x.Key, x => x.Value.Population!.Value);
        var collected = await db.SurveyResponses.Where(r => r.ProgrammeId == id && r.Status == ResponseStatus.Valid).GroupBy(r => r.AgencyId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Rows = (await SurveyForms.AgenciesAsync(db, p, ct)).Select(a =>
        {
            int? n = populations.TryGetValue(a.Id, out var v) ? v : null;
            var shown = typed is not null && typed.TryGetValue(a.Id, out var t) ? t : n?.ToString("#,##0", ParHub.Core.Reports.VietnameseNumber.Culture);
            return new Row(a.Id, a.Name, shown, n, n is { } pop ? SampleSize.Required(pop, p.MarginOfError, Math.Min(p.MinResponses, pop)) : null,
                collected.GetValueOrDefault(a.Id))
            {
                Target = typedTargets is not null && typedTargets.TryGetValue(a.Id, out var tt) ? tt
                    : stored.GetValueOrDefault(a.Id)?.TargetPercent is { } own ? ParHub.Core.Reports.VietnameseNumber.Format(own) : null,
            };
        }).ToList();
        return true;
    }
}
