using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

public class TimeframeParserTests
{
    private static Timeframe P(string phrase, int year) => TimeframeParser.Parse(phrase, new TimeframeContext(year));
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");
    private static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    [Theory]
    [InlineData("Quý I/2018", 2018, "2018-01-01", "2018-03-31")]
    [InlineData("Quý IV 2019", 2019, "2019-10-01", "2019-12-31")]
    [InlineData("Quí 3/2019", 2019, "2019-07-01", "2019-09-30")]
    [InlineData("Quí IV-2025", 2025, "2025-10-01", "2025-12-31")]
    [InlineData("Quý III Năm 2026", 2025, "2026-07-01", "2026-09-30")]
    [InlineData("Tháng 12/2017 và thực hiện cả năm 2018", 2018, "2017-12-01", "2018-12-31")]
    [InlineData("Cả năm 2018", 2018, "2018-01-01", "2018-12-31")]
    [InlineData("Quý I đến Quý III/2018", 2018, "2018-01-01", "2018-09-30")]
    [InlineData("Từ tháng 5/2017 đến hết Quý III/2018", 2018, "2017-05-01", "2018-09-30")]
    [InlineData("Trước ngày 20/12/2023", 2023, null, "2023-12-20")]
    [InlineData("trước ngày 31 tháng 12 năm 2026", 2025, null, "2026-12-31")]
    [InlineData("2019 - 2020", 2019, "2019-01-01", "2020-12-31")]
    [InlineData("01/2019", 2019, "2019-01-01", "2019-01-31")]
    [InlineData("Trước 30/6", 2020, null, "2020-06-30")]
    [InlineData("6 tháng đầu năm 2024", 2024, "2024-01-01", "2024-06-30")]
    [InlineData("6 tháng cuối năm", 2024, "2024-07-01", "2024-12-31")]
    [InlineData("Trong quý IV năm trước liền kề năm kế hoạch", 2019, "2018-10-01", "2018-12-31")]
    [InlineData("Hoàn thành đầu tư giai đoạn 2026 - 2027", 2026, "2026-01-01", "2027-12-31")]
    [InlineData("Quý I/2018 ban hành và triển khai theo tiến độ trong Nghị quyết", 2018, "2018-01-01", "2018-03-31")]
    [InlineData("Tháng 02/2024", 2024, "2024-02-01", "2024-02-29")]
    [InlineData("Đến hết năm 2030", 2025, null, "2030-12-31")]
    [InlineData("Trước năm 2030", 2026, null, "2029-12-31")]
    [InlineData("Từ 01/7/2025.", 2026, "2025-07-01", null)]
    [InlineData("trong ngày 20 tháng 11 năm 2025", 2025, "2025-11-20", "2025-11-20")]
    public void Reads_intervals(string phrase, int year, string? start, string? due)
    {
        var t = P(phrase, year);
        Assert.Equal(TimeframeKind.Interval, t.Kind);
        Assert.Equal(N(start), t.Start);
        Assert.Equal(N(due), t.Due);
        Assert.Null(t.Recurrence);
    }

    [Theory]
    [InlineData("Thường xuyên", Recurrence.Continuous)]
    [InlineData("Thực hiện thường xuyên .", Recurrence.Continuous)]
    [InlineData("Hằng năm", Recurrence.Yearly)]
    [InlineData("Hàng năm", Recurrence.Yearly)]
    [InlineData("Định kỳ", Recurrence.Continuous)]
    [InlineData("hằng quý", Recurrence.Quarterly)]
    [InlineData("Hàng tháng", Recurrence.Monthly)]
    public void Reads_recurring_work_without_inventing_bounds(string phrase, Recurrence recurrence)
    {
        var t = P(phrase, 2025);
        Assert.Equal(TimeframeKind.Recurring, t.Kind);
        Assert.Equal(recurrence, t.Recurrence);
        Assert.Null(t.Start);
        Assert.Null(t.Due);
    }

    [Fact]
    public void Recurring_work_is_bounded_by_the_plans_stated_period()
    {
        var t = TimeframeParser.Parse("Thường xuyên, liên tục", TimeframeContext.Parse("2026-2030"));
        Assert.Equal((D("2026-01-01"), D("2030-12-31")), (t.Start!.Value, t.Due!.Value));
        var from = TimeframeParser.Parse("Triển khai từ năm 2026 và thực hiện thường xuyên, liên tục", TimeframeContext.Parse("2026-2030"));
        Assert.Equal(D("2030-12-31"), from.Due);
        var open = TimeframeParser.Parse("Giai đoạn 2026-2030 và những năm tiếp theo.", TimeframeContext.Parse("2026-2030"));
        Assert.Null(open.Due);
        Assert.Equal(D("2026-01-01"), open.Start);
    }

    [Fact]
    public void A_deadline_followed_by_a_recurrence_keeps_its_first_due_date()
    {
        var t = P("trước ngày 20 tháng 11 năm 2025 và hàng tháng", 2025);
        Assert.Equal(TimeframeKind.Recurring, t.Kind);
        Assert.Equal(Recurrence.Monthly, t.Recurrence);
        Assert.Equal(D("2025-11-20"), t.Due);
        Assert.Null(t.Start);
    }

