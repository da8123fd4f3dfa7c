using ParHub.Core.Indices;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Indices;

/// <summary>The external indices' figures as typed or imported, and targets spoken of as a rank among provinces.</summary>
public class ExternalFiguresTests
{
    [Fact]
    public void A_figure_is_read_on_its_indexs_scale()
    {
        var (v, p) = ExternalFigures.Read(new("pci", "2024", "", null, "70,5", "3", "63", "VCCI"));
        Assert.Empty(p);
        Assert.Equal(("PCI", 2024, "", 70.5m, 3, 63), (v!.Index, v.Year, v.Dimension, v.Score, v.Rank, v.RankOf));
        Assert.Contains("Điểm phải là số từ 0 đến 80.", ExternalFigures.Read(new("PAPI", "2024", "", null, "81", null, null, null)).Problems);
        Assert.Contains("Điểm phải là số từ 0 đến 1.", ExternalFigures.Read(new("DTI", "2024", "", null, "1,2", null, null, null)).Problems);
        var bad = ExternalFigures.Read(new("XYZ", "20a4", new string('d', 40), null, "-1", "0", "101", null));
        Assert.Null(bad.Value);
        Assert.Equal(6, bad.Problems.Count);
        Assert.Contains(bad.Problems, x => x.StartsWith("Chỉ số “XYZ” không có", StringComparison.Ordinal));
        Assert.Contains("Thứ hạng 9 lớn hơn số tỉnh, thành phố được xếp hạng (5).",
            ExternalFigures.Read(new("PGI", "2024", "", null, "50", "9", "5", null)).Problems);
    }

    [Theory]
    [InlineData("Chỉ số PCI một trong 5 địa phương đạt thứ hạng cao nhất cả nước", 5, "ext.PCI.rank")]
    [InlineData("Chỉ số SIPAS duy trì trong топ 05 địa phương cao nhất cả nước", 5, "national.sipas.rank")]
    [InlineData("Chỉ số cải cách hành chính (PAR Index) nằm trong nhóm 10 tỉnh, thành phố dẫn đầu", 10, "national.par.rank")]
    [InlineData("Chỉ số PAPI trong top 20 tỉnh", 20, "ext.PAPI.rank")]
    public void A_rank_among_provinces_is_a_target_on_that_index(string text, int top, string metric)
    {
        var m = TargetReader.Read(text)!;
        Assert.Equal(("<=", (decimal)top, TargetReader.RankUnit), (m.Comparator, m.Threshold, m.Unit));
        Assert.Equal(metric, TargetMetrics.Guess(text, m.Unit));
        Assert.NotNull(TargetMetrics.Label(metric));
        Assert.True(TargetCheck.Meets(m.Comparator, m.Threshold, 2));
        Assert.False(TargetCheck.Meets(m.Comparator, m.Threshold, top + 1));
    }

    [Fact]
    public void A_percent_target_is_read_as_before()
    {
        Assert.Equal(("%", ">="), (TargetReader.Read("SIPAS đạt tối thiểu 95%")!.Unit, TargetReader.Read("SIPAS đạt tối thiểu 95%")!.Comparator));
        Assert.Null(TargetReader.Read("Từng bước cải thiện chỉ số PAPI"));
    }
}
