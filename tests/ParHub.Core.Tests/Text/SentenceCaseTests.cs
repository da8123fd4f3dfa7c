using ParHub.Core.Text;

namespace ParHub.Core.Tests.Text;

/// <summary>Titles in capitals read as sentences that keep their proper names (exports of plans and assessments).</summary>
public class SentenceCaseTests
{
    private static readonly string[] Directory = ["Ủy ban nhân dân thành phố Hải Phòng", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ"];

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh")]
    [InlineData("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀI PHÒNG", "Ủy ban nhân dân thành phố Hải Phòng")] // the seed's typo, read as the directory writes it
    [InlineData("UBND TỈNH ĐẮK LẮK", "UBND tỉnh Đắk Lắk")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Ủy ban nhân dân tỉnh Bắc Ninh")]
    [InlineData("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư")]
    [InlineData("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "Công tác chỉ đạo, điều hành CCHC")]
    [InlineData("TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KT-XH", "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH")]
    [InlineData("KẾ HOẠCH CỦA THÀNH PHỐ NĂM 2025", "Kế hoạch của thành phố năm 2025")] // no place named
    [InlineData("Ủy ban nhân dân thành phố hà nội", "Ủy ban nhân dân thành phố hà nội")] // written by a person: left as it is
    public void A_title_in_capitals_reads_as_a_sentence_with_its_names(string title, string expected) =>
        Assert.Equal(expected, SentenceCase.Of(title, Directory));

    [Fact]
    public void A_known_name_inside_a_title_keeps_its_punctuation() =>
        Assert.Equal("Báo cáo của Sở Nội vụ, quý I", SentenceCase.Of("BÁO CÁO CỦA SỞ NỘI VỤ, QUÝ I", Directory));
}
