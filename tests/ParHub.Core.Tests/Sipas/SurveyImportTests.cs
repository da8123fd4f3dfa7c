using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

public sealed class SurveyImportTests
{
    private static readonly SurveyDefinition Preset = SurveyPreset.Sipas2023();
    private static readonly Dictionary<string, int> Agencies = new() { ["STP"] = 7, ["Sở Tư pháp"] = 7, ["SYT"] = 9 };

    [Fact]
    public void Csv_reads_quotes_doubled_quotes_line_breaks_and_the_separator_of_the_header()
    {
        var rows = CsvText.Read("\uFEFFa;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\nthere\"\n;;\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b", "c"], rows[0]);
        Assert.Equal(["1", "x;y", "say \"hi\"\nthere"], rows[1]);
        Assert.Equal(["", "", ""], rows[2]);
        Assert.Equal(["p", "q"], CsvText.Read("p,q")[0]);
    }

    [Fact]
    public void Headers_map_to_item_codes_as_survey_tools_write_them()
    {
        var header = new[] { "Cơ quan", "9.1", "9.2. Thông tin đầy đủ", "Q9_3", "group_a/9.4", "8.c", "ghi chú" };
        Assert.Equal([null, "9.1", "9.2", "9.3", "9.4", "8.c", null], SurveyImport.AutoMap(header, Preset));
        Assert.Equal(0, SurveyImport.AgencyColumn(header));
    }

    [Fact]
    public void Every_bad_row_is_listed_with_its_line_and_reason_and_good_rows_get_a_client_id_of_file_and_line()
    {
        string[][] rows =
        [
            ["co quan", "8.c", "9.1", "9.24"],
            ["STP", "1", "5", "4.0"],
            ["Sở không có", "1", "5", "4"],
            ["syt", "2", "7", ""],
            ["", "", "", ""],
            ["Sở Tư pháp", "", "", ""],
        ];
        var mapping = SurveyImport.AutoMap(rows[0], Preset);
        var plan = SurveyImport.Plan(Preset, rows, mapping, 0, Agencies, "abc", new HashSet<string>());
        Assert.Equal([3, 4, 6], plan.Problems.Select(p => p.Line));
        Assert.Contains("Không tìm thấy cơ quan “Sở không có”", plan.Problems[0].Reason);
        Assert.Contains("Câu 9.1", plan.Problems[1].Reason);
        Assert.Contains("Câu 8.c", plan.Problems[2].Reason); // required
        var good = Assert.Single(plan.Rows);
        Assert.Equal((2, 7, "imp:abc:2"), (good.Line, good.AgencyId, good.ClientId));
        Assert.Equal(4, good.Answers.Single(a => a.ItemCode == "9.24").Value);

        // Imported before: left out, not an error.
        var again = SurveyImport.Plan(Preset, rows[..2], mapping, 0, Agencies, "abc", new HashSet<string> { "imp:abc:2" });
        Assert.Empty(again.Rows);
        Assert.Empty(again.Problems);
    }

    [Fact]
    public void A_mapping_without_agency_or_with_a_code_twice_is_refused_before_any_row()
    {
        string[][] rows = [["a", "b"], ["STP", "5"]];
        Assert.Contains("Chọn cột ghi cơ quan", SurveyImport.Plan(Preset, rows, [null, "9.1"], -1, Agencies, "h", new HashSet<string>()).Problems[0].Reason);
        Assert.Contains("nhiều cột", SurveyImport.Plan(Preset, rows, ["9.1", "9.1"], 0, Agencies, "h", new HashSet<string>()).Problems[0].Reason);
        Assert.Contains("không có câu 99", SurveyImport.Plan(Preset, rows, [null, "99"], 0, Agencies, "h", new HashSet<string>()).Problems[0].Reason);
    }
}

public sealed class PopulationImportTests
{
    [Fact]
    public void Each_line_names_one_agency_once_with_a_whole_number_and_a_header_is_skipped()
    {
        string[][] rows =
        [
            ["Mã cơ quan", "Tổng thể N"], ["STP", "12.500"], ["Sở Y tế", "30"], ["Sở không có", "5"], ["stp", "7"], ["SYT", "nhiều"], ["", ""],
        ];
        var agencies = new Dictionary<string, int> { ["STP"] = 1, ["Sở Y tế"] = 2, ["SYT"] = 2 };
        var lines = PopulationImport.Read(rows, agencies);
        Assert.Equal([2, 3, 4, 5, 6], lines.Select(l => l.Line));
        Assert.Equal([null, null], lines.Take(2).Select(l => l.Problem));
        Assert.Equal((1, "12.500"), (lines[0].AgencyId!.Value, lines[0].Population));
        Assert.Contains("Không tìm thấy cơ quan “Sở không có”", lines[2].Problem);
        Assert.Contains("đã có ở dòng trước", lines[3].Problem);
        Assert.Contains("đã có ở dòng trước", lines[4].Problem);
        Assert.Contains("“3,5” không phải số nguyên", PopulationImport.Read([["STP", "3,5"]], agencies).Single().Problem);
    }

    [Fact]
    public void An_optional_third_column_gives_the_agencys_own_target_greater_than_0_and_at_most_100()
    {
        var agencies = new Dictionary<string, int> { ["STP"] = 1, ["SYT"] = 2, ["SXD"] = 3, ["SGDDT"] = 4 };
        var lines = PopulationImport.Read([["Cơ quan", "N", "Mục tiêu (%)"], ["STP", "100", ""], ["SYT", "200", "90"], ["SXD", "300", "92,5"],
            ["SGDDT", "400", "0"]], agencies);
        Assert.Equal(["", "90", "92,5", "0"], lines.Select(l => l.Target));
        Assert.Equal([null, null, null], lines.Take(3).Select(l => l.Problem));
        Assert.Contains("Mục tiêu “0” phải là một tỷ lệ lớn hơn 0 và tối đa 100", lines[3].Problem);
        Assert.Contains("tối đa 100", PopulationImport.Read([["STP", "5", "100,5"]], agencies).Single().Problem);
        Assert.Contains("tối đa 100", PopulationImport.Read([["STP", "5", "chín mươi"]], agencies).Single().Problem);
        Assert.True(SipasTargets.TryParse("100", out var full) && full == 100m);
        Assert.Equal((true, false, (bool?)null), (SipasTargets.Met(90m, 90m), SipasTargets.Met(89.999m, 90m), SipasTargets.Met(null, 90m)));
    }
}
