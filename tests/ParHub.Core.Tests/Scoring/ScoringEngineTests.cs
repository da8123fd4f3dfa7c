using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.Scoring;

public class ScoringEngineTests
{
    private static readonly ScoringRule Manual = new("manual");

    [Theory]
    [InlineData(1.5, 1.5)]
    [InlineData(-1, 0)]
    [InlineData(9, 2)]
    public void Manual_points_are_clamped_to_the_max(double entered, double expected) =>
        Assert.Equal((decimal)expected, ScoringEngine.Points(Manual, 2, ScoreInput.Of((decimal)entered)));

    [Fact]
    public void Every_rule_scores_exactly_as_written()
    {
        Assert.Equal(2m, ScoringEngine.Points(new("binary"), 2, ScoreInput.Yes(true)));
        Assert.Equal(0m, ScoringEngine.Points(new("binary"), 2, ScoreInput.Yes(false)));

        var options =
            new ScoringRule("options", new Dictionary<string, decimal> { ["kịp thời"] = 1, ["không kịp thời"] = 0.5m, ["không ban hành"] = 0 });
        Assert.Equal(0.5m, ScoringEngine.Points(options, 1, ScoreInput.Named("không kịp thời")));
        Assert.Equal(0m, ScoringEngine.Points(options, 1, ScoreInput.Named("không có")));

        // The first band in the order given whose min the rate reaches: 95% → 1.5, not 1.
        var bands = new ScoringRule("rate-bands", Bands: [new(100, 2), new(90, 1.5m), new(80, 1), new(0, 0.5m)]);
        Assert.Equal(1.5m, ScoringEngine.Points(bands, 2, ScoreInput.Rate(95, 100)));
        Assert.Equal(2m, ScoringEngine.Points(bands, 2, ScoreInput.Rate(7, 7)));
        Assert.Equal(0.5m, ScoringEngine.Points(bands, 2, ScoreInput.Rate(1, 7)));
        Assert.Equal(0m, ScoringEngine.Points(bands, 2, ScoreInput.Rate(0, 0))); // den = 0 scores 0

        var proportional = new ScoringRule("proportional");
        Assert.Equal(1.5m, ScoringEngine.Points(proportional, 2, ScoreInput.Rate(3, 4)));
        Assert.Equal(2m, ScoringEngine.Points(proportional, 2, ScoreInput.Rate(5, 4)));
        Assert.Equal(0m, ScoringEngine.Points(proportional, 2, ScoreInput.Rate(5, 0)));

        var steps = new ScoringRule("count-steps", Steps: [new(3, 1), new(1, 0.5m)]);
        Assert.Equal(1m, ScoringEngine.Points(steps, 1, ScoreInput.Of(4)));
        Assert.Equal(0.5m, ScoringEngine.Points(steps, 1, ScoreInput.Of(1)));
        Assert.Equal(0m, ScoringEngine.Points(steps, 1, ScoreInput.Of(0)));

        Assert.Equal(1.7m, ScoringEngine.Points(new("survey"), 2, ScoreInput.Of(85)));
        Assert.Equal(0m, ScoringEngine.Points(new("survey"), 2, null)); // no input scores 0
    }

    private static Framework Sample() => new("TEST", "Bộ chỉ số thử", [new("A", 90), new("B", 80), new("C", 70)], BonusCap: 3, PenaltyCap: 2,
    [
        new("1", "Lĩnh vực 1", 6),
        new("1.1", "Tiêu chí 1.1", 2, new("binary")),
        new("1.2", "Tiêu chí 1.2", 4),
        new("1.2.1", "Tỷ lệ", 2, new("proportional")),
        new("1.2.2", "Khảo sát", 2, new("survey")),
        new("2", "Lĩnh vực 2", 4, new("manual")),
    ]);

