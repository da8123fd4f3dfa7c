using System.Linq.Expressions;
using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

public class DeadlineRuleTests
{
    private static readonly DateOnly Base = new(2026, 1, 1);

    /// <summary>A day near the base (or none), so that starts, deadlines, completions and dates often meet.</summary>
    private static readonly Gen<DateOnly?> Day = Gen.Frequency(
        (1, Gen.Constant<DateOnly?>(null)), (6, Gen.Choose(0, 20).Select(d => (DateOnly?)Base.AddDays(d))));

    private sealed record Facts(DateOnly? Start, DateOnly? Due, DateOnly? Done, DateOnly AsOf);

    private static readonly Arbitrary<Facts> AnyFacts = (
        from s in Day
        from d in Day
        from c in Day
        from a in Gen.Choose(0, 20)
        select new Facts(s, d, c, Base.AddDays(a))).ToArbitrary();

    /// <summary>The rule as the methodology states it, written out step by step: the oracle.</summary>
    private static DeadlineStatus Stated(Facts f)
    {
        var done = f.Done is { } c && c <= f.AsOf;
        if (f.Due is not { } due) return done ? DeadlineStatus.DoneOnTime : DeadlineStatus.Undated;
        if (done) return f.Done <= due ? DeadlineStatus.DoneOnTime : DeadlineStatus.DoneLate;
        if (f.AsOf > due) return DeadlineStatus.Overdue;
        return f.Start is { } s && f.AsOf < s ? DeadlineStatus.NotYetDue : DeadlineStatus.InProgressOnTime;
    }

    private sealed record Row(DateOnly? Start, DateOnly? Due, DateOnly? Done);

    private static bool Holds(DeadlineStatus status, Facts f)
    {
        var asOf = f.AsOf;
        Expression<Func<DateOnly>> date = () => asOf;
        var condition = DeadlineRule.Over<Row>(status, r => r.Start, r => r.Due, r => r.Done, date).Compile();
        return condition(new Row(f.Start, f.Due, f.Done));
    }

    [Fact]
    public void Exactly_one_condition_holds_for_any_task_and_date_and_it_is_the_stated_rule() =>
        Prop.ForAll(AnyFacts, f =>
        {
            var holding = DeadlineRule.Order.Where(s => Holds(s, f)).ToList();
            return holding.Count == 1 && holding[0] == Stated(f) && DeadlineStatuses.Of(f.Start, f.Due, f.Done, f.AsOf) == Stated(f);
        }).CheckReplayable();

    [Theory]
    [InlineData(null, "2026-01-10", "2026-01-09", "2026-01-12", DeadlineStatus.DoneOnTime)]
    [InlineData(null, "2026-01-10", "2026-01-11", "2026-01-12", DeadlineStatus.DoneLate)]
    [InlineData(null, "2026-01-10", "2026-01-11", "2026-01-10", DeadlineStatus.InProgressOnTime)] // completed after the date looked at
    [InlineData(null, "2026-01-10", null, "2026-01-11", DeadlineStatus.Overdue)]
    [InlineData("2026-01-05", "2026-01-10", null, "2026-01-04", DeadlineStatus.NotYetDue)]
    [InlineData("2026-01-05", "2026-01-10", null, "2026-01-05", DeadlineStatus.InProgressOnTime)]
    [InlineData(null, null, null, "2026-01-05", DeadlineStatus.Undated)]
    [InlineData(null, null, "2026-01-03", "2026-01-05", DeadlineStatus.DoneOnTime)]
    public void Named_cases(string? start, string? due, string? done, string asOf, DeadlineStatus expected)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, DeadlineStatuses.Of(D(start), D(due), D(done), D(asOf)!.Value));
        Assert.True(Holds(expected, new Facts(D(start), D(due), D(done), D(asOf)!.Value)));
    }
}
