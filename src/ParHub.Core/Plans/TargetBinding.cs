using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>The figures ParHub computes that a plan's target can be bound to (<see cref="PlanTarget.MetricKey"/>).</summary>
public static class TargetMetrics
{
    public const string PlanTasksOnTime = "plan.tasks.ontime";
    public const string ReportsOnTime = "reports.ontime";
    public const string DossiersOnTime = "tthc.ontime";
    public const string DossiersOnline = "tthc.online";
    public const string Sipas = "sipas.province";
    public const string ParIndex = "par.average";

    /// <summary>The Ministry's appraised index of the province (points) and its rank among provinces; SIPAS likewise.</summary>
    public const string NationalPar = "national.par";
    public const string NationalParRank = "national.par.rank";
    public const string NationalSipas = "national.sipas";
    public const string NationalSipasRank = "national.sipas.rank";

    /// <summary>An external index's score ("ext.PCI") or rank ("ext.PCI.rank"), as published for the province.</summary>
    public static string External(string code, bool rank = false) => $"ext.{code}" + (rank ? ".rank" : "");

    private static readonly (string Key, string Label)[] Own =
    [
        (PlanTasksOnTime, "Tỷ lệ nhiệm vụ của kế hoạch hoàn thành đúng hạn (%)"),
        (ReportsOnTime, "Tỷ lệ báo cáo CCHC định kỳ gửi đúng hạn (%)"),
        (DossiersOnTime, "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (%)"),
        (DossiersOnline, "Tỷ lệ hồ sơ TTHC nộp trực tuyến (%)"),
        (Sipas, "Chỉ số hài lòng SIPAS của tỉnh (%)"),
        (ParIndex, "Chỉ số CCHC bình quân của các cơ quan (điểm)"),
    ];

    public static readonly IReadOnlyList<(string Key, string Label)> All = Measured().ToList();

    private static IEnumerable<(string Key, string Label)> Measured() => Own.Concat(
    [
        (NationalPar, "Chỉ số CCHC của tỉnh do Bộ Nội vụ công bố (điểm)"),
        (NationalParRank, "Thứ hạng Chỉ số CCHC của tỉnh (Bộ Nội vụ công bố)"),
        (NationalSipas, "Chỉ số SIPAS của tỉnh do Bộ Nội vụ công bố (%)"),
        (NationalSipasRank, "Thứ hạng SIPAS của tỉnh (Bộ Nội vụ công bố)"),
    ]).Concat(Indices.ExternalIndices.All.SelectMany(i => new[]
    {
        (External(i.Code), $"{i.Code}: điểm của tỉnh ({i.Unit})"), (External(i.Code, rank: true), $"{i.Code}: thứ hạng của tỉnh"),
    }));



    public static string? Label(string? key) => All.FirstOrDefault(m => m.Key == key).Label;

    /// <summary>
    /// The metric a target's sentence speaks of, when it is plain (the officer confirms or changes it on the plan page):
    /// "100% nhiệm vụ … hoàn thành" → the plan's tasks; "hồ sơ … đúng hạn" → dossiers on time; "trực tuyến" → online.
    /// Only targets in percent are guessed; null otherwise.
    /// </summary>
    public static string? Guess(string text, string? unit)
    {
        var t = VietnameseText.Fold(text);
        if (unit == TargetReader.RankUnit) return GuessRank(t);
        if (unit != "%") return null;
        if (t.Contains("hai long", StringComparison.Ordinal)) return Sipas;
        if (t.Contains("ho so", StringComparison.Ordinal) && t.Contains("truc tuyen", StringComparison.Ordinal)) return DossiersOnline;
        bool Has(string words) => t.Contains(words, StringComparison.Ordinal);
        if (Has("ho so") && (Has("dung han") || Has("som han")))
            return DossiersOnTime;
        if (t.Contains("bao cao", StringComparison.Ordinal) && t.Contains("dung han", StringComparison.Ordinal)) return ReportsOnTime;
        if (Has("nhiem vu") && (Has("hoan thanh") || Has("dung han")))
            return PlanTasksOnTime;
        return null;
    }

    /// <summary>A rank target ("một trong 5 địa phương …", "top 10") names its index: PCI, PAPI, DTI, PGI, SIPAS, else the PAR Index.</summary>
    private static string? GuessRank(string folded)
    {
        foreach (var i in Indices.ExternalIndices.All)
            if (folded.Contains(i.Code.ToLowerInvariant(), StringComparison.Ordinal)) return External(i.Code, rank: true);
        if (folded.Contains("sipas", StringComparison.Ordinal) || folded.Contains("hai long", StringComparison.Ordinal)) return NationalSipasRank;
        if (folded.Contains("par index", StringComparison.Ordinal) || folded.Contains("chi so cai cach hanh chinh", StringComparison.Ordinal)
            || folded.Contains("chi so cchc", StringComparison.Ordinal)) return NationalParRank;
        return null;
    }
}

/// <summary>A target measured: the actual figure against the threshold on a date, met or not; or why it cannot be measured.</summary>
public sealed record TargetResult(decimal? Actual, bool? Met, string? NotMeasured)
{
    public static TargetResult Unmeasured(string why) => new(null, null, why);
}

public static partial class TargetCheck
{
    public const string NoMetric = "chưa đo được";

    /// <summary>Whether <paramref name="actual"/> meets the comparator and threshold; null for a change ("giảm", "tăng"), which needs a baseline.</summary>
    public static bool? Meets(string? comparator, decimal threshold, decimal actual) => comparator switch
    {
        ">=" => actual >= threshold,
        ">" => actual > threshold,
        "<=" => actual <= threshold,
        "<" => actual < threshold,
        "=" => actual == threshold,
        _ => null,
    };

    public static TargetResult Of(string? comparator, decimal? threshold, decimal? actual, string? metricKey)
    {
        if (metricKey is null || threshold is null) return TargetResult.Unmeasured(NoMetric);
        if (actual is null) return TargetResult.Unmeasured("chưa có số liệu");
        var met = Meets(comparator, threshold.Value, actual.Value);
        return met is null ? new TargetResult(actual, null, "cần số liệu năm gốc để so sánh mức tăng, giảm") : new TargetResult(actual, met, null);
    }

    [GeneratedRegex(@"giai đoạn\s*(?<from>20\d{2})\s*[-–—]\s*(?<to>20\d{2})|năm\s*(?<year>20\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();

    /// <summary>
    /// The years a target is measured over: "Giai đoạn 2026 - 2027" of a five-year plan, "năm 2027", else the plan's
    /// year (or its period's years when the plan spans several). A span outside the plan's is kept as written.
    /// </summary>
    public static (int From, int To) Period(string text, int planYear)
    {
        var m = PeriodPattern().Match(text);
        if (!m.Success) return (planYear, planYear);
        if (m.Groups["year"].Success) { var y = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture); return (y, y); }
        var from = int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var to = int.Parse(m.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return from <= to ? (from, to) : (to, from);
    }
}
