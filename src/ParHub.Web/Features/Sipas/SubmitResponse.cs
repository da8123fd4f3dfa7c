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
public sealed class SubmitResponse(ParHubDbContext db, SurveyFormCache forms, SurveyResponseWriter writer, TimeProvider clock)
{
    private const string NotSurveyed = "Cơ quan được đánh giá không thuộc đợt khảo sát này.";

    public async Task<long> RunAsync(ResponseInput input, CancellationToken ct = default)
    {
        // Checked and read before the transaction (the form from the cache): the transaction holds SQLite's one writer.
        var form = await forms.FindAsync(input.ProgrammeId, ct) ?? throw new SurveyRuleException("Không tìm thấy đợt khảo sát.");
        if (input.ClientId is { Length: > 64 }) throw new SurveyRuleException("Mã phiếu không hợp lệ.");
        if (!form.Surveys(input.AgencyId)) throw new SurveyRuleException(NotSurveyed);
        // Answers to a programme that no longer collects are not judged (the transaction says why they are refused).
        var answers = form.Programme.State == SurveyState.Collecting ? SurveyAnswers.Read(form.Definition, input.Answers) : null;
        return await db.InTransactionAsync(async () =>
        {
            // The programme as of this transaction, not as cached: a programme closed a moment ago takes nothing more.
            var now = await db.SurveyProgrammes.Where(p => p.Id == input.ProgrammeId).Select(p => new { p.State, p.QuestionnaireId })
                .SingleOrDefaultAsync(ct) ?? throw new SurveyRuleException("Không tìm thấy đợt khảo sát.");
            if (now.State != SurveyState.Collecting) throw new SurveyRuleException("Đợt khảo sát này hiện không nhận phiếu.");
            if (now.QuestionnaireId != form.QuestionnaireId)
            {
                form = await SurveyFormCache.LoadAsync(db, input.ProgrammeId, ct) ?? throw new SurveyRuleException("Không tìm thấy đợt khảo sát.");
                answers = null;
            }
            answers ??= SurveyAnswers.Read(form.Definition, input.Answers);
            if (!form.Surveys(input.AgencyId)) throw new SurveyRuleException(NotSurveyed);
            if (input.ClientId is { Length: > 0 } cid)
            {
                var already = await db.SurveyResponses.Where(r => r.ProgrammeId == input.ProgrammeId && r.ClientId == cid)
                    .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
                if (already is { } id) return id; // a resend: counted once
            }
            if (input.Token is { } code)
            {
                // Used once: the update that marks it used is the check, so two sends of one slip cannot both count.
                var at = clock.GetUtcNow().UtcDateTime;
                var marked = await db.SurveyTokens
                    .Where(t => t.Code == code && t.ProgrammeId == input.ProgrammeId && t.AgencyId == input.AgencyId && t.UsedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, at), ct);
                if (marked != 1) throw new SurveyRuleException(SurveyTokens.UsedMessage);
            }
            var response = new SurveyResponse
            {
                ProgrammeId = input.ProgrammeId, QuestionnaireId = form.QuestionnaireId, AgencyId = input.AgencyId,
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
}
