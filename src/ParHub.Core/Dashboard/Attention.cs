namespace ParHub.Core.Dashboard;

/// <summary>
/// What is known late about one agency: overdue tasks it leads, reports of the last closed periods not sent or sent
/// late, its PAR Index in the latest published cycle, and its dossiers resolved on time (numerator and denominator).
/// </summary>
public sealed record AgencySignals(int AgencyId, string Name, int OverdueTasks, int ReportsLateOrMissing, decimal? ParIndex,
    long DossiersOnTime, long DossiersResolved);

public sealed record AttentionRow(AgencySignals Agency, IReadOnlyList<string> Reasons);

/// <summary>
/// "Needs attention": the agencies late on most counts. Each count is one reason — overdue tasks, reports late or
/// missing, a PAR Index in the lowest quarter of the cycle, dossiers on time below <see cref="DossierFloorPercent"/>;
/// agencies with at least <see cref="MinReasons"/> reasons, most reasons first, then most overdue tasks.
/// </summary>
public static class Attention
{
    public const int MinReasons = 2;
    public const decimal DossierFloorPercent = 95m;

    public static IReadOnlyList<AttentionRow> Rank(IReadOnlyCollection<AgencySignals> agencies)
    {
        var indices = agencies.Where(a => a.ParIndex is not null).Select(a => a.ParIndex!.Value).Order().ToList();
        decimal? lowQuarter = indices.Count >= 4 ? indices[(indices.Count - 1) / 4] : null;
        return agencies.Select(a => new AttentionRow(a, Reasons(a, lowQuarter)))
            .Where(r => r.Reasons.Count >= MinReasons)
            .OrderByDescending(r => r.Reasons.Count).ThenByDescending(r => r.Agency.OverdueTasks).ThenBy(r => r.Agency.AgencyId)
            .ToList();
    }

    private static List<string> Reasons(AgencySignals a, decimal? lowQuarter)
    {
        var reasons = new List<string>();
        if (a.OverdueTasks > 0) reasons.Add($"{a.OverdueTasks} nhiệm vụ quá hạn");
        if (a.ReportsLateOrMissing > 0) reasons.Add($"{a.ReportsLateOrMissing} báo cáo chưa nộp hoặc nộp muộn");
        if (a.ParIndex is { } index && lowQuarter is { } q && index <= q) reasons.Add("Chỉ số CCHC thuộc nhóm thấp nhất (1/4 cuối)");
        if (a.DossiersResolved > 0 && a.DossiersOnTime * 100m < DossierFloorPercent * a.DossiersResolved)
            reasons.Add($"hồ sơ TTHC đúng hạn {Percent(a.DossiersOnTime, a.DossiersResolved)} (dưới {DossierFloorPercent:0}%)");
        return reasons;
    }

    /// <summary>A share in percent, two decimals rounded half away from zero (91,245 → 91,25); null when nothing is counted.</summary>
    public static decimal? Share(long numerator, long denominator) =>
        denominator == 0 ? null : Math.Round(numerator * 100m / denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>A share as shown on the dashboard: "91,25%", two decimals, Vietnamese notation.</summary>
    public static string Percent(long numerator, long denominator) =>
        Share(numerator, denominator) is { } s ? s.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%" : "—";
}
