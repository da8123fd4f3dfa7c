namespace ParHub.Core.Reports;

/// <summary>What a field of a report form holds.</summary>
public enum FieldKind
{
    /// <summary>A whole number (tasks, documents, news items…).</summary>
    Count,
    /// <summary>A rate kept as numerator and denominator, so it adds up across agencies.</summary>
    Rate,
    /// <summary>An amount of money (triệu đồng), decimals allowed.</summary>
    Money,
    /// <summary>Narrative text.</summary>
    Text,
}

/// <summary>
/// One field of a form. A numeric field may be <see cref="Derived"/>: its numerator and denominator are expressions
/// over other fields ("a + b - c"; "x.num" and "x.den" for a rate's parts), computed, never entered.
/// <see cref="Prefill"/> names what ParHub already knows (e.g. <c>tasks.done/total</c>).
/// </summary>
public sealed record FormField(string Code, string Label, FieldKind Kind, string? Unit = null, bool Required = true,
    string? Prefill = null, string? Derived = null, string? DerivedOver = null, string? Hint = null)
{
    public bool IsNumeric => Kind != FieldKind.Text;
    public bool IsDerived => Derived is not null;
}

public sealed record FormSection(string Code, string Title, IReadOnlyList<FormField> Fields);

/// <summary>An entry check: <c>Left Op Right</c> over expressions of fields; the message is shown as it is.</summary>
public sealed record FormRule(string Left, string Op, string Right, string Message);

/// <summary>
/// A versioned report form. A report keeps the version it was made with; a new version is a new form row, so the
/// form can change between periods without touching reports already made.
/// </summary>
public sealed record ReportForm(string Key, int Version, string Title, IReadOnlyList<FormSection> Sections, IReadOnlyList<FormRule> Rules)
{
    public IEnumerable<FormField> Fields => Sections.SelectMany(s => s.Fields);

    public FormField? Field(string code) => Fields.FirstOrDefault(f => f.Code == code);

    public const string CchcKey = "cchc-dinh-ky";

    /// <summary>What is wrong with a form definition (duplicate codes, rules or formulas over unknown fields…); empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Key)) problems.Add("Mẫu báo cáo cần có mã (key).");
        if (Sections.Count == 0) problems.Add("Mẫu báo cáo cần ít nhất một mục.");
        var codes = new HashSet<string>();
        foreach (var f in Fields)
        {
            if (string.IsNullOrWhiteSpace(f.Code) || f.Code.Length > 64 || !f.Code.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                problems.Add($"Mã chỉ tiêu \"{f.Code}\" không hợp lệ (chữ, số, dấu gạch dưới; tối đa 64 ký tự).");
            if (!codes.Add(f.Code)) problems.Add($"Mã chỉ tiêu \"{f.Code}\" bị trùng.");
            if (string.IsNullOrWhiteSpace(f.Label)) problems.Add($"Chỉ tiêu \"{f.Code}\" chưa có tên.");
        }
        var numeric = Fields.Where(f => f.IsNumeric).Select(f => f.Code).ToHashSet();
        foreach (var f in Fields.Where(f => f.IsDerived))
            foreach (var c in Expression.Codes(f.Derived!).Concat(f.DerivedOver is null ? [] : Expression.Codes(f.DerivedOver))
                .Where(c => !numeric.Contains(c)))
                problems.Add($"Chỉ tiêu \"{f.Code}\" tính từ \"{c}\" không có trong mẫu.");
        foreach (var r in Rules)
        {
            if (r.Op is not ("=" or "<=" or ">=" or "<" or ">")) problems.Add($"Phép so sánh \"{r.Op}\" không hợp lệ.");
            foreach (var c in Expression.Codes(r.Left).Concat(Expression.Codes(r.Right)).Where(c => !numeric.Contains(c)))
                problems.Add($"Quy tắc \"{r.Message}\" dùng chỉ tiêu \"{c}\" không có trong mẫu.");
        }
        return problems;
    }

    private const string GovHint = "Theo các nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao có thời hạn trong năm, theo dõi trên ParHub";

