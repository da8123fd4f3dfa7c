using ParHub.Core.Scoring;

namespace ParHub.Core.ParIndex;

/// <summary>What the council's members proposed for one criterion in a round: their points, the spread, whether they agree.</summary>
public sealed record ProposalSpread(string Code, int Round, IReadOnlyList<AppraisalProposal> Proposals)
{
    public decimal Lowest => Proposals.Min(p => p.Points);
    public decimal Highest => Proposals.Max(p => p.Points);
    public bool Agreed => Lowest == Highest;
}

/// <summary>
/// An appraisal council: several members appraise the same criteria; each one's score is a proposal (kept), and the
/// chair decides the appraised points — the proposals' agreed figure or another, with the decision's reason.
/// </summary>
public static class Council
{
    /// <summary>A member's checked appraisal as their proposal, replacing their earlier one for the criterion and round.</summary>
    public static AppraisalProposal Propose(ICollection<AppraisalProposal> existing, int assessmentId, AppraisalEntry entry, string member, DateTime at)
    {
        var p = existing.FirstOrDefault(x => x.Code == entry.Code && x.Round == entry.Round
            && string.Equals(x.UserName, member, StringComparison.OrdinalIgnoreCase));
        if (p is null) existing.Add(p = new AppraisalProposal { AssessmentId = assessmentId, Code = entry.Code, UserName = member, Round = entry.Round });
        (p.Points, p.Reason, p.At) = (entry.Points, entry.Reason, at);
        return p;
    }

    /// <summary>The proposals per criterion and round, in code order.</summary>
    public static IReadOnlyList<ProposalSpread> Spread(IEnumerable<AppraisalProposal> proposals) =>
        proposals.GroupBy(p => (p.Code, p.Round)).OrderBy(g => g.Key.Code, RuleText.CodeOrder).ThenBy(g => g.Key.Round)
            .Select(g => new ProposalSpread(g.Key.Code, g.Key.Round, g.OrderBy(p => p.UserName, StringComparer.Ordinal).ToList())).ToList();

    /// <summary>How the chair's decision is written in the audit trail: the points decided and every proposal beside them.</summary>
    public static string Decision(AppraisalEntry decided, ProposalSpread? spread) =>
        $"Chủ tịch hội đồng quyết định tiêu chí {decided.Code}: {Reports.VietnameseNumber.Format(decided.Points)} điểm ({decided.Reason})"
        + (spread is null ? "" : "; đề xuất của thành viên: "
            + string.Join("; ", spread.Proposals.Select(p => $"{p.UserName} {Reports.VietnameseNumber.Format(p.Points)}")));
}
