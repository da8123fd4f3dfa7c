using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// What a form of a programme needs, read once: the programme, its questionnaire parsed, the agencies it surveys.
/// Shared between requests as it is: treat as immutable.
/// </summary>
public sealed class SurveyForm(SurveyProgramme programme, SurveyDefinition definition, int questionnaireId, IReadOnlyList<(int Id, string Name)> agencies)
{
    private readonly HashSet<int> surveyed = agencies.Select(a => a.Id).ToHashSet();

    public SurveyProgramme Programme { get; } = programme;
    public SurveyDefinition Definition { get; } = definition;
    public int QuestionnaireId { get; } = questionnaireId;
    /// <summary>By name in Vietnamese order.</summary>
    public IReadOnlyList<(int Id, string Name)> Agencies { get; } = agencies;

    public bool Surveys(int agencyId) => surveyed.Contains(agencyId);
}

/// <summary>
/// The forms of programmes from <see cref="ReadCache"/>, under the surveys and directory tags: a committed change to a
/// programme, its groups, its questionnaire or the agencies drops them (another process's change is seen within
/// <see cref="ReadCache.MaxAge"/>; <see cref="SubmitResponse"/> checks the state itself, in its transaction). The public
/// form and the kiosk read here, so that a citizen's post neither reads nor parses the questionnaire again.
/// </summary>
public sealed class SurveyFormCache(ParHubDbContext db, ReadCache cache)
{
    private static readonly string[] Tags = [CacheTags.Surveys, CacheTags.Directory];

    /// <summary>The programme's form, or null when there is no such programme.</summary>
    public Task<SurveyForm?> FindAsync(int programmeId, CancellationToken ct) =>
        cache.GetOrCreateAsync($"sipas:form:{programmeId}", Tags, c => LoadAsync(db, programmeId, c), ct);

    /// <summary>Straight from the database.</summary>
    public static async Task<SurveyForm?> LoadAsync(ParHubDbContext db, int programmeId, CancellationToken ct)
    {
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct);
        if (programme is null) return null;
        var q = await db.SurveyQuestionnaires.AsNoTracking().Where(x => x.Id == programme.QuestionnaireId).Select(x => new { x.Id, x.Definition })
            .SingleOrDefaultAsync(ct);
        // A programme with no questionnaire yet has a form with nothing to ask (it cannot collect).
        var definition = q is null ? new SurveyDefinition("", "", 5, 4, "mean", []) : SurveyDefinition.FromJson(q.Definition);
        return new SurveyForm(programme, definition, q?.Id ?? 0, await SurveyForms.AgenciesAsync(db, programme, ct));
    }

    /// <summary>Drops the forms once the unit of work commits (for changes made by set-based updates the tracker does not see).</summary>
    public static void DropAfterCommit(ParHubDbContext db, ReadCache cache) =>
        UnitOfWork.OnEnd(db, () => cache.Invalidate([CacheTags.Surveys]), () => { });
}
