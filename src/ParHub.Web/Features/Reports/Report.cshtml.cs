using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>One agency's report: fill and submit (its officers), return / accept / reopen (Sở Nội vụ), history.</summary>
[RequestSizeLimit(AttachSignedReport.MaxBytes + 1024 * 1024)]
[ParHub.Web.App.UploadLimit(AttachSignedReport.MaxBytes + 1024 * 1024, "Tệp quá lớn; tối đa 20 MB.")]
public class ReportModel(ParHubDbContext db, ReportSetup setup, ReportAccess access, DatabaseSettings settings) : PageModel, ParHub.Web.App.IUploadPage
{
    public void Refuse(string message) => Error = message;

    public AgencyReport Report { get; private set; } = null!;
    public ReportForm Form { get; private set; } = null!;
    public ReportingPeriod? Period { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string RegimeName { get; private set; } = "";
    public Dictionary<string, FieldValue> Values { get; private set; } = [];
    private RegimeSetup? regime;
    public List<ReportRevision> History { get; private set; } = [];
    public bool CanEdit => mayEdit && ReportState.Edit(Report.Status) is ReportTransition.Ok;
    public bool IsReviewer { get; private set; }
    private bool mayEdit;
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<ValueError> Errors { get; private set; } = [];

    [BindProperty] public Dictionary<string, FieldInput> In { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        Message = done switch
        {
            "saved" => "Đã lưu bản nháp.",
            "submitted" => "Đã gửi báo cáo tới Sở Nội vụ.",
            "return" => "Đã trả lại báo cáo kèm ý kiến.",
            "accept" => "Đã tiếp nhận báo cáo; báo cáo đã được khóa.",
            "reopen" => "Đã mở lại kỳ báo cáo cho cơ quan.",
            "attached" => "Đã đính kèm bản ký số.",
            _ => null,
        };
        FillInputs();
        return Page();
    }

    public Dictionary<string, FieldInput> Unsaved { get; private set; } = [];

    private void FillInputs()
    {
        In = Values.ToDictionary(kv => kv.Key, kv => new FieldInput
        {
            Value = kv.Value.Value is { } v ? VietnameseNumber.Format(v) : null,
            Denominator = kv.Value.Denominator is { } d ? VietnameseNumber.Format(d) : null,
            Text = kv.Value.Text,
            // The officer's own words only; ParHub's figure is shown beside the field.
            Reason = Report.Values.FirstOrDefault(v => v.Code == kv.Key)?.OfficerReason,
        });
    }

    public Task<IActionResult> OnPostSaveAsync(int id, [FromServices] SaveReport save, CancellationToken ct) =>
        ActAsync(id, "saved", () => save.RunAsync(new(id, Version, In, Submit: false), ct), keepTyped: true, ct);
    public Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SaveReport save, CancellationToken ct) =>
        ActAsync(id, "submitted", () => save.RunAsync(new(id, Version, In, Submit: true), ct), keepTyped: true, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, [FromServices] ReturnReport step, CancellationToken ct) =>
        ActAsync(id, "return", () => step.RunAsync(id, Version, Comment, ct), false, ct);
    public Task<IActionResult> OnPostAcceptAsync(int id, [FromServices] AcceptReport step, CancellationToken ct) =>
        ActAsync(id, "accept", () => step.RunAsync(id, Version, ct), false, ct);
    public Task<IActionResult> OnPostReopenAsync(int id, [FromServices] ReopenReport step, CancellationToken ct) =>
        ActAsync(id, "reopen", () => step.RunAsync(id, Version, Comment, ct), false, ct);

