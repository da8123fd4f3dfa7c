using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>A month's totals entered by hand: read, checked all at once in Vietnamese, and turned into a tally of a run of months.</summary>
public sealed class MonthTotalsTests
{
    /// <summary>Carried 10 + received 1.150 = resolved 1.000 + 60 on time/late + pending 90 + 10.</summary>
    internal static Dictionary<string, string?> Balanced() => new()
    {
        [MonthTotals.Carried] = "10", [MonthTotals.Received] = "1.150", [MonthTotals.Online] = "600", [MonthTotals.Postal] = "50",
        [MonthTotals.Direct] = "500", [MonthTotals.OnTime] = "1.000", [MonthTotals.ResolvedLate] = "60", [MonthTotals.InTime] = "90",
        [MonthTotals.PendingLate] = "10", [MonthTotals.Apologies] = "65", [MonthTotals.Fee] = "400", [MonthTotals.Paid] = "150",
        [MonthTotals.Digitised] = "900", [MonthTotals.Electronic] = "700", [MonthTotals.Synced] = "1.100", [MonthTotals.Satisfied] = "990",
    };

    private static readonly MonthCounts BalancedCounts = new(10, 1150, 600, 50, 500, 1000, 60, 90, 10, 65, 400, 150, 900, 700, 1100, 990);

    [Fact]
    public void A_balanced_month_is_read_as_typed_by_a_Vietnamese_officer()
    {
        var (counts, problems) = MonthTotals.Read(Balanced());
        Assert.Empty(problems);
        Assert.Equal(BalancedCounts, counts);
        Assert.Empty(MonthTotals.Problems(BalancedCounts));
        Assert.Equal((1060L, 100L, 70L), (BalancedCounts.Resolved, BalancedCounts.Pending, BalancedCounts.Late));
    }

