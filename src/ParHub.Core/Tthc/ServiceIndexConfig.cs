using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParHub.Core.Tthc;

/// <summary>
/// One indicator of the service index: the rate it scores (<see cref="ServiceIndex.RateCodes"/>), its Vietnamese title,
/// its maximum points and its target in percent (null: points in proportion to the rate itself).
/// </summary>
public sealed record ServiceIndicator(string Code, string Title, decimal Max, decimal? Target);

/// <summary>A band of the index: its label and the lowest index (inclusive) that gets it.</summary>
public sealed record ServiceBand(string Label, decimal From);

/// <summary>
/// The indicator set, maxima, targets and bands of the service index (QĐ 766 as ParHub scores it, docs/tthc.md): a
/// versioned configuration, since the official formulas change and a province adds its own. <see cref="Default"/> is
/// issue 14's; JSON in and out with <see cref="ToJson"/> and <see cref="FromJson"/>; <see cref="Problems"/> before use.
/// </summary>
public sealed record ServiceIndexConfig(int Version, string Name, IReadOnlyList<ServiceIndicator> Indicators, IReadOnlyList<ServiceBand> Bands)
{
    public static ServiceIndexConfig Default { get; } = new(1, "Chỉ số phục vụ (mặc định ParHub, theo QĐ 766/QĐ-TTg)",
    [
        new(ServiceIndex.TienDo, "Hồ sơ giải quyết trước và đúng hạn", 20, null),
        new(ServiceIndex.TrucTuyen, "Hồ sơ nộp trực tuyến", 6, 50),
        new(ServiceIndex.ThanhToan, "Hồ sơ có phí thanh toán trực tuyến", 6, null),
        new(ServiceIndex.SoHoa, "Hồ sơ được số hóa", 4, 80),
        new(ServiceIndex.KetQuaDienTu, "Hồ sơ trả kết quả điện tử", 6, null),
        new(ServiceIndex.DongBo, "Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", 6, null),
        new(ServiceIndex.HaiLong, "Mức độ hài lòng với hồ sơ", 6, 90),
    ],
    [new("Xuất sắc", 90), new("Tốt", 80), new("Khá", 70), new("Trung bình", 50), new("Yếu", 0)]);

    /// <summary>What is wrong with the configuration, in Vietnamese; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Version < 1) problems.Add($"Phiên bản phải từ 1 trở lên, không phải {Version}.");
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("Cấu hình chưa có tên.");
        if (Indicators is null || Indicators.Count == 0) problems.Add("Cấu hình chưa có chỉ tiêu nào.");
        foreach (var i in Indicators ?? [])
        {
            var code = i.Code ?? "";
            if (!ServiceIndex.RateCodes.Contains(code))
                problems.Add($"Chỉ tiêu “{code}” không có (chọn một trong: {string.Join(", ", ServiceIndex.RateCodes)}).");
            if (string.IsNullOrWhiteSpace(i.Title)) problems.Add($"Chỉ tiêu “{code}” chưa có tên.");
            if (i.Max <= 0) problems.Add($"Điểm tối đa của chỉ tiêu “{code}” phải lớn hơn 0, không phải {Show(i.Max)}.");
            if (i.Target is { } t && (t <= 0 || t > 100))
                problems.Add($"Mục tiêu của chỉ tiêu “{code}” phải lớn hơn 0 và không quá 100 (%), không phải {Show(t)}.");
        }
        foreach (var dup in (Indicators ?? []).GroupBy(i => i.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"Chỉ tiêu “{dup.Key}” có hơn một lần.");
        var bands = Bands ?? [];
        if (bands.Count == 0) problems.Add("Cấu hình chưa có mức xếp loại nào.");
        foreach (var b in bands)
        {
            if (string.IsNullOrWhiteSpace(b.Label)) problems.Add("Có mức xếp loại chưa có tên.");
            if (b.From < 0 || b.From > 100) problems.Add($"Ngưỡng của mức “{b.Label}” phải từ 0 đến 100, không phải {Show(b.From)}.");
        }
        for (var k = 1; k < bands.Count; k++)
            if (bands[k].From >= bands[k - 1].From)
                problems.Add($"Các mức xếp loại phải xếp theo ngưỡng giảm dần: “{bands[k].Label}” ({Show(bands[k].From)}) "
                    + $"không thấp hơn “{bands[k - 1].Label}” ({Show(bands[k - 1].From)}).");
        if (bands.Count > 0 && bands[^1].From != 0) problems.Add($"Mức thấp nhất (“{bands[^1].Label}”) phải có ngưỡng 0.");
        return problems;
    }

    /// <summary>The label of the band an index falls in (the first whose lower bound it reaches); null without an index.</summary>
    public string? Band(decimal? index) => index is { } v ? Bands.FirstOrDefault(b => v >= b.From)?.Label : null;

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>A configuration from its JSON; malformed JSON is a <see cref="FormatException"/> (Vietnamese). Check <see cref="Problems"/>.</summary>
    public static ServiceIndexConfig FromJson(string json)
    {
        try
        {
            var config = JsonSerializer.Deserialize<ServiceIndexConfig>(json, Options) ?? throw new FormatException("Cấu hình rỗng.");
            return config with { Indicators = config.Indicators ?? [], Bands = config.Bands ?? [] };
        }
        catch (JsonException e) { throw new FormatException($"Cấu hình JSON không hợp lệ: {e.Message}"); }
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
    };
}
