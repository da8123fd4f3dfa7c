using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>The procedure catalogue file: Vietnamese or code headers, labels in any spelling, decisions, every bad line named.</summary>
public sealed class ProcedureCsvTests
{
    private static List<ProcedureFileRow> Read(string text) => ProcedureCsv.Read(new StringReader(text)).ToList();

    private static readonly ProcedureDecisionRow Decision = new("1234/QĐ-UBND", new(2025, 3, 10), new(2025, 4, 1), new(2025, 3, 20));

    [Fact]
    public void A_row_of_the_code_header_is_a_procedure()
    {
        var rows = Read(ProcedureCsv.Header + "\n1.004227,Đăng ký khai sinh,Hộ tịch,cấp xã,STP,một cửa,toàn trình,không,có,"
            + "1234/QĐ-UBND,10/03/2025,2025-04-01,20/03/2025\n");
        var row = Assert.Single(rows);
        Assert.Equal(2, row.Line);
        Assert.Equal(new ProcedureRow("1.004227", "Đăng ký khai sinh", "Hộ tịch", ProcedureLevel.Commune, "STP", OneStopKind.OneStop,
            OnlineLevel.Full, false, true, Decision), row.Procedure);
    }

    [Fact]
    public void Vietnamese_titles_under_a_title_row_in_any_order_with_the_decision_left_out()
    {
        // The separator is the first line's: a title above the header is a spreadsheet's habit; such a CSV uses commas.
        var text = "DANH MỤC THỦ TỤC HÀNH CHÍNH\n\n"
            + "Tên thủ tục,Mã TTHC,Lĩnh vực,Cấp thực hiện,Cơ quan giải quyết,Một cửa,Mức độ,Có phí,Bưu chính,Ghi chú\n"
            + "\"Cấp phép; xây dựng\",2.000101,Xây dựng,Tỉnh,Sở Xây dựng,Liên thông,DVC trực tuyến một phần,x,,ghi chú\n"
            + "Chứng thực bản sao,2.000102,Chứng thực,CAP HUYEN,,,,0,yes,\n";
        var rows = Read(text);
        Assert.All(rows, r => Assert.Null(r.Problem));
        Assert.Equal([4, 5], rows.Select(r => r.Line));
        Assert.Equal(new ProcedureRow("2.000101", "Cấp phép; xây dựng", "Xây dựng", ProcedureLevel.Province, "Sở Xây dựng",
            OneStopKind.Interlinked, OnlineLevel.Partial, true, false, null), rows[0].Procedure);
        Assert.Equal(new ProcedureRow("2.000102", "Chứng thực bản sao", "Chứng thực", ProcedureLevel.District, "", OneStopKind.OneStop,
            OnlineLevel.None, false, true, null), rows[1].Procedure);
    }

    [Fact]
    public void Every_bad_line_is_named_with_its_reason()
    {
        var text = ProcedureCsv.Header + "\n"
            + "1.1,A,F,cấp tỉnh,,,,,,,,,\n"                                  // 2 good
            + ",A,F,cấp tỉnh,,,,,,,,,\n"                                     // 3 no code
            + "1.2,A,F,cấp bộ,,,,,,,,,\n"                                    // 4 level
            + "1.3,A,F,cấp xã,,fax,mức 4,có lẽ,,,,,\n"                       // 5 one-stop, online, flag
            + "1.4,A,F,cấp xã,,,,,,5/QĐ-UBND,,,\n"                          // 6 number without date
            + "1.5,A,F,cấp xã,,,,,,,01/01/2025,,\n"                          // 7 date without number
            + "1.6,A,F,cấp xã,,,,,,7/QĐ,31/02/2025,,\n"                      // 8 bad date
            + "1.7,A,F,cấp xã,,,,,,8/QĐ,01/02/2025,,01/01/2025\n"            // 9 published before
            + "1.1,B,F,cấp xã,,,,,,,,,\n"                                    // 10 duplicate code
            + "1.8,A,F,cấp xã,,,,,,9/QĐ,01/02/2025,,\n"                      // 11 good
            + "1.9,A,F,cấp xã,,,,,,9/qđ,02/02/2025,,\n"                      // 12 other dates, same decision
            + "1 10,A,F,cấp xã,,,,,,,,,\n"                                   // 13 code with a space
            + "1.11,A,F,cấp xã,,,,,,,,,,extra\n"                              // 14 too many cells
            + "1.12,A,F,cấp xã,,,,,,1/QĐ,01/01/1980,,\n";                    // 15 out of range
        var rows = Read(text);
        var bad = rows.Where(r => r.Problem is not null).ToDictionary(r => r.Line, r => r.Problem!);
        Assert.Equal([2, 11], rows.Where(r => r.Problem is null).Select(r => r.Line));
        Assert.Equal(Enumerable.Range(3, 13).Except([11]), bad.Keys.Order());
        Assert.Contains("Thiếu mã TTHC", bad[3]);
        Assert.Contains("Cấp “cấp bộ” không có", bad[4]);
        Assert.Contains("“fax”", bad[5]);
        Assert.Contains("“mức 4”", bad[5]);
        Assert.Contains("“có lẽ” không phải có/không", bad[5]);
        Assert.Contains("Thiếu ngày quyết định", bad[6]);
        Assert.Contains("thiếu số quyết định", bad[7]);
        Assert.Contains("“31/02/2025” không phải ngày", bad[8]);
        Assert.Contains("trước ngày quyết định", bad[9]);
        Assert.Contains("trùng với dòng 2", bad[10]);
        Assert.Contains("ghi ngày khác với dòng 11", bad[12]);
        Assert.Contains("chỉ được có chữ, số", bad[13]);
        Assert.Contains("14 ô", bad[14]);
        Assert.Contains("ngoài khoảng", bad[15]);
    }

