using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Dashboard;

namespace ParHub.Core.Tests;

public class AttentionTests
{
    private static AgencySignals A(int id, int overdue = 0, int reports = 0, decimal? index = null, long onTime = 0, long resolved = 0) =>
        new(id, $"Cơ quan {id}", overdue, reports, index, onTime, resolved);

    [Fact]
    public void An_agency_late_on_two_counts_needs_attention_and_one_late_on_one_does_not()
    {
        var rows = Attention.Rank([A(1, overdue: 3, reports: 1), A(2, overdue: 5), A(3, onTime: 90, resolved: 100, reports: 2), A(4)]);
        Assert.Equal([1, 3], rows.Select(r => r.Agency.AgencyId));
        Assert.Equal(["3 nhiệm vụ quá hạn", "1 báo cáo chưa nộp hoặc nộp muộn"], rows[0].Reasons);
        Assert.Contains("hồ sơ TTHC đúng hạn 90,00% (dưới 95%)", rows[1].Reasons);
    }

    [Fact]
    public void The_lowest_quarter_of_the_index_counts_once_there_are_four_scores()
    {
        var rows = Attention.Rank([A(1, index: 70, overdue: 1), A(2, index: 80), A(3, index: 90), A(4, index: 95)]);
        Assert.Equal("Chỉ số CCHC thuộc nhóm thấp nhất (1/4 cuối)", Assert.Single(rows).Reasons[1]);
        Assert.Empty(Attention.Rank([A(1, index: 70, overdue: 1), A(2, index: 80), A(3, index: 90)]));
    }

    [Fact]
    public void Every_agency_listed_has_at_least_two_reasons_and_more_reasons_come_first() =>
        Prop.ForAll(Gen.Choose(0, 3).Select(o => o).ListOf().Select(l => l.ToList()).ToArbitrary(), (List<int> seeds) =>
        {
            var agencies = seeds.Select((s, i) => A(i, overdue: s % 2 * 3, reports: s / 2, index: 50 + i, onTime: 90 + s * 3, resolved: 100)).ToList();
            var rows = Attention.Rank(agencies);
            return rows.All(r => r.Reasons.Count >= Attention.MinReasons)
                && rows.Zip(rows.Skip(1)).All(p => p.First.Reasons.Count >= p.Second.Reasons.Count)
                && rows.Select(r => r.Agency.AgencyId).Distinct().Count() == rows.Count;
        }).CheckReplayable();

    [Theory]
    [InlineData(1, 3, "33,33%")]
    [InlineData(2, 3, "66,67%")]
    [InlineData(0, 0, "—")]
    public void A_share_is_shown_with_two_decimals(long n, long d, string shown) => Assert.Equal(shown, Attention.Percent(n, d));
}
