using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

/// <summary>Assignment tables whose rows leave out the cells merged from the row above, or lose their separators.</summary>
public class MixedTableTests
{
    private const string Header =
        "STT | Cơ quan chủ trì | Cơ quan phối hợp | Thuộc nhóm nhiệm vụ | Nội dung nhiệm vụ | Chỉ tiêu đạt được | Thời hạn hoàn thành";

    private const string Table = Header + """

        A. | BỘ NÔNG NGHIỆP
        1 | Bộ Nông nghiệp | Bộ Xây dựng | Hoàn thiện chính sách | - Hoàn thiện Nghị định. | - Nghị định được ban hành. | Ban hành trong quý I năm 2026
        - Xây dựng quy chế phối hợp liên vùng. | - Quy chế phối hợp được ban hành. | Ban hành trong năm 2026. Thực hiện rà soát (nếu có)
        - Giám sát vận hành hệ thống quan trắc tự động liên tục tại các nguồn thải lớn. | - Hệ thống hoạt động ổn định. | Thực hiện thường xuyên, liên tục
        - Nghiên cứu công nghệ lọc bụi. | - Báo cáo nghiên cứu, đánh giá hiệu quả. | Thực hiện trong giai đoạn 2026 - 2030
        G. | BỘ GIÁO DỤC
        Bộ Giáo dục và Đào tạo | Đại học Bách khoa | Nghiên cứu | - Nghiên cứu Bản sao số. | - Hệ thống vận hành. | Giai đoạn 2026 - 2030
        Các bộ, ngành liên quan | - Nghiên cứu chương trình đào tạo. | Chương trình được ban hành. | Giai đoạn 2026 - 2030
        P. | MẶT TRẬN TỔ QUỐC
        Mặt trận Tổ quốc Việt Nam và các tổ chức thành
        viên

        - Bộ Nông nghiệp và Môi trường;
        - UBND các tỉnh.

        Tăng cường truyền thông

        Tăng cường vai trò giám sát, vận động
        hội viên tham gia bảo vệ môi trường.

        - Các chiến dịch truyền thông được tổ chức.

        Giai đoạn 2026 - 2030

        PHỤ LỤC II
        """;

    private static List<TaskDraft> Tasks() => PlanTextReader.Read(Table, 2026).Tasks.ToList();

    [Fact]
    public void Short_rows_continue_the_columns_on_the_right_whatever_their_text_says()
    {
        var tasks = Tasks();
        Assert.Equal("- Xây dựng quy chế phối hợp liên vùng.", tasks[1].Content);
        Assert.Equal("Ban hành trong năm 2026. Thực hiện rà soát (nếu có)", tasks[1].Timeframe);
        Assert.StartsWith("- Giám sát vận hành", tasks[2].Content, StringComparison.Ordinal);
        Assert.Equal("Thực hiện thường xuyên, liên tục", tasks[2].Timeframe);
        Assert.Equal("- Nghiên cứu công nghệ lọc bụi.", tasks[3].Content);
        Assert.All(tasks.Take(4), t => Assert.Equal("Bộ Nông nghiệp", t.Lead));
    }

    [Fact]
    public void The_agencies_concerned_take_part_and_the_lead_is_the_one_above()
    {
        var task = Tasks().Single(t => t.Content == "- Nghiên cứu chương trình đào tạo.");
        Assert.Equal("Bộ Giáo dục và Đào tạo", task.Lead);
        Assert.Equal("Các bộ, ngành liên quan", task.Cooperating);
    }

    [Fact]
    public void A_group_row_followed_by_paragraphs_is_the_group_s_row_written_cell_by_cell()
    {
        var task = Tasks()[^1];
        Assert.Equal("MẶT TRẬN TỔ QUỐC", task.Group);
        Assert.Equal("Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên", task.Lead);
        Assert.StartsWith("Tăng cường vai trò giám sát", task.Content, StringComparison.Ordinal);
        Assert.Equal("Giai đoạn 2026 - 2030", task.Timeframe);
    }

    [Fact]
    public void Prose_after_a_table_is_no_row()
    {
        var text = Header + "\n1 | Bộ Y tế | Bộ Tài chính | Nhóm | Xây dựng hồ sơ sức khỏe | Hồ sơ | Năm 2026\nB. | BỘ XÂY DỰNG\n"
            + "Đoạn văn thứ nhất của phần tổ chức thực hiện.\n\nĐoạn văn thứ hai.\n\nĐoạn văn thứ ba.\n\nĐoạn thứ tư.\n";
        Assert.Single(PlanTextReader.Read(text, 2026).Tasks);
    }

    [Theory]
    [InlineData("Ban hành trong năm 2026", false)]
    [InlineData("- Báo cáo nghiên cứu, đánh giá", false)]
    [InlineData("Ban Chỉ đạo quốc gia", true)]
    [InlineData("Báo Hải Phòng", true)]
    public void A_deed_is_not_read_as_an_agency(string cell, bool agency) => Assert.Equal(agency, RowAlignment.LooksLikeAgency(cell));
}