    [Fact]
    public void A_file_without_a_header_or_missing_columns_is_one_problem()
    {
        var none = Assert.Single(Read("a,b,c\n1,2,3\n"));
        Assert.Equal(1, none.Line);
        Assert.Contains("Không tìm thấy dòng tiêu đề", none.Problem);
        var missing = Assert.Single(Read("\nma_tthc,ten,so_quyet_dinh\n1.1,A,5/QĐ\n"));
        Assert.Equal(2, missing.Line);
        Assert.Contains("linh_vuc", missing.Problem);
        Assert.Contains("ngay_quyet_dinh", missing.Problem);
        Assert.Contains("Không tìm thấy", Assert.Single(Read("")).Problem);
    }

    [Fact]
    public void Labels_read_back_what_they_write()
    {
        foreach (var l in Enum.GetValues<ProcedureLevel>()) Assert.Equal(l, ProcedureLabels.Level(ProcedureLabels.Label(l)));
        foreach (var k in Enum.GetValues<OneStopKind>()) Assert.Equal(k, ProcedureLabels.OneStop(ProcedureLabels.Label(k)));
        foreach (var o in Enum.GetValues<OnlineLevel>()) Assert.Equal(o, ProcedureLabels.Online(ProcedureLabels.Label(o)));
        Assert.Equal(OnlineLevel.Full, ProcedureLabels.Online("Dịch vụ công trực tuyến toàn trình"));
        Assert.Null(ProcedureLabels.Level("cấp trung ương"));
    }

    private static readonly Gen<string> Words =
        from n in Gen.Choose(1, 5)
        from words in Gen.ArrayOf(Gen.Elements("Cấp", "giấy", "phép", "đăng ký", "hộ tịch", "\"xây\"", "dựng;", "Sở", "Tư pháp", "a,b", "đất đai"), n)
        select string.Join(' ', words);

    private static readonly Gen<string> Codes =
        from a in Gen.Choose(1, 3)
        from b in Gen.Choose(0, 999_999)
        select $"{a}.{b:D6}";

    private static readonly Gen<DateOnly?> Days = Gen.OneOf(Gen.Constant((DateOnly?)null),
        Gen.Choose(0, 20_000).Select(d => (DateOnly?)ProcedureCsv.MinDate.AddDays(d)));

    private static readonly Gen<ProcedureDecisionRow?> Decisions = Gen.OneOf(Gen.Constant((ProcedureDecisionRow?)null),
        from n in Gen.Choose(1, 9999)
        from date in Gen.Choose(0, 20_000)
        from effective in Days
        from after in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 400).Select(x => (int?)x))
        let day = ProcedureCsv.MinDate.AddDays(date)
        select (ProcedureDecisionRow?)new ProcedureDecisionRow($"{n}/QĐ-UBND", day, effective, after is { } a ? day.AddDays(a) : null));

    private static readonly Gen<ProcedureRow> Rows =
        from code in Codes
        from name in Words
        from field in Words
        from level in Gen.Elements(Enum.GetValues<ProcedureLevel>())
        from agency in Gen.Elements("", "STP", "Sở Tư pháp", "UBND xã An Đồng")
        from oneStop in Gen.Elements(Enum.GetValues<OneStopKind>())
        from online in Gen.Elements(Enum.GetValues<OnlineLevel>())
        from fee in Gen.Elements(true, false)
        from postal in Gen.Elements(true, false)
        from decision in Decisions
        select new ProcedureRow(code, name, field, level, agency, oneStop, online, fee, postal, decision);

    [Fact]
    public void Valid_rows_written_then_read_give_the_same_procedures() =>
        Prop.ForAll(Gen.ListOf(Rows).ToArbitrary(), list =>
        {
            // Distinct codes and decision numbers (a file names a decision with the same dates on every row).
            var rows = list.DistinctBy(r => r.Code).DistinctBy(r => r.Decision?.Number ?? r.Code).ToList();
            var text = ProcedureCsv.Header + "\r\n" + string.Join("\r\n", rows.Select(ProcedureCsv.Line)) + "\r\n";
            var read = Read(text);
            return read.All(r => r.Problem is null) && read.Select(r => r.Procedure!).SequenceEqual(rows)
                && read.Select(r => r.Line).SequenceEqual(rows.Select((_, i) => i + 2));
        }).CheckReplayable(300);

    [Fact]
    public void The_cells_of_a_sheet_read_as_the_csv_does() =>
        Prop.ForAll(Gen.ListOf(Rows).ToArbitrary(), list =>
        {
            var rows = list.DistinctBy(r => r.Code).DistinctBy(r => r.Decision?.Number ?? r.Code).ToList();
            var sheet = new[] { (1, ProcedureCsv.Columns.ToArray()) }.Concat(rows.Select((r, i) => (i + 2, ProcedureCsv.Cells(r))));
            return ProcedureCsv.Read(sheet).Select(r => r.Procedure).SequenceEqual(rows);
        }).CheckReplayable(100);
}
