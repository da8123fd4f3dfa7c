using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Scoring;
using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

/// <summary>How a computed SIPAS feeds a PAR Index cycle's survey criteria, and which components are weak.</summary>
public class SipasParFeedTests
{
    private static readonly SipasQuestionnaireSpec Spec = SurveyPreset.Sipas2023().IndexSpec();

    private static readonly FrameworkNode[] Criteria =
    [
        new("8.1", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS), %", 10, new("survey")),
        new("8.2", "Mức độ hài lòng về tiếp cận dịch vụ", 2, new("survey")),
        new("8.3", "Hài lòng về cung ứng dịch vụ hành chính công", 3, new("survey", Bands: [new(95, 3), new(80, 2), new(50, 1)])),
    ];

    [Fact]
    public void The_default_map_takes_a_component_or_part_named_in_the_criterion_s_title_and_the_whole_index_otherwise()
    {
        var map = SipasParFeed.Default(Criteria, Spec);
        Assert.Equal("SIPAS", map["8.1"]);
        Assert.Equal("II.A", map["8.2"]);
        Assert.Equal("II", map["8.3"]);
        Assert.Equal("8.1=SIPAS\n8.2=II.A\n8.3=II", SipasParFeed.Format(map));
    }

    [Fact]
    public void A_typed_map_overrides_the_default_and_every_problem_is_named_at_once()
    {
        var (map, problems) = SipasParFeed.Read("8.2 = i.b\n", Criteria, Spec);
        Assert.Empty(problems);
        Assert.Equal(("SIPAS", "I.B", "II"), (map["8.1"], map["8.2"], map["8.3"]));
        (_, problems) = SipasParFeed.Read("8.1=III\n9.9=SIPAS\nkhông\n8.2=I\n8.2=II", Criteria, Spec);
        Assert.Equal(4, problems.Count);
        Assert.Contains("Tiêu chí 8.1: \"III\" không phải SIPAS, một phần hay một nhóm tiêu chí của phiếu khảo sát.", problems);
        Assert.Contains(problems, p => p.StartsWith("\"9.9\" không phải tiêu chí điều tra", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Dòng \"không\"", StringComparison.Ordinal));
        Assert.Contains("Tiêu chí 8.2 được ghi hai lần.", problems);
    }

    [Fact]
    public void Points_are_the_percentage_of_the_max_or_the_bands_reached_and_the_percentage_comes_from_the_target()
    {
        var result = new SipasIndexResult("1", 40, new Dictionary<string, decimal?>(),
            new Dictionary<string, decimal?> { ["II.A"] = 80m, ["II.B"] = null }, new Dictionary<string, decimal?> { ["II"] = 96.5m }, 91.25m);
        Assert.Equal(91.25m, SipasParFeed.Percent(result, "SIPAS"));
        Assert.Equal(96.5m, SipasParFeed.Percent(result, "II"));
        Assert.Equal(80m, SipasParFeed.Percent(result, "II.A"));
        Assert.Null(SipasParFeed.Percent(result, "II.B"));
        Assert.Equal(9.125m, SipasParFeed.Points(Criteria[0], 91.25m));
        Assert.Equal(3m, SipasParFeed.Points(Criteria[2], 96.5m));
        Assert.Equal(2m, SipasParFeed.Points(Criteria[2], 94.99m));
        Assert.Equal(0m, SipasParFeed.Points(Criteria[2], 49.99m));
        // The pasted path scores the same way (the engine's survey rule).
        Assert.Equal(2m, ScoringEngine.Points(Criteria[2].Rule!, 3, ScoreInput.Of(80)));
        Assert.Equal("95=3; 80=2; 50=1", RuleText.Format(Criteria[2].Rule!));
        Assert.Equal(Criteria[2].Rule!.Bands, RuleText.Parse("survey", "95=3; 80=2; 50=1").Bands);
        Assert.Null(RuleText.Parse("survey", "").Bands);
    }

    [Fact]
    public void Weak_components_are_those_below_the_target_weakest_first()
    {
        var result = new SipasIndexResult("1", 40, new Dictionary<string, decimal?>(),
            new Dictionary<string, decimal?> { ["I.A"] = 96m, ["I.B"] = 70m, ["II.A"] = 94.99m, ["II.B"] = null, ["II.C"] = 95m },
            new Dictionary<string, decimal?>(), 90m);
        Assert.Equal(["I.B", "II.A"], SipasParFeed.Weak(Spec, result, 95).Select(w => w.Component.Code));
    }

    private static readonly Gen<ScoringRule> Rules = Gen.OneOf(
        Gen.Constant(new ScoringRule("survey")),
        Gen.Choose(1, 5).SelectMany(k => Gen.ArrayOf(Gen.Choose(-10, 110).Zip(Gen.Choose(-5, 25)), k))
            .Select(steps => new ScoringRule("survey", Bands: steps.Select(s => new Step(s.Item1, s.Item2 / 2m)).ToList())));

    private static readonly Gen<decimal> Percents = Gen.Choose(-2000, 12000).Select(k => k / 100m);

    [Fact]
    public void Points_are_between_0_and_max_and_never_fall_when_the_percentage_rises() =>
        Prop.ForAll(Rules.Zip(Gen.Choose(0, 20)).Zip(Percents.Zip(Percents)).ToArbitrary(), t =>
        {
            var ((rule, maxHalves), (a, b)) = t;
            var node = new FrameworkNode("8.1", "SIPAS", maxHalves / 2m, rule);
            var (lo, hi) = (Math.Min(a, b), Math.Max(a, b));
            var (pl, ph) = (SipasParFeed.Points(node, lo), SipasParFeed.Points(node, hi));
            return pl >= 0 && ph <= node.Max && pl <= ph
                && ScoringEngine.Points(rule, node.Max!.Value, ScoreInput.Of(Math.Clamp(hi, 0, 100))) == ph;
        }).CheckReplayable(300);
}
