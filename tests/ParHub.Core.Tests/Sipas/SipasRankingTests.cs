using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

public class SipasRankingTests
{
    [Fact]
    public void Equal_shown_figures_share_a_rank_the_next_skips_and_agencies_below_the_minimum_are_not_ranked()
    {
        var ranks = SipasRanking.Rank([
            new(1, 80m, false), new(2, 91.004m, false), new(3, 90.996m, false), new(4, 99m, true), new(5, null, false), new(6, 70m, false)]);
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [3] = 1, [1] = 3, [6] = 4 }, ranks);
    }

    [Fact]
    public void The_change_is_between_the_shown_figures_and_missing_without_last_year()
    {
        Assert.Equal(1.02m, SipasRanking.Change(81.005m, 79.994m));
        Assert.Null(SipasRanking.Change(81m, null));
        Assert.Null(SipasRanking.Change(null, 81m));
    }
}
