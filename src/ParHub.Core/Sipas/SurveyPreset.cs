namespace ParHub.Core.Sipas;

/// <summary>
/// The Ministry's questionnaire of 2023–2026 (QĐ 1001/QĐ-BNV) as provinces use it: respondent profile, opinion
/// questions 1–8, satisfaction (question 9: policy part I, components A–D, 23 items; service part II, components A–E,
/// 16 items, asked of those who used a procedure, 8.c), expectations (question 10). The preset a programme's
/// questionnaire is cloned from; every wording is editable, the codes stay.
/// </summary>
public static class SurveyPreset
{
    public const string Code = "SIPAS-2023";

    private static readonly string[] Policies =
    [
        "Phát triển kinh tế", "Khám, chữa bệnh", "Giáo dục phổ thông", "Nước sinh hoạt", "Điện sinh hoạt", "Trật tự, an toàn xã hội",
        "Giao thông đường bộ", "An sinh xã hội", "Cải cách hành chính nhà nước",
    ];

    private static readonly string[] Channels =
        ["Loa phát thanh", "Họp khu dân cư", "Chính quyền cơ sở", "Người thân, hàng xóm", "Đài, truyền hình, báo", "Internet, mạng xã hội", "Khác"];

    private static SurveyItem One(string code, string text, params string[] options) => new(code, text, ItemType.OneChoice, options);
    private static SurveyItem S5(string code, string text, string? showIf = null) => new(code, text, ItemType.Scale5, ShowIf: showIf);
    private static SurveyItem S4(string code, string text, IReadOnlyList<string> scale) => new(code, text, ItemType.Scale4, scale);

