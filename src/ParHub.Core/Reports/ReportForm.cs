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
    string? Prefill = null, string? Derived = null, string? DerivedOver = null, string? Hint = null, decimal? Min = null, decimal? Max = null)
{
    public bool IsNumeric => Kind != FieldKind.Text;
    public bool IsDerived => Derived is not null;

    /// <summary>Why a count or an amount is outside the field's own range (<see cref="Min"/>..<see cref="Max"/>), or null.</summary>
    public string? OutOfRange(decimal value) =>
        (Min is { } min && value < min) || (Max is { } max && value > max)
            ? $"{Label}: phải từ {VietnameseNumber.Format(Min ?? 0)}{(Max is { } m ? " đến " + VietnameseNumber.Format(m) : " trở lên")}."
            : null;
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
            if (f.Min is { } lo && f.Max is { } hi && lo > hi) problems.Add($"Chỉ tiêu \"{f.Code}\": giá trị nhỏ nhất lớn hơn giá trị lớn nhất.");
            if ((f.Min ?? 0) < 0 || (f.Max ?? 0) < 0) problems.Add($"Chỉ tiêu \"{f.Code}\": khoảng giá trị không được âm.");
            if (f.Prefill is { } source && !PrefillSources.IsKnown(source))
                problems.Add($"Chỉ tiêu \"{f.Code}\": nguồn điền sẵn \"{source}\" không có trong ParHub.");
            if (f.Prefill is not null && f.Kind == FieldKind.Text) problems.Add($"Chỉ tiêu \"{f.Code}\": chỉ tiêu văn bản không điền sẵn được.");
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

    /// <summary>A field prefilled from a registry (<see cref="Registries.RegistryMeasure"/>), its source as the hint; never required.</summary>
    private static FormField Reg(string code, string label, FieldKind kind, string unit, string measure) =>
        new(code, label, kind, unit, Required: false, Prefill: measure,
            Hint: Registries.RegistryMeasure.Parse(measure)?.Describe() ?? throw new ArgumentException($"Unknown measure {measure}", nameof(measure)));

    private const string InspectionHint = "Theo sổ theo dõi kiểm tra CCHC trên ParHub";

    private const string GovHint = "Theo các nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao có thời hạn trong năm, theo dõi trên ParHub";

    /// <summary>
    /// The periodic CCHC report (outline of CV 581/BNV-CCHC, statistics as in the Hải Phòng 6-month report of 2024):
    /// I. direction, II. results per reform area, III. assessment, IV. directions. Version 2 adds the dossiers of the
    /// period, prefilled from the one-stop system's imports (issue 14); version 3 the feedback (PAKN) received and
    /// answered on time, prefilled from ParHub's feedback registry; version 4 prefills the four counts of the tasks the
    /// Government and the Prime Minister assigned from the tasks ParHub tracks (<c>gov.*</c>); version 5 the figures of seed 001
    /// that had no field (PAR Index and SIPAS results, inspections, dialogues, legal documents by kind, headcount, job positions,
    /// appointments, downsizing by kind, training, discipline, CCHC funds, one-stop and ISO coverage), most prefilled from
    /// the registries (<c>reg:…</c>, <c>kiemtra.*</c>), and prefills the old inspection, communication, initiative, legal
    /// document and downsizing counts from them too.
    /// </summary>
    public static ReportForm CchcPeriodic { get; } = new(CchcKey, 5, "Báo cáo kết quả thực hiện công tác cải cách hành chính định kỳ",
    [
        new("I", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        [
            new("docs_issued", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", FieldKind.Count, "văn bản"),
            new("plan_tasks", "Nhiệm vụ Kế hoạch CCHC năm đã hoàn thành / tổng số nhiệm vụ", FieldKind.Rate, "nhiệm vụ",
                Prefill: "tasks.done/total", Hint: "Tính đến ngày chốt số liệu, theo dõi trên ParHub"),
            new("par_index", "Chỉ số CCHC năm trước: điểm đạt được", FieldKind.Money, "điểm", Required: false),
            new("par_rank", "Chỉ số CCHC năm trước: thứ hạng", FieldKind.Count, "thứ hạng", Required: false),
            new("sipas_index", "Chỉ số hài lòng (SIPAS) năm trước", FieldKind.Money, "%", Required: false),
            new("sipas_rank", "Chỉ số hài lòng (SIPAS) năm trước: thứ hạng", FieldKind.Count, "thứ hạng", Required: false),
            Reg("inspections_planned", "Số cuộc kiểm tra CCHC theo kế hoạch (trong kỳ)", FieldKind.Count, "cuộc", "reg:kiem-tra"),
            new("inspected_units", "Số cơ quan, đơn vị được kiểm tra CCHC", FieldKind.Count, "cơ quan, đơn vị", Prefill: "reg:kiem-tra:ngay_kiem_tra",
                Hint: InspectionHint + ": cuộc kiểm tra đã thực hiện"),
            new("inspection_coverage", "Đơn vị trực thuộc được kiểm tra trong năm / tổng số đơn vị trực thuộc", FieldKind.Rate, "đơn vị",
                Required: false, Prefill: "kiemtra.bao_phu", Hint: InspectionHint + " (chỉ tiêu tối thiểu 30%)"),
            new("findings_remedied", "Tồn tại sau kiểm tra đã khắc phục / tồn tại phải khắc phục", FieldKind.Rate, "tồn tại", Required: false,
                Prefill: "kiemtra.khac_phuc", Hint: InspectionHint + ": tồn tại được giao khắc phục như nhiệm vụ"),
            new("news_items", "Số tin, bài tuyên truyền CCHC", FieldKind.Count, "tin, bài", Prefill: "reg:tuyen-truyen:so_luong",
                Hint: "Sổ theo dõi “Thông tin, tuyên truyền cải cách hành chính” trên ParHub: Số lượng"),
            Reg("dialogues", "Số cuộc đối thoại của người đứng đầu với người dân, doanh nghiệp", FieldKind.Count, "cuộc", "reg:doi-thoai"),
            new("gov_total", "Nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao: tổng số", FieldKind.Count, "nhiệm vụ", Prefill: "gov.total",
                Hint: GovHint),
            new("gov_done_on_time", "– Hoàn thành đúng hạn", FieldKind.Count, "nhiệm vụ", Prefill: "gov.done_on_time", Hint: GovHint),
            new("gov_done_late", "– Hoàn thành quá hạn", FieldKind.Count, "nhiệm vụ", Prefill: "gov.done_late", Hint: GovHint),
            new("gov_in_progress", "– Đang thực hiện trong hạn", FieldKind.Count, "nhiệm vụ", Prefill: "gov.in_progress", Hint: GovHint),
            new("gov_overdue", "– Quá hạn chưa hoàn thành", FieldKind.Count, "nhiệm vụ", Prefill: "gov.overdue", Hint: GovHint),
            new("initiatives", "Số mô hình, sáng kiến, giải pháp mới trong CCHC", FieldKind.Count, "sáng kiến", Prefill: "reg:sang-kien",
                Hint: "Sổ theo dõi “Sáng kiến, mô hình, giải pháp mới trong cải cách hành chính” trên ParHub"),
            new("I_text", "Tình hình chỉ đạo, điều hành", FieldKind.Text),
        ]),
        new("II1", "II.1. Cải cách thể chế",
        [
            Reg("legal_docs_planned", "Số văn bản quy phạm pháp luật trong kế hoạch ban hành", FieldKind.Count, "văn bản", "reg:vbqppl:ke_hoach"),
            new("legal_docs_issued", "Số văn bản quy phạm pháp luật đã ban hành", FieldKind.Count, "văn bản", Prefill: "reg:vbqppl:da_ban_hanh",
                Hint: "Sổ theo dõi “Văn bản quy phạm pháp luật” trên ParHub: đã ban hành"),
            Reg("legal_docs_resolutions", "– trong đó nghị quyết HĐND", FieldKind.Count, "văn bản", "reg:vbqppl:da_ban_hanh:loai=nq_hdnd"),
            Reg("legal_docs_decisions", "– trong đó quyết định UBND", FieldKind.Count, "văn bản", "reg:vbqppl:da_ban_hanh:loai=qd_ubnd"),
            new("legal_docs_reviewed", "Số văn bản quy phạm pháp luật đã rà soát, kiểm tra", FieldKind.Count, "văn bản", Prefill: "reg:vbqppl:da_ra_soat",
                Hint: "Sổ theo dõi “Văn bản quy phạm pháp luật” trên ParHub: đã rà soát, hệ thống hóa"),
            Reg("legal_docs_self_checked", "Số văn bản quy phạm pháp luật đã tự kiểm tra", FieldKind.Count, "văn bản", "reg:vbqppl:tu_kiem_tra"),
            Reg("legal_docs_expired", "Số văn bản quy phạm pháp luật hết hiệu lực, bị thay thế", FieldKind.Count, "văn bản", "reg:vbqppl:het_hieu_luc"),
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
            new("one_stop_agencies", "Cơ quan, đơn vị có Bộ phận Một cửa hoạt động / tổng số", FieldKind.Rate, "cơ quan, đơn vị", Required: false),
            new("one_stop_communes", "Xã, phường, thị trấn có Bộ phận Một cửa hoạt động / tổng số", FieldKind.Rate, "xã, phường", Required: false),
            new("II2_text", "Kết quả cải cách thủ tục hành chính", FieldKind.Text, Required: false),
        ]),
        new("II3", "II.3. Cải cách tổ chức bộ máy",
        [
            new("units_reduced", "Số đơn vị, tổ chức được sắp xếp, giảm", FieldKind.Count, "đơn vị"),
            Reg("job_positions", "Số vị trí việc làm được phê duyệt", FieldKind.Count, "vị trí", "reg:vi-tri-viec-lam:so_vi_tri"),
            new("iso_agencies", "Cơ quan áp dụng hệ thống quản lý chất lượng ISO 9001 / tổng số", FieldKind.Rate, "cơ quan", Required: false),
            new("II3_text", "Kết quả cải cách tổ chức bộ máy", FieldKind.Text, Required: false),
        ]),
        new("II4", "II.4. Cải cách chế độ công vụ",
        [
            Reg("headcount_assigned", "Biên chế công chức được giao", FieldKind.Count, "người", "reg:bien-che:duoc_giao:loai=cong_chuc"),
            Reg("headcount_used", "Biên chế công chức có mặt", FieldKind.Count, "người", "reg:bien-che:co_mat:loai=cong_chuc"),
            Reg("staff_assigned", "Số người làm việc trong đơn vị sự nghiệp được giao", FieldKind.Count, "người", "reg:bien-che:duoc_giao:loai=vien_chuc"),
            new("staff_reduced", "Số người tinh giản biên chế", FieldKind.Count, "người", Prefill: "reg:tinh-gian:so_nguoi",
                Hint: "Sổ theo dõi “Tinh giản biên chế” trên ParHub: Số người"),
            Reg("staff_reduced_retired", "– nghỉ hưu trước tuổi", FieldKind.Count, "người", "reg:tinh-gian:so_nguoi:hinh_thuc=nghi_huu"),
            Reg("staff_reduced_quit", "– thôi việc", FieldKind.Count, "người", "reg:tinh-gian:so_nguoi:hinh_thuc=thoi_viec"),
            Reg("appointed", "Số trường hợp điều động, bổ nhiệm", FieldKind.Count, "trường hợp", "reg:bo-nhiem:so_nguoi:hinh_thuc=bo_nhiem"),
            Reg("reappointed", "Số trường hợp bổ nhiệm lại, kéo dài thời gian giữ chức vụ", FieldKind.Count, "trường hợp",
                "reg:bo-nhiem:so_nguoi:hinh_thuc=bo_nhiem_lai"),
            Reg("trained", "Số lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng", FieldKind.Count, "lượt người", "reg:dao-tao:so_hoc_vien"),
            Reg("disciplined", "Số cán bộ, công chức, viên chức bị kỷ luật", FieldKind.Count, "người", "reg:ky-luat:so_nguoi"),
            new("II4_text", "Kết quả cải cách chế độ công vụ", FieldKind.Text, Required: false),
        ]),
        new("II5", "II.5. Cải cách tài chính công",
        [
            new("invest_plan", "Kế hoạch vốn đầu tư công được giao", FieldKind.Money, "triệu đồng"),
            new("invest_disbursed", "Vốn đầu tư công đã giải ngân", FieldKind.Money, "triệu đồng"),
            new("invest_rate", "Tỷ lệ giải ngân vốn đầu tư công", FieldKind.Rate, "%", Derived: "invest_disbursed", DerivedOver: "invest_plan"),
            new("invest_plan_local", "Kế hoạch vốn đầu tư công địa phương giao (kể cả vốn bổ sung)", FieldKind.Money, "triệu đồng", Required: false),
            new("invest_rate_local", "Tỷ lệ giải ngân so với kế hoạch vốn địa phương giao", FieldKind.Rate, "%", Derived: "invest_disbursed",
                DerivedOver: "invest_plan_local"),
            Reg("cchc_funds_allocated", "Kinh phí CCHC được giao", FieldKind.Money, "triệu đồng", "reg:kinh-phi:duoc_giao"),
            Reg("cchc_funds_spent", "Kinh phí CCHC đã chi", FieldKind.Money, "triệu đồng", "reg:kinh-phi:da_chi"),
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
        new("staff_reduced_retired + staff_reduced_quit", "<=", "staff_reduced",
            "Tinh giản biên chế: nghỉ hưu trước tuổi + thôi việc không được lớn hơn tổng số người tinh giản."),
        new("legal_docs_resolutions + legal_docs_decisions", "<=", "legal_docs_issued",
            "Văn bản QPPL: nghị quyết + quyết định không được lớn hơn số văn bản đã ban hành."),
        new("headcount_used", "<=", "headcount_assigned", "Biên chế công chức có mặt không được lớn hơn biên chế được giao."),
    ]);
}
