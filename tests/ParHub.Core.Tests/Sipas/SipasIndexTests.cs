using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

/// <summary>The SIPAS index on cases computed by hand: what an answer counts for, both aggregations, the province.</summary>
public class SipasIndexTests
{
    /// <summary>Part P1 = C1 {q1, q2}; part P2 = C2 {q3} and C3 {q4, q5}; 5 levels, satisfied from 4.</summary>
    private static SipasQuestionnaireSpec Spec(SipasAggregation aggregation) => new("SIPAS-T", 5,
    [
        new("P1", "Chính sách", [new("C1", "Trách nhiệm giải trình", ["q1", "q2"])]),
        new("P2", "Dịch vụ", [new("C2", "Tiếp cận", ["q3"]), new("C3", "Kết quả", ["q4", "q5"])]),
    ], Aggregation: aggregation);

    private static SipasResponse Form(string id, string agency, bool valid = true, params (string Item, decimal? Value)[] answers) =>
        new(id, agency, "trực tiếp", answers.ToDictionary(a => a.Item, a => a.Value), valid);

    /// <summary>
    /// q1: 5, 3, 4 → 2 of 3; q2: 4, 4 (2.5 left out) → 2 of 2; q3: 3, 5 (6 left out) → 1 of 2; q4: 1, 5 (0 left out) → 1 of 2;
    /// q5: 4 (null and missing left out) → 1 of 1; the invalid form is left out entirely.
    /// </summary>
    private static readonly SipasResponse[] Forms =
    [
        Form("1", "A", true, ("q1", 5), ("q2", 4), ("q3", 3), ("q4", 1), ("q5", 4)),
        Form("2", "A", true, ("q1", 3), ("q2", 4), ("q3", 5), ("q4", 0), ("q5", null)),
        Form("3", "A", true, ("q1", 4), ("q2", 2.5m), ("q3", 6), ("q4", 5)),
        Form("4", "A", false, ("q1", 1), ("q2", 1), ("q3", 1), ("q4", 1), ("q5", 1)),
    ];

    internal static void Near(decimal? expected, decimal? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.True(Math.Abs(expected.Value - actual.Value) < 1e-20m, $"expected {expected}, got {actual}");
    }

    [Fact]
    public void Items_count_integer_levels_of_the_scale_only_and_the_invalid_form_not_at_all()
    {
        var a = SipasIndex.Compute(Spec(SipasAggregation.Mean), Forms)[0];
        Assert.Equal("A", a.Agency);
        Assert.Equal(3, a.N);
        Near(200m / 3, a.Items["q1"]);
        Near(100, a.Items["q2"]);
        Near(50, a.Items["q3"]);
        Near(50, a.Items["q4"]);
        Near(100, a.Items["q5"]);
    }

    [Fact]
    public void Mean_aggregation_averages_items_then_components_then_parts()
    {
        var a = SipasIndex.Compute(Spec(SipasAggregation.Mean), Forms)[0];
        Near((200m / 3 + 100) / 2, a.Components["C1"]);
        Near(50, a.Components["C2"]);
        Near(75, a.Components["C3"]);
        Near((200m / 3 + 100) / 2, a.Parts["P1"]);
        Near(62.5m, a.Parts["P2"]);
        Near(((200m / 3 + 100) / 2 + 62.5m) / 2, a.Sipas); // 72.916…
        Assert.Equal(72.92m, SipasIndex.Round(a.Sipas));
    }

    [Fact]
    public void Pooled_aggregation_divides_satisfied_answers_by_counted_answers()
    {
        var a = SipasIndex.Compute(Spec(SipasAggregation.Pooled), Forms)[0];
        Near(80, a.Components["C1"]);     // (2 + 2) / (3 + 2)
        Near(50, a.Components["C2"]);     // 1 / 2
        Near(200m / 3, a.Components["C3"]); // (1 + 1) / (2 + 1)
        Near(80, a.Parts["P1"]);
        Near(60, a.Parts["P2"]);          // (1 + 1 + 1) / (2 + 2 + 1)
        Near(70, a.Sipas);                // 7 / 10
        Near(200m / 3, a.Items["q1"]);    // items are the same in both
    }

