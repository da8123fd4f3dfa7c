using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.ParIndex;

/// <summary>The Ministry's result beside the self-assessment; the Ministry's points onto a framework; typed figures.</summary>
public class NationalGapsTests
{
    private static readonly Framework Preset = new("bnv", "t", [new("A", 90)], 0, 0,
    [
        new("1", "Chỉ đạo", null), new("1.1", "Kế hoạch", null, new ScoringRule("manual")), new("1.2", "Báo cáo", null),
        new("1.2.1", "Đúng hạn", null, new ScoringRule("manual")), new("1.2.2", "Đủ nội dung", null, new ScoringRule("manual")),
        new("2", "Thể chế", null), new("2.1", "Rà soát", null, new ScoringRule("manual")),
    ]);

    [Fact]
    public void The_ministrys_points_set_the_maxima_and_parents_must_add_up()
    {
        var (f, problems) = FrameworkPoints.Apply(Preset, [("1.1", 2), ("1.2.1", 1), ("1.2.2", 1.5m), ("2.1", 3)]);
        Assert.Empty(problems);
        Assert.Equal([4.5m, 2, 2.5m, 1, 1.5m, 3, 3], f.Nodes.Select(n => n.Max!.Value));
        Assert.Empty(f.Problems());
        var (_, wrong) = FrameworkPoints.Apply(Preset, [("1", 5), ("1.1", 2), ("1.2.1", 1), ("1.2.2", 1.5m), ("2.1", 3), ("9.9", 1), ("2", -1)]);
        Assert.Contains("1: điểm tối đa 5 khác tổng của các tiêu chí con (4,5).", wrong);
        Assert.Contains(wrong, p => p.StartsWith("Mã 9.9 không có", StringComparison.Ordinal));
        Assert.Contains(wrong, p => p.StartsWith("2: điểm tối đa phải từ 0", StringComparison.Ordinal));
        // Re-importing with new points replaces the old ones, parents summed again.
        var (again, none) = FrameworkPoints.Apply(f, [("1.1", 1)]);
        Assert.Empty(none);
        Assert.Equal(3.5m, again.Nodes.Single(n => n.Code == "1").Max);
    }

    [Fact]
    public void Gaps_are_per_criterion_and_summed_up_the_tree()
    {
        var (f, _) = FrameworkPoints.Apply(Preset, [("1.1", 2), ("1.2.1", 1), ("1.2.2", 1.5m), ("2.1", 3)]);
        var self = new Dictionary<string, decimal> { ["1.1"] = 2, ["1.2.1"] = 1, ["1.2.2"] = 1.5m, ["2.1"] = 3 };
        var ministry = new Dictionary<string, decimal> { ["1.1"] = 1.5m, ["1.2.1"] = 1, ["1.2.2"] = 0.5m, ["2"] = 2.75m };
        var gaps = NationalGaps.Of(f, self, ministry).ToDictionary(g => g.Code);
        Assert.Equal((4.5m, 3m, 1.5m), (gaps["1"].Self!.Value, gaps["1"].Ministry!.Value, gaps["1"].Gap!.Value));
        Assert.Equal((1m, 1m), (gaps["1.2.2"].Gap!.Value, gaps["1.2.2"].Lost!.Value));
        Assert.Equal(2.75m, gaps["2"].Ministry); // the Ministry's field total as published
        Assert.Null(gaps["2.1"].Ministry);
        Assert.Null(gaps["2.1"].Gap);
        var result = NationalGaps.AsResult(f, ministry, "5", "Hải Phòng");
        var lost = ScoringEngine.Lost(f, [result]);
        Assert.Equal(["1.2.2", "1.1"], lost.Select(l => l.Code));
        Assert.Equal(1m, lost[0].Lost);
    }

    [Fact]
    public void A_fields_gap_is_the_sum_of_its_criteria_gaps()
    {
        var (f, _) = FrameworkPoints.Apply(Preset, [("1.1", 2), ("1.2.1", 1), ("1.2.2", 1.5m), ("2.1", 3)]);
        var leaves = f.Nodes.Where(n => n.Rule is not null).ToList();
        var points = Gen.Choose(0, 8).Select(q => q / 4m);
        Prop.ForAll(Gen.ArrayOf(points, leaves.Count).ToArbitrary(), Gen.ArrayOf(points, leaves.Count).ToArbitrary(), (s, m) =>
        {
            var self = leaves.Select((n, i) => (n.Code, Math.Min(s[i], n.Max!.Value))).ToDictionary(x => x.Code, x => x.Item2);
            var ministry = leaves.Select((n, i) => (n.Code, Math.Min(m[i], n.Max!.Value))).ToDictionary(x => x.Code, x => x.Item2);
            var gaps = NationalGaps.Of(f, self, ministry).ToDictionary(g => g.Code);
            Assert.Equal(gaps["1.1"].Gap + gaps["1.2.1"].Gap + gaps["1.2.2"].Gap, gaps["1"].Gap);
            Assert.Equal(self.Values.Sum() - ministry.Values.Sum(), gaps["1"].Gap + gaps["2"].Gap);
        }).CheckReplayable();
    }

    [Fact]
    public void Typed_figures_have_declared_ranges_and_nothing_changes_when_one_is_wrong()
    {
        var r = new NationalResult();
        Assert.Empty(NationalFigures.Apply(r, new("91,87", "+1,78", "2", "63", "88,90", "5", " Bộ Nội vụ ")));
        Assert.Equal((91.87m, 1.78m, 2, 63, 88.90m, 5, "Bộ Nội vụ"), (r.Points, r.Change, r.Rank, r.RankOf, r.SipasPercent, r.SipasRank, r.Source));
        var problems = NationalFigures.Apply(r, new("101", "x", "70", "63", "-1", "2,5", null));
        Assert.Equal(5, problems.Count);
        Assert.Contains("Thứ hạng 70 lớn hơn số tỉnh, thành phố được xếp hạng (63).", problems);
        Assert.Contains("Thứ hạng SIPAS phải là số nguyên.", problems);
        Assert.Equal(91.87m, r.Points);
        Assert.Empty(NationalFigures.Apply(r, new(null, null, null, null, null, null, null)));
        Assert.Null(r.Points);
    }
}
