namespace ParHub.Core.Indices;

/// <summary>An index the province is measured by outside its own system: its code, name, who publishes it and its scale.</summary>
public sealed record ExternalIndex(string Code, string Name, string Publisher, decimal Scale, string Unit);

/// <summary>
/// The external indices a province's targets speak of besides the Ministry's PAR Index and SIPAS (kept as the national
/// results): seed 002 wants PCI among the top 5 and PAPI, DTI and PGI improving; with the scale each is published on.
/// </summary>
public static class ExternalIndices
{
    public static readonly IReadOnlyList<ExternalIndex> All =
    [
        new("PAPI", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "UNDP, MTTQ Việt Nam", 80, "điểm"),
        new("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "VCCI", 100, "điểm"),
        new("DTI", "Chỉ số chuyển đổi số cấp tỉnh (DTI)", "Bộ Thông tin và Truyền thông", 1, "điểm"),
        new("PGI", "Chỉ số xanh cấp tỉnh (PGI)", "VCCI", 100, "điểm"),
        new("766", "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)", "Văn phòng Chính phủ", 100, "điểm"),
    ];

    public static ExternalIndex? Of(string? code) =>
        All.FirstOrDefault(i => string.Equals(i.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One published figure of an external index for the province: a year, a dimension ("" for the index itself, else
/// the dimension's number or name: PAPI's 8 dimensions, PCI's 10 sub-indices), the score and the rank among provinces.
/// </summary>
public class ExternalIndexValue
{
    public int Id { get; set; }
    public string Index { get; set; } = "";
    public int Year { get; set; }
    public string Dimension { get; set; } = "";
    public string? Title { get; set; }
    public decimal Score { get; set; }
    public int? Rank { get; set; }
    public int? RankOf { get; set; }
    public string? Source { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>A published figure as typed or read from a table, checked against the index's scale; problems in a person's words.</summary>
public static class ExternalFigures
{
    public sealed record Typed(string? Index, string? Year, string? Dimension, string? Title, string? Score, string? Rank, string? RankOf, string? Source);

    public static (ExternalIndexValue? Value, IReadOnlyList<string> Problems) Read(Typed t)
    {
        var problems = new List<string>();
        var index = ExternalIndices.Of(t.Index);
        if (index is null) problems.Add($"Chỉ số “{Short(t.Index)}” không có; chọn một trong: {string.Join(", ", ExternalIndices.All.Select(i => i.Code))}.");
        int year = 0;
        if (!int.TryParse(t.Year?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            || year is < 2005 or > 2100)
            problems.Add("Năm phải từ 2005 đến 2100.");
        var dimension = (t.Dimension ?? "").Trim();
        if (dimension.Length > 32) problems.Add("Mã thành phần không quá 32 ký tự.");
        decimal score = 0;
        if (!Reports.VietnameseNumber.TryParse(t.Score, out score) || score < 0 || index is not null && score > index.Scale)
            problems.Add($"Điểm phải là số từ 0 đến {Reports.VietnameseNumber.Format(index?.Scale ?? 100)}.");
        int? Whole(string? text, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
                && v is >= 1 and <= 100)
                return v;
            problems.Add($"{what} phải là số nguyên từ 1 đến 100.");
            return null;
        }
        var rank = Whole(t.Rank, "Thứ hạng");
        var rankOf = Whole(t.RankOf, "Số tỉnh, thành phố được xếp hạng");
        if (rank > rankOf) problems.Add($"Thứ hạng {rank} lớn hơn số tỉnh, thành phố được xếp hạng ({rankOf}).");
        var title = string.IsNullOrWhiteSpace(t.Title) ? null : t.Title.Trim();
        if (title is { Length: > 300 }) problems.Add("Tên thành phần không quá 300 ký tự.");
        var source = string.IsNullOrWhiteSpace(t.Source) ? null : t.Source.Trim();
        if (source is { Length: > 500 }) problems.Add("Nguồn công bố không quá 500 ký tự.");
        if (problems.Count > 0) return (null, problems);
        return (new ExternalIndexValue
        {
            Index = index!.Code, Year = year, Dimension = dimension, Title = title, Score = score, Rank = rank, RankOf = rankOf, Source = source,
        }, problems);
    }

    private static string Short(string? s) => s is null ? "" : s.Length > 20 ? s[..20] + "…" : s;
}