    [Fact]
    public void Reads_a_multi_part_schedule_with_every_due_date()
    {
        var t = P("Quý I: Trước ngày 21/3; 6 tháng: Trước ngày 21/6; Quý III: Trước ngày 21/9; Năm: Trước ngày 21/12", 2024);
        Assert.Equal(TimeframeKind.Schedule, t.Kind);
        Assert.Equal([D("2024-03-21"), D("2024-06-21"), D("2024-09-21"), D("2024-12-21")], t.Dues);
        Assert.Equal(D("2024-12-21"), t.Due);
    }

    [Theory]
    [InlineData("Theo Kế hoạch cụ thể của Bộ Nội vụ")]
    [InlineData("Sau khi Luật Tổ chức chính quyền địa phương được ban hành")]
    [InlineData("Khi có phát sinh.")]
    [InlineData("Theo tiến độ được giao của Luật An ninh mạng 2025.")]
    [InlineData("Triển khai đảm bảo theo lộ trình, hướng dẫn của Bộ, ngành.")]
    public void Event_driven_phrases_have_no_dates(string phrase)
    {
        var t = P(phrase, 2025);
        Assert.Equal(TimeframeKind.Event, t.Kind);
        Assert.Null(t.Start);
        Assert.Null(t.Due);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Chưa xác định")]
    [InlineData("32/13/2024")]
    [InlineData("05 ngày kể từ ngày nhận đủ hồ sơ")]
    public void What_cannot_be_read_is_unknown_and_undated(string phrase)
    {
        var t = P(phrase, 2024);
        Assert.Equal(TimeframeKind.Unknown, t.Kind);
        Assert.Null(t.Start);
        Assert.Null(t.Due);
        Assert.Empty(t.Dues);
    }

    // --- Properties of the date arithmetic ----------------------------------------------------------------

    private static readonly string[] Roman = ["I", "II", "III", "IV"];
    private static Arbitrary<int> Years => Gen.Choose(1990, 2100).ToArbitrary();

    [Fact]
    public void Quarters_tile_the_year_and_parse_to_their_windows_in_every_spelling() =>
        Prop.ForAll(Years, Gen.Choose(1, 4).ToArbitrary(), Gen.Elements("Quý {0}/{1}", "Quí {0}-{1}", "quý {0} năm {1}", "QUÝ {0} {1}").ToArbitrary(),
            (int y, int q, string format) =>
            {
                var (start, end) = Periods.Quarter(y, q);
                var tiles = q == 4 ? end == new DateOnly(y, 12, 31) : end.AddDays(1) == Periods.Quarter(y, q + 1).Start;
                var first = q > 1 || start == new DateOnly(y, 1, 1);
                var roman = P(string.Format(format, Roman[q - 1], y), 2000);
                var arabic = P(string.Format(format, q, y), 2000);
                return tiles && first && start < end
                    && roman.Start == start && roman.Due == end && arabic.Start == start && arabic.Due == end;
            }).CheckReplayable();

    [Fact]
    public void A_month_runs_from_its_first_to_its_last_day() =>
        Prop.ForAll(Years, Gen.Choose(1, 12).ToArbitrary(), (int y, int m) =>
        {
            var t = P($"Tháng {m:00}/{y}", 2000);
            return t.Start == new DateOnly(y, m, 1) && t.Due!.Value.AddDays(1).Day == 1 && t.Due.Value.Month == m;
        }).CheckReplayable();

    [Fact]
    public void Before_a_date_is_due_on_that_date_in_short_and_long_form() =>
        Prop.ForAll(Gen.Choose(0, 40_000).Select(n => new DateOnly(1995, 1, 1).AddDays(n)).ToArbitrary(), (DateOnly d) =>
        {
            var shortForm = P($"Hoàn thành trước ngày {d.Day}/{d.Month}/{d.Year}", 2000);
            var longForm = P($"trước ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}", 2000);
            var noYear = P($"Trước {d.Day}/{d.Month}", d.Year);
            return shortForm.Due == d && shortForm.Start is null && longForm.Due == d && noYear.Due == d;
        }).CheckReplayable();

    [Fact]
    public void A_year_range_spans_whole_years_and_start_never_follows_due() =>
        Prop.ForAll(Years, Gen.Choose(0, 10).ToArbitrary(), (int a, int span) =>
        {
            var b = Math.Min(2100, a + span);
            var t = P($"Giai đoạn {a} - {b}", 2000);
            return t.Start == new DateOnly(a, 1, 1) && t.Due == new DateOnly(b, 12, 31) && t.Start <= t.Due;
        }).CheckReplayable();

    [Fact]
    public void Text_without_digits_never_gets_a_date_and_nothing_throws() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), (string s) =>
        {
            var text = new string((s ?? "").Where(c => !char.IsDigit(c)).ToArray());
            var t = TimeframeParser.Parse(text + " thường xuyên", new TimeframeContext(2025));
            var u = TimeframeParser.Parse(s ?? "", new TimeframeContext(2025));
            return t.Start is null && t.Due is null && (u.Start is null || u.Due is null || u.Start <= u.Due || u.Kind == TimeframeKind.Interval);
        }).CheckReplayable();
}
