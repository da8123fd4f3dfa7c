using ParHub.Core.Scoring;

namespace ParHub.Core.ParIndex;

/// <summary>
/// One lead agency's share of the province's own assessment: its criteria, how many are entered (an input or "không áp
/// dụng"), how many have evidence or a note on how they were scored, and which were returned and wait for correction.
/// </summary>
public sealed record LeadProgress(string Agency, IReadOnlyList<string> Criteria, int Entered, int Explained, IReadOnlyList<string> Returned)
{
    public bool IsDone => Entered == Criteria.Count && Explained == Criteria.Count && Returned.Count == 0;
}

/// <summary>The province's own assessment per lead agency (<see cref="LeadMap"/>); criteria nobody leads are under agency "".</summary>
public static class TeamProgress
{
    public static IReadOnlyList<LeadProgress> Of(IEnumerable<string> criteria, LeadMap map, IReadOnlyDictionary<string, AssessmentScore> scores,
        IReadOnlySet<string> evidenced) =>
        criteria.GroupBy(c => map.LeadOf(c) ?? "", StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var codes = g.OrderBy(c => c, RuleText.CodeOrder).ToList();
                var rows = codes.Select(c => scores.GetValueOrDefault(c)).ToList();
                return new LeadProgress(g.Key, codes,
                    rows.Count(r => r is not null && (r.Input is not null || r.Exempt)),
                    codes.Count(c => evidenced.Contains(c) || scores.GetValueOrDefault(c) is { } r && (r.NoEvidenceNote is not null || r.Exempt)),
                    rows.Where(r => r?.ReturnComment is not null).Select(r => r!.Code).ToList());
            })
            .OrderBy(p => p.Agency.Length == 0).ThenBy(p => p.Agency, StringComparer.OrdinalIgnoreCase).ToList();
}
