using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// Places the cells of a short table row (cells merged from the rows above are missing from it) in the columns they
/// belong to: in order, each where what it holds fits best — a number, a task text, an agency, a time phrase.
/// </summary>
public static partial class RowAlignment
{
    [GeneratedRegex(@"^(([0-9]{1,3}|[IVXLC]+)([.][0-9]{1,3})*[a-zđ]?|[a-zđA-ZĐ])[.)]?$")] private static partial Regex Number();
    [GeneratedRegex(@"\b(19|20)[0-9]{2}\b|^(quy|qui|thang|nam)\s|(thuong xuyen|hang nam|hang quy|hang thang|dinh ky|lien tuc|khi co|hoan thanh)")]
    private static partial Regex Time();

    private static readonly string[] AgencyOpenings =
    [
        "so ", "bo ", "ubnd", "uy ban", "cac so", "cac bo", "cac co quan", "cac don vi", "cac dia phuong", "cac tinh", "cac hoi",
        "cac ban", "cac ngan", "cac to chuc", "cac tap doan", "cac doanh nghiep", "van phong", "trung tam", "cong an", "thanh tra",
        "ban ", "cuc ", "vu ", "tong cuc", "ngan hang", "dai ", "bao ", "hoi ", "lien hiep", "mat tran", "toa an", "vien ",
        "kho bac", "bhxh", "bao hiem", "dia phuong", "chu tich", "thu truong", "giam doc", "tong cong ty", "cong ty", "doan ",
        "bo chi huy", "to chuc", "hoc vien", "truong ", "dai hoc", "tinh doan", "thanh doan", "kiem toan", "vien kiem sat",
        "co quan", "don vi", "chinh phu", "thu tuong", "hdnd", "hoi dong", "tap doan", "quan khu", "bo tu lenh", "tct",
    ];

    /// <summary>Openings that read as an agency's ("Ban …", "Báo …", "Bộ …") but begin a deed or a thing.</summary>
    private static readonly string[] NotAgencyOpenings = ["ban hanh", "bao cao", "bo cong cu", "bo tieu chi", "bo tai lieu", "bo chi so"];

    public static bool LooksLikeAgency(string cell)
    {
        var f = VietnameseText.Fold(cell);
        if (NotAgencyOpenings.Any(o => f.StartsWith(o, StringComparison.Ordinal))) return false;
        // Folded, "Số lượng …" (a number of) reads as "Sở …" (a department): only the written "Sở" opens an agency.
        if (f.StartsWith("so ", StringComparison.Ordinal)
            && !cell.Normalize(System.Text.NormalizationForm.FormC).TrimStart().StartsWith("sở", StringComparison.OrdinalIgnoreCase))
            return false;
        return f.Length is > 0 and <= 300 && AgencyOpenings.Any(o => f.StartsWith(o, StringComparison.Ordinal));
    }

    public static bool LooksLikeTime(string cell)
    {
        var f = VietnameseText.Fold(cell);
        return f.Length is > 0 and <= 160 && Time().IsMatch(f);
    }

    /// <summary>"Các bộ, ngành liên quan": the agencies concerned, who take part rather than lead.</summary>
    public static bool NamesAgenciesConcerned(string cell)
    {
        var f = VietnameseText.Fold(cell);
        return f.StartsWith("cac ", StringComparison.Ordinal) && f.EndsWith(" lien quan", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the time parser reads the cell as a time: a phrase with a date, or a short one of recurrence only
    /// ("Thực hiện thường xuyên, liên tục") — task text may say "liên tục" too.
    /// </summary>
    private static bool ReadsAsTime(string cell)
    {
        if (cell.Length > 100) return false;
        var t = TimeframeParser.Parse(cell, new TimeframeContext(2025));
        return t.Kind != TimeframeKind.Unknown && (t.Due is not null || t.Start is not null || cell.Length <= 50);
    }

    private static double Fit(string cell, ColumnRole? role)
    {
        if (cell.Length == 0) return 0;
        bool agency = LooksLikeAgency(cell), time = LooksLikeTime(cell) && !agency, concerned = agency && NamesAgenciesConcerned(cell);
        // A phrase the time parser reads is surely a time; one that only mentions a year may be a product.
        var read = time && ReadsAsTime(cell);
        return role switch
        {
            ColumnRole.No => Number().IsMatch(cell.Trim()) ? 4 : -4,
            ColumnRole.Timeframe => read ? 3 : time ? 0.5 : -2,
            ColumnRole.Lead => concerned ? 1 : agency ? 3 : -2,
            ColumnRole.Cooperating => concerned ? 3 : agency ? 2 : -1,
            ColumnRole.Content => agency || read ? -1 : cell.Length >= 15 ? 2 : 0,
            ColumnRole.Product => agency || read ? -1 : 1,
            _ => 0,
        };
    }

    /// <summary>The row spread over <paramref name="width"/> columns; null where a column has no cell of its own.</summary>
    public static string?[] Align(IReadOnlyList<string> cells, IReadOnlyDictionary<ColumnRole, int> columns, int width)
    {
        var roleAt = new ColumnRole?[width];
        foreach (var (role, i) in columns) if (i < width) roleAt[i] = role;
        int k = cells.Count, n = width;
        // best[j, c]: the best score of cells 0..j with cell j in column c; columns strictly increase along the row.
        var best = new double[k, n];
        var from = new int[k, n];
        for (var j = 0; j < k; j++)
            for (var c = 0; c < n; c++)
            {
                best[j, c] = double.NegativeInfinity;
                if (c < j || n - c < k - j) continue;
                var fit = Fit(cells[j], roleAt[c]);
                if (j == 0) { best[j, c] = fit; continue; }
                for (var p = j - 1; p < c; p++)
                    if (best[j - 1, p] + fit > best[j, c]) { best[j, c] = best[j - 1, p] + fit; from[j, c] = p; }
            }
        var last = 0;
        for (var c = 1; c < n; c++) if (best[k - 1, c] > best[k - 1, last]) last = c;
        var placed = new string?[n];
        for (int j = k - 1, c = last; j >= 0; c = from[j, c], j--) placed[c] = cells[j];
        return placed;
    }
}
