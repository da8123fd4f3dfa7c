using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

/// <summary>Tasks written inline, each followed by its block of labels (no task table).</summary>
public class InlineTaskReaderTests
{
    private static List<TaskDraft> Read(string text) => InlineTaskReader.Read(text.Replace("\r\n", "\n").Split('\n'));

    [Theory]
    [InlineData("Cơ quan chủ trì")]
    [InlineData("Cơ quan thực hiện")]
    [InlineData("Đơn vị chủ trì")]
    [InlineData("Đơn vị thực hiện")]
    [InlineData("Đơn vị chủ trì tham mưu thực hiện")]
    public void Each_lead_label_gives_the_lead(string label)
    {
        var tasks = Read($"""
            1. Tổ chức tập huấn

            - {label}: Sở Tư pháp.

            - Thời gian thực hiện: Quý I/2026.
            """);
        var task = Assert.Single(tasks);
        Assert.Equal("Tổ chức tập huấn", task.Content);
        Assert.Equal("Sở Tư pháp", task.Lead);
        Assert.Equal("Quý I/2026", task.Timeframe);
        Assert.Equal("1", task.No);
    }

    [Theory]
    [InlineData("Cơ quan phối hợp", "Cooperating")]
    [InlineData("Đơn vị phối hợp thực hiện", "Cooperating")]
    [InlineData("Cơ quan/Đơn vị phối hợp", "Cooperating")]
    [InlineData("Thời gian thực hiện", "Timeframe")]
    [InlineData("Thời hạn hoàn thành", "Timeframe")]
    [InlineData("Thời hạn ban hành", "Timeframe")]
    [InlineData("Sản phẩm", "Product")]
    [InlineData("Kết quả", "Product")]
    public void Each_label_fills_its_field(string label, string field)
    {
        var task = Assert.Single(Read($"""
            - Xây dựng cơ sở dữ liệu

            Cơ quan chủ trì: Sở Nội vụ.

            {label}: Giá trị của nhãn.
            """));
        Assert.Equal("Sở Nội vụ", task.Lead);
        var value = field switch
        {
            "Cooperating" => task.Cooperating,
            "Timeframe" => task.Timeframe,
            _ => task.Product,
        };
        Assert.Equal("Giá trị của nhãn", value);
        Assert.Equal("Xây dựng cơ sở dữ liệu", task.Content);
    }

    [Fact]
    public void Labels_and_values_wrapped_over_lines_are_joined()
    {
        var task = Assert.Single(Read("""
            - Nghiên cứu tham mưu UBND tỉnh
            ban hành cơ chế, chính sách.

            Đơn vị chủ trì tham mưu thực
            hiện: Sở Nội
            vụ.

            - Đơn vị phối hợp: Văn
            phòng UBND tỉnh; các cơ quan, đơn vị, địa phương

            liên quan.

            Thời gian thực hiện: Thường
            xuyên.
            """));
        Assert.Equal("Nghiên cứu tham mưu UBND tỉnh ban hành cơ chế, chính sách.", task.Content);
        Assert.Equal("Sở Nội vụ", task.Lead);
        Assert.Equal("Văn phòng UBND tỉnh; các cơ quan, đơn vị, địa phương liên quan", task.Cooperating);
        Assert.Equal("Thường xuyên", task.Timeframe);
    }

    [Fact]
    public void A_task_without_a_lead_is_still_a_task()
    {
        var tasks = Read("""
            1. Tuyên truyền

            - Phổ biến Luật trên các phương tiện thông tin đại chúng.

            - Đơn vị phối hợp: Các cơ quan báo chí.

            - Thời gian thực hiện: Hằng năm.

            - Tổ chức hội nghị tập huấn.

            - Cơ quan chủ trì: Sở Tư pháp.
            """);
        Assert.Equal(2, tasks.Count);
        Assert.Equal("", tasks[0].Lead);
        Assert.Equal("Các cơ quan báo chí", tasks[0].Cooperating);
        Assert.Equal("Hằng năm", tasks[0].Timeframe);
        Assert.Equal("Sở Tư pháp", tasks[1].Lead);
        Assert.Equal("", tasks[1].Timeframe);
        Assert.Equal("Tổ chức hội nghị tập huấn.", tasks[1].Content);
    }

