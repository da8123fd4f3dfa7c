namespace ParHub.Core.ParIndex;

/// <summary>
/// The Ministry of Home Affairs' appraised result of the province for one year (the year assessed, not the year it is
/// published): the index, its change, the rank among provinces, the SIPAS figures, and the Ministry's points per
/// criterion when its table was imported. Beside the province's self-assessment it shows the gaps per criterion.
/// </summary>
public class NationalResult
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>The index (points of 100).</summary>
    public decimal? Points { get; set; }
    /// <summary>The change against the year before, in points (+1,78).</summary>
    public decimal? Change { get; set; }
    public int? Rank { get; set; }
    /// <summary>Among how many provinces (63; 34 after the 2025 merger).</summary>
    public int? RankOf { get; set; }
    public decimal? SipasPercent { get; set; }
    public int? SipasRank { get; set; }
    /// <summary>Where it was published ("Quyết định số … của Bộ Nội vụ", a report).</summary>
    public string? Source { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
    public List<NationalScore> Scores { get; set; } = [];
}

/// <summary>The Ministry's appraised points of one criterion (or field) in a <see cref="NationalResult"/>.</summary>
public class NationalScore
{
    public int ResultId { get; set; }
    public string Code { get; set; } = "";
    public decimal Points { get; set; }
}

/// <summary>The Ministry's result as typed, read with declared ranges; problems in the words a person is shown.</summary>
public static class NationalFigures
{
    public sealed record Typed(string? Points, string? Change, string? Rank, string? RankOf, string? Sipas, string? SipasRank, string? Source);

    /// <summary>Writes the typed figures onto <paramref name="result"/> when every one is in range; otherwise the problems and no change.</summary>
    public static IReadOnlyList<string> Apply(NationalResult result, Typed t)
    {
        var problems = new List<string>();
        decimal? Number(string? text, string what, decimal min, decimal max)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (Reports.VietnameseNumber.TryParse(text, out var v) && v >= min && v <= max) return v;
            problems.Add($"{what} phải là số từ {Reports.VietnameseNumber.Format(min)} đến {Reports.VietnameseNumber.Format(max)}.");
            return null;
        }
        int? Whole(string? text, string what, int max)
        {
            var v = Number(text, what, 1, max);
            if (v is { } x && x != decimal.Truncate(x)) { problems.Add($"{what} phải là số nguyên."); return null; }
            return v is null ? null : (int)v.Value;
        }
        var points = Number(t.Points, "Chỉ số CCHC", 0, 100);
        var change = Number(t.Change, "Mức tăng, giảm", -100, 100);
        var rankOf = Whole(t.RankOf, "Số tỉnh, thành phố được xếp hạng", 100);
        var rank = Whole(t.Rank, "Thứ hạng", 100);
        var sipas = Number(t.Sipas, "Chỉ số SIPAS", 0, 100);
        var sipasRank = Whole(t.SipasRank, "Thứ hạng SIPAS", 100);
        if (rank is { } r && rankOf is { } of && r > of) problems.Add($"Thứ hạng {r} lớn hơn số tỉnh, thành phố được xếp hạng ({of}).");
        if (sipasRank is { } sr && rankOf is { } of2 && sr > of2) problems.Add($"Thứ hạng SIPAS {sr} lớn hơn số tỉnh, thành phố được xếp hạng ({of2}).");
        var source = string.IsNullOrWhiteSpace(t.Source) ? null : t.Source.Trim();
        if (source is { Length: > 500 }) problems.Add("Nguồn công bố không quá 500 ký tự.");
        if (problems.Count > 0) return problems;
        (result.Points, result.Change, result.Rank, result.RankOf, result.SipasPercent, result.SipasRank, result.Source) =
            (points, change, rank, rankOf, sipas, sipasRank, source);
        return problems;
    }
}
