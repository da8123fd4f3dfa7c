using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Reports;

namespace ParHub.Core.Tests.Reports;

public class VietnameseNumberTests
{
    [Theory]
    [InlineData("1.150", 1150)]
    [InlineData("1,5", 1.5)]
    [InlineData("4.048,546", 4048.546)]
    [InlineData("17.019,198", 17019.198)]
    [InlineData(" 1 317 ", 1317)]
    [InlineData("12", 12)]
    [InlineData("0", 0)]
    [InlineData("-3", -3)]
    [InlineData("1.000.000", 1000000)]
    public void Reads_numbers_as_Vietnamese_officers_write_them(string text, double expected) =>
        Assert.True(VietnameseNumber.TryParse(text, out var v) && v == (decimal)expected, $"{text} → {v}");

    [Theory]
    [InlineData("1.5")]      // a dot groups thousands: three digits must follow
    [InlineData("1.15")]
    [InlineData("1,5,6")]
    [InlineData("1,")]
    [InlineData(",5")]
    [InlineData("12a")]
    [InlineData("1..150")]
    [InlineData("")]
    [InlineData("--1")]
    [InlineData("1234.567")] // first group longer than three digits
    public void Refuses_what_it_would_have_to_guess(string text) => Assert.False(VietnameseNumber.TryParse(text, out _));

    [Fact]
    public void Formatting_and_reading_back_is_the_same_number() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, 9999)).Select(t => t.Item1 + t.Item2 / 10000m).ToArbitrary(), (decimal d) =>
            VietnameseNumber.TryParse(VietnameseNumber.Format(d), out var back) && back == d).CheckReplayable();

    [Fact]
    public void Percent_is_numerator_over_denominator_in_Vietnamese_style()
    {
        Assert.Equal("23,79%", VietnameseNumber.Percent(4048.546m, 17019.198m));
        Assert.Equal("", VietnameseNumber.Percent(1, 0));
    }
}

public class ReportCheckTests
{
    private static readonly ReportForm Form = ReportForm.CchcPeriodic;

    /// <summary>The statistics of the Hải Phòng 6-month report of 2024 (seed 001), as the form holds them.</summary>
    public static Dictionary<string, FieldValue> Seed001()
    {
        var v = Form.Fields.Where(f => !f.IsDerived).ToDictionary(f => f.Code, f => f.Kind switch
        {
            FieldKind.Text => new FieldValue(null, null, "Nội dung."),
            FieldKind.Rate => new FieldValue(0, 0),
            _ => new FieldValue(0),
        });
        v["plan_tasks"] = new FieldValue(8, 57);
        (v["gov_total"], v["gov_done_on_time"], v["gov_in_progress"]) = (new(78), new(37), new(41));
        v["tthc_decisions"] = new(55);
        (v["feedback_new"], v["feedback_carried"], v["feedback_done"], v["feedback_in_progress"], v["feedback_in_time"], v["feedback_overdue"]) =
            (new(192), new(12), new(138), new(66), new(62), new(4));
        v["staff_reduced"] = new(44);
        (v["invest_plan"], v["invest_disbursed"]) = (new(17_019_198m), new(4_048_546m));
        (v["online_full"], v["online_partial"]) = (new(1317), new(386));
        return v;
    }

    [Fact]
    public void The_figures_of_the_real_report_pass_every_rule_and_derive_its_rates()
    {
        var v = Seed001();
        Assert.Empty(ReportCheck.Validate(Form, v, complete: true));
        var all = ReportCheck.WithDerived(Form, v);
        Assert.Equal("23,79%", VietnameseNumber.Percent(all["invest_rate"].Value!.Value, all["invest_rate"].Denominator!.Value));
        Assert.Equal((138m, 204m), (all["feedback_done_rate"].Value!.Value, all["feedback_done_rate"].Denominator!.Value));
    }

    [Fact]
    public void Parts_that_do_not_add_up_to_their_total_are_refused_with_the_figures()
    {
        var v = Seed001();
        v["feedback_in_time"] = new(60);
        var e = Assert.Single(ReportCheck.Validate(Form, v, complete: true));
        Assert.Contains("trong hạn + quá hạn phải bằng số đang xử lý", e.Message);
        Assert.Contains("64 và 66", e.Message);
    }