    [Fact]
    public void A_heading_without_labels_is_a_group_and_its_items_are_the_tasks()
    {
        var tasks = Read("""
            II. NỘI DUNG

            5. Xây dựng Nghị định của Chính phủ

            - Nghị định quy định chi tiết một số điều của Luật

            + Nội dung: quy định chi tiết khoản 2 Điều 3.

            + Cơ quan chủ trì: Bộ Công an.

            + Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.

            - Nghị định xử phạt vi phạm hành chính

            + Cơ quan chủ trì: Bộ Tư pháp.

            + Thời hạn ban hành: Quý II/2026.

            6. Kiểm tra việc thi hành Luật

            - Cơ quan chủ trì: Bộ Công an.

            - Thời gian thực hiện: năm 2026.
            """);
        Assert.Equal(
            ["Nghị định quy định chi tiết một số điều của Luật", "Nghị định xử phạt vi phạm hành chính", "Kiểm tra việc thi hành Luật"],
            tasks.Select(t => t.Content));
        Assert.Equal(["Bộ Công an", "Bộ Tư pháp", "Bộ Công an"], tasks.Select(t => t.Lead));
        Assert.Equal(["", "", "6"], tasks.Select(t => t.No));
        Assert.Equal("Xây dựng Nghị định của Chính phủ", tasks[0].Group);
        Assert.Equal("NỘI DUNG", tasks[2].Group);
        Assert.Equal("quy định chi tiết khoản 2 Điều 3", tasks[0].Note);
        Assert.Null(tasks[2].Note);
    }

    [Fact]
    public void Bullets_that_share_one_label_block_are_one_task()
    {
        var tasks = Read("""
            3. Nâng cao nhận thức

            - Các cơ quan tiếp tục nâng cao nhận thức.

            - Người đứng đầu trực tiếp chỉ đạo.

            Đơn vị thực hiện: Các Sở, ngành.

            Thời gian thực hiện: Thường xuyên.
            """);
        var task = Assert.Single(tasks);
        Assert.StartsWith("Các cơ quan tiếp tục nâng cao nhận thức.", task.Content, StringComparison.Ordinal);
        Assert.Contains("Người đứng đầu trực tiếp chỉ đạo", task.Content, StringComparison.Ordinal);
        Assert.Equal("Nâng cao nhận thức", task.Group);
    }

    [Fact]
    public void A_task_label_gives_the_text_and_the_item_its_number()
    {
        var tasks = Read("""
            1. Về dữ liệu

            1.1. Xây dựng các Chiến lược:

            a) Nhiệm vụ: Tham mưu rà soát Chiến lược dữ liệu.

            b) Cơ quan thực hiện:

            - Đơn vị chủ trì: Sở Khoa học
            và Công nghệ.

            - Đơn vị phối hợp: Các Sở, ban, ngành.

            c) Thời gian thực hiện: Hoàn thành trong năm 2025.

            1.2. Phát triển dữ liệu:

            a) Nhiệm vụ:

            - Số hóa các bộ dữ liệu.

            - Chuẩn hóa dữ liệu chuyên ngành.

            b) Cơ quan thực hiện:

            - Đơn vị chủ trì: Các Sở, ban, ngành.

            c) Thời gian thực hiện: Thực hiện thường xuyên .
            """);
        Assert.Equal(["1.1", "1.2"], tasks.Select(t => t.No));
        Assert.Equal("Tham mưu rà soát Chiến lược dữ liệu.", tasks[0].Content);
        Assert.Equal("Sở Khoa học và Công nghệ", tasks[0].Lead);
        Assert.Equal("Các Sở, ban, ngành", tasks[0].Cooperating);
        Assert.Equal("Về dữ liệu", tasks[0].Group);
        Assert.StartsWith("Số hóa các bộ dữ liệu.", tasks[1].Content, StringComparison.Ordinal);
        Assert.Contains("Chuẩn hóa dữ liệu chuyên ngành", tasks[1].Content, StringComparison.Ordinal);
        Assert.Equal("Các Sở, ban, ngành", tasks[1].Lead);
        Assert.Equal("Thực hiện thường xuyên", tasks[1].Timeframe);
    }

