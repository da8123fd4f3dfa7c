using ParHub.Core.Scoring;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>
/// BNV's provincial PAR Index structure, shipped as a preset: the codes and titles of Phụ lục 01 of its plan
/// (<c>Presets/bnv-tinh.tsv</c>, made with <c>./parhub framework extract</c>), with no points. Every criterion without
/// sub-criteria is scored by hand (<c>manual</c>) until the administrator sets its max and rule on the framework page.
/// Bands are BNV's: A ≥ 90, B 80–&lt;90, C 70–&lt;80, and D below 70.
/// </summary>
public static class BnvPreset
{
    public const string Code = "bnv-tinh";

    public static IReadOnlyList<(string Code, string Title)> Rows()
    {
        using var stream = typeof(BnvPreset).Assembly.GetManifestResourceStream("ParHub.Presets.bnv-tinh.tsv")
            ?? throw new InvalidOperationException("the BNV preset is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0].Trim(), p[1].Trim())).ToList();
    }

    public static Framework Framework(int year)
    {
        var rows = Rows();
        var codes = rows.Select(r => r.Code).ToList();
        return new Framework(Code, $"Bộ Chỉ số CCHC cấp tỉnh (cấu trúc của Bộ Nội vụ) – tỉnh tự đánh giá năm {year}",
            [new("A", 90), new("B", 80), new("C", 70), new("D", 0)], BonusCap: 0, PenaltyCap: 0,
            rows.Select(r => new FrameworkNode(r.Code, r.Title, null,
                codes.Any(c => Core.Scoring.Framework.ParentOf(c, codes) == r.Code) ? null : new ScoringRule(IsSurvey(r.Code, r.Title) ? "survey" : "manual")))
                .ToList());
    }

    /// <summary>
    /// The criteria the Ministry scores by its sociological survey (2.4, 4.4, 5.7, 6.4, 7.4: "Kết quả điều tra XHH …") and
    /// SIPAS (the components under 8.5): filled from survey results, not scored by the departments.
    /// </summary>
    public static bool IsSurvey(string code, string title) =>
        code.StartsWith("8.5.", StringComparison.Ordinal) || Core.Text.VietnameseText.Fold(title).Contains("dieu tra", StringComparison.Ordinal);
}
