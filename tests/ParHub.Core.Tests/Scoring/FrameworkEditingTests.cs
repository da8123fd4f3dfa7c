using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.Scoring;

/// <summary>What the framework page relies on: rule parameters as text, bands, code order, parent sums, validation, groups.</summary>
public class FrameworkEditingTests
{
    [Fact]
    public void Rule_parameters_read_as_written_with_vietnamese_numbers()
    {
        var options = RuleText.Parse("options", "Kịp thời=1; Không kịp thời=0,5; Không ban hành=0");
        Assert.Equal([("Kịp thời", 1m), ("Không kịp thời", 0.5m), ("Không ban hành", 0m)], options.Options!.Select(o => (o.Key, o.Value)));
        var bands = RuleText.Parse("rate-bands", "100=3; 75=2\n50=1,5");
        Assert.Equal([new Step(100, 3), new Step(75, 2), new Step(50, 1.5m)], bands.Bands);
        Assert.Equal("100=3; 75=2; 50=1,5", RuleText.Format(bands));
        Assert.Equal([new Step(2, 3), new Step(1, 1.5m)], RuleText.Parse("count-steps", "2=3; 1=1,5").Steps);
        Assert.Null(RuleText.Parse("binary", "").Options);
        Assert.Equal(3m, RuleText.Highest(bands));
    }

    [Theory]
    [InlineData("options", "Kịp thời", "cần dạng")]
    [InlineData("options", "Kịp thời=1; Kịp thời=2", "bị trùng")]
    [InlineData("rate-bands", "100=ba", "không phải số")]
    [InlineData("rate-bands", "100=-1", "không phải số")]
    [InlineData("binary", "1=1", "không có tham số")]
    [InlineData("weighted", "", "không có")]
    public void Wrong_parameters_are_refused_with_a_message(string type, string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => RuleText.Parse(type, text)).Message);

    [Fact]
    public void Formatted_parameters_read_back_to_the_same_rule() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 4000).Zip(Gen.Choose(0, 400))).Where(l => l.Count > 0).ToArbitrary(), pairs =>
        {
            var steps = pairs.Select(p => new Step(p.Item1 / 4m, p.Item2 / 8m)).ToList();
            var options = pairs.Select((p, i) => ($"Phương án {i}", p.Item2 / 8m)).ToDictionary(x => x.Item1, x => x.Item2);
            var bands = RuleText.Parse("rate-bands", RuleText.Format(new ScoringRule("rate-bands", Bands: steps)));
            var opts = RuleText.Parse("options", RuleText.Format(new ScoringRule("options", options)));
            return bands.Bands!.SequenceEqual(steps) && opts.Options!.SequenceEqual(options);
        }).CheckReplayable();

    [Fact]
    public void Bands_read_in_order_and_codes_sort_as_people_number_them()
    {
        Assert.Equal([new Band("Tốt", 90), new Band("Khá", 80), new Band("Trung bình", 65.5m), new Band("Yếu", 0)],
            RuleText.ParseBands("Tốt=90; Khá=80; Trung bình=65,5; Yếu=0"));
        Assert.Equal(["1", "1.2", "1.2.1", "1.10", "2", "10"], new[] { "10", "1.10", "2", "1.2.1", "1", "1.2" }.OrderBy(c => c, RuleText.CodeOrder));
    }

    private static Framework Tree(params FrameworkNode[] nodes) => new("t", "T", [new("A", 90), new("B", 0)], 0, 0, nodes);

    [Fact]
    public void A_parent_without_a_max_gets_the_sum_of_its_children_from_the_leaves_up()
    {
        var f = Tree(new("1", "LV", null), new("1.1", "TC", null), new("1.1.1", "a", 2, new("manual")), new("1.1.2", "b", 1.5m, new("binary")),
            new("1.2", "c", 3, new("manual")), new("2", "LV2", 7), new("2.1", "d", null, new("manual"))).WithParentSums();
        Assert.Equal(6.5m, f.Nodes.Single(n => n.Code == "1").Max);
        Assert.Equal(3.5m, f.Nodes.Single(n => n.Code == "1.1").Max);
        Assert.Equal(7m, f.Nodes.Single(n => n.Code == "2").Max); // a max given stays
        Assert.Null(f.Nodes.Single(n => n.Code == "2.1").Max);  // a leaf is never guessed
        Assert.Contains("2.1: chưa có điểm tối đa.", f.Problems());
    }

    [Fact]
    public void An_incomplete_framework_says_what_is_missing()
    {
        var f = Tree(new("1", "LV", 6), new("1.1", "a", 2, new("options")), new("1.2", "b", 2, new("rate-bands", Bands: [new(100, 3)])),
            new("1.3", "c", 1), new("1.3.1", "d", 1, new("manual")), new("2", "e", 1, new("manual"), Source: "khac"), new("3", "f", 1));
        var problems = f.Problems();
        Assert.Equal(
        [
            "1.1: cách chấm theo phương án cần ít nhất một phương án.",
            "1.2: cách chấm cho tới 3 điểm, vượt điểm tối đa 2.",
            "1: điểm tối đa 6 khác tổng điểm tối đa của các tiêu chí con (5).",
            "2: nguồn số liệu \"khac\" không có.",
            "3: tiêu chí chưa có cách chấm.",
        ], problems.Order(StringComparer.Ordinal));
        Assert.Empty(Tree(new("1", "LV", 2), new("1.1", "a", 2, new("binary"))).Problems());
        Assert.Contains("1: mục có tiêu chí con thì không chấm trực tiếp (bỏ cách chấm hoặc các mục con).",
            Tree(new("1", "LV", 2, new("binary")), new("1.1", "a", 2, new("binary"))).Problems());
    }

    [Fact]
    public void Criteria_for_other_groups_do_not_apply_with_everything_under_them()
    {
        var f = Tree(new("1", "LV", 3), new("1.1", "a", 1, new("binary"), Groups: ["XA"]), new("1.2", "b", 2, Groups: ["sbn"]),
            new("1.2.1", "c", 2, new("binary")));
        Assert.Equal(["1.2", "1.2.1"], f.NotApplicable("XA").Order());
        Assert.Equal(["1.1"], f.NotApplicable("SBN"));
        Assert.Empty(Tree(new FrameworkNode("1", "x", 1, new("binary"))).NotApplicable("SBN"));
    }

    [Fact]
    public void Any_survey_table_reads_without_failing_and_every_accepted_line_is_a_percentage_of_a_survey_criterion()
    {
        var cell = Gen.Elements("STP", "Sở Tài chính", "8.1", "8.2", "3.1", "87,5", "87,5%", "101", "-1", "1.5", "", " ", "x;y", "100", "0");
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(cell, n))).ToArbitrary(), rows =>
        {
            var lines = SurveyTable.Read(rows.ToList(), ["8.1", "8.2"]);
            return lines.All(l => l.Problem is not null || (l.Percent is >= 0 and <= 100 && l.Code is "8.1" or "8.2" && l.Agency.Length > 0))
                && lines.Count <= rows.Count && lines.Select(l => l.Line).Distinct().Count() == lines.Count;
        }).CheckReplayable();
    }

    [Fact]
    public void Rule_text_of_any_shape_is_read_or_refused_with_a_message() =>
        Prop.ForAll(Gen.Elements(ScoringRule.Types).ToArbitrary(), Gen.ListOf(Gen.Elements("Kịp thời", "=", "1", "0,5", ";", " ", "\n", "1.5", "-2", "a=b"))
            .Select(p => string.Concat(p)).ToArbitrary(), (type, text) =>
        {
            try
            {
                var rule = RuleText.Parse(type, text);
                return rule.Type == type && RuleText.Format(RuleText.Parse(type, RuleText.Format(rule))) == RuleText.Format(rule);
            }
            catch (FormatException e) { return e.Message.Length > 0; }
        }).CheckReplayable();

    [Fact]
    public void Survey_results_are_read_per_agency_with_a_header_and_problems_by_line()
    {
        var lines =
            SurveyTable.Read(SurveyTable.Split("Cơ quan\tTỷ lệ hài lòng (%)\nSTP\t87,5%\n\nSở Tài chính\t82\nSKHCN\t101\n\tx\nSTP\t90"), ["8.1"]);
        Assert.Equal(5, lines.Count);
        Assert.Equal(new SurveyLine(2, "STP", "8.1", 87.5m, null), lines[0]);
        Assert.Equal(new SurveyLine(4, "Sở Tài chính", "8.1", 82m, null), lines[1]);
        Assert.Contains("phải từ 0 đến 100", lines[2].Problem);
        Assert.Equal("Thiếu tên hoặc mã cơ quan.", lines[3].Problem);
        Assert.Equal("Trùng với dòng 2.", lines[4].Problem);

        var two = SurveyTable.Read(SurveyTable.Split("STP;8.2;70\nSTP;70"), ["8.1", "8.2"]);
        Assert.Equal(new SurveyLine(1, "STP", "8.2", 70m, null), two[0]);
        Assert.Contains("ghi mã tiêu chí", two[1].Problem);
        Assert.Contains("không phải tiêu chí điều tra", SurveyTable.Read(SurveyTable.Split("STP;3.1;70"), ["8.1", "8.2"])[0].Problem);
    }
}

