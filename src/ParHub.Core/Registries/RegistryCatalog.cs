namespace ParHub.Core.Registries;

/// <summary>
/// The reform's registries (issue 16): what the seeds judge reform by besides tasks and reports. Each kind is data, not
/// code: one page, one import, one export and one set of checks serve them all. Codes are part of URLs and of measures
/// (<see cref="RegistryMeasure"/>) stored in report forms and index frameworks: never rename one.
/// </summary>
public static class RegistryCatalog
{
    public const string Inspections = "kiem-tra";
    public const string Initiatives = "sang-kien";
    public const string Dialogues = "doi-thoai";
    public const string Communication = "tuyen-truyen";
    public const string LegalDocuments = "vbqppl";
    public const string Headcount = "bien-che";
    public const string JobPositions = "vi-tri-viec-lam";
    public const string Downsizing = "tinh-gian";
    public const string Appointments = "bo-nhiem";
    public const string Training = "dao-tao";
    public const string Discipline = "ky-luat";
    public const string Funds = "kinh-phi";
    public const string AgencyPlans = "ke-hoach";

    private static Choice[] Fields() =>
    [
        new("the-che", "Cải cách thể chế"), new("tthc", "Cải cách thủ tục hành chính"), new("bo-may", "Cải cách tổ chức bộ máy"),
        new("cong-vu", "Cải cách chế độ công vụ"), new("tai-chinh", "Cải cách tài chính công"),
        new("chinh-phu-so", "Chính quyền điện tử, chính quyền số"), new("khac", "Chỉ đạo, điều hành và nhiệm vụ khác"),
    ];

