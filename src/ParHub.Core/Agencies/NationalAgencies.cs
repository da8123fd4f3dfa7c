namespace ParHub.Core.Agencies;

/// <summary>
/// The ministries and central bodies plans name as leads (national documents, or a province's plan citing them), as
/// of 2025 and before the 2025 merger. A phrase naming one of them is one agency even though its name holds "và" or a
/// comma, whether or not the province's directory lists it.
/// </summary>
public static class NationalAgencies
{
    public static readonly IReadOnlyList<string> Names =
    [
        "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Tài chính", "Bộ Công Thương",
        "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ",
        "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ",
        "Văn phòng Chính phủ", "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam",
        "Bảo hiểm xã hội Việt Nam", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Viện Hàn lâm Khoa học xã hội Việt Nam",
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
        "Kiểm toán nhà nước", "Văn phòng Quốc hội", "Văn phòng Chủ tịch nước", "Học viện Chính trị quốc gia Hồ Chí Minh",
        "Bộ Kế hoạch và Đầu tư", "Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn",
        "Bộ Thông tin và Truyền thông", "Bộ Giao thông vận tải", "Bộ Lao động - Thương binh và Xã hội", "Ủy ban Dân tộc",
        "Liên hiệp các Hội Khoa học và Kỹ thuật", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao",
    ];
}
