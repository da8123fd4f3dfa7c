namespace ParHub.Core.Sipas;

/// <summary>
/// The sample of a satisfaction survey (BNV guidance, docs/sipas.md): n = ⌈N / (1 + N·e²)⌉, N the population (people
/// served, households), e the margin (0.05); at least the minimum, at most N. N = 10,000 and e = 0.05 give 385.
/// </summary>
public static class SampleSize
{
    /// <summary>Why the input cannot give a sample size, in Vietnamese; null when it can.</summary>
    public static string? Problem(long population, decimal error, int minimum)
    {
        if (population < 0) return $"Tổng thể (N) không được âm, không phải {population}.";
        if (population > int.MaxValue) return $"Tổng thể (N) quá lớn (tối đa {int.MaxValue}).";
        if (error <= 0 || error >= 1)
            return $"Sai số (e) phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05), không phải {error.ToString(System.Globalization.CultureInfo.InvariantCulture)}.";
        if (minimum < 0) return $"Cỡ mẫu tối thiểu không được âm, không phải {minimum}.";
        return null;
    }

    /// <summary>The sample size; input with a <see cref="Problem"/> is an <see cref="ArgumentException"/> with that message.</summary>
    public static int Required(int population, decimal error, int minimum = 0)
    {
        if (Problem(population, error, minimum) is { } problem) throw new ArgumentException(problem);
        var n = (int)Math.Ceiling(population / (1 + population * error * error));
        return Math.Min(population, Math.Max(minimum, n));
    }
}
