namespace ParHub.Core.Reports;

/// <summary>A section of a form as the editor shows it: one row, its code and title.</summary>
public sealed record SectionRow(string? Code, string? Title);

/// <summary>
/// A field of a form as the editor shows it: its section's code, its own code, label, kind (by code), unit, whether
/// required, its range (typed the Vietnamese way), where ParHub prefills it from, its formula when computed, its hint.
/// </summary>
public sealed record FieldRow(string? Section, string? Code, string? Label, string? Kind, string? Unit = null, bool Required = false,
    string? Min = null, string? Max = null, string? Prefill = null, string? Derived = null, string? DerivedOver = null, string? Hint = null);

/// <summary>An entry check as the editor shows it: left, operator, right (expressions over field codes), the message.</summary>
public sealed record RuleRow(string? Left, string? Op, string? Right, string? Message);

/// <summary>
/// The form editor's rows to a <see cref="ReportForm"/> and back. A row left entirely blank is no row (the editor shows
/// blank rows to add without JavaScript). Every problem is a Vietnamese sentence; a form with any is not built.
/// </summary>
public static class FormEditing
{
    public static readonly IReadOnlyList<(FieldKind Kind, string Code, string Name)> Kinds =
    [
        (FieldKind.Count, "count", "Số lượng"), (FieldKind.Rate, "rate", "Tỷ lệ (tử số / mẫu số)"),
        (FieldKind.Money, "money", "Số tiền (triệu đồng)"), (FieldKind.Text, "text", "Văn bản"),
    ];

    public static readonly IReadOnlyList<string> Operators = ["=", "<=", ">=", "<", ">"];

    public static string KindCode(FieldKind kind) => Kinds.First(k => k.Kind == kind).Code;

    private static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static (ReportForm? Form, IReadOnlyList<string> Problems) Build(string? key, string? title, IEnumerable<SectionRow> sectionRows,
        IEnumerable<FieldRow> fieldRows, IEnumerable<RuleRow> ruleRows)
    {
        var problems = new List<string>();
        key = Trim(key)?.ToLowerInvariant();
        if (key is null || key.Length > 64 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            problems.Add("Mã mẫu báo cáo: chữ thường không dấu, số và dấu gạch ngang, tối đa 64 ký tự (ví dụ: chuyen-de-so-hoa).");
        if (Trim(title) is not { } t) problems.Add("Tên mẫu báo cáo: chưa nhập.");
        else if (t.Length > 300) problems.Add("Tên mẫu báo cáo: tối đa 300 ký tự.");

        var sections = sectionRows.Where(s => !Blank(s.Code, s.Title)).ToList();
        var fields = fieldRows.Where(f => !Blank(f.Code, f.Label, f.Unit, f.Min, f.Max, f.Prefill, f.Derived, f.DerivedOver, f.Hint)).ToList();
        var rules = ruleRows.Where(r => !Blank(r.Left, r.Right, r.Message)).ToList();
        foreach (var s in sections.Where(s => Trim(s.Code) is null || Trim(s.Title) is null))
            problems.Add($"Mục \"{s.Code ?? s.Title}\": cần cả mã và tên.");
        foreach (var dup in sections.GroupBy(s => Trim(s.Code)).Where(g => g.Key is not null && g.Count() > 1))
            problems.Add($"Mã mục \"{dup.Key}\" bị trùng.");

        var built = new Dictionary<string, List<FormField>>(StringComparer.Ordinal);
        foreach (var s in sections) if (Trim(s.Code) is { } c) built.TryAdd(c, []);
        foreach (var f in fields)
        {
            var code = Trim(f.Code) ?? "";
            var name = code.Length > 0 ? code : f.Label ?? "";
            var kind = Kinds.Where(k => k.Code == f.Kind?.Trim()).Select(k => (FieldKind?)k.Kind).FirstOrDefault();
            if (kind is null) { problems.Add($"Chỉ tiêu \"{name}\": chưa chọn loại."); continue; }
            decimal? Number(string? text, string what)
            {
                if (Trim(text) is not { } x) return null;
                if (VietnameseNumber.TryParse(x, out var n)) return n;
                problems.Add($"Chỉ tiêu \"{name}\": {what} \"{x}\" không phải là số.");
                return null;
            }
            var min = Number(f.Min, "giá trị nhỏ nhất");
            var max = Number(f.Max, "giá trị lớn nhất");
            if (Trim(f.Section) is not { } section || !built.TryGetValue(section, out var list))
            {
                problems.Add($"Chỉ tiêu \"{name}\": chọn mục của chỉ tiêu.");
                continue;
            }
            if ((min is not null || max is not null) && kind is FieldKind.Text or FieldKind.Rate)
                problems.Add($"Chỉ tiêu \"{name}\": khoảng giá trị chỉ dùng cho số lượng và số tiền.");
            // A prefilled field says where its figure comes from: the source's own words unless the editor wrote others.
            var hint = Trim(f.Hint) ?? (Trim(f.Prefill) is { } p ? PrefillSources.Find(p)?.Label ?? Registries.RegistryMeasure.Parse(p)?.Describe() : null);
            list.Add(new FormField(code, Trim(f.Label) ?? "", kind.Value, Trim(f.Unit), f.Required, Trim(f.Prefill), Trim(f.Derived), Trim(f.DerivedOver),
                hint, min, max));
        }
        foreach (var r in rules.Where(r => Trim(r.Left) is null || Trim(r.Right) is null || Trim(r.Message) is null))
            problems.Add($"Quy tắc \"{r.Message ?? r.Left}\": cần vế trái, vế phải và câu thông báo.");
        if (problems.Count > 0) return (null, problems);

        var form = new ReportForm(key!, 0, title!.Trim(),
            sections.Select(s => new FormSection(s.Code!.Trim(), s.Title!.Trim(), built[s.Code!.Trim()])).ToList(),
            rules.Select(r => new FormRule(r.Left!.Trim(), (r.Op ?? "=").Trim(), r.Right!.Trim(), r.Message!.Trim())).ToList());
        problems.AddRange(form.Problems());
        foreach (var f in form.Fields.Where(f => f.Prefill is not null && PrefillSources.Find(f.Prefill) is { } s && s.IsRate != (f.Kind == FieldKind.Rate)))
            problems.Add($"Chỉ tiêu \"{f.Code}\": nguồn điền sẵn {(f.Kind == FieldKind.Rate ? "cho một số, không cho tỷ lệ" : "là tỷ lệ; chọn loại Tỷ lệ")}.");
        return problems.Count > 0 ? (null, problems) : (form, []);
    }

    /// <summary>A form's rows, as the editor shows them.</summary>
    public static (List<SectionRow> Sections, List<FieldRow> Fields, List<RuleRow> Rules) Rows(ReportForm form) =>
    (
        form.Sections.Select(s => new SectionRow(s.Code, s.Title)).ToList(),
        form.Sections.SelectMany(s => s.Fields.Select(f => new FieldRow(s.Code, f.Code, f.Label, KindCode(f.Kind), f.Unit, f.Required,
            f.Min is { } lo ? VietnameseNumber.Format(lo) : null, f.Max is { } hi ? VietnameseNumber.Format(hi) : null, f.Prefill, f.Derived,
            f.DerivedOver, f.Hint))).ToList(),
        form.Rules.Select(r => new RuleRow(r.Left, r.Op, r.Right, r.Message)).ToList()
    );
}