    [Fact]
    public void A_draft_may_be_incomplete_but_a_submission_may_not()
    {
        var v = new Dictionary<string, FieldValue> { ["docs_issued"] = new(3) };
        Assert.Empty(ReportCheck.Validate(Form, v, complete: false));
        var errors = ReportCheck.Validate(Form, v, complete: true);
        Assert.Contains(errors, e => e.Code == "news_items" && e.Message.StartsWith("Chưa nhập"));
        Assert.DoesNotContain(errors, e => e.Code == "II3_text"); // optional narrative
    }

    [Theory]
    [InlineData("docs_issued", 2.5, null, "phải là số nguyên")]
    [InlineData("docs_issued", -1, null, "không được là số âm")]
    [InlineData("plan_tasks", 9, 8.0, "lớn hơn mẫu số")]
    [InlineData("plan_tasks", 9, null, "cả tử số và mẫu số")]
    public void Entry_checks_name_the_field(string code, double value, double? den, string message)
    {
        var errors = ReportCheck.Validate(Form, new Dictionary<string, FieldValue> { [code] = new((decimal)value, (decimal?)den) }, complete: false);
        Assert.Contains(errors, e => e.Code == code && e.Message.Contains(message));
    }

    [Fact]
    public void Overriding_a_prefilled_value_needs_a_reason() =>
        Assert.Contains(ReportCheck.Validate(Form, new Dictionary<string, FieldValue> { ["plan_tasks"] = new(5, 10, Source: ValueSource.Overridden) }, false),
            e => e.Code == "plan_tasks" && e.Message.Contains("lý do"));

    [Fact]
    public void Texts_have_a_limit() =>
        Assert.Contains(ReportCheck.Validate(Form,
            new Dictionary<string, FieldValue> { ["strengths"] = new(null, null, new string('a', ReportCheck.MaxTextLength + 1)) }, false),
            e => e.Code == "strengths" && e.Message.Contains("tối đa"));
}

public class ReportAggregatorTests
{
    private static readonly ReportForm Form = ReportForm.CchcPeriodic;

    [Fact]
    public void Province_rate_is_summed_numerators_over_summed_denominators_not_the_mean_of_rates()
    {
        // 1/1 (100%) and 0/99 (0%): the mean of rates would be 50%; the province is 1 of 100.
        var a = new Dictionary<string, FieldValue> { ["plan_tasks"] = new(1, 1), ["invest_plan"] = new(100), ["invest_disbursed"] = new(100) };
        var b = new Dictionary<string, FieldValue> { ["plan_tasks"] = new(0, 99), ["invest_plan"] = new(900), ["invest_disbursed"] = new(0) };
        var t = ReportAggregator.Sum(Form, [a, b]);
        Assert.Equal((1m, 100m, "1%"), (t["plan_tasks"].Value!.Value, t["plan_tasks"].Denominator!.Value, t["plan_tasks"].Percent));
        Assert.Equal("10%", t["invest_rate"].Percent);
        Assert.Equal(2, t["plan_tasks"].Reports);
        Assert.Null(t["news_items"].Value);
    }

    [Fact]
    public void Totals_are_the_sums_of_any_reports_in_any_order()
    {
        var gen = Gen.ListOf(Gen.Choose(0, 1000).Zip(Gen.Choose(0, 1000)).Select(t => (Num: Math.Min(t.Item1, t.Item2), Den: Math.Max(t.Item1, t.Item2))));
        Prop.ForAll(gen.ToArbitrary(), parts =>
        {
            var reports = parts.Select(p => (IReadOnlyDictionary<string, FieldValue>)new Dictionary<string, FieldValue>
            { ["plan_tasks"] = new(p.Num, p.Den), ["news_items"] = new(p.Num) }).ToList();
            var t = ReportAggregator.Sum(Form, reports);
            var r = ReportAggregator.Sum(Form, Enumerable.Reverse(reports));
            var ok = parts.Count == 0
                ? t["plan_tasks"].Value is null
                : t["plan_tasks"].Value == parts.Sum(p => p.Num) && t["plan_tasks"].Denominator == parts.Sum(p => p.Den)
                    && t["news_items"].Value == parts.Sum(p => p.Num);
            return ok && r["plan_tasks"] == t["plan_tasks"] && t["plan_tasks"].Value <= (t["plan_tasks"].Denominator ?? 0) | parts.Count == 0;
        }).CheckReplayable();
    }
}

