using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

public class TargetReaderTests
{
    [Theory]
    [InlineData("Tỷ lệ hồ sơ giải quyết thủ tục hành chính đúng hạn đạt từ 95% trở lên.", ">=", 95, "%")]
    [InlineData("100% nhiệm vụ trong Kế hoạch cải cách hành chính năm 2018 hoàn thành.", "=", 100, "%")]
    [InlineData("Kiểm tra tối thiểu 30% cơ quan chuyên môn.", ">=", 30, "%")]
    [InlineData("Mức độ hài lòng của người dân trên 80%.", ">", 80, "%")]
    [InlineData("Có ít nhất 03 sáng kiến được công nhận mỗi năm.", ">=", 3, "sáng kiến")]
    [InlineData("Giảm 10% số đơn vị sự nghiệp công lập so với năm 2021.", "dec>=", 10, "%")]
    public void Reads_the_threshold(string text, string comparator, int threshold, string unit)
    {
        var m = TargetReader.Read(text)!;
        Assert.Equal((comparator, (decimal)threshold, unit), (m.Comparator, m.Threshold, m.Unit));
    }

    [Fact]
    public void A_sentence_without_a_number_has_no_measure() =>
        Assert.Null(TargetReader.Read("Tiếp tục duy trì vị trí đứng trong tốp đầu cả nước."));

    [Fact]
    public void Most_of_seed_000s_targets_have_a_measure()
    {
        var plan = PlanTextReader.Read(File.ReadAllText(SharedFiles.Path("seeds/000_4485116301db7f91.txt")), 2018);
        var measured = plan.Targets.Count(t => TargetReader.Read(t.Text) is not null);
        Assert.True(measured >= 12, $"{measured}/{plan.Targets.Count}");
    }

    [Fact]
    public void Targets_listed_by_sub_period_are_the_plus_lines_not_the_period_that_introduces_them()
    {
        var targets = PlanTextReader.ReadTargets("""
            2. Một số chỉ tiêu cụ thể

            - Giai đoạn 2026 - 2027:

            + 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.

            + 95% người dân hài lòng.

            - Tỷ lệ thanh toán trực tuyến đạt 80%.

            3. Yêu cầu:

            + Không phải chỉ tiêu.
            """.Split('\n'));
        Assert.Equal(["100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.", "95% người dân hài lòng.",
            "Tỷ lệ thanh toán trực tuyến đạt 80%."], targets.Select(t => t.Text));
    }
}
