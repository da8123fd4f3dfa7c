using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

/// <summary>Tables whose merged cells (rowspan) are missing from the numbered rows below the first.</summary>
public class TaskTableRowspanTests
{
    private const string Calendar = """
        STT | Tên thông tin thống kê | Mức độ hoàn chỉnh | Thời gian phổ biến | Hình thức phổ biến | Đơn vị chịu trách nhiệm phổ biến
        A | B | 1 | 2 | 3 | 4
        1 | Số đơn vị hành chính | Chính thức | Tháng 6/2026 | Cổng thông tin điện tử | Vụ Chính quyền địa phương
        2 | Số đại biểu Hội đồng nhân dân | Chính thức
        3 | Số người lao động đi làm việc ở nước ngoài | Chính thức | Tháng 4/2026
        4 | Số lượng hồ sơ
        5 | Số hộ được hỗ trợ cải thiện nhà ở | Chính thức | Ghi chú: số liệu năm 2025 (tính đến hết ngày 31/12/2025).
        """;

    [Fact]
    public void A_name_column_and_a_responsible_unit_make_a_task_table_header()
    {
        var plan = PlanTextReader.Read(Calendar, 2026);
        Assert.Equal(["1", "2", "3", "4", "5"], plan.Tasks.Select(t => t.No));
        Assert.Equal("Số đơn vị hành chính", plan.Tasks[0].Content);
        Assert.Equal("Vụ Chính quyền địa phương", plan.Tasks[0].Lead);
        Assert.Equal("Tháng 6/2026", plan.Tasks[0].Timeframe);
    }

    [Fact]
    public void Numbered_rows_without_the_merged_cells_take_them_from_the_row_above()
    {
        var tasks = PlanTextReader.Read(Calendar, 2026).Tasks;
        Assert.Equal("Số đại biểu Hội đồng nhân dân", tasks[1].Content);
        Assert.Equal(["Vụ Chính quyền địa phương"], tasks.Skip(1).Select(t => t.Lead).Distinct());
        Assert.Equal(["Tháng 6/2026", "Tháng 4/2026", "Tháng 4/2026", "Tháng 4/2026"], tasks.Skip(1).Select(t => t.Timeframe));
        Assert.Equal("Số lượng hồ sơ", tasks[3].Content);
    }

    [Fact]
    public void The_table_footnote_in_the_last_row_is_no_cell()
    {
        var last = PlanTextReader.Read(Calendar, 2026).Tasks[^1];
        Assert.Equal("Số hộ được hỗ trợ cải thiện nhà ở", last.Content);
        Assert.DoesNotContain("Ghi chú", last.Timeframe, StringComparison.Ordinal);
        Assert.Null(last.Note);
    }

    [Theory]
    [InlineData("Số lượng văn bản đến", false)]
    [InlineData("Số đại biểu Hội đồng nhân dân", false)]
    [InlineData("Sở Nội vụ", true)]
    [InlineData("SỞ TƯ PHÁP", true)]
    [InlineData("Đài Truyền hình Việt Nam", true)]
    public void A_count_is_not_read_as_a_department(string cell, bool agency) =>
        Assert.Equal(agency, RowAlignment.LooksLikeAgency(cell));
}
