namespace ParHub.Core.Sipas;

/// <summary>
/// The margin of error of a SIPAS from n forms out of a population of N: z·√(p(1−p)/n)·√((N−n)/(N−1)) with
/// p = SIPAS/100, and the "chưa đủ mẫu" flag when n is below the minimum sample.
/// </summary>
public static class SipasIndexMargin
{
    /// <summary>z of a 95% confidence level.</summary>
    public const decimal DefaultZ = 1.96m;

    /// <summary>The margin as a share (0.03 = ±3 points); null without a SIPAS or a form; 0 when every person answered.</summary>
    public static decimal? Of(decimal? sipas, int n, int population, decimal z = DefaultZ)
    {
        if (population < 1) throw new ArgumentException($"Tổng thể (N) phải từ 1 trở lên, không phải {population}.");
        if (n > population) throw new ArgumentException($"Số phiếu ({n}) lớn hơn tổng thể ({population}).");
        if (z <= 0) throw new ArgumentException("Hệ số z phải lớn hơn 0.");
        if (sipas is not { } s || n < 1) return null;
        if (n == population) return 0;
        var p = Math.Clamp(s / 100m, 0m, 1m);
        var variance = (double)(p * (1 - p) / n) * (population - n) / (population - 1);
        return z * (decimal)Math.Sqrt(variance);
    }

    /// <summary>The margin of an agency's result and whether it has fewer forms than <paramref name="minimum"/>.</summary>
    public static SipasIndexPrecision Assess(SipasIndexResult result, int population, int minimum, decimal z = DefaultZ) =>
        new(Of(result.Sipas, result.N, population, z), result.N < minimum);
}
