namespace ParHub.Core.Scoring;

/// <summary>A classification band: the first band (in the order given) whose <see cref="Min"/> the index reaches.</summary>
public sealed record Band(string Name, decimal Min);

/// <summary>A threshold of <c>rate-bands</c> (rate ≥ Min, in percent) or <c>count-steps</c> (count ≥ Min).</summary>
public sealed record Step(decimal Min, decimal Points);

/// <summary>
/// How a criterion's points follow from its input: <c>manual</c>, <c>binary</c>, <c>options</c>, <c>rate-bands</c>,
/// <c>proportional</c>, <c>count-steps</c>, <c>survey</c>.
/// </summary>
public sealed record ScoringRule(string Type, IReadOnlyDictionary<string, decimal>? Options = null,
    IReadOnlyList<Step>? Bands = null, IReadOnlyList<Step>? Steps = null)
{
    public static readonly string[] Types = ["manual", "binary", "options", "rate-bands", "proportional", "count-steps", "survey"];

    /// <summary>How the framework editor names each rule.</summary>
    public static string TypeName(string type) => type switch
    {
        "manual" => "Nhập điểm",
        "binary" => "Đạt / không đạt",
        "options" => "Chọn phương án",
        "rate-bands" => "Bậc theo tỷ lệ %",
        "proportional" => "Tỷ lệ % × điểm tối đa",
        "count-steps" => "Bậc theo số lượng",
        "survey" => "Điều tra xã hội học",
        _ => type,
    };
}

/// <summary>
/// A node of an index framework: a field ("1"), criterion ("1.3") or sub-criterion ("1.3.1"). Nodes with a
/// <see cref="Rule"/> are scored; the others group them. The parent is the longest code that prefixes this one.
/// </summary>
public sealed record FrameworkNode(string Code, string Title, decimal? Max, ScoringRule? Rule = null, string? Evidence = null, string? Source = null,
    IReadOnlyList<string>? Groups = null)
{
    public static readonly string[] Sources = ["tasks.ontime", "reports.ontime", "tthc.tien_do", "tthc.truc_tuyen", "tthc.thanh_toan", "tthc.so_hoa",
        "tthc.xin_loi", "pakn.dung_han", "pakn.hai_long", "kiemtra.bao_phu", "kiemtra.khac_phuc", "sangkien.so_luong", "doithoai.so_lan",
        "tuyentruyen.so_luong"];

    /// <summary>How the framework editor names each source.</summary>
    public static string SourceLabel(string source) => source switch
    {
        "tasks.ontime" => "Nhiệm vụ đúng hạn",
        "reports.ontime" => "Báo cáo đúng hạn",
        "tthc.tien_do" => "Hồ sơ TTHC đúng hạn",
        "tthc.truc_tuyen" => "Hồ sơ nộp trực tuyến",
        "tthc.thanh_toan" => "Thanh toán trực tuyến",
        "tthc.so_hoa" => "Hồ sơ được số hóa",
        "tthc.xin_loi" => "Hồ sơ trễ hạn có thư xin lỗi",
        "pakn.dung_han" => "Phản ánh, kiến nghị trả lời đúng hạn",
        "pakn.hai_long" => "Hài lòng với trả lời phản ánh, kiến nghị",
        "kiemtra.bao_phu" => "Đơn vị trực thuộc được kiểm tra CCHC (sổ kiểm tra)",
        "kiemtra.khac_phuc" => "Tồn tại sau kiểm tra đã khắc phục (sổ kiểm tra)",
        "sangkien.so_luong" => "Số sáng kiến được công nhận (sổ sáng kiến)",
        "doithoai.so_lan" => "Số cuộc đối thoại với người dân, doanh nghiệp (sổ đối thoại)",
        "tuyentruyen.so_luong" => "Số tin, bài, hoạt động tuyên truyền (sổ tuyên truyền)",
        _ => source,
    };

    /// <summary>
    /// Filled from ParHub's own data: <c>tasks.ontime</c> (plan tasks done on time / due), <c>reports.ontime</c>, and the
    /// year's dossiers (<c>tthc.*</c>: on time, online, paid online, digitised, late ones with an apology) and feedback
    /// (<c>pakn.*</c>: answered on time, satisfied with the answer), and the registries: inspection coverage of the agency's
    /// own units and findings remedied (<c>kiemtra.*</c>), initiatives, dialogues and communication items of the year.
    /// </summary>
    public bool IsComputed => Source is not null;

    /// <summary>Scored from the province's survey (SIPAS), entered or imported per agency by the province, not self-assessed.</summary>
    public bool IsSurvey => Rule?.Type == "survey";

    /// <summary>Applies to every agency group when <see cref="Groups"/> is empty, otherwise only to the groups named.</summary>
    public bool AppliesTo(string group) => Groups is not { Count: > 0 } || Groups.Contains(group, StringComparer.OrdinalIgnoreCase);

    /// <summary>How the points are obtained, as the framework tables say it.</summary>
    public string Method => Rule is null ? "" : IsComputed ? "ParHub tính từ số liệu theo dõi" : IsSurvey ? "Điều tra xã hội học"
        : "Tự đánh giá, thẩm định";
}

