using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// A kiosk at an agency's counter: the whole questionnaire in one page that never navigates (wwwroot/js/kiosk.js shows
/// it part by part, queues each response in the browser with its own id and sends the queue when the network is
/// there). The send is JSON only, authorised by the kiosk's secret code, not by a cookie, so it needs no antiforgery
/// token (a cross-site page can neither read the code nor post JSON without a preflight this site never allows); it
/// is rate limited like the public form, and a resend of an id already stored answers OK and counts nothing.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, EnableRateLimiting(SurveyRateLimit.Policy), OwnTransaction]
public partial class KioskModel(ParHubDbContext db, SubmitResponse submit) : PageModel
{
    public const int MaxBody = 64 * 1024;
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public SurveyProgramme? Programme { get; private set; }
    public SurveyDefinition? Definition { get; private set; }
    public string? AgencyName { get; private set; }
    public string? Closed { get; private set; }
    public string Code { get; private set; } = "";
    public SurveyItemsView Items => new(Definition!, new Dictionary<string, string>(), "k");

    public sealed record Sent(string? ClientId, Dictionary<string, string>? Answers);

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken ct)
    {
        var kiosk = await CreateKiosk.FindAsync(db, id, code, ct);
        if (kiosk is null) return NotFound();
        Code = kiosk.Code;
        Programme = await SurveyForms.ProgrammeAsync(db, id, ct);
        AgencyName = await db.Agencies.Where(a => a.Id == kiosk.AgencyId).Select(a => a.Name).SingleAsync(ct);
        if (Programme!.State != SurveyState.Collecting) { Closed = "Đợt khảo sát này hiện không nhận phiếu. Cảm ơn ông/bà đã quan tâm."; return Page(); }
        var q = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == Programme.QuestionnaireId, ct);
        Definition = SurveyDefinition.FromJson(q.Definition);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(int id, string code, CancellationToken ct)
    {
        var kiosk = await CreateKiosk.FindAsync(db, id, code, ct);
        if (kiosk is null) return NotFound();
        if (Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return new JsonResult(new { error = "Chỉ nhận dữ liệu JSON." }) { StatusCode = StatusCodes.Status415UnsupportedMediaType };
        if (Request.ContentLength is > MaxBody) return new JsonResult(new { error = "Phiếu quá lớn." }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
        Sent? sent;
        try
        {
            // Read as a stream, never more than the limit (a chunked body has no length to check first).
            var buffer = new byte[MaxBody + 1];
            int read = 0, got;
            while (read < buffer.Length && (got = await Request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += got;
            if (read > MaxBody) return new JsonResult(new { error = "Phiếu quá lớn." }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
            sent = JsonSerializer.Deserialize<Sent>(buffer.AsSpan(0, read), ReadOptions);
        }
        catch (JsonException) { return new JsonResult(new { error = "Dữ liệu phiếu không đọc được." }) { StatusCode = StatusCodes.Status400BadRequest }; }
        if (sent?.ClientId is not { } cid || !ClientIdShape().IsMatch(cid) || sent.Answers is null)
            return new JsonResult(new { error = "Thiếu mã phiếu hoặc câu trả lời." }) { StatusCode = StatusCodes.Status400BadRequest };
        try
        {
            var responseId = await submit.RunAsync(new ResponseInput(id, kiosk.AgencyId, SurveyChannel.Kiosk, sent.Answers, ClientId: cid), ct);
            return new JsonResult(new { ok = true, id = responseId });
        }
        catch (SurveyAnswerException e)
        {
            return new JsonResult(new { error = "Phiếu không hợp lệ.", problems = e.Problems }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        catch (SurveyRuleException e) { return new JsonResult(new { error = e.Message }) { StatusCode = StatusCodes.Status409Conflict }; }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex ClientIdShape();
}