    [Fact]
    public void Labels_written_on_the_task_line_are_read()
    {
        var task = Assert.Single(Read("""
            - Tổ chức tập huấn nghiệp vụ. Cơ quan chủ trì: Sở Nội vụ; thời gian thực hiện: Quý I/2026.
            """));
        Assert.Equal("Tổ chức tập huấn nghiệp vụ.", task.Content);
        Assert.Equal("Sở Nội vụ", task.Lead);
        Assert.Equal("Quý I/2026", task.Timeframe);
    }

    [Fact]
    public void A_lead_written_as_a_sentence_keeps_its_actors_and_time_steps_keep_their_time_phrases()
    {
        var task = Assert.Single(Read("""
            4. Rà soát văn bản quy phạm pháp luật

            - Cơ quan thực hiện: Bộ Công an tiến hành rà soát các văn bản; các bộ, cơ quan ngang bộ rà soát văn bản thuộc phạm vi quản lý.

            - Thời gian thực hiện:

            + Các bộ gửi kết quả rà soát về Bộ Công an trước ngày 15 tháng 12 năm 2025.

            + Bộ Công an tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.
            """));
        Assert.Equal("Bộ Công an; các bộ, cơ quan ngang bộ", task.Lead);
        Assert.Equal("trước ngày 15 tháng 12 năm 2025; trước ngày 31 tháng 12 năm 2025", task.Timeframe);
        Assert.Equal(new DateOnly(2025, 12, 31), TimeframeParser.Parse(task.Timeframe, new TimeframeContext(2025)).Due);
    }

    [Fact]
    public void A_list_of_names_as_lead_is_kept_whole()
    {
        var task = Assert.Single(Read("""
            - Xây dựng chuyên mục về pháp luật.

            Đơn vị chủ trì thực hiện: Báo và Phát thanh, Truyền hình tỉnh; Sở Xây dựng, các cơ quan, đơn vị theo quy định.

            Thời gian thực hiện: Thường xuyên.
            """));
        Assert.Equal("Báo và Phát thanh, Truyền hình tỉnh; Sở Xây dựng, các cơ quan, đơn vị theo quy định", task.Lead);
    }

    [Fact]
    public void Prose_and_a_lone_time_label_are_not_tasks()
    {
        var tasks = Read("""
            I. MỤC ĐÍCH, YÊU CẦU

            1. Mục đích

            - Triển khai kịp thời, đồng bộ Kế hoạch.

            2. Tên thủ tục hành chính: Cấp giấy phép hoạt động.

            a. Nội dung cắt giảm, đơn giản hóa: Giảm 02 ngày so với quy định.

            - Thời gian thực hiện: 05 ngày kể từ ngày nhận đủ giấy tờ.

            b. Lý do: Thực tế có thể rút ngắn.
            """);
        Assert.Empty(tasks);
    }

    [Fact]
    public void A_plan_without_a_table_reads_its_inline_tasks_and_gives_no_warning()
    {
        var plan = PlanTextReader.Read("""
            KẾ HOẠCH

            THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026

            II. NHIỆM VỤ

            1. Xây dựng kho dữ liệu dùng chung

            - Cơ quan chủ trì: Sở Khoa học và Công nghệ.

            - Thời gian thực hiện: Quý II/2026.
            """);
        var task = Assert.Single(plan.Tasks);
        Assert.Equal("Xây dựng kho dữ liệu dùng chung", task.Content);
        Assert.Equal("Sở Khoa học và Công nghệ", task.Lead);
        Assert.Empty(plan.Warnings);
    }
}