    // Today two agencies that did not submit ranked 2nd and 3rd on survey points alone, shown "0 – Yếu".
    [Fact]
    public void Agencies_that_did_not_submit_are_not_ranked_and_lose_no_points_for_the_improvement_plan()
    {
        var f = Sample();
        var results = ScoringEngine.Compute(f,
        [
            new("a", "A", "SBN", new Dictionary<string, ScoreInput> { ["1.1"] = ScoreInput.Yes(true), ["2"] = ScoreInput.Of(1) }),
            new("s1", "S1", "SBN", new Dictionary<string, ScoreInput> { ["1.2.2"] = ScoreInput.Of(90) }, Submitted: false),
            new("b", "B", "SBN", new Dictionary<string, ScoreInput> { ["2"] = ScoreInput.Of(1) }),
            new("s2", "S2", "SBN", new Dictionary<string, ScoreInput> { ["1.2.2"] = ScoreInput.Of(95) }, Submitted: false),
        ]).ToDictionary(x => x.Id);
        Assert.Equal((1, 2), (results["a"].Rank, results["b"].Rank));
        Assert.All(new[] { results["s1"], results["s2"] }, r =>
        {
            Assert.Equal(ScoringEngine.NotRanked, r.Rank);
            Assert.Null(r.Band);
        });
        var lost = ScoringEngine.Lost(f, results.Values);
        // Only a and b count: criterion 1.1 was lost by b alone, 1.2.2 (survey) by both of them, not by s1 and s2.
        Assert.Equal(1, lost.Single(l => l.Code == "1.1").Agencies);
        Assert.Equal(2, lost.Single(l => l.Code == "1.2.2").Agencies);
    }

    [Fact]
    public void Appraisal_exemptions_bonus_penalty_index_band_and_ranks()
    {
        var f = Sample();
        Assert.Empty(f.Problems());
        var results = ScoringEngine.Compute(f,
        [
            // 2 + 1 + 1.5 + 4 = 8.5 of 10, bonus 5 capped at 3 → 11.5 → index 100 (clamped)
            new("a", "A", "SBN", new Dictionary<string, ScoreInput> { ["1.1"] = ScoreInput.Yes(true), ["1.2.1"] = ScoreInput.Rate(1, 2),
                ["1.2.2"] = ScoreInput.Of(75), ["2"] = ScoreInput.Of(4) }, Bonus: 5),
            // 1.2 exempt (its children leave points and max): 2 + 3 = 5 of 6; the appraiser gave 2 → 1 for "2"... see below
            new("b", "B", "SBN", new Dictionary<string, ScoreInput> { ["1.1"] = ScoreInput.Yes(true), ["2"] = ScoreInput.Of(4) }, Exempt: ["1.2"],
                Appraised: new Dictionary<string, decimal> { ["2"] = 3 }),
            // same as b: a tie
            new("c", "C", "SBN", new Dictionary<string, ScoreInput> { ["1.1"] = ScoreInput.Yes(true), ["2"] = ScoreInput.Of(3) }, Exempt: ["1.2"]),
            // nothing entered, penalty 9 capped at 2 → index clamped to 0
            new("d", "D", "SBN", new Dictionary<string, ScoreInput>(), Penalty: 9),
            // another group ranks on its own
            new("x", "X", "XA", new Dictionary<string, ScoreInput> { ["1.1"] = ScoreInput.Yes(false), ["2"] = ScoreInput.Of(2.8m) }),
        ]);
        var r = results.ToDictionary(x => x.Id);
        Assert.Equal((11.5m, 10m, 100m, "A", 1), (r["a"].Points, r["a"].ApplicableMax, r["a"].Index, r["a"].Band, r["a"].Rank));
        Assert.Equal((5m, 6m, 2), (r["b"].Points, r["b"].ApplicableMax, r["b"].Rank));
        Assert.Equal(83.33m, ScoringEngine.Round(r["b"].Index));
        Assert.Equal("B", r["b"].Band);
        Assert.True(r["b"].Criteria.Single(c => c.Code == "2").Appraised);
        Assert.Equal((2, r["b"].Index), (r["c"].Rank, r["c"].Index)); // ties share a rank
        Assert.Equal((-2m, 0m, 4, (string?)null), (r["d"].Points, r["d"].Index, r["d"].Rank, r["d"].Band));
        Assert.Equal((1, 28m), (r["x"].Rank, r["x"].Index));
    }

