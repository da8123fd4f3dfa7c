using ParHub.Core.Reports;

namespace ParHub.Core.Sipas;

/// <summary>
/// Satisfaction targets: the programme's (<see cref="SurveyProgramme.TargetPercent"/>) and an agency's own, which
/// replaces it for that agency (seed 002: ≥ 95 % for the province, ≥ 90 % for land, construction, investment, health
/// and education). A target is a share greater than 0 and at most 100, in Vietnamese notation ("92,5").
/// </summary>
public static class SipasTargets
{
    public static bool TryParse(string? text, out decimal target) =>
        VietnameseNumber.TryParse(text, out target) && target is > 0 and <= 100;

    /// <summary>What is wrong with a typed target, in Vietnamese.</summary>
    public static string Problem(string text) => $"mục tiêu “{text}” phải là một tỷ lệ lớn hơn 0 và tối đa 100 (ví dụ 90).";

    /// <summary>The target that applies to an agency: its own, else the programme's.</summary>
    public static decimal Of(decimal? own, decimal programme) => own ?? programme;

    /// <summary>Whether a share (unrounded, as <see cref="SipasParFeed.Weak"/> compares) reaches the target; null when there is no share.</summary>
    public static bool? Met(decimal? share, decimal target) => share is { } s ? s >= target : null;
}
