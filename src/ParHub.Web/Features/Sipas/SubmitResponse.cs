using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>A filled-in form as it arrives: answers by item code as the form posts them ("4", or "1,3" for several choices).</summary>
public sealed record ResponseInput(int ProgrammeId, int AgencyId, SurveyChannel Channel, IReadOnlyDictionary<string, string> Answers,
    string? ClientId = null, string? EnteredBy = null, string? Token = null);

/// <summary>
/// Stores one response: only while the programme collects, only for an agency it surveys; every answer checked against
/// its item (a level or choice in range, text ≤ 2000), items not asked under their condition dropped; a client's id
/// counts once. Nothing personal is stored.
/// </summary>
public sealed class SubmitResponse(ParHubDbContext db, SurveyResponseWriter writer, TimeProvider clock)
{
    public Task<long> RunAsync(ResponseInput input, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (programme, definition, questionnaireId) = await SurveyForms.OpenAsync(db, input.ProgrammeId, input.AgencyId, ct);
        if (input.ClientId is { Length: > 0 } cid)
        {
            if (cid.Length > 64) throw new SurveyRuleException("Mã phiếu không hợp lệ.");
            var already = await db.SurveyResponses.Where(r => r.ProgrammeId == programme.Id && r.ClientId == cid).Select(r => (long?)r.Id)
                .FirstOrDefaultAsync(ct);
            if (already is { } id) return id; // a resend: counted once
        }
        var answers = SurveyAnswers.Read(definition, input.Answers);
        if (input.Token is { } code)
        {
            // Used once: the update that marks it used is the check, so two sends of one slip cannot both count.
            var now = clock.GetUtcNow().UtcDateTime;
            var marked = await db.SurveyTokens
                .Where(t => t.Code == code && t.ProgrammeId == programme.Id && t.AgencyId == input.AgencyId && t.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
            if (marked != 1) throw new SurveyRuleException(SurveyTokens.UsedMessage);
        }
        var response = new SurveyResponse
        {
            ProgrammeId = programme.Id, QuestionnaireId = questionnaireId, AgencyId = input.AgencyId,
            Channel = input.Token is null ? input.Channel : SurveyChannel.Token,
            ClientId = string.IsNullOrWhiteSpace(input.ClientId) ? null : input.ClientId, Status = ResponseStatus.Valid,
            SubmittedAt = clock.GetUtcNow().UtcDateTime, EnteredBy = input.EnteredBy, Answers = answers,
        };
        // Straight to the tables (two statements), not through EF's tracking of one entity per answer: this is the
        // public form's hot path (docs/performance.md).
        await writer.WriteAsync([response], ct);
        return response.Id;
    }, ct);
}
