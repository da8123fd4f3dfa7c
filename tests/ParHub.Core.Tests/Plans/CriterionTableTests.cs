using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

/// <summary>
/// Improvement plans keyed by criteria (PAR Index, PAPI): codes such as 1.3.1 as the task number, heading rows, a
/// "Yêu cầu" column, HTML left in the cells, rows cut by page breaks.
/// </summary>
public class CriterionTableTests
{
    private static readonly string Plan = string.Join("\n",
        "STT\tTiêu chí\tNhiệm vụ\tYêu cầu\tThời gian\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm",
        "1\t<b>CÔNG TÁC CHỈ ĐẠO</b>\t\t\t\t\t\t",
        "1.1\t<i>Kế hoạch CCHC</i>\tBan hành Kế hoạch CCHC\tHoàn thành 100% Kế hoạch\tTrong năm 2023\tSở Nội vụ\tCác sở\tKế hoạch",
        "1.2\t<i>Kiểm tra công tác CCHC</i>\t\t\t\t\t\t",
        "1.2.1\tTỷ lệ cơ quan được kiểm tra\tCả năm\tĐạt từ 30% trở lên\tQuý IV/2023\tSở Nội vụ\t\t",
        "1.3\tTuyên truyền CCHC\tKế hoạch tuyên truyền\t\t\t\t\t",
        "1.3.1\tMức độ hoàn thành\tTriển khai Kế hoạch tuyên truyền\tHoàn thành 100%\t\t\t\t",
        "1.4\tĐổi mới\tCó từ 03 sáng kiến\tĐúng quy định\tTrong năm 2023\t<ul><li>- Sở Khoa học và Công nghệ;</li><li>- Sở Nội vụ</li></ul>\t\t",
        "\tBáo cáo định kỳ về CCHC\tQuý I, 6 tháng, Cả năm.\tĐúng thời gian\tTrước ngày 21/12/2023\tSở Nội vụ\t\t",
        "7,3\t<b>Phát triển ứng dụng</b>\t\t\t\t\t\t",
        "7.3.1\tCông khai ngân sách xã,\t- Thực hiện đúng các quy định về thu,\t\tTrong năm 2023\tSở Tài chính, UBND cấp huyện,\t\t",
        "\tphường, thị trấn\t- Công bố công khai thu chi ngân sách.\t\t\tcấp xã\t\t");

    private static List<TaskDraft> Tasks() => PlanTextReader.Read(Plan, 2023).Tasks.ToList();

    [Fact]
    public void Codes_number_the_tasks_and_rows_without_a_task_of_their_own_are_headings()
    {
        Assert.Equal(["1.1", "1.2.1", "1.3.1", "1.4", "", "7.3.1"], Tasks().Select(t => t.No));
    }

    [Fact]
    public void A_task_whose_code_heads_codes_under_it_is_a_heading()
    {
        var tasks = Tasks();
        Assert.DoesNotContain(tasks, t => t.No == "1.3");
        Assert.Equal("Tuyên truyền CCHC", tasks.Single(t => t.No == "1.3.1").Group);
    }

    [Fact]
    public void A_coded_row_sits_under_the_nearest_heading_of_its_code()
    {
        var tasks = Tasks();
        Assert.Equal("CÔNG TÁC CHỈ ĐẠO", tasks.Single(t => t.No == "1.4").Group);
        Assert.Equal("Kiểm tra công tác CCHC", tasks.Single(t => t.No == "1.2.1").Group);
        Assert.Equal("Phát triển ứng dụng", tasks.Single(t => t.No == "7.3.1").Group);
    }

    [Fact]
    public void The_requirement_is_kept_and_a_task_cell_naming_only_periods_leaves_the_task_to_the_criterion()
    {
        var tasks = Tasks();
        Assert.Equal("Hoàn thành 100% Kế hoạch", tasks[0].Requirement);
        Assert.Equal("Tỷ lệ cơ quan được kiểm tra", tasks.Single(t => t.No == "1.2.1").Content);
        Assert.Equal("Báo cáo định kỳ về CCHC", tasks.Single(t => t.No == "").Content);
        Assert.Equal("", tasks.Single(t => t.No == "1.3.1").Lead);
    }

    [Fact]
    public void A_list_in_a_cell_is_its_items_joined()
    {
        Assert.Equal("Sở Khoa học và Công nghệ; Sở Nội vụ", Tasks().Single(t => t.No == "1.4").Lead);
    }

    [Fact]
    public void A_row_whose_criterion_and_lead_go_on_in_lowercase_continues_the_row_above()
    {
        var task = Tasks()[^1];
        Assert.Equal("Sở Tài chính, UBND cấp huyện, cấp xã", task.Lead);
        Assert.EndsWith("Công bố công khai thu chi ngân sách.", task.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ul style=\"x\"> <li>- Văn phòng UBND;</li> <li>- Sở Nội vụ</li> </ul>", "Văn phòng UBND; Sở Nội vụ")]
    [InlineData("<p>Tuyên truyền về:</p> <ul><li>- Luật Bầu cử.</li><li>- Quy trình</li></ul>", "Tuyên truyền về: Luật Bầu cử.; Quy trình")]
    [InlineData("<i>Thực hiện</i> &amp; <b>báo cáo</b>", "Thực hiện & <b>báo cáo</b>")]
    [InlineData("Sở Nội vụ", "Sở Nội vụ")]
    public void Html_in_a_cell_is_read_as_text(string cell, string text) => Assert.Equal(text, HtmlCellText.ToText(cell));

    [Theory]
    [InlineData("1.3.1", "1.3.1")]
    [InlineData("2.4.", "2.4")]
    [InlineData("7,3", "7.3")]
    [InlineData("1", null)]
    [InlineData("I.1", null)]
    public void Codes_are_read_by_pattern(string cell, string? code) => Assert.Equal(code, TaskCode.Parse(cell));
}