    [Fact]
    public void Fields_not_typed_not_whole_or_out_of_range_are_each_named_and_no_counts_come_back()
    {
        var input = Balanced();
        input[MonthTotals.Carried] = " ";
        input[MonthTotals.Postal] = "năm mươi";
        input[MonthTotals.Apologies] = "1,5";
        input[MonthTotals.Digitised] = "-1";
        input[MonthTotals.Synced] = "1.000.001";
        input.Remove(MonthTotals.Satisfied);
        var (counts, problems) = MonthTotals.Read(input);
        Assert.Null(counts);
        Assert.Equal([MonthTotals.Carried, MonthTotals.Postal, MonthTotals.Apologies, MonthTotals.Digitised, MonthTotals.Synced, MonthTotals.Satisfied],
            problems.Select(p => p.Field));
        Assert.Equal("Kỳ trước chuyển sang: chưa nhập (nhập 0 nếu không có hồ sơ nào).", problems[0].Message);
        Assert.Contains("\"năm mươi\" không phải là số", problems[1].Message);
        Assert.Equal("Hồ sơ quá hạn có thư xin lỗi: phải là số nguyên.", problems[2].Message);
        Assert.Equal("Tiếp nhận được số hóa: phải là số nguyên từ 0 đến 1.000.000.", problems[3].Message);
        Assert.Equal("Tiếp nhận đồng bộ lên Cổng DVC quốc gia: phải là số nguyên từ 0 đến 1.000.000.", problems[4].Message);
        // The balance and channel checks need a field that was not read: they wait for it rather than guess.
        Assert.DoesNotContain(problems, p => p.Message.Contains("cân đối", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_balance_check_that_fails_is_shown_at_once_with_its_numbers()
    {
        var input = Balanced();
        input[MonthTotals.Received] = "1.151"; // unbalances both the month and the channels
        input[MonthTotals.Fee] = "1.200";
        input[MonthTotals.Paid] = "1.201";
        input[MonthTotals.Digitised] = "1.152";
        input[MonthTotals.Synced] = "1.153";
        input[MonthTotals.Electronic] = "1.061";
        input[MonthTotals.Apologies] = "71";
        input[MonthTotals.Satisfied] = "1.001";
        var (counts, problems) = MonthTotals.Read(input);
        Assert.Null(counts);
        Assert.Equal(
        [
            "Số liệu chưa cân đối: kỳ trước chuyển sang + tiếp nhận trong tháng (1.161) phải bằng đã giải quyết (đúng hạn + quá hạn) "
                + "+ đang giải quyết (trong hạn + quá hạn) (1.160).",
            "Tiếp nhận trực tuyến + qua bưu chính + trực tiếp (1.150) phải bằng số tiếp nhận trong tháng (1.151).",
            "Tiếp nhận có phí, lệ phí (1.200) vượt quá số tiếp nhận trong tháng (1.151).",
            "Có phí, lệ phí thanh toán trực tuyến (1.201) vượt quá số tiếp nhận có phí, lệ phí (1.200).",
            "Tiếp nhận được số hóa (1.152) vượt quá số tiếp nhận trong tháng (1.151).",
            "Tiếp nhận đồng bộ lên Cổng DVC quốc gia (1.153) vượt quá số tiếp nhận trong tháng (1.151).",
            "Đã giải quyết có kết quả điện tử (1.061) vượt quá số đã giải quyết (đúng hạn + quá hạn) (1.060).",
            "Hồ sơ quá hạn có thư xin lỗi (71) vượt quá số hồ sơ quá hạn (đã giải quyết quá hạn + đang giải quyết quá hạn) (70).",
            "Đã giải quyết đúng hạn, không bị đánh giá không hài lòng (1.001) vượt quá số đã giải quyết trước hạn, đúng hạn (1.000): "
                + "hồ sơ quá hạn không được tính là hài lòng.",
        ], problems.Select(p => p.Message));
        Assert.Equal([null, null, MonthTotals.Fee, MonthTotals.Paid, MonthTotals.Digitised, MonthTotals.Synced, MonthTotals.Electronic,
            MonthTotals.Apologies, MonthTotals.Satisfied], problems.Select(p => p.Field));
    }

    [Fact]
    public void Counts_out_of_range_are_problems_even_when_they_balance()
    {
        var big = BalancedCounts with { Carried = 2_000_000, ResolvedOnTime = 2_000_000 + 1000 - 10 };
        Assert.Equal([MonthTotals.Carried, MonthTotals.OnTime], MonthTotals.Problems(big).Select(p => p.Field));
    }

    [Fact]
    public void Carrying_other_than_last_months_pending_is_a_warning_naming_both_months()
    {
        var march = BalancedCounts with { Carried = 100, ResolvedOnTime = 1090 };
        Assert.Empty(MonthTotals.Problems(march));
        Assert.Null(MonthTotals.CarriedWarning(march, BalancedCounts, 2026, 3)); // last month's pending: 90 + 10
        Assert.Null(MonthTotals.CarriedWarning(march, null, 2026, 3));
        var warning = MonthTotals.CarriedWarning(BalancedCounts, BalancedCounts, 2026, 1);
        Assert.Equal("Lưu ý: kỳ trước chuyển sang (10) khác số đang giải quyết cuối tháng 12/2025 đã nhập (100: 90 trong hạn + 10 quá hạn). "
            + "Kiểm tra lại số liệu của một trong hai tháng.", warning);
    }

    [Fact]
    public void The_tally_of_one_month_is_the_month()
    {
        var t = MonthTotals.Tally([BalancedCounts]);
        Assert.Equal(new DossierTally(Received: 1150, Carried: 10, Resolved: 1060, ResolvedOnTime: 1000, Pending: 100, PendingInTime: 90,
            Late: 70, Apologies: 65, ReceivedOnline: 600, FeeBearingReceived: 400, FeeBearingPaidOnline: 150, ReceivedDigitised: 900,
            ResolvedElectronic: 700, ReceivedSynced: 1100, ResolvedSatisfied: 990), t);
    }

    [Fact]
    public void The_tally_of_a_quarter_sums_the_flows_and_takes_the_stocks_at_its_ends()
    {
        MonthCounts M(int carried, int received, int onTime, int resolvedLate, int inTime, int pendingLate, int apologies) =>
            new(carried, received, received, 0, 0, onTime, resolvedLate, inTime, pendingLate, apologies, 0, 0, 0, 0, 0, onTime);
        var months = new[] { M(5, 20, 15, 2, 6, 2, 3), M(8, 10, 10, 3, 5, 0, 1), M(5, 30, 20, 0, 14, 1, 1) };
        Assert.All(months, m => Assert.Empty(MonthTotals.Problems(m)));
        Assert.Empty(MonthTotals.ChainBreaks(months));
        var t = MonthTotals.Tally(months);
        Assert.Equal((60L, 5L, 50L, 45L, 15L, 14L, 6L, 5L), (t.Received, t.Carried, t.Resolved, t.ResolvedOnTime, t.Pending, t.PendingInTime,
            t.Late, t.Apologies));
        Assert.Equal(t.Received + t.Carried, t.Resolved + t.Pending);
        // tien_do = (45 on time + 14 in time) ÷ 65 in scope, by the service index as it is.
        var score = ServiceIndex.Score(t, ServiceIndexConfig.Default);
        Assert.Equal(100m * 59 / 65, score.Rates[ServiceIndex.TienDo]);
        Assert.Equal(100m, score.Rates[ServiceIndex.TrucTuyen]);
    }

    [Fact]
    public void Apologies_counted_in_two_months_count_at_most_the_runs_late()
    {
        // One dossier: pending late at January's end with a letter, resolved late in February with the letter counted again.
        MonthCounts M(int carried, int received, int resolvedLate, int pendingLate) =>
            new(carried, received, 0, 0, received, 0, resolvedLate, 0, pendingLate, 1, 0, 0, 0, 0, 0, 0);
        var t = MonthTotals.Tally([M(0, 1, 0, 1), M(1, 0, 1, 0)]);
        Assert.Equal((1L, 1L), (t.Late, t.Apologies));
    }

    [Fact]
    public void A_month_that_does_not_carry_on_from_the_last_is_a_chain_break()
    {
        var months = new[] { BalancedCounts, BalancedCounts, BalancedCounts with { Carried = 100, ResolvedOnTime = 1090 } };
        Assert.Equal([1], MonthTotals.ChainBreaks(months));
        Assert.Empty(MonthTotals.ChainBreaks([BalancedCounts]));
        Assert.Throws<ArgumentException>(() => MonthTotals.Tally([]));
    }

    [Fact]
    public void Only_a_period_of_whole_months_has_months()
    {
        Assert.Equal([(2026, 1), (2026, 2), (2026, 3)], MonthTotals.WholeMonths(new(2026, 1, 1), new(2026, 3, 31)));
        Assert.Equal([(2025, 12), (2026, 1)], MonthTotals.WholeMonths(new(2025, 12, 1), new(2026, 1, 31)));
        Assert.Equal([(2028, 2)], MonthTotals.WholeMonths(new(2028, 2, 1), new(2028, 2, 29)));
        Assert.Null(MonthTotals.WholeMonths(new(2026, 1, 2), new(2026, 3, 31)));
        Assert.Null(MonthTotals.WholeMonths(new(2026, 1, 1), new(2026, 3, 30)));
        Assert.Null(MonthTotals.WholeMonths(new(2026, 2, 1), new(2026, 1, 31)));
        Assert.Equal((2025, 12), MonthTotals.Previous(2026, 1));
    }

    [Fact]
    public void Only_a_month_up_to_the_current_one_may_be_entered()
    {
        var today = new DateOnly(2026, 12, 2);
        Assert.Null(MonthTotals.MonthRefusal(2026, 12, today));
        Assert.Null(MonthTotals.MonthRefusal(2000, 1, today));
        Assert.Equal("Tháng 1/2027 chưa đến: chỉ nhập số liệu của tháng đã qua hoặc tháng hiện tại.", MonthTotals.MonthRefusal(2027, 1, today));
        Assert.Equal("Tháng 11/2026 chưa đến: chỉ nhập số liệu của tháng đã qua hoặc tháng hiện tại.", MonthTotals.MonthRefusal(2026, 11, new(2026, 10, 31)));
        Assert.Equal("Tháng không hợp lệ.", MonthTotals.MonthRefusal(2026, 13, today));
        Assert.Equal("Tháng không hợp lệ.", MonthTotals.MonthRefusal(1999, 12, today));
        Assert.Equal("Tháng không hợp lệ.", MonthTotals.MonthRefusal(2026, 0, today));
    }
}