/// <summary>A versioned index framework: its nodes, classification bands and the caps of bonus and penalty points.</summary>
public sealed record Framework(string Code, string Title, IReadOnlyList<Band> Bands, decimal BonusCap, decimal PenaltyCap,
    IReadOnlyList<FrameworkNode> Nodes)
{
    /// <summary>The parent code of a node: the longest other code that is a dotted prefix of it.</summary>
    public static string? ParentOf(string code, IEnumerable<string> codes) =>
        codes.Where(c => c != code && code.StartsWith(c + ".", StringComparison.Ordinal)).MaxBy(c => c.Length);

    /// <summary>True when the node or one of its ancestors is among <paramref name="codes"/>.</summary>
    public static bool IsUnder(string code, IReadOnlySet<string> codes)
    {
        if (codes.Contains(code)) return true;
        for (var i = code.LastIndexOf('.'); i > 0; i = code.LastIndexOf('.', i - 1))
            if (codes.Contains(code[..i])) return true;
        return false;
    }

    /// <summary>The nodes that are not scored because they do not apply to <paramref name="group"/> (with everything under them).</summary>
    public IReadOnlySet<string> NotApplicable(string group)
    {
        var own = Nodes.Where(n => !n.AppliesTo(group)).Select(n => n.Code).ToHashSet();
        return own.Count == 0 ? own : Nodes.Where(n => IsUnder(n.Code, own)).Select(n => n.Code).ToHashSet();
    }

    /// <summary>A parent without a max gets the sum of its children's (when all of them have one), from the leaves up.</summary>
    public Framework WithParentSums()
    {
        var codes = Nodes.Select(n => n.Code).ToList();
        var max = Nodes.GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.First().Max);
        foreach (var n in Nodes.OrderByDescending(n => n.Code.Count(c => c == '.')))
        {
            if (max[n.Code] is not null) continue;
            var children = codes.Where(c => ParentOf(c, codes) == n.Code).ToList();
            if (children.Count > 0 && children.All(c => max[c] is not null)) max[n.Code] = children.Sum(c => max[c]!.Value);
        }
        return this with { Nodes = Nodes.Select(n => n with { Max = max[n.Code] }).ToList() };
    }

    /// <summary>
    /// What is wrong with the framework: a parent whose max is not the sum of its children's, a scored node without a
    /// max or with an unknown rule, duplicate codes, bands not in descending order.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var codes = Nodes.Select(n => n.Code).ToList();
        foreach (var dup in codes.GroupBy(c => c).Where(g => g.Count() > 1)) problems.Add($"Mã {dup.Key} bị trùng.");
        foreach (var n in Nodes)
        {
            var children = Nodes.Where(c => ParentOf(c.Code, codes) == n.Code).ToList();
            if (string.IsNullOrWhiteSpace(n.Code)) problems.Add($"Mục \"{n.Title}\" chưa có mã.");
            if (n.Max is null or < 0) problems.Add($"{n.Code}: chưa có điểm tối đa.");
            if (n.Rule is { } r)
            {
                if (!ScoringRule.Types.Contains(r.Type)) problems.Add($"{n.Code}: cách chấm \"{r.Type}\" không có.");
                else if (r.Type == "options" && r.Options is not { Count: > 0 })
                    problems.Add($"{n.Code}: cách chấm theo phương án cần ít nhất một phương án.");
                else if (r.Type == "rate-bands" && r.Bands is not { Count: > 0 })
                    problems.Add($"{n.Code}: cách chấm theo ngưỡng tỷ lệ cần ít nhất một ngưỡng.");
                else if (r.Type == "count-steps" && r.Steps is not { Count: > 0 })
                    problems.Add($"{n.Code}: cách chấm theo số lượng cần ít nhất một mức.");
                if (children.Count > 0)
                    problems.Add($"{n.Code}: mục có tiêu chí con thì không chấm trực tiếp (bỏ cách chấm hoặc các mục con).");
                if (n.Max is { } m && RuleText.Highest(r) is { } top && top > m)
                    problems.Add($"{n.Code}: cách chấm cho tới {top} điểm, vượt điểm tối đa {m}.");
            }
            else if (children.Count == 0) problems.Add($"{n.Code}: tiêu chí chưa có cách chấm.");
            if (n.Source is { } src && !FrameworkNode.Sources.Contains(src)) problems.Add($"{n.Code}: nguồn số liệu \"{src}\" không có.");
            if (children.Count > 0 && n.Max is { } max && children.All(c => c.Max is not null) && children.Sum(c => c.Max!.Value) != max)
                problems.Add(
                    $"{n.Code}: điểm tối đa {max} khác tổng điểm tối đa của các tiêu chí con ({children.Sum(c => c.Max!.Value)}).");
        }
        for (var i = 1; i < Bands.Count; i++)
            if (Bands[i].Min >= Bands[i - 1].Min) problems.Add($"Xếp loại \"{Bands[i].Name}\" phải có ngưỡng thấp hơn \"{Bands[i - 1].Name}\".");
        return problems;
    }
}
