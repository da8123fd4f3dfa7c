using ParHub.Core.Plans;
using Xunit.Abstractions;

namespace ParHub.Core.Tests.Plans;

/// <summary>Rows of a task table that carry text but are read as nothing are reported with their line, for the preview.</summary>
public sealed class UnreadLineTests(ITestOutputHelper output)
{
    private const string Header = "STT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành";

    [Fact]
    public void A_row_of_garbage_cells_inside_a_task_table_is_reported_with_its_line()
    {
        var garbage = "lorem ipsum dolor sit amet " + new string('x', 300);
        var text = $"""
            {Header}
            abc | def ghi | jkl | mno
            I | CẢI CÁCH THỂ CHẾ |  | 
             | {garbage} | qwerty | 
            1 | Xây dựng kế hoạch cải cách hành chính | Sở Nội vụ | Quý I/2025
            """;
        var plan = PlanTextReader.Read(text, 2025);
        Assert.Equal(["1"], plan.Tasks.Select(t => t.No));
        Assert.Equal([2, 4], plan.Unread.Select(u => u.Line));
        Assert.Equal("abc | def ghi | jkl | mno", plan.Unread[0].Text);
        Assert.Equal("Không nhận ra dòng này là nhiệm vụ (số thứ tự “abc” không đọc được).", plan.Unread[0].Reason);
        Assert.StartsWith("lorem ipsum dolor sit amet xxx", plan.Unread[1].Text);
        Assert.True(plan.Unread[1].Text.Length <= UnreadLine.MaxText, plan.Unread[1].Text);
        Assert.EndsWith("…", plan.Unread[1].Text);
        Assert.StartsWith("Không nhận ra dòng này là nhiệm vụ (", plan.Unread[1].Reason);
    }

    [Fact]
    public void A_row_with_task_text_but_no_number_lead_or_time_under_a_group_is_reported()
    {
        var text = """
            STT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành | Ghi chú
            I | CẢI CÁCH THỂ CHẾ |  |  | 
             | Rà soát văn bản quy phạm pháp luật |  |  | Theo danh mục riêng
            1 | Xây dựng kế hoạch cải cách hành chính | Sở Nội vụ | Quý I/2025 | 
            """;
        var plan = PlanTextReader.Read(text, 2025);
        Assert.Equal(["1"], plan.Tasks.Select(t => t.No));
        var unread = Assert.Single(plan.Unread);
        Assert.Equal(3, unread.Line);
        Assert.Equal("Rà soát văn bản quy phạm pháp luật | Theo danh mục riêng", unread.Text);
        Assert.Equal("Không nhận ra dòng này là nhiệm vụ (không có số thứ tự, cơ quan chủ trì hay thời gian).", unread.Reason);
    }

    [Fact]
    public void Continuation_rows_group_rows_repeated_headers_and_filler_are_not_reported()
    {
        var text = $"""
            {Header}
            A | B | C | D
            I | CẢI CÁCH THỂ CHẾ |  | 
            1 | Xây dựng kế hoạch cải cách hành chính | Sở Nội vụ | Quý I/2025
             | và tổ chức triển khai thực hiện |  | 
             | Cải cách thủ tục hành chính |  | 
            {Header}
             | — | … | 
            2 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Năm 2025
            """;
        var plan = PlanTextReader.Read(text, 2025);
        Assert.Equal(["1", "2"], plan.Tasks.Select(t => t.No));
        Assert.Equal("Xây dựng kế hoạch cải cách hành chính và tổ chức triển khai thực hiện", plan.Tasks[0].Content);
        Assert.Equal("Cải cách thủ tục hành chính", plan.Tasks[1].Group);
        Assert.Empty(plan.Unread);
    }

    [Fact]
    public void Rows_of_a_table_without_a_task_header_are_not_reported()
    {
        var text = $"""
            Họ và tên | Chức vụ | Đơn vị
            Nguyễn Văn A | Giám đốc | Sở Nội vụ
            Trần Thị B | Phó Giám đốc | Sở Tư pháp

            {Header}
            1 | Xây dựng kế hoạch cải cách hành chính | Sở Nội vụ | Quý I/2025
            """;
        var plan = PlanTextReader.Read(text, 2025);
        Assert.Single(plan.Tasks);
        Assert.Empty(plan.Unread);
    }

    [Fact]
    public void TaskTable_reports_the_rows_it_could_not_read_only_when_asked()
    {
        TableRow[] rows =
        [
            new(["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"], 1),
            new(["xx", "yy zz", "ww", "vv"], 7),
            new(["1", "Ban hành quy chế", "Sở Nội vụ", "Tháng 3/2025"], 8),
        ];
        var unread = new List<UnreadLine>();
        var tasks = TaskTable.Read(rows, null, unread);
        Assert.Equal(TaskTable.Read(rows).Select(t => t.No), tasks.Select(t => t.No));
        Assert.Equal(7, Assert.Single(unread).Line);
    }

    /// <summary>
    /// The gold documents: every row of their task tables is read as a task, a group or heading, or part of a task.
    /// Observed: none is left unread (their only rows without a number are lowercase page-break continuations, which
    /// join the task above). Before allowing any, inspect the line in the document: a task or part of one reported here
    /// is a reader bug.
    /// </summary>
    [Fact]
    public void The_gold_documents_leave_no_row_of_their_task_tables_unread()
    {
        var total = 0;
        foreach (var doc in GoldPlanTests.Documents().Select(d => (string)d[0]))
        {
            var plan = PlanTextReader.Read(File.ReadAllText(GoldPlanTests.DocumentPath(doc)));
            output.WriteLine($"{doc}: {plan.Tasks.Count} tasks, {plan.Unread.Count} unread");
            foreach (var u in plan.Unread) output.WriteLine($"  line {u.Line}: {u.Text} — {u.Reason}");
            total += plan.Unread.Count;
        }
        output.WriteLine($"total unread: {total}");
        Assert.Equal(0, total);
    }
}