    [Fact]
    public void Rounding_is_half_away_from_zero_and_only_when_shown()
    {
        Assert.Equal(0.13m, ScoringEngine.Round(0.125m));
        Assert.Equal(-0.13m, ScoringEngine.Round(-0.125m));
        Assert.Equal(2.68m, ScoringEngine.Round(2.675m));
    }

    [Fact]
    public void A_parent_whose_max_is_not_its_childrens_sum_is_named()
    {
        var f = Sample() with { Nodes = [.. Sample().Nodes.Where(n => n.Code != "1.1"), new FrameworkNode("1.1", "x", 3, new("binary"))] };
        Assert.Contains(f.Problems(), p => p.StartsWith("1:"));
    }

    private static readonly Gen<ScoreInput?> Inputs = Gen.OneOf(
        Gen.Constant<ScoreInput?>(null),
        Gen.Elements(true, false).Select(b => (ScoreInput?)ScoreInput.Yes(b)),
        Gen.Elements("kịp thời", "không kịp thời", "khác").Select(o => (ScoreInput?)ScoreInput.Named(o)),
        Gen.Choose(-50, 300).Select(n => (ScoreInput?)ScoreInput.Of(n / 2m)),
        Gen.Choose(0, 200).Zip(Gen.Choose(0, 200)).Select(t => (ScoreInput?)ScoreInput.Rate(t.Item1, t.Item2)));

    private static readonly ScoringRule[] Rules =
    [
        new("manual"), new("binary"), new("options", new Dictionary<string, decimal> { ["kịp thời"] = 1, ["không kịp thời"] = 0.5m }),
        new("rate-bands", Bands: [new(100, 3), new(50, 1)]), new("proportional"), new("count-steps", Steps: [new(10, 5), new(1, 1)]), new("survey"),
    ];

    [Fact]
    public void Points_are_always_between_zero_and_the_max() =>
        Prop.ForAll(Gen.Elements(Rules).ToArbitrary(), Gen.Choose(0, 40).Select(m => m / 4m).ToArbitrary(), Inputs.ToArbitrary(),
            (ScoringRule rule, decimal max, ScoreInput? input) =>
            {
                var p = ScoringEngine.Points(rule, max, input);
                return p >= 0 && p <= max;
            }).CheckReplayable();

