using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Sipas;

/// <summary>What an edit of a programme's questionnaire left: the version it now collects with, and whether it is new.</summary>
public sealed record QuestionnaireSaved(int QuestionnaireId, int Version, bool NewVersion);

/// <summary>
/// Applies one edit (Core's <see cref="SurveyEditor"/> rules) to a programme's questionnaire. A version nobody answered
/// and no other programme uses is changed in place; otherwise the edit makes a new version (Version + 1) that the
/// programme points to, and every response keeps the version it answered. Refused once the results are computed;
/// the change and its audit line commit together, and a stale form (the questionnaire moved on) changes nothing.
/// </summary>
public sealed class EditQuestionnaire(ParHubDbContext db, AuditLog audit, ReadCache cache, TimeProvider clock)
{
    public const string StaleMessage = "Bảng hỏi vừa được người khác thay đổi; tải lại trang để xem bản mới.";

    public Task<QuestionnaireSaved> RunAsync(int programmeId, int questionnaireId, string summary,
        Func<SurveyDefinition, IReadOnlySet<string>, SurveyDefinition> edit, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var programme = await db.SurveyProgrammes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, ct)
            ?? throw new KeyNotFoundException();
        if (programme.State is SurveyState.Computed or SurveyState.Published)
            throw new SurveyRuleException("Kết quả đợt khảo sát đã được tính; không sửa bảng hỏi được nữa.");
        if (programme.QuestionnaireId != questionnaireId) throw new SurveyRuleException(StaleMessage);
        var q = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == questionnaireId, ct);
        var answered = await AnsweredAsync(db, q.Code, ct);
        var changed = edit(SurveyDefinition.FromJson(q.Definition), answered);
        var json = changed.ToJson();
        if (json == q.Definition) return new QuestionnaireSaved(q.Id, q.Version, false);
        var inUse = await db.SurveyResponses.AnyAsync(r => r.QuestionnaireId == q.Id, ct)
            || await db.SurveyProgrammes.AnyAsync(p => p.Id != programmeId && p.QuestionnaireId == q.Id, ct);
        QuestionnaireSaved saved;
        if (!inUse)
        {
            // The conditional update is the check: two editors saving the same version cannot both win.
            var n = await db.SurveyQuestionnaires.Where(x => x.Id == q.Id && x.Definition == q.Definition)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Definition, json).SetProperty(x => x.Title, changed.Title), ct);
            if (n != 1) throw new SurveyRuleException(StaleMessage);
            saved = new QuestionnaireSaved(q.Id, q.Version, false);
        }
        else
        {
            var version = await db.SurveyQuestionnaires.Where(x => x.Code == q.Code).MaxAsync(x => x.Version, ct) + 1;
            var next = new SurveyQuestionnaire
            {
                Code = q.Code, Version = version, Title = changed.Title, Definition = json, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.SurveyQuestionnaires.Add(next);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { throw new SurveyRuleException(StaleMessage); } // another editor took this version number

            var n = await db.SurveyProgrammes.Where(p => p.Id == programmeId && p.QuestionnaireId == q.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.QuestionnaireId, next.Id), ct);
            if (n != 1) throw new SurveyRuleException(StaleMessage);
            saved = new QuestionnaireSaved(next.Id, next.Version, true);
        }
        SurveyFormCache.DropAfterCommit(db, cache); // the updates above are set-based: the tracker does not see them
        audit.Record("questionnaire", CreateProgramme.EntityType, programmeId.ToString(CultureInfo.InvariantCulture), null,
            $"Sửa bảng hỏi (phiên bản {saved.Version}): {summary}",
            [new FieldChange("Questionnaire", $"{q.Id} v{q.Version}", $"{saved.QuestionnaireId} v{saved.Version}")]);
        await db.SaveChangesAsync(ct);
        return saved;
    }, ct);

    /// <summary>The item codes that have answers in any version of a questionnaire: their meaning is fixed.</summary>
    public static async Task<IReadOnlySet<string>> AnsweredAsync(ParHubDbContext db, string code, CancellationToken ct)
    {
        var versions = db.SurveyQuestionnaires.Where(x => x.Code == code).Select(x => x.Id);
        var codes = await db.SurveyAnswers
            .Join(db.SurveyResponses.Where(r => versions.Contains(r.QuestionnaireId)), a => a.ResponseId, r => r.Id, (a, r) => a.ItemCode)
            .Distinct().ToListAsync(ct);
        return codes.ToHashSet(StringComparer.Ordinal);
    }
}