    public static SurveyDefinition Sipas2023()
    {
        var profile = new SurveySection("P", "Thông tin người trả lời",
        [
            new SurveyComponent("P", "Thông tin chung",
            [
                One("P.1", "Giới tính", "Nam", "Nữ"),
                One("P.2", "Dân tộc", "Kinh", "Khác"),
                One("P.3", "Độ tuổi", "18–24", "25–34", "35–49", "50–60", "Trên 60"),
                One("P.4", "Trình độ học vấn", "Tiểu học", "Trung học cơ sở", "Trung học phổ thông", "Trung cấp, cao đẳng", "Đại học trở lên"),
                One("P.5", "Nghề nghiệp", "Nông, lâm, ngư nghiệp", "Công nhân", "Cán bộ, công chức, viên chức", "Kinh doanh, dịch vụ",
                    "Học sinh, sinh viên", "Nghỉ hưu", "Khác"),
            ]),
        ]);
        var opinions = new SurveySection("N", "Nhận định, đánh giá",
        [
            new SurveyComponent("1", "Câu 1. Ông/bà theo dõi việc thực hiện các chính sách sau ở mức nào?",
                Policies.Select((p, i) => S4($"1.{i + 1}", p, SurveyScales.Follow)).ToList()),
            new SurveyComponent("2", "Câu 2. Ông/bà biết thông tin về chính sách qua những kênh nào?",
                [new SurveyItem("2", "Các kênh thông tin (chọn một hoặc nhiều)", ItemType.ManyChoices, Channels)]),
            new SurveyComponent("3", "Câu 3. Các kênh thông tin đó phù hợp ở mức nào?",
                Channels.Take(6).Select((c, i) => S4($"3.{i + 1}", c, SurveyScales.Four)).ToList()),
            new SurveyComponent("4", "Câu 4. Sẵn sàng góp ý, phản ánh",
                [One("4", "Khi không hài lòng, ông/bà có sẵn sàng góp ý, phản ánh với chính quyền không?", "Sẵn sàng, trực tiếp",
                    "Sẵn sàng, qua mạng", "Sẵn sàng, qua người khác", "Không sẵn sàng")]),
            new SurveyComponent("5", "Câu 5–6. Công chức",
            [
                One("5", "Công chức gây phiền hà, sách nhiễu khi giải quyết công việc", "Không có", "Có một số", "Có nhiều"),
                One("6", "Công chức đòi thêm tiền ngoài quy định", "Không có", "Có một số", "Có nhiều"),
            ]),
            new SurveyComponent("7", "Câu 7. Các cách nộp hồ sơ thủ tục hành chính phù hợp ở mức nào?",
            [
                S4("7.1", "Nộp trực tiếp", SurveyScales.Four), S4("7.2", "Nộp trực tuyến toàn trình", SurveyScales.Four),
                S4("7.3", "Nộp trực tuyến một phần", SurveyScales.Four),
            ]),
            new SurveyComponent("8", "Câu 8. Trong năm nay, ông/bà hoặc gia đình có …",
            [
                new SurveyItem("8.a", "Con đi học ở trường công lập", ItemType.YesNo),
                new SurveyItem("8.b", "Khám, chữa bệnh tại bệnh viện công lập", ItemType.YesNo),
                new SurveyItem("8.c", "Giải quyết thủ tục hành chính tại cơ quan cấp tỉnh hoặc cấp xã", ItemType.YesNo, Required: true),
            ]),
        ]);
        var policy = new SurveySection("I", "Câu 9 – Phần I. Xây dựng, tổ chức thực hiện chính sách",
        [
            new SurveyComponent("I.A", "A. Trách nhiệm giải trình",
                [S5("9.1", "Thông tin về chính sách được cung cấp bằng nhiều hình thức, dễ tìm"), S5("9.2", "Thông tin đầy đủ, dễ hiểu")]),
            new SurveyComponent("I.B", "B. Sự tham gia của người dân",
                [S5("9.3", "Có cách thức để góp ý về chính sách"), S5("9.4", "Có cách thức để biết kết quả tiếp thu góp ý")]),
            new SurveyComponent("I.C", "C. Chất lượng tổ chức thực hiện",
                Policies.Select((p, i) => S5($"9.{i + 5}", $"Chính sách {p.ToLowerInvariant()} được thực hiện tốt")).ToList()),
            new SurveyComponent("I.D", "D. Kết quả, tác động (so với trước đây, tốt hơn)",
                new[] { "Kinh tế gia đình", "Đời sống kinh tế – xã hội ở địa phương", "Bệnh viện công lập", "Trường học công lập", "An ninh, trật tự",
                    "Đường giao thông", "Điện sinh hoạt", "Nước sinh hoạt", "An sinh xã hội", "Cán bộ, công chức" }
                    .Select((t, i) => S5($"9.{i + 14}", t)).ToList()),
        ], IsIndexPart: true);
        var service = new SurveySection("II", "Câu 9 – Phần II. Cung ứng dịch vụ hành chính công",
        [
            new SurveyComponent("II.A", "A. Tiếp cận dịch vụ",
                [S5("9.24", "Biển chỉ dẫn, hướng dẫn rõ ràng"), S5("9.25", "Đủ ghế ngồi, bàn viết"), S5("9.26", "Trang thiết bị tốt, dễ sử dụng")]),
            new SurveyComponent("II.B", "B. Thủ tục hành chính",
            [
                S5("9.27", "Thủ tục được niêm yết công khai"), S5("9.28", "Thành phần hồ sơ đúng quy định"), S5("9.29", "Phí, lệ phí đúng quy định"),
                S5("9.30", "Thời hạn giải quyết đúng quy định"),
            ]),
            new SurveyComponent("II.C", "C. Công chức trực tiếp giải quyết",
                [S5("9.31", "Lịch sự, tôn trọng"), S5("9.32", "Hướng dẫn một lần là đủ"), S5("9.33", "Tuân thủ đúng quy định")]),
            new SurveyComponent("II.D", "D. Kết quả",
                [S5("9.34", "Kết quả đúng hạn"), S5("9.35", "Kết quả đầy đủ, chính xác"), S5("9.36", "Kết quả công bằng")]),
            new SurveyComponent("II.E", "E. Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
            [
                S5("9.37", "Có cách thức góp ý, phản ánh"), S5("9.38", "Góp ý, phản ánh được xử lý đúng quy định"),
                S5("9.39", "Được thông báo kết quả xử lý kịp thời"),
            ]),
        ], IsIndexPart: true, ShowIf: "8.c=1");
        var expectations = new SurveySection("M", "Câu 10. Nhu cầu, mong đợi",
        [
            new SurveyComponent("10", "Ông/bà mong muốn chính quyền cải thiện những nội dung sau ở mức nào?",
                new[] { "Công khai, minh bạch", "Trách nhiệm giải trình", "Sự giám sát của người dân", "Hiệu lực, hiệu quả", "Cơ sở vật chất",
                    "Năng lực cán bộ, công chức, viên chức", "Thái độ phục vụ", "Ứng dụng công nghệ thông tin, chuyển đổi số",
                    "Dịch vụ công trực tuyến", "Tiếp nhận, xử lý phản ánh, kiến nghị" }
                    .Select((t, i) => S4($"10.{i + 1}", t, SurveyScales.Expect)).ToList()),
        ]);
        return new SurveyDefinition(Code, "Phiếu khảo sát sự hài lòng của người dân, tổ chức", 5, 4, "mean",
            [profile, opinions, policy, service, expectations]);
    }
}
