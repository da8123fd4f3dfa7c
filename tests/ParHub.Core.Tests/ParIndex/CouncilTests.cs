using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.ParIndex;

/// <summary>An appraisal council: members' proposals, their spread, the chair's decision as the audit writes it.</summary>
public class CouncilTests
{
    private static AppraisalEntry Entry(string code, decimal points, int round = 1) =>
        new(new AssessmentScore { Code = code }, code, points, "Lý do " + points, round);

    [Fact]
    public void A_members_new_proposal_replaces_their_earlier_one_and_the_spread_shows_agreement()
    {
        var list = new List<AppraisalProposal>();
        var at = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        Council.Propose(list, 7, Entry("1.1", 1), "hoidong1", at);
        Council.Propose(list, 7, Entry("1.1", 0.5m), "HOIDONG1", at);
        Council.Propose(list, 7, Entry("1.1", 0.5m), "hoidong2", at);
        Council.Propose(list, 7, Entry("1.1", 1, round: 2), "hoidong2", at);
        Council.Propose(list, 7, Entry("10.1", 2), "hoidong1", at);
        Council.Propose(list, 7, Entry("2.1", 2), "hoidong1", at);
        Assert.Equal(5, list.Count);
        var spread = Council.Spread(list);
        Assert.Equal([("1.1", 1), ("1.1", 2), ("2.1", 1), ("10.1", 1)], spread.Select(s => (s.Code, s.Round)));
        Assert.True(spread[0].Agreed);
        Assert.Equal((0.5m, 0.5m), (spread[0].Lowest, spread[0].Highest));
        Council.Propose(list, 7, Entry("1.1", 1), "hoidong3", at);
        var disagreed = Council.Spread(list)[0];
        Assert.False(disagreed.Agreed);
        Assert.Equal("Chủ tịch hội đồng quyết định tiêu chí 1.1: 0,75 điểm (Lý do 0,75); đề xuất của thành viên: hoidong1 0,5; hoidong2 0,5; hoidong3 1",
            Council.Decision(Entry("1.1", 0.75m) with { Reason = "Lý do 0,75" }, disagreed));
        Assert.Equal("Chủ tịch hội đồng quyết định tiêu chí 1.1: 1 điểm (Lý do 1)", Council.Decision(Entry("1.1", 1), null));
    }
}
