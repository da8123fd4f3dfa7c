using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>Rates, points (target capping, null rates left out), total, index and bands; the configuration and its checks.</summary>
public sealed class ServiceIndexTests
{
    private static readonly ServiceIndexConfig Default = ServiceIndexConfig.Default;

    /// <summary>
    /// In scope 10 (8 received + 2 carried), on time 7 + in time 2 → tien_do 90 → 20 × 0.9 = 18; online 3/8 = 37.5 →
    /// 6 × 37.5/50 = 4.5; nothing fee-bearing → null, its 6 points out; digitised 8/8 = 100 → capped 4; electronic 4/8
    /// = 50 → 3; synced 6/8 = 75 → 4.5; satisfied 6/8 = 75 → 6 × 75/90 = 5. Total 39; applicable max 48; index 81.25 → Tốt.
    /// </summary>
    private static readonly DossierTally Tally = new(Received: 8, Carried: 2, Resolved: 8, ResolvedOnTime: 7, Pending: 2, PendingInTime: 2,
        Late: 1, Apologies: 1, ReceivedOnline: 3, FeeBearingReceived: 0, FeeBearingPaidOnline: 0, ReceivedDigitised: 8, ResolvedElectronic: 4,
        ReceivedSynced: 6, ResolvedSatisfied: 6);

    [Fact]
    public void Rates_points_total_and_index_by_the_default_configuration()
    {
        var s = ServiceIndex.Score(Tally, Default);
        Assert.Equal(["tien_do", "truc_tuyen", "thanh_toan", "so_hoa", "ket_qua_dien_tu", "dong_bo", "hai_long"], s.Rates.Keys);
        Assert.Equal([90m, 37.5m, null, 100m, 50m, 75m, 75m], s.Rates.Values);
        Assert.Equal([18m, 4.5m, null, 4m, 3m, 4.5m, 5m], s.Points.Values);
        Assert.Equal((39m, 48m, 81.25m, "Tốt"), (s.Total, s.ApplicableMax, s.Index, s.Band));
    }

    [Fact]
    public void Points_are_capped_at_the_max_when_the_rate_passes_the_target_and_proportional_without_a_target()
    {
        var withTarget = new ServiceIndicator("so_hoa", "Số hóa", 4, 80);
        Assert.Equal(4m, ServiceIndex.Points(95, withTarget));
        Assert.Equal(4m, ServiceIndex.Points(80, withTarget));
        Assert.Equal(2m, ServiceIndex.Points(40, withTarget));
        Assert.Equal(0m, ServiceIndex.Points(0, withTarget));
        var without = new ServiceIndicator("tien_do", "Tiến độ", 20, null);
        Assert.Equal(19m, ServiceIndex.Points(95, without));
        Assert.Equal(20m, ServiceIndex.Points(100, without));
        Assert.Null(ServiceIndex.Points(null, without));
    }

    [Fact]
    public void An_empty_tally_has_no_rate_no_points_and_no_index()
    {
        var s = ServiceIndex.Score(default, Default);
        Assert.All(s.Rates.Values, Assert.Null);
        Assert.All(s.Points.Values, Assert.Null);
        Assert.Equal((0m, 0m, (decimal?)null, (string?)null), (s.Total, s.ApplicableMax, s.Index, s.Band));
    }

    [Fact]
    public void A_null_rate_leaves_its_max_out_so_the_index_is_over_what_could_be_measured()
    {
        // Only pending dossiers received online: tien_do, truc_tuyen, so_hoa and dong_bo have rates; the rest nothing.
        var t = new DossierTally(Received: 2, 0, 0, 0, Pending: 2, PendingInTime: 2, 0, 0, ReceivedOnline: 2, 0, 0, ReceivedDigitised: 2, 0,
            ReceivedSynced: 2, 0);
        var s = ServiceIndex.Score(t, Default);
        Assert.Equal((36m, 36m, 100m, "Xuất sắc"), (s.Total, s.ApplicableMax, s.Index, s.Band));
    }

    [Theory]
    [InlineData(100, "Xuất sắc")]
    [InlineData(90, "Xuất sắc")]
    [InlineData(89.99, "Tốt")]
    [InlineData(80, "Tốt")]
    [InlineData(79.999, "Khá")]
    [InlineData(70, "Khá")]
    [InlineData(69, "Trung bình")]
    [InlineData(50, "Trung bình")]
    [InlineData(49.99, "Yếu")]
    [InlineData(0, "Yếu")]
    public void Bands_by_their_lower_bounds(double index, string band) => Assert.Equal(band, Default.Band((decimal)index));