public class ReportingRatesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void On_time_late_missing_and_not_yet_due()
    {
        Assert.Equal(SubmissionState.OnTime, ReportingRates.StateOf(D("2026-03-05"), D("2026-03-05"), D("2026-11-22")));
        Assert.Equal(SubmissionState.Late, ReportingRates.StateOf(D("2026-03-05"), D("2026-03-06"), D("2026-11-22")));
        Assert.Equal(SubmissionState.Missing, ReportingRates.StateOf(D("2026-03-05"), null, D("2026-03-06")));
        Assert.Equal(SubmissionState.NotYetDue, ReportingRates.StateOf(D("2026-03-05"), null, D("2026-03-05")));
        var c = RateCounts.Of([SubmissionState.OnTime, SubmissionState.Late, SubmissionState.Missing, SubmissionState.OnTime]);
        Assert.Equal((4, 3, 2, 1, 1, "75%", "50%"), (c.Expected, c.Submitted, c.OnTime, c.Late, c.Missing, c.SubmittedPercent, c.OnTimePercent));
    }

    [Fact]
    public void Regime_rules_written_as_text_read_back_to_the_same_periods()
    {
        foreach (var preset in ReportRegime.Presets)
        {
            var again = preset with { Rules = ReportRegime.ParseRules(preset.RulesText()) };
            Assert.Equal(preset.Periods(2024), again.Periods(2024));
        }
        var monthly = new ReportRegime("m", "Hằng tháng", "", "", ReportRegime.ParseRules("M 05"));
        var periods = monthly.Periods(2026);
        Assert.Equal(12, periods.Count);
        Assert.Equal(("2026-M01", "Tháng 1/2026", D("2026-02-05"), D("2026-01-01"), D("2026-01-31")),
            (periods[0].Code, periods[0].Label, periods[0].Due!.Value, periods[0].CutoffFrom!.Value, periods[0].CutoffTo!.Value));
        Assert.Equal(D("2027-01-05"), periods[11].Due);
        Assert.Equal("M 05", monthly.RulesText());
        var adhoc = new ReportRegime("a", "Đột xuất", "", "", ReportRegime.ParseRules("A 15/08"));
        Assert.Equal(("2026-A0815", D("2026-08-15")), (adhoc.Periods(2026).Single().Code, adhoc.Periods(2026).Single().Due!.Value));
        Assert.Equal("A 15/08", adhoc.RulesText());
        var e = Assert.Throws<FormatException>(() => ReportRegime.ParseRules("Q1 20/03\nQ2 31/02"));
        Assert.Contains("Dòng 2", e.Message);
    }
}

public class ReportFormDefinitionTests
{
    [Fact]
    public void The_preset_form_is_well_formed_and_broken_definitions_are_named()
    {
        Assert.Empty(ReportForm.CchcPeriodic.Problems());
        var broken = ReportForm.CchcPeriodic with
        {
            Sections = [.. ReportForm.CchcPeriodic.Sections, new FormSection("X", "X", [new FormField("docs_issued", "Trùng", FieldKind.Count)])],
            Rules = [.. ReportForm.CchcPeriodic.Rules, new FormRule("khong_co", "<=", "news_items", "Quy tắc sai")],
        };
        var problems = broken.Problems();
        Assert.Contains(problems, p => p.Contains("\"docs_issued\" bị trùng"));
        Assert.Contains(problems, p => p.Contains("\"khong_co\" không có trong mẫu"));
    }

    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void A_form_survives_its_json()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(ReportForm.CchcPeriodic, WebJson);
        var back = System.Text.Json.JsonSerializer.Deserialize<ReportForm>(json, WebJson)!;
        Assert.Equal(ReportForm.CchcPeriodic.Fields, back.Fields);
        Assert.Equal(ReportForm.CchcPeriodic.Rules, back.Rules);
    }
}
