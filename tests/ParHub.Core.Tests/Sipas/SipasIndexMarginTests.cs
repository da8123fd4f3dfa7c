using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

/// <summary>The margin of error of an agency's SIPAS and the "chưa đủ mẫu" flag.</summary>
public class SipasIndexMarginTests
{
    [Fact]
    public void The_margin_is_z_times_the_standard_error_with_the_finite_population_correction()
    {
        // p = 0.8, n = 100, N = 1000: 1.96 · √(0.16/100) · √(900/999) = 1.96 · 0.04 · 0.949158…
        var expected = 1.96 * 0.04 * Math.Sqrt(900.0 / 999);
        var margin = SipasIndexMargin.Of(80, 100, 1000);
        Assert.NotNull(margin);
        Assert.Equal(expected, (double)margin.Value, 12);
        Assert.Equal(0.0744, Math.Round((double)margin.Value, 4));
        Assert.Equal(2.576 * 0.04 * Math.Sqrt(900.0 / 999), (double)SipasIndexMargin.Of(80, 100, 1000, 2.576m)!.Value, 12);
    }

    [Fact]
    public void No_SIPAS_or_no_form_has_no_margin_and_a_census_has_none_to_speak_of()
    {
        Assert.Null(SipasIndexMargin.Of(null, 10, 100));
        Assert.Null(SipasIndexMargin.Of(50, 0, 100));
        Assert.Equal(0m, SipasIndexMargin.Of(50, 100, 100));
        Assert.Equal(0m, SipasIndexMargin.Of(100, 30, 100));
    }

    [Theory]
    [InlineData(10, 0, "Tổng thể (N) phải từ 1 trở lên, không phải 0.")]
    [InlineData(101, 100, "Số phiếu (101) lớn hơn tổng thể (100).")]
    public void A_population_that_cannot_be_is_refused(int n, int population, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SipasIndexMargin.Of(50, n, population)).Message);

    [Fact]
    public void Fewer_forms_than_the_minimum_is_below_minimum()
    {
        var result = new SipasIndexResult("A", 149, new Dictionary<string, decimal?>(), new Dictionary<string, decimal?>(),
            new Dictionary<string, decimal?>(), 90);
        var precision = SipasIndexMargin.Assess(result, 5000, 150);
        Assert.True(precision.BelowMinimum);
        Assert.Equal(SipasIndexMargin.Of(90, 149, 5000), precision.Margin);
        Assert.False(SipasIndexMargin.Assess(result with { N = 150 }, 5000, 150).BelowMinimum);
    }
}
