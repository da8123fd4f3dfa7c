using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;
using QRCoder;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// Invitation slips for one agency: the Coordinator issues a batch, and the page prints as a sheet of slips, each with
/// its QR code, link and code, to hand out with the dossier receipt at the one-stop counter.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class TokensModel(ParHubDbContext db, SurveyTokens tokens) : PageModel
{
    public sealed record Slip(string Code, string Url, string Svg);

    public SurveyProgramme Programme { get; private set; } = null!;
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<Slip> Slips { get; private set; } = [];
    public string? AgencyName { get; private set; }
    public string? Error { get; private set; }
    public int Used { get; private set; }
    public int Issued { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? agency, CancellationToken ct) =>
        await LoadAsync(id, agency, ct) ? Page() : NotFound();

    /// <summary>The agency's unused slips as a Word sheet to cut out (<see cref="SurveySlipsDocument"/>).</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, int agency, CancellationToken ct) =>
        await SheetAsync(id, agency, ct) is { } docx
            ? File(docx, PaperSheetsDocument.ContentType, $"phieu-moi-{id}-{agency}.docx")
            : NotFound();

    /// <summary>The same sheet as PDF, printed as it is (LibreOffice on the server).</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id, int agency, CancellationToken ct)
    {
        if (!ParHub.Web.Shared.Office.PdfConverter.Available)
        {
            Message = "Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; hãy tải bản DOCX hoặc in trang này.";
            return await OnGetAsync(id, agency, ct);
        }
        if (await SheetAsync(id, agency, ct) is not { } docx) return NotFound();
        return File(await ParHub.Web.Shared.Office.PdfConverter.DocxToPdfAsync(docx, ct), "application/pdf", $"phieu-moi-{id}-{agency}.pdf");
    }

    private async Task<byte[]?> SheetAsync(int id, int agency, CancellationToken ct)
    {
        if (!await LoadAsync(id, agency, ct) || AgencyName is null) return null;
        using var generator = new QRCodeGenerator();
        var slips = Slips.Select(s =>
        {
            using var data = generator.CreateQrCode(s.Url, QRCodeGenerator.ECCLevel.M);
            return new SurveySlipsDocument.Slip(s.Code, s.Url, new PngByteQRCode(data).GetGraphic(10));
        }).ToList();
        return SurveySlipsDocument.Write(Programme.Title, AgencyName, slips);
    }

    public async Task<IActionResult> OnPostAsync(int id, int agency, int count, CancellationToken ct)
    {
        try
        {
            await tokens.IssueAsync(id, agency, count, ct);
            return Redirect($"/Sipas/Tokens/{id}?agency={agency}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (SurveyRuleException e)
        {
            Error = e.Message;
            return await LoadAsync(id, null, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, int? agency, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p is null) return false;
        Programme = p;
        Agencies = await SurveyForms.AgenciesAsync(db, p, ct);
        if (agency is not { } a || !Agencies.Any(x => x.Id == a)) return true;
        AgencyName = Agencies.Single(x => x.Id == a).Name;
        var all = await db.SurveyTokens.AsNoTracking().Where(t => t.ProgrammeId == id && t.AgencyId == a).OrderBy(t => t.Id).ToListAsync(ct);
        (Issued, Used) = (all.Count, all.Count(t => t.UsedAt != null));
        var site = $"{Request.Scheme}://{Request.Host}";
        using var generator = new QRCodeGenerator();
        Slips = all.Where(t => t.UsedAt == null).Select(t =>
        {
            var url = $"{site}/KhaoSat/{id}?t={t.Code}";
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            return new Slip(t.Code, url, new SvgQRCode(data).GetGraphic(3));
        }).ToList();
        return true;
    }
}
