using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Registries;

namespace ParHub.Core.Tests.Registries;

public class RegistryMeasureTests
{
    private static RegistryFact Fact(int agency, string date, params (string Key, string Value)[] values) =>
        new(agency, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Every_measure_offered_is_written_and_read_back_the_same()
    {
        var offered = RegistryMeasure.Offered().ToList();
        Assert.True(offered.Count > 50);
        foreach (var m in offered) Assert.Equal(m, RegistryMeasure.Parse(m.ToString()));
        Assert.Equal(offered.Count, offered.Select(m => m.ToString()).Distinct().Count());
    }

    [Theory]
    [InlineData("reg:khong-co")]
    [InlineData("reg:tinh-gian:khong_co")]
    [InlineData("reg:tinh-gian:so_nguoi:hinh_thuc=khong_co")]
    [InlineData("reg:tinh-gian:so_nguoi:hinh_thuc")]
    [InlineData("reg:tinh-gian:")]
    [InlineData("reg:vbqppl::ke_hoach=2")]
    [InlineData("reg:a:b:c:d")]
    [InlineData("tasks.done/total")]
    [InlineData(null)]
    public void Anything_else_is_not_a_measure(string? text) => Assert.Null(RegistryMeasure.Parse(text));

    [Fact]
    public void A_flow_counts_and_sums_the_entries_of_the_period_with_its_filter()
    {
        RegistryFact[] facts =
        [
            Fact(1, "2024-02-01", ("hinh_thuc", "nghi_huu"), ("so_nguoi", "38")),
            Fact(1, "2024-05-01", ("hinh_thuc", "thoi_viec"), ("so_nguoi", "6")),
            Fact(1, "2024-08-01", ("hinh_thuc", "nghi_huu"), ("so_nguoi", "5")),
        ];
        var (from, to) = (new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30));
        Assert.Equal(44, RegistryMeasure.Parse("reg:tinh-gian:so_nguoi")!.Of(facts, from, to));
        Assert.Equal(38, RegistryMeasure.Parse("reg:tinh-gian:so_nguoi:hinh_thuc=nghi_huu")!.Of(facts, from, to));
        Assert.Equal(2, RegistryMeasure.Parse("reg:tinh-gian")!.Of(facts, from, to));
        Assert.Equal(1, RegistryMeasure.Parse("reg:tinh-gian::hinh_thuc=thoi_viec")!.Of(facts, from, to));
        Assert.Equal(0, RegistryMeasure.Parse("reg:tinh-gian::hinh_thuc=khac")!.Of(facts, from, to)); // entries, none of that kind: zero
        Assert.Null(RegistryMeasure.Parse("reg:tinh-gian")!.Of(facts, new(2023, 1, 1), new(2023, 12, 31))); // none at all: unknown
    }

    [Fact]
    public void A_stock_is_the_latest_entry_of_the_year_per_kind_not_the_sum()
    {
        RegistryFact[] facts =
        [
            Fact(1, "2024-01-16", ("loai", "cong_chuc"), ("duoc_giao", "2846")),
            Fact(1, "2024-01-16", ("loai", "vien_chuc"), ("duoc_giao", "32584")),
            Fact(1, "2024-07-01", ("loai", "cong_chuc"), ("duoc_giao", "2850"), ("co_mat", "2700")),
            Fact(2, "2024-01-20", ("loai", "cong_chuc"), ("duoc_giao", "60")),
            Fact(1, "2023-01-10", ("loai", "cong_chuc"), ("duoc_giao", "2900")),
        ];
        var m = RegistryMeasure.Parse("reg:bien-che:duoc_giao:loai=cong_chuc")!;
        Assert.Equal(2846 + 60, m.Of(facts, new(2024, 1, 1), new(2024, 6, 30)));
        Assert.Equal(2850 + 60, m.Of(facts, new(2024, 1, 1), new(2024, 12, 31)));
        Assert.Equal(2900, m.Of(facts, new(2023, 1, 1), new(2023, 12, 31)));
        Assert.Equal(32584, RegistryMeasure.Parse("reg:bien-che:duoc_giao:loai=vien_chuc")!.Of(facts, new(2024, 7, 1), new(2024, 12, 31)));
    }

    [Fact]
    public void A_yes_no_or_date_column_counts_the_entries_where_it_is_set()
    {
        RegistryFact[] facts =
        [
            Fact(1, "2026-02-10", ("da_ban_hanh", "1"), ("tu_kiem_tra", "0")),
            Fact(1, "2026-03-10", ("da_ban_hanh", "1"), ("het_hieu_luc", "2026-06-01")),
            Fact(1, "2026-04-10", ("ke_hoach", "1")),
        ];
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(2, RegistryMeasure.Parse("reg:vbqppl:da_ban_hanh")!.Of(facts, from, to));
        Assert.Equal(0, RegistryMeasure.Parse("reg:vbqppl:tu_kiem_tra")!.Of(facts, from, to));
        Assert.Equal(1, RegistryMeasure.Parse("reg:vbqppl:het_hieu_luc")!.Of(facts, from, to));
    }

    /// <summary>A flow over two periods that split a range adds up to the flow over the range (when each half has entries).</summary>
    [Fact]
    public void A_flow_adds_up_over_periods() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 364).Zip(Gen.Choose(0, 50))).ToArbitrary(), Gen.Choose(1, 363).ToArbitrary(), (list, split) =>
        {
            var start = new DateOnly(2026, 1, 1);
            var facts = list.Select(x => new RegistryFact(1, start.AddDays(x.Item1),
                new Dictionary<string, string> { ["so_nguoi"] = x.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToList();
            var m = RegistryMeasure.Parse("reg:tinh-gian:so_nguoi")!;
            var whole = m.Of(facts, start, new(2026, 12, 31)) ?? 0;
            var first = m.Of(facts, start, start.AddDays(split - 1)) ?? 0;
            var second = m.Of(facts, start.AddDays(split), new(2026, 12, 31)) ?? 0;
            return whole == first + second && whole == list.Sum(x => x.Item2);
        }).CheckReplayable();

    [Fact]
    public void Coverage_counts_each_agency_visited_in_the_year_once()
    {
        RegistryFact[] inspections =
        [
            Fact(1, "2026-07-01", ("doi_tuong", "10"), ("ngay_kiem_tra", "2026-07-02")),
            Fact(1, "2026-08-01", ("doi_tuong", "10"), ("ngay_kiem_tra", "2026-08-02")),
            Fact(1, "2026-09-01", ("doi_tuong", "11")), // planned, not visited
            Fact(1, "2025-12-20", ("doi_tuong", "12"), ("ngay_kiem_tra", "2026-01-05")),
        ];
        Assert.Equal([10, 12], InspectionCoverage.Inspected(inspections, 2026).Order());
    }
}
