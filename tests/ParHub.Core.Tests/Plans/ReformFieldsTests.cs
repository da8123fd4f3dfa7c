using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

/// <summary>Plans' own headings read as the six standard reform fields.</summary>
public class ReformFieldsTests
{
    [Theory]
    [InlineData("Cải cách thể chế", "the-che")]
    [InlineData("Hoàn thiện thể chế", "the-che")]
    [InlineData("II. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH HỖ TRỢ CHUYỂN ĐỔI SỐ DOANH NGHIỆP", "the-che")]
    [InlineData("Cải cách thủ tục hành chính", "tthc")]
    [InlineData("Thực hiện cơ chế một cửa, cơ chế một cửa liên thông", "tthc")]
    [InlineData("Kết quả giải quyết TTHC", "tthc")]
    [InlineData("Cải cách tổ chức bộ máy hành chính nhà nước", "bo-may")]
    [InlineData("Thực hiện phân cấp, phân quyền trong quản lý nhà nước", "bo-may")]
    [InlineData("CẢI CÁCH CÔNG VỤ, CÔNG CHỨC", "cong-vu")]
    [InlineData("Đào tạo, tập huấn chuyên môn nghiệp vụ", "cong-vu")]
    [InlineData("Về cải cách tài chính công", "tai-chinh")]
    [InlineData("Thực hiện cơ chế tự chủ tài chính tại các đơn vị sự nghiệp công lập thuộc tỉnh", "tai-chinh")]
    [InlineData("Công tác quản lý, sử dụng tài sản công", "tai-chinh")]
    [InlineData("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "chinh-phu-so")]
    [InlineData("Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước", "chinh-phu-so")]
    [InlineData("Xây dựng chính quyền điện tử, chính quyền số", "chinh-phu-so")]
    [InlineData("Về hiện đại hóa nền hành chính", "chinh-phu-so")]
    [InlineData("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", ReformFields.Other)]
    [InlineData("Chi đao điều hành và tuyên truyền về cải cách hành chính", ReformFields.Other)]
    [InlineData("Kiểm tra cải cách hành chính, công vụ, công chức", ReformFields.Other)]
    [InlineData("Nhiệm vụ 6 tháng cuối năm 2024", ReformFields.Other)]
    [InlineData("Sở chủ trì tổ chức", ReformFields.Other)] // "chủ" after "từ/tổ" is no "tự chủ"
    public void A_heading_is_read_as_its_field(string heading, string field) => Assert.Equal(field, ReformFields.Of(heading));

    [Fact]
    public void A_task_without_a_heading_has_no_field() => Assert.Null(ReformFields.Of("  "));

    [Fact]
    public void The_standard_names_read_as_their_own_field() =>
        Assert.All(ReformFields.All.Where(f => f.Code != ReformFields.Other), f => Assert.Equal(f.Code, ReformFields.Of(f.Name)));

    private static readonly string[] HeadingWords =
        ["I.", "2)", "Cải", "cách", "thể", "chế", "CÔNG", "VỤ", "tài", "chính", "số", "điện", "tử", "kiểm", "tra", "một", "cửa", "—", "", "đ", "a)"];

    [Fact]
    public void Any_heading_is_read_as_one_of_the_seven_fields_and_never_throws() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(HeadingWords)).Select(w => string.Join(" ", w)).ToArbitrary(), heading =>
        {
            var field = ReformFields.Of(heading);
            return string.IsNullOrWhiteSpace(heading) ? field is null : ReformFields.IsField(field);
        }).CheckReplayable();
}
