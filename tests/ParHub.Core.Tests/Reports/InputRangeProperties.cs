using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.Reports;

/// <summary>Declared ranges of numeric input, and aggregation and scoring that never throw on any stored decimal.</summary>
public class InputRangeProperties
{
    private static readonly ReportForm Form = ReportForm.CchcPeriodic;

    /// <summary>Any decimal, weighted towards the edges: the limits, the ends of decimal, tiny and negative values.</summary>
    private static readonly Gen<decimal> AnyDecimal = Gen.OneOf(
        Gen.Elements(0m, 1m, ReportCheck.MaxNumber, ReportCheck.MaxNumber + 1, decimal.MaxValue, decimal.MinValue, -1m, 0.0000000001m, 100m, 101m),
        Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(0, 28)).Select(t => t.Item1 * (decimal)Math.Pow(10, t.Item2 % 19)),
        Gen.Choose(0, 1_000_000).Select(n => n / 7m));

    [Fact]
    public void A_rate_or_count_is_accepted_only_within_its_declared_range() =>
        Prop.ForAll(AnyDecimal.Zip(AnyDecimal).ToArbitrary(), t =>
        {
            var (num, den) = t;
            var errors =
                ReportCheck.Validate(Form, new Dictionary<string, FieldValue> { ["plan_tasks"] = new(num, den), ["docs_issued"] = new(num) }, complete: false);
            var rateOk = num >= 0 && den >= 0 && num <= ReportCheck.MaxNumber && den <= ReportCheck.MaxNumber && num <= den;
            var countOk = num >= 0 && num <= ReportCheck.MaxNumber && num == decimal.Truncate(num);
            return errors.Any(e => e.Code == "plan_tasks") != rateOk && errors.Any(e => e.Code == "docs_issued") != countOk;
        }).CheckReplayable();

    [Fact]
    public void Province_totals_never_throw_and_leave_out_only_values_outside_the_range() =>
        Prop.ForAll(Gen.ListOf(AnyDecimal.Zip(AnyDecimal)).ToArbitrary(), rows =>
        {
            var list = rows.ToList();
            var totals = ReportAggregator.SumRows(Form, list.SelectMany(r =>
                new[] { ("plan_tasks", (decimal?)r.Item1, (decimal?)r.Item2), ("invest_plan", r.Item1, (decimal?)null), ("invest_disbursed", r.Item2, null) }));
            var inRange = list.Where(r => ReportCheck.InRange(r.Item1) && ReportCheck.InRange(r.Item2)).ToList();
            var plan = totals["plan_tasks"];
            _ = totals["invest_rate"].Percent; // derived from sums: never throws
            return plan.Reports == inRange.Count && plan.Skipped == list.Count - inRange.Count
                && (inRange.Count == 0 ? plan.Value is null : plan.Value == inRange.Sum(r => r.Item1));
        }).CheckReplayable();

    [Fact]
    public void Expressions_and_percentages_never_throw_on_any_decimal() =>
        Prop.ForAll(AnyDecimal.Zip(AnyDecimal).ToArbitrary(), t =>
        {
            var values = new Dictionary<string, FieldValue> { ["a"] = new(t.Item1), ["b"] = new(t.Item2) };
            _ = Expression.Evaluate("a + b - a + b", values);
            _ = VietnameseNumber.Percent(t.Item1, t.Item2);
            _ = VietnameseNumber.Format(t.Item1);
            return true;
        }).CheckReplayable();

    [Fact]
    public void Criterion_points_stay_within_max_for_any_input_and_out_of_range_inputs_are_named()
    {
        var rules = new[] { new ScoringRule("manual"), new ScoringRule("proportional"), new ScoringRule("survey"),
            new ScoringRule("rate-bands", Bands: [new(100, 3), new(50, 1)]), new ScoringRule("count-steps", Steps: [new(10, 2), new(1, 1)]) };
        Prop.ForAll(AnyDecimal.Zip(AnyDecimal).Zip(Gen.Choose(0, rules.Length - 1)).ToArbitrary(), t =>
        {
            var ((a, b), k) = t;
            var rule = rules[k];
            var input = rule.Type is "proportional" or "rate-bands" ? ScoreInput.Rate(a, b) : ScoreInput.Of(a);
            var points = ScoringEngine.Points(rule, 10, input);
            var limit = rule.Type == "survey" ? 100 : ScoringEngine.MaxInput;
            var ok = rule.Type is "proportional" or "rate-bands" ? a >= 0 && b >= 0 && a <= limit && b <= limit : a >= 0 && a <= limit;
            return points >= 0 && points <= 10 && (ScoringEngine.InputProblem("1.1", rule, input) is null) == ok;
        }).CheckReplayable();
    }

    [Fact]
    public void Survey_percentages_outside_0_to_100_are_refused() =>
        Prop.ForAll(AnyDecimal.ToArbitrary(), p =>
        {
            var line = SurveyTable.Read([["Sở Tư pháp", VietnameseNumber.Format(p)]], ["8.1"]).Single();
            var shown = p == Math.Round(p, 6); // Format shows six decimals at most
            return line.Problem is null ? line.Percent is >= 0 and <= 100 : !(shown && p >= 0 && p <= 100);
        }).CheckReplayable();
}
