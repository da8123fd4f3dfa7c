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
/// counts once. Nothing personal is stored. Inside a caller's unit of work (paper sheets, interviews) it is written
/// there; otherwise (the public form, the kiosk) it joins <see cref="SurveyWriteBatch"/>: the forms that arrive while
/// one transaction commits are written together in the next, each accepted or refused on its own.
/// </summary>
public sealed class SubmitResponse(ParHubDbContext db, SurveyFormCache forms, SurveyResponseWriter writer, SurveyWriteBatch batch,
    TimeProvider clock)
{
    public async Task<long> RunAsync(ResponseInput input, CancellationToken ct = default)
    {
        // Checked and read before any transaction (the form from the cache): a transaction holds SQLite's one writer.
        var form = await forms.FindAsync(input.ProgrammeId, ct) ?? throw new SurveyRuleException(StoreResponses.NoProgramme);
        if (input.ClientId is { Length: > 64 }) throw new SurveyRuleException("Mã phiếu không hợp lệ.");
        if (!form.Surveys(input.AgencyId)) throw new SurveyRuleException(StoreResponses.NotSurveyed);
        // Answers to a programme that no longer collects are not judged (the transaction says why they are refused).
        var answers = form.Programme.State == SurveyState.Collecting ? SurveyAnswers.Read(form.Definition, input.Answers) : null;
        var pending = new PendingResponse(input, form, answers, clock.GetUtcNow().UtcDateTime);
        if (db.Database.CurrentTransaction is null) return await batch.SubmitAsync(pending, ct);
        var outcome = (await StoreResponses.RunAsync(db, writer, [pending], ct))[0];
        if (outcome.Error is { } e) { UnitOfWork.MarkFailed(db); throw e; }
        return outcome.Id;
    }
}

/// <summary>A response checked against the cached form, waiting for its transaction.</summary>
public sealed record PendingResponse(ResponseInput Input, SurveyForm Form, IReadOnlyList<SurveyAnswer>? Answers, DateTime At);

/// <summary>What became of one pending response: its id (a resend: the id it got the first time), or why it was refused.</summary>
public readonly record struct StoreOutcome(long Id, Exception? Error);

/// <summary>
/// Writes pending responses inside the current transaction, each judged as of that transaction: the programme still
/// collecting (a programme closed a moment ago, even by another process, takes nothing more), its questionnaire the
/// one the answers were read against, a client's id not counted before, a slip unused (the update that marks it used
/// is the check). A refusal refuses that response only; the accepted ones go in together (<see cref="SurveyResponseWriter"/>).
/// </summary>
public static class StoreResponses
{
    public const string NoProgramme = "Không tìm thấy đợt khảo sát.";
    public const string NotSurveyed = "Cơ quan được đánh giá không thuộc đợt khảo sát này.";

    public static async Task<StoreOutcome[]> RunAsync(ParHubDbContext db, SurveyResponseWriter writer, IReadOnlyList<PendingResponse> batch,
        CancellationToken ct)
    {
        var programmeIds = batch.Select(p => p.Input.ProgrammeId).Distinct().ToList();
        var now = await db.SurveyProgrammes.Where(p => programmeIds.Contains(p.Id)).Select(p => new { p.Id, p.State, p.QuestionnaireId })
            .ToDictionaryAsync(p => p.Id, ct);
        var clientIds = batch.Select(p => Client(p.Input)).OfType<string>().Distinct().ToList();
        var counted = new Dictionary<(int, string), long>();
        if (clientIds.Count > 0)
            foreach (var r in await db.SurveyResponses.Where(r => programmeIds.Contains(r.ProgrammeId) && clientIds.Contains(r.ClientId!))
                .Select(r => new { r.ProgrammeId, r.ClientId, r.Id }).ToListAsync(ct))
                counted[(r.ProgrammeId, r.ClientId!)] = r.Id;
        var reloaded = new Dictionary<int, SurveyForm?>();
        var written = new List<SurveyResponse>();
        var outcomes = new (SurveyResponse? Response, (int, string)? SameAs, long Id, Exception? Error)[batch.Count];
        var inBatch = new Dictionary<(int, string), SurveyResponse>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (input, form, answers, at) = batch[i];
            try
            {
                if (!now.TryGetValue(input.ProgrammeId, out var state)) throw new SurveyRuleException(NoProgramme);
                if (state.State != SurveyState.Collecting) throw new SurveyRuleException("Đợt khảo sát này hiện không nhận phiếu.");
                if (state.QuestionnaireId != form.QuestionnaireId)
                {
                    // Read against another version than the one the programme asks now: read again against that one.
                    if (!reloaded.TryGetValue(input.ProgrammeId, out var fresh))
                        reloaded[input.ProgrammeId] = fresh = await SurveyFormCache.LoadAsync(db, input.ProgrammeId, ct);
                    form = fresh ?? throw new SurveyRuleException(NoProgramme);
                    answers = null;
                }
                answers ??= SurveyAnswers.Read(form.Definition, input.Answers);
                if (!form.Surveys(input.AgencyId)) throw new SurveyRuleException(NotSurveyed);
                if (Client(input) is { } cid)
                {
                    if (counted.TryGetValue((input.ProgrammeId, cid), out var id)) { outcomes[i] = (null, null, id, null); continue; } // a resend
                    if (inBatch.ContainsKey((input.ProgrammeId, cid))) { outcomes[i] = (null, (input.ProgrammeId, cid), 0, null); continue; }
                }
                if (input.Token is { } code)
                {
                    var marked = await db.SurveyTokens
                        .Where(t => t.Code == code && t.ProgrammeId == input.ProgrammeId && t.AgencyId == input.AgencyId && t.UsedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, at), ct);
                    if (marked != 1) throw new SurveyRuleException(SurveyTokens.UsedMessage);
                }
                var response = new SurveyResponse
                {
                    ProgrammeId = input.ProgrammeId, QuestionnaireId = form.QuestionnaireId, AgencyId = input.AgencyId,
                    Channel = input.Token is null ? input.Channel : SurveyChannel.Token, ClientId = Client(input),
                    Status = ResponseStatus.Valid, SubmittedAt = at, EnteredBy = input.EnteredBy, Answers = answers.ToList(),
                };
                if (response.ClientId is { } c) inBatch[(input.ProgrammeId, c)] = response;
                written.Add(response);
                outcomes[i] = (response, null, 0, null);
            }
            catch (Exception e) when (e is SurveyRuleException or SurveyAnswerException) { outcomes[i] = (null, null, 0, e); }
        }
        // Straight to the tables, not through EF's tracking of one entity per answer: the public form's hot path.
        await writer.WriteAsync(written, ct);
        return outcomes.Select(o => new StoreOutcome(
            o.Response?.Id ?? (o.SameAs is { } k ? inBatch[k].Id : o.Id), o.Error)).ToArray();
    }

    private static string? Client(ResponseInput input) => string.IsNullOrWhiteSpace(input.ClientId) ? null : input.ClientId;
}