    public Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, [FromServices] AttachSignedReport attach, CancellationToken ct) =>
        ActAsync(id, "attached", async () =>
        {
            if (file is null || file.Length == 0) throw new ReportRuleException("Chưa chọn tệp.");
            await using var s = file.OpenReadStream();
            await attach.RunAsync(new(id, file.FileName, file.Length, s), ct);
        }, false, ct);

    /// <summary>
    /// Runs one action of the page: on success back to the report with a message; a refusal is shown on the page. With
    /// <paramref name="keepTyped"/> (saving the form) what was typed stays in the fields after a refusal, and after a
    /// conflict the other person's version is shown with what this person typed listed beside it — never lost, never
    /// forced over.
    /// </summary>
    private async Task<IActionResult> ActAsync(int id, string done, Func<Task> action, bool keepTyped, CancellationToken ct)
    {
        try
        {
            await action();
            return Redirect($"/Reports/Report/{id}?done={done}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (ReportRuleException e)
        {
            (Error, Errors) = (e.Message, e.Errors);
            if (keepTyped) return await LoadAsync(id, ct) ?? Page();
        }
        catch (ReportConflictException e)
        {
            Error = e.Message;
            if (keepTyped)
                Unsaved = In.Where(kv => kv.Value is not null && (!string.IsNullOrWhiteSpace(kv.Value.Value) || !string.IsNullOrWhiteSpace(kv.Value.Text)))
                    .ToDictionary(kv => kv.Key, kv => kv.Value);
        }
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null) return loaded;
        FillInputs();
        return Page();
    }

    /// <summary>The report as a Word document in the layout of NĐ 30/2020, to print, sign and attach back as PDF.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        if (await PrintableAsync(ct) is not { } content) return NotFound();
        return File(AgencyReportDocument.Docx(content), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"bao-cao-cchc-{content.AgencyCode}-{Report.PeriodCode}.docx");
    }

    /// <summary>The same document as PDF (LibreOffice on the server); without it, the page says so and offers the DOCX.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        if (await PrintableAsync(ct) is not { } content) return NotFound();
        if (!ParHub.Web.Shared.Office.PdfConverter.Available)
        {
            Error = "Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; hãy tải bản DOCX.";
            FillInputs();
            return Page();
        }
        var pdf = await ParHub.Web.Shared.Office.PdfConverter.DocxToPdfAsync(AgencyReportDocument.Docx(content), ct);
        return File(pdf, "application/pdf", $"bao-cao-cchc-{content.AgencyCode}-{Report.PeriodCode}.pdf");
    }

    private async Task<AgencyReportContent?> PrintableAsync(CancellationToken ct)
    {
        if (Period is null || regime is null) return null;
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == Report.AgencyId).Select(a => new { a.Code, a.Kind }).FirstAsync(ct);
        var province = await db.Agencies.AsNoTracking().Where(a => a.Kind == Core.Agencies.AgencyKind.Province).OrderBy(a => a.Id)
            .Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "Ủy ban nhân dân tỉnh";
        return new AgencyReportContent(AgencyName, agency.Code, agency.Kind, province,
            string.IsNullOrWhiteSpace(regime.Setting.ToText) ? "Sở Nội vụ" : regime.Setting.ToText, Period, Form, Values);
    }

    public async Task<IActionResult> OnGetSignedAsync(int id, CancellationToken ct)
    {
        var r = await LoadAsync(id, ct);
        if (r is not null) return r;
        if (Report.SignedStoredName is null) return NotFound();
        var path = Path.Combine(settings.DataDir, ParHub.Web.Shared.FileStore.Reports, Path.GetFileName(Report.SignedStoredName));
        return System.IO.File.Exists(path) ? PhysicalFile(path, "application/pdf", Report.SignedFileName) : NotFound();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return NotFound();
        if (!await access.AllowsAsync(report, ReportOperations.Read)) return Forbid();
        Report = report;
        mayEdit = await access.AllowsAsync(report, ReportOperations.Edit);
        IsReviewer = await access.IsReviewerAsync();
        Form = await setup.FormAsync(report.FormId, ct);
        regime = await setup.RegimeAsync(report.RegimeKey, ct);
        RegimeName = regime?.Setting.Name ?? report.RegimeKey;
        Period = regime?.Period(report.PeriodCode);
        AgencyName = await db.Agencies.Where(a => a.Id == report.AgencyId).Select(a => a.Name).FirstAsync(ct);
        Values = ReportCheck.WithDerived(Form, report.Values.ToDictionary(v => v.Code, v => v.ToValue()));
        History = await db.ReportRevisions.AsNoTracking().Where(x => x.ReportId == id).OrderByDescending(x => x.No).ToListAsync(ct);
        Version = report.Version;
        return null;
    }
}
