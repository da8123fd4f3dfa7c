using ParHub.Core.Registries;

namespace ParHub.Core.Reports;

/// <summary>
/// What ParHub already knows that a report field can be prefilled from (<see cref="FormField.Prefill"/>), with the words
/// the form editor offers them by: the plan's tasks, the Government's tasks, the one-stop dossiers, the feedback registry,
/// the inspections, and every figure of the registries (<see cref="RegistryMeasure"/>). A rate's source gives a
/// numerator and a denominator; the others one number.
/// </summary>
public static class PrefillSources
{
    public sealed record Source(string Code, string Label, bool IsRate);

    private static readonly Source[] Fixed =
    [
        new("tasks.done/total", "Nhiệm vụ kế hoạch CCHC năm đã hoàn thành / tổng số (theo dõi trên ParHub)", true),
        new("gov.total", "Nhiệm vụ Chính phủ, Thủ tướng giao: tổng số", false),
        new("gov.done_on_time", "Nhiệm vụ Chính phủ, Thủ tướng giao: hoàn thành đúng hạn", false),
        new("gov.done_late", "Nhiệm vụ Chính phủ, Thủ tướng giao: hoàn thành quá hạn", false),
        new("gov.in_progress", "Nhiệm vụ Chính phủ, Thủ tướng giao: đang thực hiện trong hạn", false),
        new("gov.overdue", "Nhiệm vụ Chính phủ, Thủ tướng giao: quá hạn chưa hoàn thành", false),
        new("tthc.in_scope", "Hồ sơ TTHC phải giải quyết (hệ thống một cửa)", false),
        new("tthc.tien_do", "Hồ sơ TTHC giải quyết đúng hạn / phải giải quyết (hệ thống một cửa)", true),
        new("tthc.truc_tuyen", "Hồ sơ nộp trực tuyến / tiếp nhận (hệ thống một cửa)", true),
        new("pakn.received", "Phản ánh, kiến nghị tiếp nhận (sổ PAKN)", false),
        new("pakn.dung_han", "Phản ánh, kiến nghị trả lời đúng hạn / đã trả lời (sổ PAKN)", true),
        new("kiemtra.bao_phu", "Đơn vị trực thuộc được kiểm tra CCHC trong năm / tổng số (sổ kiểm tra)", true),
        new("kiemtra.khac_phuc", "Tồn tại sau kiểm tra đã khắc phục / phải khắc phục (sổ kiểm tra)", true),
    ];

    /// <summary>Every source, the fixed ones first, then each registry figure.</summary>
    public static IReadOnlyList<Source> All { get; } =
        [.. Fixed, .. RegistryMeasure.Offered().Select(m => new Source(m.ToString(), m.Describe(), false))];

    private static readonly Dictionary<string, Source> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code) || RegistryMeasure.Parse(code) is not null;

    public static Source? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);
}
