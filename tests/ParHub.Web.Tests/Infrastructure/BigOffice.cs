using System.IO.Compression;
using System.Text;

namespace ParHub.Web.Tests.Infrastructure;

/// <summary>
/// Office files generated in code, written straight into the ZIP (never a DOM): a DOCX or XLSX holding a very large
/// amount of valid XML — many repeated paragraphs, table rows or cells — that compresses to well under 1 MB.
/// </summary>
public static class BigOffice
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        w.Write(text);
    }

    /// <summary>Writes <paramref name="head"/>, then <paramref name="piece"/> until about <paramref name="bytes"/>, then <paramref name="tail"/>.</summary>
    private static void Repeated(ZipArchive zip, string name, string head, string piece, string tail, long bytes)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        s.Write(Encoding.UTF8.GetBytes(head));
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(piece, 4096)));
        for (long written = 0; written < bytes; written += block.Length) s.Write(block);
        s.Write(Encoding.UTF8.GetBytes(tail));
    }

    /// <summary>A Word document whose body is a table header then about <paramref name="xmlBytes"/> of paragraphs (or table rows).</summary>
    public static byte[] Docx(long xmlBytes, bool table = false)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Entry(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"word/document.xml\"/></Relationships>");
            const string cell = "<w:tc><w:p><w:r><w:t>{0}</w:t></w:r></w:p></w:tc>";
            var header = "<w:tr>" + string.Concat(
                new[] { "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành" }.Select(h => string.Format(cell, h))) + "</w:tr>";
            var piece = table
                ? "<w:tr>" + string.Concat(
                    new[] { "1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Quý IV/2026" }.Select(h => string.Format(cell, h))) + "</w:tr>"
                : "<w:p><w:r><w:t xml:space=\"preserve\">Nội dung lặp lại của kế hoạch. </w:t></w:r></w:p>";
            Repeated(zip, "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + $"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:tbl>{header}" + (table ? "" : "</w:tbl>"),
                piece, (table ? "</w:tbl>" : "") + "</w:body></w:document>", xmlBytes);
        }
        return ms.ToArray();
    }

    /// <summary>A workbook whose first sheet is a header then about <paramref name="xmlBytes"/> of rows of inline-string cells.</summary>
    public static byte[] Xlsx(long xmlBytes)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Entry(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"xl/workbook.xml\"/></Relationships>");
            Entry(zip, "xl/workbook.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{S}\" xmlns:r=\"{R}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" "
                + "r:id=\"rId1\"/></sheets></workbook>");
            Entry(zip, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
            static string Row(params string[] cells) => "<row>" + string.Concat(cells.Select(c => $"<c t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>";
            Repeated(zip, "xl/worksheets/sheet1.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{S}\"><sheetData>" + Row("Mã", "Loại", "Tên đầy đủ", "Cơ quan",
                    "Tỷ lệ (%)"),
                Row("SNV", "Sở", "Sở Nội vụ", "Sở Nội vụ", "90"), "</sheetData></worksheet>", xmlBytes);
        }
        return ms.ToArray();
    }
}
