using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Reports;

namespace ParHub.Core.Tests;

public class ReportRegimeTests
{
    private static ReportingPeriod P(string regime, int year, string code) => ReportRegime.Find(regime)!.Periods(year).Single(p => p.Code == code);
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void Cv581_is_due_on_the_20th_with_its_cut_offs()
    {
        var q1 = P("cv581", 2024, "2024-Q1");
        Assert.Equal(("Quý I/2024", D("2024-03-20"), D("2023-12-15"), D("2024-03-14")), (q1.Label, q1.Due!.Value, q1.CutoffFrom!.Value, q1.CutoffTo!.Value));
        var h1 = P("cv581", 2024, "2024-H1");
        Assert.Equal(("6 tháng đầu năm 2024", D("2024-06-20"), D("2023-12-15"), D("2024-06-14")),
            (h1.Label, h1.Due!.Value, h1.CutoffFrom!.Value, h1.CutoffTo!.Value));
        var q3 = P("cv581", 2024, "2024-Q3");
        Assert.Equal((D("2024-09-20"), D("2024-06-15"), D("2024-09-14")), (q3.Due!.Value, q3.CutoffFrom!.Value, q3.CutoffTo!.Value));
        var y = P("cv581", 2024, "2024-Y");
        Assert.Equal((D("2024-12-20"), D("2023-12-15"), D("2024-12-14")), (y.Due!.Value, y.CutoffFrom!.Value, y.CutoffTo!.Value));
    }

    [Fact]
    public void Hai_phong_2018_and_ha_noi_2019_due_dates_and_no_cut_offs()
    {
        Assert.Equal([D("2018-03-05"), D("2018-06-05"), D("2018-09-05"), D("2018-11-05")],
            ReportRegime.Find("haiphong-2018")!.Periods(2018).Select(p => p.Due!.Value));
        Assert.Equal(["2019-Q1", "2019-H1", "2019-9M", "2019-Y"], ReportRegime.Find("hanoi-2019")!.Periods(2019).Select(p => p.Code));
        Assert.Equal([D("2019-03-05"), D("2019-06-05"), D("2019-09-05"), D("2019-11-10")],
            ReportRegime.Find("hanoi-2019")!.Periods(2019).Select(p => p.Due!.Value));
        Assert.All(ReportRegime.Find("hanoi-2019")!.Periods(2019), p => Assert.Null(p.CutoffFrom));
        Assert.Equal("9 tháng năm 2019", P("hanoi-2019", 2019, "2019-9M").Label);
    }

    [Fact]
    public void For_any_year_cut_offs_end_before_the_due_date_and_periods_are_in_order() =>
        Prop.ForAll(Gen.Choose(2000, 2100).ToArbitrary(), (int year) => ReportRegime.Presets.All(r =>
        {
            var periods = r.Periods(year);
            return periods.Zip(periods.Skip(1)).All(x => x.First.Due < x.Second.Due)
                && periods.All(p => p.CutoffTo is null || p.CutoffFrom < p.CutoffTo && p.CutoffTo < p.Due);
        })).CheckReplayable();

    [Fact]
    public void A_period_code_alone_gives_the_label_of_its_period() =>
        Prop.ForAll(Gen.Choose(2000, 2100).ToArbitrary(), (int year) => ReportRegime.Presets
            .Concat([new ReportRegime("m", "m", "", "", [new(PeriodKind.Month, 0, 5), new(PeriodKind.AdHoc, 7, 15)])])
            .SelectMany(r => r.Periods(year)).All(p => ReportRegime.LabelOf(p.Code) == p.Label)).CheckReplayable();

    [Theory]
    [InlineData("2026-Q9")]
    [InlineData("abc")]
    [InlineData("2026-M13")]
    public void An_unknown_period_code_is_shown_as_it_is(string code) => Assert.Equal(code, ReportRegime.LabelOf(code));

    [Theory]
    [InlineData("haiphong-2018", "2026-12-02", "2026-Y")]
    [InlineData("haiphong-2018", "2027-02-18", "2027-Q1")]
    [InlineData("haiphong-2018", "2027-02-17", "2026-Y")]
    [InlineData("cv581", "2026-06-21", "2026-H1")]
    public void The_open_period_is_the_last_due_at_most_15_days_ahead(string regime, string today, string expected) =>
        Assert.Equal(expected, ReportRegime.Find(regime)!.OpenPeriod(D(today))!.Code);

    [Fact]
    public void For_any_day_no_period_falls_between_the_open_one_and_15_days_ahead() =>
        Prop.ForAll(Gen.Choose(0, 365 * 80).ToArbitrary(), (int n) =>
        {
            var today = new DateOnly(2000, 1, 1).AddDays(n);
            return ReportRegime.Presets.All(r =>
            {
                var open = r.OpenPeriod(today)!;
                var horizon = today.AddDays(ReportRegime.OpenDaysAhead);
                var all = r.Periods(today.Year - 1).Concat(r.Periods(today.Year)).Concat(r.Periods(today.Year + 1));
                return open.Due <= horizon && !all.Any(p => p.Due > open.Due && p.Due <= horizon);
            });
        }).CheckReplayable();
}
