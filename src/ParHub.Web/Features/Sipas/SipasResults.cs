using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>An agency's (or the province's, <see cref="AgencyId"/> null) index with how far it can be trusted.</summary>
public sealed record SipasRow(int? AgencyId, string Name, SipasIndexResult Result, decimal? Margin, bool BelowMinimum);

/// <summary>
/// A programme's index from the database: the answers are counted by SQL (per agency and item: answers in range, and
/// satisfied ones), never loaded one by one; the rules of <see cref="SipasIndexAggregator"/> make the rest. The
/// province pools every agency's counts at item level.
/// </summary>
public sealed class SipasResults(ParHubDbContext db)
{
    public sealed record Computed(SurveyProgramme Programme, SipasQuestionnaireSpec Spec, IReadOnlyList<SipasRow> Agencies, SipasRow Province)
    {
        /// <summary>The agencies' own targets (typed on the sample page); the others have the programme's.</summary>
        public IReadOnlyDictionary<int, decimal> Targets { get; init; } = new Dictionary<int, decimal>();

        /// <summary>The target of a row: the agency's own, else the programme's (the province's is the programme's).</summary>
        public decimal TargetOf(SipasRow r) =>
            SipasTargets.Of(r.AgencyId is { } a && Targets.TryGetValue(a, out var t) ? t : null, Programme.TargetPercent);
    }

    public async Task<Computed?> ComputeAsync(int programmeId, CancellationToken ct = default)
    {
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct);
        if (programme?.QuestionnaireId is not { } qid) return null;
        var q = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == qid, ct);
        var spec = SurveyDefinition.FromJson(q.Definition).IndexSpec();
        var items = spec.Items.ToList();
        int scale = spec.Scale, from = spec.SatisfiedFrom;
        var valid = db.SurveyResponses.Where(r => r.ProgrammeId == programmeId && r.Status == ResponseStatus.Valid);
        // One row per valid response, its numbered answers in its digest (SurveyAnswerDigest), tallied here: a GROUP BY
        // over the answer rows makes SQLite sort 1.5 M of them (docs/performance.md).
        var index = items.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var tallied = new Dictionary<int, SipasIndexTally[]>();
        var n = new Dictionary<int, int>();
        await foreach (var r in valid.Select(r => new { r.AgencyId, r.Digest }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!tallied.TryGetValue(r.AgencyId, out var tallies)) tallied[r.AgencyId] = tallies = new SipasIndexTally[items.Count];
            n[r.AgencyId] = n.GetValueOrDefault(r.AgencyId) + 1;
            SurveyAnswerDigest.Tally(r.Digest, lookup, scale, from, tallies);
        }
        var counts = tallied.SelectMany(t => t.Value.Select((tally, i) => new { AgencyId = t.Key, ItemCode = items[i], tally.Counted, tally.Satisfied }))
            .Where(c => c.Counted > 0).ToList();
        var names = (await SurveyForms.AgenciesAsync(db, programme, ct)).ToDictionary(a => a.Id, a => a.Name);
        var settings = await db.SurveyPopulations.AsNoTracking().Where(x => x.ProgrammeId == programmeId)
            .Select(x => new { x.AgencyId, x.Population, x.TargetPercent }).ToListAsync(ct);
        // A row may hold only a target (N not known): it gives no population.
        var populations = settings.Where(x => x.Population is not null).ToDictionary(x => x.AgencyId, x => x.Population!.Value);
        var targets = settings.Where(x => x.TargetPercent is not null).ToDictionary(x => x.AgencyId, x => x.TargetPercent!.Value);
        SipasRow Row(int? agency, string name, int count, Dictionary<string, SipasIndexTally> tallies)
        {
            var result = SipasIndexAggregator.Aggregate(spec, agency?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SipasIndex.Province,
                count, items.ToDictionary(i => i, i => tallies.GetValueOrDefault(i), StringComparer.Ordinal));
            // With the agency's population N (typed on the sample page) the margin has its finite-population correction;
            // without it, or for the province, none.
            var population = agency is { } a && populations.TryGetValue(a, out var pop) && pop >= count ? pop : int.MaxValue;
            var margin = count > 0 ? SipasIndexMargin.Of(result.Sipas, count, population, programme.Confidence) : null;
            return new SipasRow(agency, name, result, margin, count < programme.MinResponses);
        }
        var byAgency = counts.GroupBy(c => c.AgencyId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.ItemCode, c => new SipasIndexTally(c.Satisfied, c.Counted)));
        var agencies = names.Keys.Union(n.Keys).Select(a => Row(a, names.GetValueOrDefault(a, "?"), n.GetValueOrDefault(a),
                byAgency.GetValueOrDefault(a) ?? [])).OrderByDescending(r => r.Result.Sipas ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var province = counts.GroupBy(c => c.ItemCode).ToDictionary(g => g.Key, g => new SipasIndexTally(g.Sum(c => c.Satisfied), g.Sum(c => c.Counted)));
        return new Computed(programme, spec, agencies, Row(null, "Toàn tỉnh", n.Values.Sum(), province)) { Targets = targets };
    }
}
