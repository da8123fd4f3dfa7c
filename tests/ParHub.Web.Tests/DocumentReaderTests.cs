using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ParHub.Web.Features.Plans;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ParHub.Web.Tests;

/// <summary>
/// The streamed DOCX and XLSX readers give exactly what the DOM readers they replaced gave (kept here as the
/// reference), on the seeds and corpus documents written as Word tables and on sheets with shared strings, dates,
/// gaps and inline strings; and a document over a <see cref="DocumentLimits"/> cap is refused with the message.
/// </summary>
public class DocumentReaderTests
{
    private static IEnumerable<string> Texts() =>
        Directory.GetFiles(Path.GetDirectoryName(SharedFiles.Path("seeds/000_4485116301db7f91.txt"))!, "*.txt")
            .Concat(Directory.GetFiles(Path.GetDirectoryName(SharedFiles.Path("corpus/docs/01_vpcp-624-tb-2025-bcd-cds-cchc-de-an-06.txt"))!, "*.txt"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText);

    /// <summary>A text as a Word document: lines with tabs become table rows (every third bold, some cells spanned, one nested table), others
    /// paragraphs.</summary>
    private static byte[] AsDocx(string text)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var body = new W.Body();
            W.Table? table = null;
            var n = 0;
            foreach (var line in text.Split('\n'))
            {
                n++;
                if (!line.Contains('\t'))
                {
                    table = null;
                    body.Append(new W.Paragraph(new W.Run(new W.Text(line) { Space = SpaceProcessingModeValues.Preserve }))); continue;
                }
                if (table is null) body.Append(table = new W.Table());
                var row = new W.TableRow();
                foreach (var (c, i) in line.Split('\t').Select((c, i) => (c, i)))
                {
                    var run = new W.Run(new W.Text(c) { Space = SpaceProcessingModeValues.Preserve });
                    if (n % 3 == 0) run.PrependChild(new W.RunProperties(new W.Bold()));
                    var cell = new W.TableCell(new W.Paragraph(run), new W.Paragraph(new W.Run(new W.Text(i == 0 || n % 5 != 0 ? "" : "tiếp"))));
                    if (n % 7 == 0 && i == 1) cell.PrependChild(new W.TableCellProperties(new W.GridSpan { Val = 2 }));
                    if (n % 11 == 0 && i == 0)
                        cell.Append(new W.Table(new W.TableRow(new W.TableCell(new W.Paragraph(new W.Run(new W.Text("lồng nhau")))))), new W.Paragraph());
                    row.Append(cell);
                }
                table.Append(row);
            }
            doc.AddMainDocumentPart().Document = new W.Document(body);
        }
        return ms.ToArray();
    }

    /// <summary>The DOM reader that <see cref="PlanFileReader.ReadDocxRows"/> replaced (before legacy conversion).</summary>
    private static (List<string>, List<Core.Plans.TableRow>) DomDocx(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var lines = new List<string>();
        var rows = new List<Core.Plans.TableRow>();
        foreach (var element in doc.MainDocumentPart!.Document.Body!.Elements())
        {
            if (element is W.Paragraph p)
            {
                lines.Add(p.InnerText);
                if (rows.Count > 0 && !string.IsNullOrWhiteSpace(p.InnerText)) rows.Add(Core.Plans.TableRow.Break(lines.Count));
            }
            else if (element is W.Table table)
                foreach (var tr in table.Elements<W.TableRow>())
                {
                    var cells = new List<string>();
                    var allBold = true;
                    foreach (var tc in tr.Elements<W.TableCell>())
                    {
                        cells.Add(string.Join(" ", tc.Elements<W.Paragraph>().Select(x => x.InnerText)));
                        for (var k = 1; k < (tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1); k++) cells.Add("");
                        var runs = tc.Descendants<W.Run>().Where(r => !string.IsNullOrWhiteSpace(r.InnerText)).ToList();
                        if (runs.Count > 0 && !runs.All(r => r.RunProperties?.Bold is not null)) allBold = false;
                    }
                    lines.Add(string.Join("\t", cells));
                    rows.Add(new Core.Plans.TableRow(cells, lines.Count, Bold: allBold && cells.Count(c => c.Trim().Length > 0) <= 2));
                }
        }
        return (lines, rows);
    }

    private static string Show(Core.Plans.TableRow r) => $"{r.Line}|{r.IsBreak}|{r.Bold}|{string.Join("¦", r.Cells)}";

    // Inline task blocks ("Đơn vị chủ trì: …") in a Word document are read as in a text file (today: "Không tìm thấy bảng").
    [Theory]
    [InlineData("06_bacninh-141-kh-ubnd-2025-nang-luc-xay-dung-phap-luat")]
    [InlineData("13_ttg-2623-qd-2025-kh-thi-hanh-luat-bvdlcn")]
    public void Inline_task_blocks_in_a_word_document_are_the_tasks_of_the_text(string doc)
    {
        var text = File.ReadAllText(SharedFiles.Path($"corpus/docs/{doc}.txt"));
        var fromText = PlanFileReader.Read("kh.txt", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), null);
        var fromWord = PlanFileReader.Read("kh.docx", new MemoryStream(AsDocx(text)), null);
        Assert.NotEmpty(fromText.Tasks);
        Assert.Equal(fromText.Tasks.Select(t => (t.Content, t.Lead, t.Timeframe)), fromWord.Tasks.Select(t => (t.Content, t.Lead, t.Timeframe)));
    }

    [Fact]
    public void The_streamed_word_reader_reads_the_seeds_and_corpus_exactly_as_the_dom_reader_did()
    {
        var (documents, bold) = (0, 0);
        foreach (var text in Texts())
        {
            var bytes = AsDocx(text);
            var (lines, rows) = DomDocx(bytes);
            var streamed = PlanFileReader.ReadDocxRows(new MemoryStream(bytes));
            Assert.Equal(lines, streamed.Lines);
            Assert.Equal(rows.Select(Show), streamed.Rows.Select(Show));
            bold += rows.Count(r => r.Bold);
            documents++;
        }
        Assert.True(documents >= 17, $"{documents} documents");
        Assert.True(bold > 10, $"{bold} bold rows");
    }

    [Fact]
    public void The_streamed_excel_reader_reads_shared_strings_dates_gaps_and_inline_strings_as_the_dom_reader_did()
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new S.Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new S.SharedStringTable(new S.SharedStringItem(new S.Text("Sở Nội vụ ")),
                new S.SharedStringItem(new S.Run(new S.Text("Sở ")), new S.Run(new S.RunProperties(new S.Bold()), new S.Text("Tư pháp"))));
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new S.Stylesheet(new S.NumberingFormats(new S.NumberingFormat { NumberFormatId = 170, FormatCode = "dd/mm/yyyy" }),
                new S.Fonts(new S.Font()), new S.Fills(new S.Fill()), new S.Borders(new S.Border()),
                new S.CellFormats(new S.CellFormat(), new S.CellFormat { NumberFormatId = 14 }, new S.CellFormat { NumberFormatId = 170 },
                    new S.CellFormat { NumberFormatId = 4 }));
            var ws = wb.AddNewPart<WorksheetPart>();
            S.Cell C(string r, string? v, S.CellValues? t = null, uint? s = null) =>
                new() { CellReference = r, CellValue = v is null ? null : new S.CellValue(v), DataType = t, StyleIndex = s };
            ws.Worksheet = new S.Worksheet(new S.SheetData(
                new S.Row(C("A1", "0", S.CellValues.SharedString), C("C1", "1", S.CellValues.SharedString), C("D1", "45292", null, 1)),
                new S.Row(C("B2", "45300", null, 2), C("C2", "1234.5", null, 3), new S.Cell
                {
                    CellReference = "E2", DataType = S.CellValues.InlineString,
                    InlineString = new S.InlineString(new S.Text(" nội tuyến "))
                }),
                new S.Row(),
                new S.Row(C(null!, "7"), C(null!, "9", S.CellValues.SharedString), C("F4", null))));
            wb.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Một" }));
        }
        var rows = Xlsx.ReadFirstSheet(new MemoryStream(ms.ToArray()));
        string[][] expected =
        [
            ["Sở Nội vụ", "", "Sở Tư pháp", "01/01/2024"],
            ["", "09/01/2024", "1234,5", "", "nội tuyến"], // a number cell as a Vietnamese types it
            [],
            ["7", "", "", "", "", ""],
        ];
        Assert.Equal(expected.Select(r => string.Join("¦", r)), rows.Select(r => string.Join("¦", r)));
        // …so the importers' Vietnamese number reading gets 1234,5 (the invariant "1234.5" was refused, and 1.150 read as 1150).
        Assert.True(Core.Reports.VietnameseNumber.TryParse(rows[1][2], out var n) && n == 1234.5m);
        // The bulk reader, row by row from the file on disk, gives the same cells with each row's number.
        var path = Path.Combine(Path.GetTempPath(), $"parhub-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, ms.ToArray());
        try
        {
            var streamed = Xlsx.StreamFirstSheet(path).ToList();
            Assert.Equal([1, 2, 3, 4], streamed.Select(r => r.Line));
            Assert.Equal(expected.Select(r => string.Join("¦", r)), streamed.Select(r => string.Join("¦", r.Cells)));
            File.WriteAllBytes(path, "PK\u0003\u0004 not a zip"u8.ToArray());
            Assert.Throws<UnreadableFileException>(() => Xlsx.StreamFirstSheet(path).ToList());
        }
        finally { File.Delete(path); }
        // The sheets ParHub writes read back the same.
        var written = Xlsx.Write("Danh mục", ["Mã", "Tên"], [["SNV", "Sở Nội vụ"], ["STP", null]]);
        Assert.Equal(["Mã¦Tên", "SNV¦Sở Nội vụ", "STP¦"], Xlsx.ReadFirstSheet(new MemoryStream(written)).Select(r => string.Join("¦", r)));
    }

    [Theory]
    [InlineData("paragraphs", "250.000 đoạn văn")]
    [InlineData("rows", "50.000 dòng")]
    [InlineData("sheet", "50.000 dòng")]
    [InlineData("huge", "32 MB dữ liệu trong phần “word/document.xml”")]
    public void A_document_over_a_cap_is_refused_with_a_vietnamese_message(string kind, string message)
    {
        var bytes = kind switch
        {
            "paragraphs" => BigOffice.Docx(24L << 20),
            "rows" => BigOffice.Docx(20L << 20, table: true),
            "sheet" => BigOffice.Xlsx(16L << 20),
            _ => BigOffice.Docx(40L << 20),
        };
        Assert.True(bytes.Length < 1 << 20, $"{bytes.Length} bytes");
        var e = Assert.Throws<UnreadableFileException>(() => kind == "sheet" ? (object)Xlsx.ReadFirstSheet(new MemoryStream(bytes))
            : PlanFileReader.ReadDocxRows(new MemoryStream(bytes)));
        Assert.Equal($"Tệp có quá nhiều dữ liệu (hơn {message}); vui lòng tách thành nhiều tệp.", e.Message);
    }

    [Fact]
    public void Cells_padded_to_a_far_column_count_against_the_cap()
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new S.Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            ws.Worksheet = new S.Worksheet(new S.SheetData(Enumerable.Range(1, 40)
                .Select(i => new S.Row(new S.Cell { CellReference = "XFD" + i.ToString(CultureInfo.InvariantCulture), CellValue = new S.CellValue("1") }))));
            wb.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Một" }));
        }
        var e = Assert.Throws<UnreadableFileException>(() => Xlsx.ReadFirstSheet(new MemoryStream(ms.ToArray())));
        Assert.Contains("500.000 ô", e.Message);
    }
}