    public static readonly IReadOnlyList<RegistryKind> All =
    [
        new(Inspections, "Kiểm tra công tác cải cách hành chính", "cuộc kiểm tra", "khac", "Thời gian kiểm tra dự kiến",
        [
            new("doi_tuong", "Cơ quan, đơn vị được kiểm tra", ColumnType.Agency, Required: true),
            new("doan", "Đoàn kiểm tra (trưởng đoàn, quyết định thành lập)", ColumnType.Text),
            new("ngay_kiem_tra", "Ngày kiểm tra thực tế", ColumnType.Date, Hint: "Để trống khi chưa kiểm tra"),
            new("ket_luan", "Kết luận kiểm tra", ColumnType.LongText, MaxLength: 4000),
            new("van_ban", "Văn bản thông báo kết luận", ColumnType.Text, Hint: "Ví dụ: 123/TB-UBND ngày 15/8/2024"),
        ],
        "Kế hoạch kiểm tra của năm (cơ quan nào, khi nào, đoàn nào), cuộc kiểm tra, kết luận và các tồn tại phải khắc phục — mỗi "
        + "tồn tại là một nhiệm vụ có thời hạn. Tối thiểu 30% số cơ quan, đơn vị được kiểm tra trong năm.",
        Subject: "doi_tuong",
        FollowUps: new("Tồn tại, hạn chế phải khắc phục", "Tồn tại, hạn chế", "Kết luận kiểm tra CCHC", "Khắc phục tồn tại sau kiểm tra CCHC: ",
            "ngay_kiem_tra")),

        new(Initiatives, "Sáng kiến, mô hình, giải pháp mới trong cải cách hành chính", "sáng kiến", "khac", "Ngày công nhận",
        [
            new("ten", "Tên sáng kiến, mô hình, giải pháp", ColumnType.Text, Required: true, MaxLength: 1000),
            new("hinh_thuc", "Hình thức", ColumnType.Choice, Required: true,
                Choices: [new("sang_kien", "Sáng kiến"), new("mo_hinh", "Mô hình"), new("giai_phap", "Giải pháp")]),
            new("linh_vuc", "Lĩnh vực cải cách", ColumnType.Choice, Choices: Fields()),
            new("quyet_dinh", "Quyết định công nhận", ColumnType.Text, Hint: "Ví dụ: 451/QĐ-UBND ngày 07/02/2024"),
            new("ap_dung", "Áp dụng, nhân rộng tại", ColumnType.LongText, MaxLength: 2000),
        ],
        "Mỗi cơ quan, đơn vị có ít nhất một sáng kiến, mô hình, giải pháp mới trong năm; các cơ quan chưa có được liệt kê.",
        Expected: new(1, "ít nhất 1 sáng kiến, mô hình, giải pháp mới mỗi năm")),

        new(Dialogues, "Đối thoại của người đứng đầu với người dân, doanh nghiệp", "cuộc đối thoại", "khac", "Ngày đối thoại",
        [
            new("chu_tri", "Lãnh đạo chủ trì", ColumnType.Text, Required: true),
            new("doi_tuong", "Đối thoại với", ColumnType.Choice, Required: true,
                Choices: [new("nguoi_dan", "Người dân"), new("doanh_nghiep", "Doanh nghiệp"), new("ca_hai", "Người dân và doanh nghiệp")]),
            new("so_nguoi", "Số người tham dự", ColumnType.Count, Max: 100_000),
            new("van_de", "Vấn đề được nêu", ColumnType.LongText, MaxLength: 4000),
            new("so_kien_nghi", "Số ý kiến, kiến nghị", ColumnType.Count, Max: 10_000),
            new("so_da_tra_loi", "Số ý kiến đã trả lời, giải quyết", ColumnType.Count, Max: 10_000),
            new("theo_doi", "Trả lời và việc phải làm tiếp", ColumnType.LongText, MaxLength: 4000),
        ],
        "Người đứng đầu đối thoại với người dân, doanh nghiệp ít nhất 2 lần mỗi năm.",
        Rules: [new("so_da_tra_loi", "so_kien_nghi", "Số ý kiến đã trả lời không được lớn hơn số ý kiến, kiến nghị.")],
        Expected: new(2, "ít nhất 2 cuộc đối thoại mỗi năm"),
        FollowUps: new("Kiến nghị phải giải quyết sau đối thoại", "Kiến nghị, việc phải làm", "Kết luận đối thoại với người dân, doanh nghiệp",
            "Giải quyết kiến nghị sau đối thoại: ")),

        new(Communication, "Thông tin, tuyên truyền cải cách hành chính", "hoạt động tuyên truyền", "khac", "Ngày đăng, phát, tổ chức",
        [
            new("hinh_thuc", "Hình thức", ColumnType.Choice, Required: true,
                Choices:
                [
                    new("tin_bai", "Tin, bài viết"), new("phat_thanh", "Phóng sự, chương trình phát thanh, truyền hình"),
                    new("cuoc_thi", "Cuộc thi"), new("hoi_nghi", "Hội nghị, hội thảo, tập huấn"),
                    new("an_pham", "Tài liệu, tờ rơi, pano, áp phích"), new("khac", "Hình thức khác"),
                ]),
            new("noi_dung", "Tiêu đề, nội dung", ColumnType.Text, Required: true, MaxLength: 1000),
            new("so_luong", "Số lượng (tin, bài, buổi, ấn phẩm)", ColumnType.Count, Required: true, Max: 100_000),
            new("kenh", "Kênh, phương tiện", ColumnType.Text, Hint: "Cổng thông tin điện tử, Báo Hải Phòng, Đài PT-TH…"),
        ],
        "Các tin, bài, chương trình, cuộc thi, hội nghị tuyên truyền cải cách hành chính theo kế hoạch tuyên truyền của năm."),

        new(LegalDocuments, "Văn bản quy phạm pháp luật", "văn bản", "the-che", "Ngày ban hành (hoặc dự kiến)",
        [
            new("so_hieu", "Số, ký hiệu", ColumnType.Text, Hint: "Để trống khi chưa ban hành"),
            new("trich_yeu", "Trích yếu", ColumnType.Text, Required: true, MaxLength: 1000),
            new("loai", "Loại văn bản", ColumnType.Choice, Required: true,
                Choices: [new("nq_hdnd", "Nghị quyết HĐND"), new("qd_ubnd", "Quyết định UBND")]),
            new("ke_hoach", "Thuộc kế hoạch ban hành của năm", ColumnType.YesNo),
            new("da_ban_hanh", "Đã ban hành", ColumnType.YesNo),
            new("da_ra_soat", "Đã rà soát, hệ thống hóa", ColumnType.YesNo),
            new("tu_kiem_tra", "Đã tự kiểm tra", ColumnType.YesNo),
            new("het_hieu_luc", "Hết hiệu lực, bị thay thế từ ngày", ColumnType.Date),
        ],
        "Văn bản quy phạm pháp luật của địa phương: trong kế hoạch và đã ban hành, đã rà soát, tự kiểm tra, hết hiệu lực."),

        new(Headcount, "Biên chế được giao và sử dụng", "số liệu biên chế", "cong-vu", "Ngày số liệu",
        [
            new("loai", "Loại", ColumnType.Choice, Required: true,
                Choices: [new("cong_chuc", "Biên chế công chức"), new("vien_chuc", "Số người làm việc trong đơn vị sự nghiệp")]),
            new("duoc_giao", "Được giao", ColumnType.Count, Required: true, Max: 1_000_000),
            new("co_mat", "Có mặt (đã sử dụng)", ColumnType.Count, Max: 1_000_000),
            new("quyet_dinh", "Quyết định giao", ColumnType.Text, Hint: "Ví dụ: 130/QĐ-UBND ngày 16/01/2024"),
        ],
        "Biên chế công chức và số người làm việc được giao, đã sử dụng của mỗi cơ quan; số liệu mới nhất trong kỳ được dùng.",
        Rules: [new("co_mat", "duoc_giao", "Số có mặt không được lớn hơn số được giao.")], StockBy: "loai", ProvinceOnly: true),

        new(JobPositions, "Vị trí việc làm được phê duyệt", "phê duyệt vị trí việc làm", "cong-vu", "Ngày phê duyệt",
        [
            new("so_vi_tri", "Số vị trí việc làm", ColumnType.Count, Required: true, Max: 100_000),
            new("quyet_dinh", "Quyết định phê duyệt", ColumnType.Text),
        ],
        "Đề án vị trí việc làm được phê duyệt của mỗi cơ quan, đơn vị; phê duyệt mới nhất trong kỳ được dùng.", StockBy: ""),

        new(Downsizing, "Tinh giản biên chế", "đợt tinh giản", "cong-vu", "Ngày quyết định",
        [
            new("hinh_thuc", "Hình thức", ColumnType.Choice, Required: true,
                Choices:
                [
                    new("nghi_huu", "Nghỉ hưu trước tuổi"), new("thoi_viec", "Thôi việc"),
                    new("chuyen_to_chuc", "Chuyển sang tổ chức không hưởng lương ngân sách"), new("khac", "Hình thức khác"),
                ]),
            new("so_nguoi", "Số người", ColumnType.Count, Required: true, Max: 10_000),
            new("quyet_dinh", "Quyết định phê duyệt", ColumnType.Text),
        ],
        "Các trường hợp tinh giản biên chế được phê duyệt, theo hình thức."),

        new(Appointments, "Bổ nhiệm, điều động cán bộ lãnh đạo, quản lý", "quyết định nhân sự", "cong-vu", "Ngày quyết định",
        [
            new("hinh_thuc", "Hình thức", ColumnType.Choice, Required: true,
                Choices:
                [
                    new("bo_nhiem", "Điều động, bổ nhiệm"), new("bo_nhiem_lai", "Bổ nhiệm lại, kéo dài thời gian giữ chức vụ"),
                    new("giao_quyen", "Giao quyền, giao phụ trách"), new("nghi_huu", "Nghỉ hưu, thôi giữ chức vụ"),
                ]),
            new("so_nguoi", "Số trường hợp", ColumnType.Count, Required: true, Max: 10_000),
            new("chuc_vu", "Chức vụ, ghi chú", ColumnType.Text, MaxLength: 1000),
        ],
        "Bổ nhiệm, bổ nhiệm lại, giao quyền và nghỉ hưu của cán bộ lãnh đạo, quản lý."),

        new(Training, "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức", "lớp đào tạo, bồi dưỡng", "cong-vu", "Ngày khai giảng",
        [
            new("ten_lop", "Tên lớp, nội dung", ColumnType.Text, Required: true, MaxLength: 1000),
            new("so_hoc_vien", "Số học viên", ColumnType.Count, Required: true, Max: 100_000),
            new("cchc", "Bồi dưỡng về cải cách hành chính", ColumnType.YesNo),
        ],
        "Các lớp đào tạo, bồi dưỡng và số học viên."),

        new(Discipline, "Kỷ luật cán bộ, công chức, viên chức", "quyết định kỷ luật", "cong-vu", "Ngày quyết định",
        [
            new("hinh_thuc", "Hình thức kỷ luật", ColumnType.Choice, Required: true,
                Choices:
                [
                    new("khien_trach", "Khiển trách"), new("canh_cao", "Cảnh cáo"), new("ha_bac", "Hạ bậc lương"),
                    new("cach_chuc", "Giáng chức, cách chức"), new("buoc_thoi_viec", "Buộc thôi việc"),
                ]),
            new("so_nguoi", "Số người", ColumnType.Count, Required: true, Max: 10_000),
            new("ghi_chu", "Ghi chú", ColumnType.Text, MaxLength: 1000),
        ],
        "Các trường hợp bị kỷ luật, theo hình thức."),

        new(Funds, "Kinh phí cải cách hành chính", "khoản kinh phí", "tai-chinh", "Ngày đề xuất",
        [
            new("noi_dung", "Nội dung (kế hoạch, nhiệm vụ)", ColumnType.Text, Required: true, MaxLength: 1000),
            new("ke_hoach", "Kế hoạch trên ParHub (số hiệu)", ColumnType.Plan, Hint: "Số trong địa chỉ trang kế hoạch, ví dụ 12"),
            new("nhiem_vu", "Nhiệm vụ trên ParHub (số hiệu)", ColumnType.Task, Hint: "Số trong địa chỉ trang nhiệm vụ, ví dụ 345"),
            new("linh_vuc", "Lĩnh vực cải cách", ColumnType.Choice, Required: true, Choices: Fields()),
            new("nguon", "Nguồn kinh phí", ColumnType.Choice, Required: true,
                Choices: [new("ngan_sach", "Ngân sách nhà nước"), new("khac", "Nguồn khác")]),
            new("de_xuat", "Dự toán đề xuất (triệu đồng)", ColumnType.Money, Max: 10_000_000),
            new("duoc_giao", "Được giao (triệu đồng)", ColumnType.Money, Max: 10_000_000),
            new("da_chi", "Đã chi (triệu đồng)", ColumnType.Money, Max: 10_000_000),
        ],
        "Dự toán kinh phí CCHC các cơ quan đề xuất (trước ngày 20 tháng 01), được giao và đã chi, theo lĩnh vực.",
        Expected: new(1, "đề xuất dự toán kinh phí CCHC trước ngày 20/01", 1, 20)),

        new(AgencyPlans, "Kế hoạch cải cách hành chính năm của cơ quan, đơn vị", "kế hoạch", "khac", "Ngày ban hành",
        [
            new("so_hieu", "Số, ký hiệu", ColumnType.Text, Required: true, Hint: "Ví dụ: 25/KH-STP"),
            new("trich_yeu", "Trích yếu", ColumnType.Text, MaxLength: 1000),
        ],
        "Mỗi cơ quan, đơn vị ban hành kế hoạch CCHC năm của mình trước ngày 15 tháng 01; cơ quan chưa ban hành hoặc ban hành muộn "
        + "được liệt kê. Kế hoạch đã nhập vào ParHub được nối theo số, ký hiệu.",
        Expected: new(1, "ban hành kế hoạch CCHC năm trước ngày 15/01", 1, 15)),
    ];

    public static RegistryKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);
}
