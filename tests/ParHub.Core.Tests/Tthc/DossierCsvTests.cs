using ParHub.Core.Sipas;
using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>The dossier CSV: columns in any order and case, quoting, BOM, flag and date spellings, every bad line named.</summary>
public sealed class DossierCsvTests
{
    private const string Header = DossierCsvHeader.Canonical;

    private static List<DossierCsvRow> Read(string text) => DossierCsv.Read(new StringReader(text)).ToList();

    [Fact]
    public void A_row_of_the_canonical_header_is_a_dossier()
    {
        var rows = Read(Header + "\nHS-1,SNV,1.001,truc_tuyen,2026-01-05,2026-01-15,2026-01-10,yes,yes,no,yes,yes,no,hai_long\n");
        var d = Assert.Single(rows).Dossier;
        Assert.Equal(new Dossier("HS-1", "SNV", "1.001", DossierChannel.Online, new(2026, 1, 5), new(2026, 1, 15), new(2026, 1, 10),
            true, true, false, true, true, false, DossierRating.Satisfied), d);
        Assert.Equal(2, rows[0].Line);
    }

    [Fact]
    public void Columns_in_any_order_and_case_with_a_bom_quotes_other_columns_and_vietnamese_spellings()
    {
        var text = "\uFEFFDanh_Gia;GHI_CHU;ma_tthc;co_quan;ma_ho_so;kenh;ngay_tiep_nhan;ngay_hen_tra;ngay_co_ket_qua;co_phi;"
            + "thanh_toan_truc_tuyen;so_hoa;ket_qua_dien_tu;dong_bo_dvcqg;xin_loi\r\n"
            + "KHONG_HAI_LONG;\"ghi chú; có \"\"ngoặc\"\"\nhai dòng\";\"1.002\";STP;\" HS 2 \";Buu_Chinh;05/01/2026;5/2/2026;;có;không;1;0;x;\r\n"
            + "\r\n"
            + ";;1.003;STP;HS-3;truc_tiep;2026-01-05;2026-01-06;2026-01-06;TRUE;false;Co;khong;N;Y\r\n";
        var rows = Read(text);
        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.Null(r.Problem));
        Assert.Equal(new Dossier("HS 2", "STP", "1.002", DossierChannel.Post, new(2026, 1, 5), new(2026, 2, 5), null,
            true, false, true, false, true, false, DossierRating.Dissatisfied), rows[0].Dossier);
        Assert.Equal(new Dossier("HS-3", "STP", "1.003", DossierChannel.Counter, new(2026, 1, 5), new(2026, 1, 6), new(2026, 1, 6),
            true, false, true, false, false, true, DossierRating.None), rows[1].Dossier);
    }

    [Fact]
    public void A_header_missing_columns_names_them_and_reads_no_further()
    {
        var rows = Read("ma_ho_so,co_quan,Kenh,kenh,ngay_tiep_nhan,ngay_hen_tra\nA,B,truc_tiep,truc_tiep,2026-01-01,2026-01-02\n");
        var problem = Assert.Single(rows);
        Assert.Equal(1, problem.Line);
        Assert.Equal("Tiêu đề thiếu cột ma_tthc, ngay_co_ket_qua, co_phi, thanh_toan_truc_tuyen, so_hoa, ket_qua_dien_tu, dong_bo_dvcqg, "
            + "xin_loi, danh_gia. Tiêu đề có cột lặp lại: kenh.", problem.Problem);
        Assert.Equal("Tệp rỗng: dòng đầu phải là tiêu đề " + Header + ".", Assert.Single(Read("")).Problem);
    }

    public static readonly TheoryData<string, string> BadRows = new()
    {
        { ",SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,", "Thiếu mã hồ sơ (ma_ho_so)." },
        { "A, ,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,", "Thiếu mã cơ quan (co_quan)." },
        { "A,*,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,", "Mã cơ quan “*” dành cho toàn tỉnh." },
        { "A,SNV,,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,", "Thiếu mã thủ tục (ma_tthc)." },
        { "A,SNV,1.001,,2026-01-05,2026-01-15,,no,no,no,no,no,no,", "Thiếu kênh tiếp nhận (kenh)." },
        { "A,SNV,1.001,email,2026-01-05,2026-01-15,,no,no,no,no,no,no,", "Kênh tiếp nhận “email” không có (truc_tiep, truc_tuyen, buu_chinh)." },
        { "A,SNV,1.001,truc_tiep,,2026-01-15,,no,no,no,no,no,no,", "Thiếu ngày tiếp nhận (ngay_tiep_nhan)." },
        { "A,SNV,1.001,truc_tiep,2026-01-05,15.01.2026,,no,no,no,no,no,no,",
            "Ngày hẹn trả (ngay_hen_tra) “15.01.2026” không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy)." },
        { "A,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,31/02/2026,no,no,no,no,no,no,",
            "Ngày có kết quả (ngay_co_ket_qua) “31/02/2026” không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy)." },
        { "A,SNV,1.001,truc_tiep,2026-01-05,2026-01-04,,no,no,no,no,no,no,", "Ngày hẹn trả (2026-01-04) trước ngày tiếp nhận (2026-01-05)." },
        { "A,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,2026-01-01,no,no,no,no,no,no,",
            "Ngày có kết quả (2026-01-01) trước ngày tiếp nhận (2026-01-05)." },
        { "A,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,maybe,no,no,no,no,", "Cột thanh_toan_truc_tuyen: “maybe” không phải có/không (yes/no)." },
        { "A,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,tot",
            "Đánh giá “tot” không có (hai_long, khong_hai_long hoặc để trống)." },
        { "A,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no", "Dòng có 13 ô, tiêu đề có 14 cột." },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_named_with_its_line_and_reason(string row, string reason)
    {
        var rows = Read(Header + "\nOK,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,\n" + row + "\n");
        Assert.NotNull(rows[0].Dossier);
        Assert.Equal((3, (Dossier?)null, reason), (rows[1].Line, rows[1].Dossier, rows[1].Problem));
    }

    [Fact]
    public void A_code_seen_before_is_a_duplicate_naming_the_first_line_and_a_line_break_in_a_quote_keeps_lines_true()
    {
        var rows = Read(Header + "\nA,SNV,\"1.001\nsecond line\",truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,\n"
            + "B,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,\n"
            + "A,STP,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,\n");
        Assert.Equal([2, 4, 5], rows.Select(r => r.Line));
        Assert.Equal("1.001\nsecond line", rows[0].Dossier!.ProcedureCode);
        Assert.Equal("Mã hồ sơ “A” trùng với dòng 2.", rows[2].Problem);
    }

    [Fact]
    public void Rows_stream_from_a_reader_that_never_ends()
    {
        var first = DossierCsv.Read(new EndlessDossiers()).Take(3).ToList();
        Assert.Equal(["HS0", "HS1", "HS2"], first.Select(r => r.Dossier!.Code));
        Assert.Equal([2, 3, 4], first.Select(r => r.Line));
    }

    [Fact]
    public void Csv_text_still_reads_whole_texts_as_before()
    {
        Assert.Equal(new[] { new[] { "a", "b" }, ["1", "x\r\ny"], [""] }, CsvText.Read("a,b\n1,\"x\r\ny\"\n\n"));
        Assert.Equal([1, 2, 4], CsvText.Stream(new StringReader("a,b\r\n1,\"x\r\ny\"\r\n\r\n")).Select(r => r.Line));
    }

    private const string VietnameseHeader = "STT,Số hồ sơ,Đơn vị giải quyết,Mã thủ tục,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,"
        + "Có phí lệ phí,Thanh toán trực tuyến,Số hóa,Kết quả điện tử,Đồng bộ DVCQG,Thư xin lỗi,Đánh giá";

    [Fact]
    public void An_export_with_vietnamese_titles_under_a_title_row_and_vietnamese_values_reads_as_the_codes_do()
    {
        var text = "BÁO CÁO HỒ SƠ TTHC QUÝ I/2026\n\n" + VietnameseHeader + "\n"
            + "1,HS-9,Sở Tư pháp,1.001,Nộp trực tuyến,15/01/2026 08:30,2026-01-25T17:00:00,,Có,Không,có,không,Có,không,Rất hài lòng\n"
            + "2,HS-10,STP,1.001,Trực tiếp,15/01/2026,20/01/2026,21/01/2026,không,không,không,không,không,có,Không hài lòng\n";
        DossierHeader? header = null;
        var rows = DossierCsv.Read(CsvText.Stream(new StringReader(text)), header: h => header = h).ToList();
        Assert.Equal(3, header!.Line);
        Assert.True(header.Complete);
        Assert.Equal("Số hồ sơ", header.Mapping[DossierCsv.Code]);
        Assert.Equal([4, 5], rows.Select(r => r.Line));
        Assert.Equal(new Dossier("HS-9", "Sở Tư pháp", "1.001", DossierChannel.Online, new(2026, 1, 15), new(2026, 1, 25), null,
            true, false, true, false, true, false, DossierRating.Satisfied), rows[0].Dossier);
        Assert.Equal((DossierChannel.Counter, true, DossierRating.Dissatisfied), (rows[1].Dossier!.Channel, rows[1].Dossier!.Apology, rows[1].Dossier!.Rating));
    }

    [Fact]
    public void Titles_nobody_knows_are_read_through_the_mapping_an_officer_gave_and_a_title_mapped_twice_is_refused()
    {
        var header = "Số HS,Cơ quan,Mã TTHC,Kênh,Nhận ngày,Hẹn ngày,Xong ngày,Có phí,Thanh toán trực tuyến,Số hóa,Kết quả điện tử,Đồng bộ,Xin lỗi,Đánh giá";
        var row = "A1,STP,1.001,truc_tiep,05/01/2026,15/01/2026,10/01/2026,no,no,no,no,no,no,";
        var unmapped = Read(header + "\n" + row + "\n");
        Assert.Equal("Tiêu đề thiếu cột ma_ho_so, ngay_tiep_nhan, ngay_hen_tra, ngay_co_ket_qua.", Assert.Single(unmapped).Problem);

        var mapping = new Dictionary<string, string>
        {
            [DossierCsv.Code] = "số hs", [DossierCsv.Received] = "Nhan ngay", [DossierCsv.Due] = "Hẹn ngày", [DossierCsv.Resolved] = "Xong ngày",
        };
        var mapped = DossierCsv.Read(new StringReader(header + "\n" + row + "\n"), mapping).ToList();
        Assert.Equal(new DateOnly(2026, 1, 10), Assert.Single(mapped).Dossier!.Resolved);

        // A title the officer gives a column wins over the one ParHub would have guessed for it; the same title for two columns is refused.
        var swapped = new Dictionary<string, string>(mapping) { [DossierCsv.Due] = "Xong ngày", [DossierCsv.Resolved] = "Hẹn ngày" };
        Assert.Equal(new DateOnly(2026, 1, 15), DossierCsv.Read(new StringReader(header + "\n" + row + "\n"), swapped).Single().Dossier!.Resolved);
        var twice = new Dictionary<string, string>(mapping) { [DossierCsv.Resolved] = "Hẹn ngày" };
        Assert.Equal("Tiêu đề thiếu cột ngay_co_ket_qua. Cột “Hẹn ngày” được ghép cho cả ngay_hen_tra và ngay_co_ket_qua.",
            DossierCsv.Read(new StringReader(header + "\n" + row + "\n"), twice).Single().Problem);
    }

    [Fact]
    public void A_sheets_row_may_end_early_but_not_hold_more_than_the_header()
    {
        var rows = new[]
        {
            new CsvRow(1, Header.Split(',')),
            new CsvRow(2, "A,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no".Split(',')),
            new CsvRow(4, "B,SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,,extra".Split(',')),
        };
        var read = DossierCsv.Read(rows, fromSheet: true).ToList();
        Assert.Equal(DossierRating.None, read[0].Dossier!.Rating);
        Assert.Equal((4, "Dòng có 15 ô, tiêu đề có 14 cột."), (read[1].Line, read[1].Problem));
    }

    /// <summary>A header, then dossiers HS0, HS1, … forever, produced as they are read.</summary>
    private sealed class EndlessDossiers : TextReader
    {
        private string buffer = DossierCsv.Header + "\n";
        private int position;
        private int next;

        private void Fill()
        {
            if (position < buffer.Length) return;
            buffer = $"HS{next++},SNV,1.001,truc_tiep,2026-01-05,2026-01-15,,no,no,no,no,no,no,\n";
            position = 0;
        }

        public override int Peek()
        {
            Fill();
            return buffer[position];
        }

        public override int Read()
        {
            Fill();
            return buffer[position++];
        }
    }
}

/// <summary>The header as the issue writes it, spelled out here so that the tests do not take it from the code.</summary>
internal static class DossierCsvHeader
{
    public const string Canonical = "ma_ho_so,co_quan,ma_tthc,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_co_ket_qua,co_phi,thanh_toan_truc_tuyen,"
        + "so_hoa,ket_qua_dien_tu,dong_bo_dvcqg,xin_loi,danh_gia";
}
