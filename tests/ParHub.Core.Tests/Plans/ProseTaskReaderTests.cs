using ParHub.Core.Plans;
using ParHub.Core.Plans.Prose;

namespace ParHub.Core.Tests.Plans;

/// <summary>Tasks written as prose: a section naming them, items under addressee headings, "Giao …" sentences.</summary>
public class ProseTaskReaderTests
{
    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    [Fact]
    public void The_bullets_of_a_section_naming_tasks_are_its_tasks_due_at_the_end_of_the_period_it_names()
    {
        var tasks = TaskSectionReader.Read(Lines("""
            I. KẾT QUẢ THỰC HIỆN

            - Đã ban hành Kế hoạch số 12/KH-UBND.

            II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024

            1. Phương hướng thực hiện

            Tập trung chỉ đạo, đôn đốc thực hiện các nhiệm vụ.

            2. Nhiệm vụ 6 tháng cuối năm 2024

            - Triển khai Kế hoạch kiểm tra công tác cải cách hành chính năm 2024.

            - Tiếp tục triển khai Kế hoạch số 124/KH-UBND về áp dụng Tiêu chuẩn TCVN ISO 18091:2020 tại thành phố Hải

            Phòng năm 2024-2025.

            Trên đây là báo cáo kết quả thực hiện./.

            Nơi nhận:
            - Bộ Nội vụ;
            """));
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("6 tháng cuối năm 2024", t.Timeframe));
        Assert.All(tasks, t => Assert.Equal("", t.Lead));
        Assert.EndsWith("thành phố Hải Phòng năm 2024-2025.", tasks[1].Content);
        Assert.Equal("Nhiệm vụ 6 tháng cuối năm 2024", tasks[0].Group);
    }

    [Fact]
    public void Lettered_items_are_tasks_unless_they_introduce_items_of_their_own()
    {
        var tasks = TaskSectionReader.Read(Lines("""
            II. NHIỆM VỤ TRỌNG TÂM

            1. Cải cách thể chế

            a) Xây dựng, hoàn thiện hệ thống văn bản:

            + Rà soát toàn bộ văn bản.

            + Sửa đổi, bổ sung văn bản.

            b) Đẩy mạnh cắt giảm thủ tục hành chính:

            Tiếp tục rà soát, đề xuất bãi bỏ thủ tục rườm rà

            - Tập trung thực hiện các phương án cắt giảm, cụ thể như sau:

            + Cắt giảm 50% thời gian giải quyết.

            - Tăng cường kiểm tra việc thực hiện.

            c) Tăng cường kỷ cương hành chính.

            III. GIẢI PHÁP THỰC HIỆN

            - Tăng cường tuyên truyền.
            """));
        Assert.Equal(["Rà soát toàn bộ văn bản.", "Sửa đổi, bổ sung văn bản.", "Tiếp tục rà soát, đề xuất bãi bỏ thủ tục rườm rà"],
            tasks.Take(3).Select(t => t.Content));
        Assert.Equal("Tập trung thực hiện các phương án cắt giảm, cụ thể như sau: + Cắt giảm 50% thời gian giải quyết.", tasks[3].Content);
        Assert.Equal(["", "", "", "", "", "c"], tasks.Select(t => t.No));
        Assert.Equal("Tăng cường kỷ cương hành chính.", tasks[5].Content);
        Assert.All(tasks, t => Assert.Equal("Cải cách thể chế", t.Group));
    }

    [Fact]
    public void An_areas_lead_is_the_agency_the_plan_makes_responsible_for_it_or_for_the_programme_a_task_cites()
    {
        var tasks = TaskSectionReader.Read(Lines("""
            II. NHIỆM VỤ TRỌNG TÂM

            1. Cải cách thủ tục hành chính

            a) Rà soát, công bố thủ tục hành chính.

            2. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số

            - Xây dựng cơ sở dữ liệu dùng chung.

            - Hoàn thiện các nền tảng theo Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.

            3. Cải cách tài chính công

            a) Đổi mới cơ chế tài chính.

            V. TỔ CHỨC THỰC HIỆN

            2.1. Văn phòng Ủy ban nhân dân thành phố

            - Chủ trì, phối hợp các cơ quan có liên quan thực hiện, theo dõi các nhiệm vụ về cải cách thủ tục hành chính.

            2.2. Sở Khoa học và Công nghệ:

            Chủ trì, phối hợp các cơ quan thực hiện các nhiệm vụ về xây dựng chính quyền điện tử, chính quyền số.

            2.3. Công an thành phố:

            Chủ trì, phối hợp với các cơ quan có liên quan thực hiện các nhiệm vụ về Đề án 06/CP.
            """));
        Assert.Equal(["Văn phòng Ủy ban nhân dân thành phố", "Sở Khoa học và Công nghệ", "Công an thành phố", ""], tasks.Select(t => t.Lead));
    }

    [Fact]
    public void Giao_sentences_give_their_agency_as_lead_and_what_it_is_to_do_as_the_task()
    {
        var tasks = AssignmentReader.Read(Lines("""
            Điều 2. Tổ
            chức thực hiện

            Giao Sở Nội vụ triển khai, thực
            thi phương án đơn giản hóa thủ tục hành chính.

            Giao cho Văn phòng Ủy ban nhân dân Thành phố kiểm tra, đôn đốc việc thực hiện, báo cáo trước ngày 30/6/2026.

            Giao nhiệm vụ cho các cơ quan theo quy định.
            """));
        Assert.Equal(["Sở Nội vụ", "Văn phòng Ủy ban nhân dân Thành phố"], tasks.Select(t => t.Lead));
        Assert.Equal("Triển khai, thực thi phương án đơn giản hóa thủ tục hành chính.", tasks[0].Content);
        Assert.Equal("trước ngày 30/6/2026", tasks[1].Timeframe);
        Assert.All(tasks, t => Assert.Equal("Tổ chức thực hiện", t.Group));
    }

    [Fact]
    public void A_directives_lettered_items_are_led_by_the_addressee_of_their_heading()
    {
        var tasks = AddresseeItemReader.Read(Lines("""
            1. Thủ
            trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường

            a) Thực hiện nghiêm việc cải
            cách thủ tục hành chính.

            b) Rà soát các mẫu đơn, tờ khai.

            2. Sở Nội
            vụ

            a) Tham mưu UBND tỉnh theo dõi, kiểm tra.

            3. Ban hành văn bản hướng dẫn

            a) Không phải một nhiệm vụ của cơ quan nào.
            """));
        Assert.Equal(["a", "b", "a"], tasks.Select(t => t.No));
        Assert.Equal(["Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường", "Sở Nội vụ"], tasks.Select(t => t.Lead).Distinct());
        Assert.Equal("Thực hiện nghiêm việc cải cách thủ tục hành chính.", tasks[0].Content);
    }

    [Fact]
    public void Prose_without_any_of_these_layouts_and_table_rows_yield_no_tasks()
    {
        Assert.Empty(ProseTaskReader.Read(Lines("""
            I. MỤC TIÊU

            - Nâng cao chất lượng phục vụ người dân.

            Cột A | Cột B
            1 | Giao Sở Nội vụ thực hiện
            """)));
    }
}
