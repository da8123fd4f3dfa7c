using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

public sealed class OccurrencesTests
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1), Dec31 = new(2025, 12, 31);

    private static IReadOnlyList<Occurrence> Of(string phrase, DateOnly from, DateOnly to) =>
        Occurrences.Of(TimeframeParser.Parse(phrase, new TimeframeContext(from.Year, from, to)), from, to);

    [Fact]
    public void Quarterly_work_in_an_annual_plan_has_four_dues_at_the_quarters_ends()
    {
        var dues = Of("Hằng quý", Jan1, Dec31);
        Assert.Equal(["Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"], dues.Select(d => d.Label));
        Assert.Equal([new DateOnly(2025, 3, 31), new DateOnly(2025, 6, 30), new DateOnly(2025, 9, 30), Dec31], dues.Select(d => d.Due));
    }

    [Fact]
    public void Monthly_work_takes_the_day_the_phrase_names()
    {
        var dues = Of("Trước ngày 20 hằng tháng", Jan1, Dec31);
        Assert.Equal(12, dues.Count);
        Assert.All(dues, d => Assert.Equal(20, d.Due.Day));
        Assert.Equal("Tháng 2/2025", dues[1].Label);
    }

    [Fact]
    public void Half_yearly_and_yearly_work_over_a_five_year_plan()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2030, 12, 31);
        var half = Of("Định kỳ 6 tháng", from, to);
        Assert.Equal(10, half.Count);
        Assert.Equal("6 tháng đầu năm 2026", half[0].Label);
        Assert.Equal(new DateOnly(2026, 6, 30), half[0].Due);
        var yearly = Of("Hằng năm", from, to);
        Assert.Equal(["Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029", "Năm 2030"], yearly.Select(d => d.Label));
        Assert.Equal(new DateOnly(2027, 12, 31), yearly[1].Due);
    }

    [Fact]
    public void A_yearly_day_is_kept_for_every_year()
    {
        var dues = Of("Trước ngày 15/12 hằng năm", new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31));
        Assert.Equal([new DateOnly(2026, 12, 15), new DateOnly(2027, 12, 15), new DateOnly(2028, 12, 15)], dues.Select(d => d.Due));
    }

    [Theory]
    [InlineData("Thường xuyên")]
    [InlineData("Quý II/2025")]
    [InlineData("Theo chỉ đạo của UBND tỉnh")]
    public void Work_that_does_not_recur_by_the_calendar_has_no_occurrences(string phrase) => Assert.Empty(Of(phrase, Jan1, Dec31));

    [Fact]
    public void Dues_are_in_order_inside_the_period_and_one_per_calendar_period() =>
        Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 1500).ToArbitrary(), (kind, startDay, length) =>
        {
            var phrase = new[] { "Hằng tháng", "Hằng quý", "Định kỳ 6 tháng", "Hằng năm" }[kind];
            var from = new DateOnly(2024, 1, 1).AddDays(startDay);
            var to = from.AddDays(length);
            var dues = Of(phrase, from, to);
            var ordered = dues.Zip(dues.Skip(1)).All(p => p.First.Due < p.Second.Due && p.First.Start < p.Second.Start);
            var inside = dues.All(d => d.Due >= from && d.Start <= to);
            var distinct = dues.Select(d => d.Label).Distinct().Count() == dues.Count;
            return ordered && inside && distinct;
        }).CheckReplayable();
}
