using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests;

public class TargetBindingTests
{
    [Theory]
    [InlineData("100% nhiệm vụ của Kế hoạch hoàn thành đúng thời hạn", TargetMetrics.PlanTasksOnTime)]
    [InlineData("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 95% trở lên", TargetMetrics.DossiersOnTime)]
    [InlineData("Tỷ lệ hồ sơ nộp trực tuyến đạt tối thiểu 50%", TargetMetrics.DossiersOnline)]
    [InlineData("Mức độ hài lòng của người dân, tổ chức đạt trên 90%", TargetMetrics.Sipas)]
    [InlineData("100% báo cáo CCHC định kỳ được gửi đúng hạn", TargetMetrics.ReportsOnTime)]
    [InlineData("Chỉ số PAPI tăng 5%", null)]
    public void A_plain_target_sentence_is_bound_to_its_metric(string text, string? key) =>
        Assert.Equal(key, TargetMetrics.Guess(text, TargetReader.Read(text)?.Unit));

    [Fact]
    public void A_count_target_is_not_guessed() => Assert.Null(TargetMetrics.Guess("ít nhất 03 sáng kiến", "sáng kiến"));

    [Theory]
    [InlineData(">=", 95, 95.0, true)]
    [InlineData(">=", 95, 94.99, false)]
    [InlineData(">", 90, 90, false)]
    [InlineData("<=", 5, 4, true)]
    [InlineData("=", 100, 99.5, false)]
    public void The_comparator_decides_met(string comparator, decimal threshold, decimal actual, bool met) =>
        Assert.Equal(met, TargetCheck.Of(comparator, threshold, actual, TargetMetrics.DossiersOnTime).Met);

    [Fact]
    public void A_target_without_metric_is_not_measured_and_a_change_needs_a_baseline()
    {
        Assert.Equal(TargetCheck.NoMetric, TargetCheck.Of(">=", 95, 99, null).NotMeasured);
        Assert.Equal("chưa có số liệu", TargetCheck.Of(">=", 95, null, TargetMetrics.Sipas).NotMeasured);
        Assert.Null(TargetCheck.Of("dec>=", 10, 5, TargetMetrics.Sipas).Met);
    }

    [Theory]
    [InlineData("Giai đoạn 2026 - 2027: 100% hồ sơ được số hóa", 2026, 2026, 2027)]
    [InlineData("Đến năm 2028, 80% hồ sơ trực tuyến", 2026, 2028, 2028)]
    [InlineData("95% hồ sơ đúng hạn", 2026, 2026, 2026)]
    [InlineData("giai đoạn 2029–2027", 2026, 2027, 2029)]
    public void A_sub_period_is_measured_over_its_own_years(string text, int planYear, int from, int to) =>
        Assert.Equal((from, to), TargetCheck.Period(text, planYear));

    [Fact]
    public void Met_agrees_with_the_ordering_of_numbers() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (int t, int a) =>
        {
            decimal th = t / 100m, ac = a / 100m;
            return TargetCheck.Meets(">=", th, ac) == (ac >= th) && TargetCheck.Meets("<", th, ac) == !(ac >= th)
                && TargetCheck.Meets(">", th, ac) == !(TargetCheck.Meets("<=", th, ac)!.Value);
        }).CheckReplayable();
}
