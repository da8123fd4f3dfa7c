namespace ParHub.Core.Scoring;

/// <summary>Frameworks shipped with ParHub.</summary>
public static class IndexPresets
{
    public const string DemoDepartmentsCode = "demo-so-nganh";

    private static ScoringRule Binary => new("binary");
    private static ScoringRule Proportional => new("proportional");

    /// <summary>
    /// A complete framework for departments, 100 points over the eight fields of the PAR Index, with every scoring rule.
    /// Its points are illustrative (the UI says so): a province sets its own in its decision.
    /// </summary>
    public static Framework DemoDepartments(int year) => new(DemoDepartmentsCode, $"Bộ chỉ số CCHC các sở, ban, ngành năm {year} (minh họa)",
        [new("Tốt", 90), new("Khá", 80), new("Trung bình", 65), new("Yếu", 0)], BonusCap: 3, PenaltyCap: 5,
    [
        new("1", "Công tác chỉ đạo, điều hành CCHC", 14),
        new("1.1", "Ban hành Kế hoạch CCHC năm", 2, new("options",
            new Dictionary<string, decimal> { ["Kịp thời"] = 2, ["Không kịp thời"] = 1, ["Không ban hành"] = 0 }), "Kế hoạch CCHC năm"),
        new("1.2", "Tỷ lệ nhiệm vụ của Kế hoạch CCHC hoàn thành đúng hạn", 3, Proportional, "Số liệu theo dõi trên ParHub",
            Source: "tasks.ontime"),
        new("1.3", "Tỷ lệ báo cáo CCHC định kỳ gửi đúng hạn", 3, new("rate-bands", Bands: [new(100, 3), new(75, 2), new(50, 1)]),
            "Số liệu báo cáo trên ParHub", Source: "reports.ontime"),
        new("1.4", "Thực hiện tuyên truyền CCHC theo kế hoạch", 2, Binary, "Kế hoạch và báo cáo tuyên truyền"),
        new("1.5", "Sáng kiến, giải pháp mới trong CCHC được công nhận", 2, new("count-steps", Steps: [new(2, 2), new(1, 1)]),
            "Quyết định công nhận sáng kiến"),
        new("1.6", "Kiểm tra CCHC các đơn vị trực thuộc (tối thiểu 30% số đơn vị mỗi năm)", 2,
            new("rate-bands", Bands: [new(30, 2), new(15, 1)]), "Kế hoạch, báo cáo kết quả kiểm tra CCHC", Source: "kiemtra.bao_phu"),
        new("2", "Cải cách thể chế", 10),
        new("2.1", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật đúng thời hạn", 4, Binary,
            "Quyết định công bố kết quả rà soát"),
        new("2.2", "Tỷ lệ văn bản trái pháp luật phát hiện qua kiểm tra được xử lý", 6, Proportional, "Báo cáo kiểm tra văn bản"),
        new("3", "Cải cách thủ tục hành chính", 24),
        new("3.1", "Công bố, công khai đầy đủ thủ tục hành chính", 6, Binary, "Quyết định công bố TTHC"),
        new("3.2", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 10, new("rate-bands", Bands: [new(100, 10), new(98, 8), new(95, 6), new(0, 2)]),
            "Số liệu Hệ thống thông tin giải quyết TTHC"),
        new("3.3", "Tỷ lệ phản ánh, kiến nghị được xử lý", 8, Proportional, "Báo cáo xử lý PAKN"),
        new("4", "Cải cách tổ chức bộ máy", 10),
        new("4.1", "Sắp xếp, kiện toàn tổ chức theo quy định", 5, Binary, "Quyết định quy định chức năng, nhiệm vụ"),
        new("4.2", "Sử dụng biên chế được giao", 5, new("options", new Dictionary<string, decimal> { ["Không vượt"] = 5, ["Vượt"] = 0 }),
            "Báo cáo biên chế"),
        new("5", "Cải cách chế độ công vụ", 12),
        new("5.1", "Tỷ lệ công chức bố trí đúng vị trí việc làm", 6, Proportional, "Đề án vị trí việc làm"),
        new("5.2", "Chấp hành kỷ luật, kỷ cương hành chính (không có vi phạm)", 6, Binary, "Báo cáo kiểm tra công vụ"),
        new("6", "Cải cách tài chính công", 10),
        new("6.1", "Tỷ lệ giải ngân vốn đầu tư công", 10, new("rate-bands", Bands: [new(95, 10), new(80, 7), new(60, 4), new(0, 0)]),
            "Báo cáo giải ngân"),
        new("7", "Xây dựng, phát triển Chính quyền số", 10),
        new("7.1", "Tỷ lệ hồ sơ trực tuyến toàn trình", 10, Proportional, "Số liệu Cổng dịch vụ công"),
        new("8", "Sự hài lòng của người dân, tổ chức", 10),
        new("8.1", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS), %", 10, new("survey"), "Kết quả điều tra xã hội học"),
    ]);
}