/// <summary>The exchanged table: an exported framework reads back to the same tree, points, rules and sources.</summary>
public class FrameworkTableTests
{
    private static string Shape(FrameworkNode n) =>
        $"{n.Code}|{n.Title}|{n.Max}|{n.Rule?.Type}|{(n.Rule is null ? "" : RuleText.Format(n.Rule))}|{n.Evidence}|{n.Source}";

    [Fact]
    public void An_exported_table_imports_to_the_same_framework()
    {
        var demo = IndexPresets.DemoDepartments(2026);
        var rows = new[] { FrameworkTable.Header }.Concat(FrameworkTable.Rows(demo).Select(r => r.Select(c => c ?? "").ToArray()))
            .Select((cells, i) => new Core.Plans.TableRow(cells, i + 1));
        var back = FrameworkTable.Build("x", "X", FrameworkReader.Read(rows));
        Assert.Equal(demo.Nodes.Select(Shape), back.Nodes.Select(Shape));
        Assert.Contains(back.Nodes, n => n.Source == "reports.ontime" && n.Rule!.Bands!.Count == 3);
    }

    [Fact]
    public void Other_documents_get_codes_for_unnumbered_rows_a_survey_rule_where_the_method_says_so_and_manual_elsewhere()
    {
        var f = FrameworkTable.Build("t", "T",
        [
            new("1", "LV", null, 3), new("1.1", "a", "1", 1), new(null, "không đánh số", "1", 1), new("2", "Hài lòng", null, 2),
            new("2.1", "SIPAS", "2", 2, Method: "Điều tra xã hội học"),
        ]);
        Assert.Equal(["1", "1.1", "1.2", "2", "2.1"], f.Nodes.Select(n => n.Code));
        Assert.Equal([null, "manual", "manual", null, "survey"], f.Nodes.Select(n => n.Rule?.Type));
        Assert.Contains("1.1: ",
            Assert.Throws<FormatException>(() => FrameworkTable.Build("t", "T", [new("1.1", "a", null, 1, Method: "options: Có")])).Message);
    }
}