    [Fact]
    public void Rounding_for_display_is_half_away_from_zero()
    {
        Assert.Equal(2.35m, ServiceIndex.Round2(2.345m));
        Assert.Equal(-2.35m, ServiceIndex.Round2(-2.345m));
        Assert.Equal(66.67m, ServiceIndex.Round2(200m / 3));
        Assert.Null(ServiceIndex.Round2(null));
    }

    [Fact]
    public void The_default_configuration_is_the_issues()
    {
        Assert.Empty(Default.Problems());
        Assert.Equal([("tien_do", 20m, null), ("truc_tuyen", 6m, 50m), ("thanh_toan", 6m, null), ("so_hoa", 4m, 80m),
            ("ket_qua_dien_tu", 6m, null), ("dong_bo", 6m, null), ("hai_long", 6m, (decimal?)90m)],
            Default.Indicators.Select(i => (i.Code, i.Max, i.Target)));
        Assert.Equal([("Xuất sắc", 90m), ("Tốt", 80m), ("Khá", 70m), ("Trung bình", 50m), ("Yếu", 0m)], Default.Bands.Select(b => (b.Label, b.From)));
        Assert.Equal(54m, Default.Indicators.Sum(i => i.Max));
    }

    [Fact]
    public void The_configuration_round_trips_through_json()
    {
        var json = Default.ToJson();
        Assert.Contains("\"indicators\":[{\"code\":\"tien_do\",\"title\":\"Hồ sơ giải quyết trước và đúng hạn\",\"max\":20,\"target\":null}", json);
        var back = ServiceIndexConfig.FromJson(json);
        Assert.Equal((Default.Version, Default.Name), (back.Version, back.Name));
        Assert.Equal(Default.Indicators, back.Indicators);
        Assert.Equal(Default.Bands, back.Bands);
        Assert.Equal(json, back.ToJson());
        var edited = ServiceIndexConfig.FromJson(json.Replace("\"max\":20", "\"max\":25", StringComparison.Ordinal)) with { Version = 2 };
        Assert.Equal(25m, edited.Indicators[0].Max);
        Assert.Empty(edited.Problems());
    }

    [Fact]
    public void Malformed_json_is_a_format_error_in_Vietnamese()
    {
        var e = Assert.Throws<FormatException>(() => ServiceIndexConfig.FromJson("{\"version\":"));
        Assert.StartsWith("Cấu hình JSON không hợp lệ", e.Message);
    }

    [Fact]
    public void Problems_name_every_mistake_in_Vietnamese()
    {
        var bad = Default with
        {
            Version = 0,
            Name = " ",
            Indicators =
            [
                new("tien_do", "Tiến độ", 0, null),
                new("tien_do", "Tiến độ lần hai", 5, 0),
                new("so_hoa", "", 4, 120),
                new("pakn", "Phản ánh, kiến nghị", 6, null),
            ],
            Bands = [new("Tốt", 80), new("Xuất sắc", 90), new("Yếu", 10)],
        };
        Assert.Equal(
        [
            "Phiên bản phải từ 1 trở lên, không phải 0.",
            "Cấu hình chưa có tên.",
            "Điểm tối đa của chỉ tiêu “tien_do” phải lớn hơn 0, không phải 0.",
            "Mục tiêu của chỉ tiêu “tien_do” phải lớn hơn 0 và không quá 100 (%), không phải 0.",
            "Chỉ tiêu “so_hoa” chưa có tên.",
            "Mục tiêu của chỉ tiêu “so_hoa” phải lớn hơn 0 và không quá 100 (%), không phải 120.",
            "Chỉ tiêu “pakn” không có (chọn một trong: tien_do, truc_tuyen, thanh_toan, so_hoa, ket_qua_dien_tu, dong_bo, hai_long).",
            "Chỉ tiêu “tien_do” có hơn một lần.",
            "Các mức xếp loại phải xếp theo ngưỡng giảm dần: “Xuất sắc” (90) không thấp hơn “Tốt” (80).",
            "Mức thấp nhất (“Yếu”) phải có ngưỡng 0.",
        ], bad.Problems());
        Assert.Throws<ArgumentException>(() => ServiceIndex.Score(default, bad));
        Assert.Contains("chưa có chỉ tiêu", (Default with { Indicators = [] }).Problems()[0], StringComparison.Ordinal);
    }
}
