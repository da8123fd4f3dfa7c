using ParHub.Core.Agencies;
using ParHub.Core.Plans;

namespace ParHub.Web.Features.Plans;

/// <summary>
/// The JSON of <c>./parhub plan extract</c>: {"plan":{…},"targets":[{"text"}],"tasks":[{"no","group","content",
/// "lead":[…],"cooperating":[…],"product","timeframe":{…}}], …}; agency names in the directory's canonical form
/// where resolved, raw text otherwise (and listed in "unresolved").
/// </summary>
public static class PlanExtractJson
{
    public sealed record PlanJson(string? Number, string? Type, string? Issuer, string? IssuedOn, string? Title, int? Year);
    public sealed record TargetJson(string Text, int Line);
    public sealed record TaskJson(string No, string? Group, string Content, IReadOnlyList<string> Lead, IReadOnlyList<string> Cooperating,
        string Product, TimeframeJson Timeframe, string? Note, string? AssignedBy, int Line, IReadOnlyList<TaskJson> Parts);
    public sealed record Result(PlanJson Plan, IReadOnlyList<TargetJson> Targets, IReadOnlyList<TaskJson> Tasks,
        IReadOnlyList<string> Unresolved, IReadOnlyList<string> Warnings);

    public static Result From(PlanDraft draft, AgencyPhraseResolver resolver, int? year)
    {
        var h = draft.Header;
        var planYear = year ?? h.Year ?? h.IssuedOn?.Year ?? VietnamTime.Today(TimeProvider.System).Year;
        var context = h.TimeframeContext(planYear);
        var on = h.IssuedOn;
        var unresolved = new SortedSet<string>(StringComparer.Ordinal);

        IReadOnlyList<string> Names(string phrase)
        {
            var resolved = resolver.Resolve(phrase, on);
            foreach (var r in resolved.Where(r => r.Kind == ResolvedKind.Unresolved)) unresolved.Add(r.Text);
            return resolved.Select(r => r.Display).ToList();
        }

        TaskJson Task(TaskDraft t) => new(t.No, t.Group, t.Content, Names(t.Lead), Names(t.Cooperating), t.Product,
            TimeframeJson.From(TimeframeParser.Parse(t.Timeframe, context)), t.Note, t.AssignedBy, t.Line, t.Parts.Select(Task).ToList());

        var tasks = draft.Tasks.Select(Task).ToList();
        return new Result(
            new PlanJson(h.Number, h.Type, h.Issuer, TimeframeJson.Iso(h.IssuedOn), h.Title, planYear),
            draft.Targets.Select(t => new TargetJson(t.Text, t.Line)).ToList(), tasks, unresolved.ToList(), draft.Warnings);
    }
}
