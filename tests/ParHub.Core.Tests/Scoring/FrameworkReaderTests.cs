using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.Scoring;

public class FrameworkReaderTests
{
    private static List<ExtractedNode> Seed004() =>
        FrameworkReader.ReadText(File.ReadAllText(SharedFiles.Path("seeds/004_21b0049b0f504cbc.txt")));

    [Fact]
    public void Phu_luc_01_of_seed_004_gives_its_eight_fields_and_every_code()
    {
        var nodes = Seed004();
        var codes = nodes.Where(n => n.Code is not null).Select(n => n.Code!).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], nodes.Where(n => n.Parent is null && n.Code is not null).Select(n => n.Code));
        Assert.Equal("1", codes[0]);
        Assert.Equal("8.5.6", codes[^1]);
        Assert.Contains("7.3", codes);          // written "7,3" in the source
        Assert.DoesNotContain("7,3", codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("7.3", nodes.Single(n => n.Code == "7.3.1").Parent);
        Assert.Equal("1.4", nodes.Single(n => n.Code == "1.4.2").Parent);
        Assert.Equal("Công tác tuyên truyền CCHC", nodes.Single(n => n.Code == "1.4").Title);
        // The un-numbered row under 1.2 stays, as a child of 1.2.
        var unnumbered = Assert.Single(nodes, n => n.Code is null);
        Assert.Equal(("1.2", "Báo cáo định kỳ về CCHC"), (unnumbered.Parent, unnumbered.Title));
        foreach (var c in new[] { "1.3.1", "2.1.2", "3.4.5", "4.3.3", "5.6", "6.3.4", "7.4", "8.2.3", "8.5.1" }) Assert.Contains(c, codes);
    }

    [Fact]
    public void Columns_in_any_order_with_points_and_repeated_headers()
    {
        var text = "Mã | Điểm tối đa | Tiêu chí | Tài liệu kiểm chứng\n1 | 3 | Lĩnh vực | \n1.1 | 1 | Tiêu chí a | Báo cáo\n" +
                   "Mã | Điểm tối đa | Tiêu chí | Tài liệu kiểm chứng\n1.2 | 2 | Tiêu chí b | Quyết định\nHết bảng, văn bản "
                       + "tiếp theo.\n9 | 9 | Không đọc | x";
        var nodes = FrameworkReader.ReadText(text);
        Assert.Equal(["1", "1.1", "1.2"], nodes.Select(n => n.Code));
        Assert.Equal([3m, 1m, 2m], nodes.Select(n => n.Max!.Value));
        Assert.Equal("Quyết định", nodes[2].Evidence);
    }
}