    /// <summary>
    /// The periodic CCHC report (outline of CV 581/BNV-CCHC, statistics as in the Hải Phòng 6-month report of 2024):
    /// I. direction, II. results per reform area, III. assessment, IV. directions. Version 2 adds the dossiers of the
    /// period, prefilled from the one-stop system's imports (issue 14); version 3 the feedback (PAKN) received and
    /// answered on time, prefilled from ParHub's feedback registry; version 4 prefills the four counts of the tasks the
    /// Government and the Prime Minister assigned from the tasks ParHub tracks (<c>gov.*</c>).
    /// </summary>
    public static ReportForm CchcPeriodic { get; } = new(CchcKey, 4, "Báo cáo kết quả thực hiện công tác cải cách hành chính định kỳ",
    [
        new("I", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        [
            new("docs_issued", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", FieldKind.Count, "văn bản"),
            new("plan_tasks", "Nhiệm vụ Kế hoạch CCHC năm đã hoàn thành / tổng số nhiệm vụ", FieldKind.Rate, "nhiệm vụ",
                Prefill: "tasks.done/total", Hint: "Tính đến ngày chốt số liệu, theo dõi trên ParHub"),
            new("inspected_units", "Số cơ quan, đơn vị được kiểm tra CCHC", FieldKind.Count, "cơ quan, đơn vị"),
            new("news_items", "Số tin, bài tuyên truyền CCHC", FieldKind.Count, "tin, bài"),
            new("gov_total", "Nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao: tổng số", FieldKind.Count, "nhiệm vụ", Prefill: "gov.total",
                Hint: GovHint),
            new("gov_done_on_time", "– Hoàn thành đúng hạn", FieldKind.Count, "nhiệm vụ", Prefill: "gov.done_on_time", Hint: GovHint),
            new("gov_done_late", "– Hoàn thành quá hạn", FieldKind.Count, "nhiệm vụ", Prefill: "gov.done_late", Hint: GovHint),
            new("gov_in_progress", "– Đang thực hiện trong hạn", FieldKind.Count, "nhiệm vụ", Prefill: "gov.in_progress", Hint: GovHint),
            new("gov_overdue", "– Quá hạn chưa hoàn thành", FieldKind.Count, "nhiệm vụ", Prefill: "gov.overdue", Hint: GovHint),
            new("initiatives", "Số mô hình, sáng kiến, giải pháp mới trong CCHC", FieldKind.Count, "sáng kiến"),
            new("I_text", "Tình hình chỉ đạo, điều hành", FieldKind.Text),
        ]),
        new("II1", "II.1. Cải cách thể chế",
        [
            new("legal_docs_issued", "Số văn bản quy phạm pháp luật đã ban hành", FieldKind.Count, "văn bản"),
            new("legal_docs_reviewed", "Số văn bản quy phạm pháp luật đã rà soát, kiểm tra", FieldKind.Count, "văn bản"),
            new("II1_text", "Kết quả cải cách thể chế", FieldKind.Text, Required: false),
        ]),
        new("II2", "II.2. Cải cách thủ tục hành chính",
        [
            new("tthc_decisions", "Số quyết định công bố danh mục TTHC", FieldKind.Count, "quyết định"),
            new("feedback_new", "Phản ánh, kiến nghị tiếp nhận mới", FieldKind.Count, "phản ánh, kiến nghị"),
            new("feedback_carried", "Phản ánh, kiến nghị kỳ trước chuyển sang", FieldKind.Count, "phản ánh, kiến nghị"),
            new("feedback_done", "Phản ánh, kiến nghị đã hoàn thành", FieldKind.Count, "phản ánh, kiến nghị"),
            new("feedback_in_progress", "Phản ánh, kiến nghị đang xử lý", FieldKind.Count, "phản ánh, kiến nghị"),
            new("feedback_in_time", "– trong đó trong hạn", FieldKind.Count, "phản ánh, kiến nghị"),
            new("feedback_overdue", "– trong đó quá hạn", FieldKind.Count, "phản ánh, kiến nghị"),
            new("feedback_done_rate", "Tỷ lệ phản ánh, kiến nghị đã hoàn thành", FieldKind.Rate, "%",
                Derived: "feedback_done", DerivedOver: "feedback_new + feedback_carried"),
            new("dossiers_in_scope", "Hồ sơ TTHC phải giải quyết (tiếp nhận trong kỳ + kỳ trước chuyển sang)", FieldKind.Count, "hồ sơ",
                Prefill: "tthc.in_scope", Hint: "Theo dữ liệu hệ thống một cửa đã nhập vào ParHub", Required: false),
            new("dossiers_on_time", "Hồ sơ giải quyết trước và đúng hạn (kể cả đang giải quyết trong hạn) / phải giải quyết", FieldKind.Rate,
                "hồ sơ", Prefill: "tthc.tien_do", Hint: "Theo dữ liệu hệ thống một cửa đã nhập vào ParHub", Required: false),
            new("dossiers_online", "Hồ sơ nộp trực tuyến / hồ sơ tiếp nhận trong kỳ", FieldKind.Rate, "hồ sơ",
                Prefill: "tthc.truc_tuyen", Hint: "Theo dữ liệu hệ thống một cửa đã nhập vào ParHub", Required: false),
            new("pakn_received", "Phản ánh, kiến nghị tiếp nhận trong kỳ (theo sổ theo dõi trên ParHub)", FieldKind.Count, "phản ánh, kiến nghị",
                Prefill: "pakn.received", Hint: "Theo sổ theo dõi phản ánh, kiến nghị trên ParHub", Required: false),
            new("pakn_answered_on_time", "Phản ánh, kiến nghị trả lời đúng hạn / đã trả lời trong kỳ", FieldKind.Rate, "phản ánh, kiến nghị",
                Prefill: "pakn.dung_han", Hint: "Theo sổ theo dõi phản ánh, kiến nghị trên ParHub", Required: false),
            new("internal_simplified", "Số TTHC nội bộ được đơn giản hóa", FieldKind.Count, "thủ tục"),
            new("II2_text", "Kết quả cải cách thủ tục hành chính", FieldKind.Text, Required: false),
        ]),
        new("II3", "II.3. Cải cách tổ chức bộ máy",
        [
            new("units_reduced", "Số đơn vị, tổ chức được sắp xếp, giảm", FieldKind.Count, "đơn vị"),
            new("II3_text", "Kết quả cải cách tổ chức bộ máy", FieldKind.Text, Required: false),
        ]),
        new("II4", "II.4. Cải cách chế độ công vụ",
        [
            new("staff_reduced", "Số người tinh giản biên chế", FieldKind.Count, "người"),
            new("II4_text", "Kết quả cải cách chế độ công vụ", FieldKind.Text, Required: false),
        ]),
        new("II5", "II.5. Cải cách tài chính công",
        [
            new("invest_plan", "Kế hoạch vốn đầu tư công được giao", FieldKind.Money, "triệu đồng"),
            new("invest_disbursed", "Vốn đầu tư công đã giải ngân", FieldKind.Money, "triệu đồng"),
            new("invest_rate", "Tỷ lệ giải ngân vốn đầu tư công", FieldKind.Rate, "%", Derived: "invest_disbursed", DerivedOver: "invest_plan"),
            new("II5_text", "Kết quả cải cách tài chính công", FieldKind.Text, Required: false),
        ]),
        new("II6", "II.6. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
        [
            new("online_full", "Số dịch vụ công trực tuyến toàn trình", FieldKind.Count, "dịch vụ"),
            new("online_partial", "Số dịch vụ công trực tuyến một phần", FieldKind.Count, "dịch vụ"),
            new("II6_text", "Kết quả xây dựng Chính phủ điện tử, Chính phủ số", FieldKind.Text, Required: false),
        ]),
        new("III", "III. ĐÁNH GIÁ CHUNG",
        [
            new("strengths", "Ưu điểm", FieldKind.Text),
            new("difficulties", "Tồn tại, hạn chế, khó khăn và nguyên nhân", FieldKind.Text),
        ]),
        new("IV", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        [
            new("directions", "Phương hướng, nhiệm vụ trọng tâm", FieldKind.Text),
        ]),
    ],
    [
        new("gov_done_on_time + gov_done_late + gov_in_progress + gov_overdue", "=", "gov_total",
            "Nhiệm vụ Chính phủ giao: hoàn thành đúng hạn + hoàn thành quá hạn + đang thực hiện "
            + "+ quá hạn phải bằng tổng số."),
        new("feedback_done + feedback_in_progress", "=", "feedback_new + feedback_carried",
            "Phản ánh, kiến nghị: đã hoàn thành + đang xử lý phải bằng tiếp nhận mới + kỳ trước chuyển sang."),
        new("feedback_in_time + feedback_overdue", "=", "feedback_in_progress",
            "Phản ánh, kiến nghị đang xử lý: trong hạn + quá hạn phải bằng số đang xử lý."),
        new("invest_disbursed", "<=", "invest_plan", "Vốn đã giải ngân không được lớn hơn kế hoạch vốn được giao."),
    ]);
}