    [Fact]
    public void The_province_pools_every_valid_form_at_item_level_not_the_agencies_indexes()
    {
        var spec = new SipasQuestionnaireSpec("S", 5, [new("P", "", [new("C", "", ["q"])])]);
        var results = SipasIndex.Compute(spec,
        [
            Form("1", "B", true, ("q", 1)), Form("2", "B", true, ("q", 2)), Form("3", "B", true, ("q", 3)),
            Form("4", "A", true, ("q", 5)), Form("5", "A", false, ("q", 1)),
        ]);
        Assert.Equal(["A", "B", SipasIndex.Province], results.Select(r => r.Agency));
        Near(100, results[0].Sipas);
        Near(0, results[1].Sipas);
        var province = results[2];
        Assert.Equal(4, province.N);
        Near(25, province.Sipas); // 1 satisfied of 4, not the agencies' mean 50
        Near(25, province.Items["q"]);
    }

    [Fact]
    public void Agencies_are_ordered_by_code_ordinal_and_an_agency_with_only_invalid_forms_has_no_result()
    {
        var spec = Spec(SipasAggregation.Mean);
        var results = SipasIndex.Compute(spec, [Form("1", "b", true), Form("2", "B", true), Form("3", "Ă", true), Form("4", "Z", false)]);
        Assert.Equal(["B", "b", "Ă", "*"], results.Select(r => r.Agency));
    }

    [Fact]
    public void Nothing_counted_is_null_and_means_skip_nulls()
    {
        var results = SipasIndex.Compute(Spec(SipasAggregation.Mean), [Form("1", "A", true, ("q1", 4), ("q3", 0), ("q4", 2))]);
        var a = results[0];
        Near(100, a.Items["q1"]);
        Assert.Null(a.Items["q2"]);
        Near(100, a.Components["C1"]); // q2 skipped
        Assert.Null(a.Components["C2"]);  // q3 only "không ý kiến"
        Near(0, a.Parts["P2"]);           // C2 skipped
        Near(50, a.Sipas);

        var empty = SipasIndex.Compute(Spec(SipasAggregation.Pooled), []);
        var province = Assert.Single(empty);
        Assert.Equal((SipasIndex.Province, 0), (province.Agency, province.N));
        Assert.Null(province.Sipas);
        Assert.All(province.Parts.Values, Assert.Null);
    }

    [Fact]
    public void Satisfied_from_is_the_questionnaires()
    {
        var spec = new SipasQuestionnaireSpec("S", 4, [new("P", "", [new("C", "", ["q"])])], SatisfiedFrom: 3);
        var r = SipasIndex.Compute(spec, [Form("1", "A", true, ("q", 3)), Form("2", "A", true, ("q", 2)), Form("3", "A", true, ("q", 5))])[0];
        Near(50, r.Sipas); // 5 is beyond a 4-level scale
    }

    [Theory]
    [InlineData(1, 1, "Thang đo (scale) phải có ít nhất 2 mức, không phải 1.")]
    [InlineData(5, 6, "Mức tính là hài lòng (satisfiedFrom) phải từ 1 đến 5, không phải 6.")]
    [InlineData(5, 0, "Mức tính là hài lòng (satisfiedFrom) phải từ 1 đến 5, không phải 0.")]
    public void A_questionnaire_that_cannot_be_computed_is_refused_in_Vietnamese(int scale, int satisfiedFrom, string message)
    {
        var spec = new SipasQuestionnaireSpec("S", scale, [new("P", "", [new("C", "", ["q"])])], satisfiedFrom);
        Assert.Equal([message], spec.Problems());
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SipasIndex.Compute(spec, [])).Message);
    }

    [Fact]
    public void An_item_in_two_components_is_refused()
    {
        var spec = new SipasQuestionnaireSpec("S", 5, [new("P", "", [new("C1", "", ["q"]), new("C2", "", ["q"])])]);
        Assert.Equal(["Mã câu hỏi \"q\" bị trùng."], spec.Problems());
    }

    [Theory]
    [InlineData(86.505, "86.51")]
    [InlineData(86.495, "86.50")]
    [InlineData(-0.005, "-0.01")]
    [InlineData(100, "100.00")]
    public void Shown_with_two_decimals_half_away_from_zero(decimal value, string shown) => Assert.Equal(shown, SipasIndex.Show(value));

    [Fact]
    public void Nothing_is_shown_as_a_dash_and_Vietnamese_uses_a_comma()
    {
        Assert.Equal("—", SipasIndex.Show(null));
        Assert.Equal("82,66", SipasIndex.Show(82.655m, System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
    }
}
