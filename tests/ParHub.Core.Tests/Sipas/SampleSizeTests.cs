using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

/// <summary>The survey's sample size n = ⌈N / (1 + N·e²)⌉, between the minimum and N.</summary>
public class SampleSizeTests
{
    [Theory]
    [InlineData(10_000, 0.05, 0, 385)]  // 384.6… rounded up (BNV's example)
    [InlineData(400, 0.05, 0, 200)]     // exactly 200
    [InlineData(1_000_000, 0.05, 0, 400)] // 399.84…
    [InlineData(10_000, 0.05, 500, 500)]  // the minimum
    [InlineData(120, 0.05, 150, 120)]     // never more than N
    [InlineData(0, 0.05, 150, 0)]
    [InlineData(1, 0.5, 0, 1)]
    public void The_sample_is_rounded_up_at_least_the_minimum_at_most_the_population(int population, decimal error, int minimum, int n) =>
        Assert.Equal(n, SampleSize.Required(population, error, minimum));

    [Theory]
    [InlineData(-1, 0.05, 0, "Tổng thể (N) không được âm, không phải -1.")]
    [InlineData(100, 0, 0, "Sai số (e) phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05), không phải 0.")]
    [InlineData(100, 1, 0, "Sai số (e) phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05), không phải 1.")]
    [InlineData(100, -0.05, 0, "Sai số (e) phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05), không phải -0.05.")]
    [InlineData(100, 0.05, -3, "Cỡ mẫu tối thiểu không được âm, không phải -3.")]
    public void Bad_input_is_refused_in_Vietnamese(int population, decimal error, int minimum, string message)
    {
        Assert.Equal(message, SampleSize.Problem(population, error, minimum));
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SampleSize.Required(population, error, minimum)).Message);
    }

    private static readonly Gen<decimal> Errors = Gen.Choose(1, 9999).Select(e => e / 10_000m);

    [Fact]
    public void The_sample_is_within_the_smaller_of_minimum_and_population_and_the_population() =>
        Prop.ForAll(Gen.Choose(0, 2_000_000).ToArbitrary(), Errors.ToArbitrary(), Gen.Choose(0, 5000).ToArbitrary(),
            (int population, decimal error, int minimum) =>
            {
                var n = SampleSize.Required(population, error, minimum);
                return n >= Math.Min(minimum, population) && n <= population;
            }).CheckReplayable(500);

    [Fact]
    public void A_larger_population_never_needs_a_smaller_sample() =>
        Prop.ForAll(Gen.Choose(0, 2_000_000).Zip(Gen.Choose(0, 100_000)).ToArbitrary(), Errors.ToArbitrary(), Gen.Choose(0, 5000).ToArbitrary(),
            ((int Population, int More) n, decimal error, int minimum) =>
                SampleSize.Required(n.Population, error, minimum) <= SampleSize.Required(n.Population + n.More, error, minimum)).CheckReplayable(500);
}
