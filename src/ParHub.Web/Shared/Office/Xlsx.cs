using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParHub.Web.Shared.Office;

/// <summary>An uploaded file that cannot be read, with a message for the user in Vietnamese.</summary>
public sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Minimal XLSX reading and writing with DocumentFormat.OpenXml: one sheet of text cells.</summary>
public static class Xlsx
{
    /// <summary>Uncompressed size above which a spreadsheet is refused (zip bombs).</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(MakeRow(1, header, styleIndex: 1));
            uint r = 2;
            foreach (var row in rows) data.Append(MakeRow(r++, row, 0));
            ws.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                new Columns(Enumerable.Range(1, header.Count).Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = i == 3 ? 50 : 20, CustomWidth = true })),
                data);
            var sheets = wb.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName });
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    private static Row MakeRow(uint index, IEnumerable<string?> values, uint styleIndex)
    {
        var row = new Row { RowIndex = index };
        var col = 0;
        foreach (var v in values)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(col++) + index,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(v ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                StyleIndex = styleIndex,
            });
        }
        return row;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Reads the first sheet as rows of cell texts (dates as dd/MM/yyyy). Throws <see cref="UnreadableFileException"/>.</summary>
    public static List<string[]> ReadFirstSheet(Stream stream)
    {
        var ms = new MemoryStream();
        stream.CopyTo(ms);
        CheckArchive(ms);
        ms.Position = 0;
        try
        {
            using var doc = SpreadsheetDocument.Open(ms, false);
            var wb = doc.WorkbookPart ?? throw new UnreadableFileException("Tệp không có bảng tính nào.");
            var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new UnreadableFileException("Tệp không có trang tính nào.");
            var ws = (WorksheetPart)wb.GetPartById(sheet.Id!);
            var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyleIndexes(wb);
            var rows = new List<string[]>();
            foreach (var row in ws.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < col) cells.Add("");
                    cells.Add(CellText(cell, shared, dateStyles));
                }
                rows.Add(cells.ToArray());
            }
            return rows;
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            throw new UnreadableFileException("Không đọc được tệp Excel: tệp bị hỏng, có mật khẩu hoặc không phải định dạng .xlsx.", ex);
        }
    }

    /// <summary>Refuses what is not a ZIP archive, and archives that unpack to more than <see cref="MaxUncompressedBytes"/>.</summary>
    public static void CheckArchive(Stream ms)
    {
        ms.Position = 0;
        Span<byte> magic = stackalloc byte[4];
        if (ms.Read(magic) < 4 || magic[0] != 'P' || magic[1] != 'K')
            throw new UnreadableFileException("Tệp không phải định dạng Office mở (.xlsx/.docx), hoặc đã bị mã hóa bằng mật khẩu.");
        ms.Position = 0;
        try
        {
            using var zip = new ZipArchive(ms, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUncompressedBytes) throw new UnreadableFileException("Tệp giải nén quá lớn (nghi ngờ tệp độc hại), không xử lý.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableFileException("Tệp bị hỏng, không mở được.", ex);
        }
        ms.Position = 0;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsLetter(c)) break;
            n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return n - 1;
    }

    private static HashSet<uint> DateStyleIndexes(WorkbookPart wb)
    {
        var result = new HashSet<uint>();
        var formats = wb.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null) return result;
        var custom = wb.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode?.Value ?? "") ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47
                || (custom.TryGetValue(id, out var code) && (code.Contains('d') || code.Contains('y')) && !code.Contains('#'));
            if (isDate) result.Add((uint)i);
        }
        return result;
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < shared.Length ? shared[i].Trim() : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText.Trim() ?? "";
        if (raw is null) return "";
        if (cell.StyleIndex?.Value is { } s && dateStyles.Contains(s)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return raw.Trim();
    }
}
