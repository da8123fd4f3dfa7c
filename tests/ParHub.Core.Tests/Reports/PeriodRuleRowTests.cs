using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Reports;

namespace ParHub.Core.Tests.Reports;

/// <summary>The regime editor's rows of pickers read back to the rules they show, and a row it cannot read is named.</summary>
public class PeriodRuleRowTests
{
    [Fact]
    public void The_presets_shown_as_rows_read_back_to_the_same_periods()
    {
        foreach (var preset in ReportRegime.Presets)
        {
            var again = preset with { Rules = PeriodRuleRow.ToRules(PeriodRuleRow.Of(preset.Rules)) };
            Assert.Equal(preset.Periods(2026), again.Periods(2026));
        }
        var cv581 = PeriodRuleRow.Of(ReportRegime.Find("cv581")!.Rules);
        Assert.Equal(new PeriodRuleRow("Q1", "20/03", "15/12", true, "14/03"), cv581[0]);
        Assert.Equal(new PeriodRuleRow("Q3", "20/09", "15/06", false, "14/09"), cv581[2]);
    }

    [Fact]
    public void Blank_rows_are_no_rules_and_a_row_it_cannot_read_is_refused_with_its_number()
    {
        var rules = PeriodRuleRow.ToRules([new("Q1", "5/3"), new(null, null), new("", "20/06"), new("M", "10"), new("A", "15/08")]);
        Assert.Equal(["Q1 05/03", "M 10", "A 15/08"], ReportRegime.Text(rules).Split('\n'));
        Assert.StartsWith("Kỳ thứ 2 (Quý III): hạn nộp", Assert.Throws<FormatException>(() =>
            PeriodRuleRow.ToRules([new("Q1", "05/03"), new("Q3", "31/09")])).Message);
        Assert.StartsWith("Kỳ thứ 1 (Năm): kỳ chốt", Assert.Throws<FormatException>(() => PeriodRuleRow.ToRules([new("Y", "05/12", "15/12")])).Message);
        Assert.Contains("từ 1 đến 31", Assert.Throws<FormatException>(() => PeriodRuleRow.ToRules([new("M", "32")])).Message);
        Assert.Contains("đột xuất", Assert.Throws<FormatException>(() => PeriodRuleRow.ToRules([new("A", "15/08", "01/08", false, "14/08")])).Message);
        Assert.Contains("\"Q2\"", Assert.Throws<FormatException>(() => PeriodRuleRow.ToRules([new("Q2", "05/03")])).Message);
        Assert.Throws<FormatException>(() => PeriodRuleRow.ToRules([new("H1", "29/02")])); // not in every year
    }

    private static readonly Gen<(int Month, int Day)> DayMonth =
        Gen.Choose(1, 12).SelectMany(m => Gen.Choose(1, DateTime.DaysInMonth(2023, m)).Select(d => (m, d)));

    private static readonly Gen<ReportRegime.PeriodRule> AnyRule = Gen.OneOf(
        Gen.Choose(1, 31).Select(d => new ReportRegime.PeriodRule(PeriodKind.Month, 0, d)),
        DayMonth.Select(d => new ReportRegime.PeriodRule(PeriodKind.AdHoc, d.Month, d.Day)),
        Gen.Elements(PeriodKind.Q1, PeriodKind.H1, PeriodKind.Q3, PeriodKind.NineMonths, PeriodKind.Year).SelectMany(k =>
            DayMonth.Zip(DayMonth).Zip(DayMonth.Zip(Gen.Elements(-1, 0))).Zip(Gen.Elements(true, false)).Select(t =>
            {
                var (((due, to), (from, offset)), cut) = t;
                return cut ? new ReportRegime.PeriodRule(k, due.Month, due.Day, (from.Month, from.Day, offset), (to.Month, to.Day))
                    : new ReportRegime.PeriodRule(k, due.Month, due.Day);
            })));

    [Fact]
    public void Any_rules_shown_as_rows_read_back_the_same_and_agree_with_their_text() =>
        Prop.ForAll(Gen.ListOf(AnyRule).ToArbitrary(), list =>
        {
            var rules = list.ToList();
            var back = PeriodRuleRow.ToRules(PeriodRuleRow.Of(rules));
            return back.SequenceEqual(rules) && ReportRegime.ParseRules(ReportRegime.Text(back)).SequenceEqual(rules);
        }).CheckReplayable();
}