    [Fact]
    public void Totals_add_up_exemptions_normalise_and_ranks_follow_the_index()
    {
        var f = Sample();
        var scored = f.Nodes.Where(n => n.Rule is not null).Select(n => n.Code).ToArray();
        var agency = Gen.Choose(0, 8).Select(b => (decimal)b).Zip(Gen.SubListOf(scored)).Zip(Gen.ArrayOf(Gen.Choose(0, 100), scored.Length));
        Prop.ForAll(Gen.ListOf(agency).Where(l => l.Count > 0).ToArbitrary(), list =>
        {
            var agencies = list.Select((a, i) => new AgencyScoring($"a{i}", null, i % 2 == 0 ? "G1" : "G2",
                scored.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.c switch
                {
                    "1.1" => ScoreInput.Yes(a.Item2[x.k] > 50),
                    "1.2.1" => ScoreInput.Rate(a.Item2[x.k], 100),
                    _ => ScoreInput.Of(a.Item2[x.k] / 10m),
                }), Exempt: a.Item1.Item2.ToList(), Bonus: a.Item1.Item1)).ToList();
            var results = ScoringEngine.Compute(f, agencies);
            foreach (var r in results)
            {
                var applicable = r.Criteria.Where(c => !c.Exempt).ToList();
                var a = agencies.Single(x => x.Id == r.Id);
                if (r.ApplicableMax != applicable.Sum(c => c.Max)) return false;
                if (r.Points != applicable.Sum(c => c.Points) + Math.Min(a.Bonus, f.BonusCap)) return false;
                if (r.Criteria.Any(c => c.Exempt && c.Points != 0)) return false;
                if (r.Index < 0 || r.Index > 100) return false;
                var better = results.Count(o => o.Group == r.Group && o.Index > r.Index);
                if (r.Rank != better + 1) return false;
                if (r.Band != f.Bands.FirstOrDefault(b => r.Index >= b.Min)?.Name) return false;
            }
            return true;
        }).CheckReplayable();
    }

    [Fact]
    public void The_command_line_json_is_read_and_printed_as_the_issue_states()
    {
        const string json = """
        {"framework":{"code":"T","title":"T","bands":[{"name":"Tốt","min":90},{"name":"Khá","min":70}],"bonusCap":1,"penaltyCap":1,
          "nodes":[{"code":"1","title":"L1","max":3},
                   {"code":"1.1","title":"a","max":1,"rule":{"type":"options","options":{"kịp thời":1,"không kịp thời":0.5}}},
                   {"code":"1.2","title":"b","max":2,"rule":{"type":"count-steps","steps":[{"min":3,"points":2},{"min":1,"points":1}]}}]},
         "agencies":[{"id":7,"name":"Sở A","group":"S","inputs":{"1.1":"không kịp thời","1.2":2},"bonus":0.25},
                     {"id":"b","name":"Sở B","group":"S","inputs":{"1.1":"kịp thời","1.2":{"num":1,"den":0}},"appraised":{"1.2":2}}]}
        """;
        var (f, agencies, ids) = ScoringJson.Parse(json);
        var printed = ScoringJson.Write(ScoringEngine.Compute(f, agencies), ids);
        Assert.Equal("""[{"id":7,"points":1.75,"applicableMax":3,"index":58.33,"band":null,"rank":2},"""
            + """{"id":"b","points":3,"applicableMax":3,"index":100,"band":"Tốt","rank":1}]""",
            printed);
        Assert.Throws<FormatException>(() => ScoringJson.Parse("""{"framework":{"nodes":[{"code":"1","max":1,"rule":{"type":"guess"}}]},"agencies":[]}"""));
    }
}

public class IndexPresetTests
{
    [Fact]
    public void The_demo_framework_is_valid_adds_up_to_100_and_uses_every_rule()
    {
        var f = IndexPresets.DemoDepartments(2026);
        Assert.Empty(f.Problems());
        Assert.Equal(100m, f.Nodes.Where(n => !n.Code.Contains('.')).Sum(n => n.Max!.Value));
        Assert.Equal(100m, f.Nodes.Where(n => n.Rule is not null).Sum(n => n.Max!.Value));
        Assert.Equal(ScoringRule.Types.Except(["manual"]).Order(), f.Nodes.Where(n => n.Rule is not null).Select(n => n.Rule!.Type).Distinct().Order());
    }
}

public class LostPointsTests
{
    [Fact]
    public void Lost_points_are_ranked_by_points_lost_times_agencies_affected()
    {
        var f = new Framework("T", "T", [], 0, 0, [new("1", "A", 2, new("manual")), new("2", "B", 4, new("manual")), new("3", "C", 1, new("manual"))]);
        var results = ScoringEngine.Compute(f,
        [
            new("a", null, "G", new Dictionary<string, ScoreInput> { ["1"] = ScoreInput.Of(0), ["2"] = ScoreInput.Of(4), ["3"] = ScoreInput.Of(0) }),
            new("b", null, "G", new Dictionary<string, ScoreInput> { ["1"] = ScoreInput.Of(1), ["2"] = ScoreInput.Of(1), ["3"] = ScoreInput.Of(0) },
                Exempt: ["3"]),
        ]);
        var lost = ScoringEngine.Lost(f, results);
        // 1: 2 + 1 = 3 lost by 2 agencies (6); 2: 3 lost by 1 (3); 3: 1 lost by 1 (b is exempt) (1).
        Assert.Equal([("1", 3m, 2), ("2", 3m, 1), ("3", 1m, 1)], lost.Select(l => (l.Code, l.Lost, l.Agencies)));
    }
}
