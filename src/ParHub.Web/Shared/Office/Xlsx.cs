using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParHub.Web.Shared.Office;

/// <summary>An uploaded file that cannot be read, with a message for the user in Vietnamese.</summary>
public sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Minimal XLSX reading and writing with DocumentFormat.OpenXml: one sheet of text cells.</summary>
public static partial class Xlsx
{
    /// <summary>Uncompressed size above which a spreadsheet is refused (zip bombs).</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        WriteValues(sheetName, header, rows.Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()));

    /// <summary>
    /// As <see cref="Write"/>, numbers (int, long, decimal, double) as number cells a spreadsheet can sum and dates
    /// (<see cref="DateOnly"/>, <see cref="DateTime"/>) as date cells shown dd/mm/yyyy; the rest as text.
    /// </summary>
    public static byte[] WriteValues(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true },
                    new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(MakeRow(1, header.Cast<object?>(), styleIndex: 1));
            uint r = 2;
            foreach (var row in rows) data.Append(MakeRow(r++, row, 0));
            ws.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0 }),
                new Columns(Enumerable.Range(1, header.Count)
                    .Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = i == 3 ? 50 : 20, CustomWidth = true })),
                data);
            var sheets = wb.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName });
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    private const uint DateFormatId = 164;
    private const uint DateStyle = 2;

    /// <summary>
    /// A figure as the page shows it ("91,87", "1.150", "+1,78", "75%") as a number for a number cell; anything else
    /// ("—", "chưa xếp hạng", a code like "1.2" is not passed here) as it is.
    /// </summary>
    public static object? Number(string? shown)
    {
        var t = shown?.Trim().TrimEnd('%').TrimStart('+');
        return t is not null && NumberShape().IsMatch(t) && Core.Reports.VietnameseNumber.TryParse(t, out var v) ? v : shown;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex NumberShape();

    private static Row MakeRow(uint index, IEnumerable<object?> values, uint styleIndex)
    {
        var row = new Row { RowIndex = index };
        var col = 0;
        foreach (var value in values)
        {
            if (value is DateOnly or DateTime)
            {
                var day = value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)value;
                row.Append(new Cell
                {
                    CellReference = ColumnName(col++) + index, DataType = CellValues.Number, StyleIndex = DateStyle,
                    CellValue = new CellValue(day.ToOADate().ToString(CultureInfo.InvariantCulture)),
                });
                continue;
            }
            if (value is int or long or decimal or double)
            {
                row.Append(new Cell
                {
                    CellReference = ColumnName(col++) + index, DataType = CellValues.Number, StyleIndex = styleIndex,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                });
                continue;
            }
            var v = value?.ToString();
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

    /// <summary>
    /// Reads the first sheet as rows of cell texts (dates as dd/MM/yyyy, numbers as "1,15"), streaming the workbook, styles, shared strings
    /// and sheet (see <see cref="PartStream"/>) within <see cref="DocumentLimits"/>. Throws <see cref="UnreadableFileException"/>.
    /// </summary>
    public static List<string[]> ReadFirstSheet(Stream stream)
    {
        var ms = new MemoryStream();
        stream.CopyTo(ms);
        CheckArchive(ms);
        ms.Position = 0;
        try
        {
            using var doc = SpreadsheetDocument.Open(ms, false, DocumentLimits.OpenSettings);
            var wb = doc.WorkbookPart ?? throw new UnreadableFileException("Tệp không có bảng tính nào.");
            string? sheetId = null;
            PartStream.Walk(wb, (f, reader) =>
            {
                if (sheetId is null && f.Is<Sheet>() && f.ParentIs<Sheets>()) sheetId = PartStream.Attribute(reader, "id") ?? "";
            });
            if (sheetId is null) throw new UnreadableFileException("Tệp không có trang tính nào.");
            var ws = wb.GetPartById(sheetId) as WorksheetPart
                ?? throw new UnreadableFileException("Trang tính đầu tiên không phải bảng dữ liệu.");
            var budget = new DocumentLimits.Budget();
            var shared = SharedStrings(wb, budget);
            var dateStyles = DateStyleIndexes(wb);
            return SheetRows(ws, shared, dateStyles, budget);
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException or KeyNotFoundException)
        {
            throw new UnreadableFileException(
                "Không đọc được tệp Excel: tệp bị hỏng, có mật khẩu hoặc không phải định dạng .xlsx.", ex);
        }
    }

    /// <summary>
    /// The first sheet of a workbook on disk, row by row with each row's number in the sheet, for the bulk imports (a
    /// dossier export of a million rows): the sheet's XML is read as a stream and no row is kept once given; the shared
    /// strings are held, within <see cref="DocumentLimits.Bulk"/>. Dates as dd/MM/yyyy, as <see cref="ReadFirstSheet"/>.
    /// Throws <see cref="UnreadableFileException"/>, also while the rows are read.
    /// </summary>
    public static IEnumerable<ParHub.Core.Sipas.CsvRow> StreamFirstSheet(string path)
    {
        using (var fs = File.OpenRead(path)) CheckArchive(fs, DocumentLimits.Bulk);
        using var rows = Readable(() => SheetStream(path)).GetEnumerator();
        while (Readable(rows.MoveNext)) yield return rows.Current;
    }

    private static T Readable<T>(Func<T> read)
    {
        try { return read(); }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException or KeyNotFoundException)
        {
            throw new UnreadableFileException("Không đọc được tệp Excel: tệp bị hỏng, có mật khẩu hoặc không phải định dạng .xlsx.", ex);
        }
    }

    private static IEnumerable<ParHub.Core.Sipas.CsvRow> SheetStream(string path)
    {
        var caps = DocumentLimits.Bulk;
        using var doc = SpreadsheetDocument.Open(path, false, new OpenSettings { MaxCharactersInPart = caps.XmlPartBytes });
        var wb = doc.WorkbookPart ?? throw new UnreadableFileException("Tệp không có bảng tính nào.");
        string? sheetId = null;
        PartStream.Walk(wb, (f, reader) =>
        {
            if (sheetId is null && f.Is<Sheet>() && f.ParentIs<Sheets>()) sheetId = PartStream.Attribute(reader, "id") ?? "";
        });
        if (sheetId is null) throw new UnreadableFileException("Tệp không có trang tính nào.");
        var ws = wb.GetPartById(sheetId) as WorksheetPart ?? throw new UnreadableFileException("Trang tính đầu tiên không phải bảng dữ liệu.");
        var budget = new DocumentLimits.Budget(caps);
        var shared = SharedStrings(wb, budget);
        var dateStyles = DateStyleIndexes(wb);
        using var reader = OpenXmlReader.Create(ws);
        List<string>? row = null;
        CellOf? cell = null;
        int number = 0, next = 1;
        void EndCell()
        {
            if (cell is null || row is null) return;
            var col = ColumnIndex(cell.Reference) ?? row.Count;
            if (col >= MaxBulkColumns) throw DocumentLimits.TooMuch($"{MaxBulkColumns} cột");
            while (row.Count < col) row.Add("");
            row.Add(CellText(cell, shared, dateStyles, budget));
            cell = null;
        }
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (reader.IsStartElement)
            {
                if (type == typeof(Row))
                {
                    if (row is not null) { EndCell(); yield return new(number, row.ToArray()); }
                    budget.Row();
                    var given = PartStream.Attribute(reader, "r");
                    number = int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= next ? r : next;
                    next = number + 1;
                    row = [];
                }
                else if (type == typeof(Cell) && row is not null)
                {
                    EndCell();
                    cell = new CellOf
                    {
                        Reference = PartStream.Attribute(reader, "r"), Type = PartStream.Attribute(reader, "t"), Style = PartStream.Attribute(reader, "s"),
                    };
                }
                else if (type == typeof(CellValue) && cell is not null) cell.Value = reader.GetText();
                else if (type == typeof(InlineString) && cell is not null) cell.Inline = new Gathered();
                else if (type == typeof(Text) && cell?.Inline is { } g) g.Text.Append(reader.GetText());
            }
            else if (reader.IsEndElement)
            {
                if (type == typeof(Cell)) EndCell();
                else if (type == typeof(Row) && row is not null) { EndCell(); yield return new(number, row.ToArray()); row = null; }
            }
        }
        if (row is not null) { EndCell(); yield return new(number, row.ToArray()); }
    }

    /// <summary>A bulk sheet's row may hold cells up to this column (ALL); an export has a few dozen.</summary>
    public const int MaxBulkColumns = 1000;

    private sealed class Gathered { public readonly System.Text.StringBuilder Text = new(); }

    /// <summary>Each shared string's text (all its runs and phonetic text, as InnerText gives it).</summary>
    private static List<string> SharedStrings(WorkbookPart wb, DocumentLimits.Budget budget)
    {
        var shared = new List<string>();
        if (wb.SharedStringTablePart is not { } part) return shared;
        PartStream.Walk(part, (f, reader) =>
        {
            if (f.Is<SharedStringItem>() && f.ParentIs<SharedStringTable>())
            {
                budget.SharedString();
                var item = new Gathered();
                f.State = item;
                f.OnClose = () => shared.Add(item.Text.ToString());
            }
            else if (PartStream.IsText(f.Type) && f.Nearest<Gathered>() is { } g) g.Text.Append(budget.Text(reader.GetText()));
        });
        return shared;
    }

    private sealed class CellOf
    {
        public string? Reference, Type, Style, Value;
        public Gathered? Inline;
    }

    private static List<string[]> SheetRows(WorksheetPart ws, List<string> shared, HashSet<uint> dateStyles, DocumentLimits.Budget budget)
    {
        var rows = new List<string[]>();
        List<string>? cells = null;
        PartStream.Walk(ws, (f, reader) =>
        {
            if (f.Is<Row>())
            {
                budget.Row();
                var row = new List<string>();
                cells = row;
                f.OnClose = () => { rows.Add(row.ToArray()); cells = null; };
            }
            else if (f.Is<Cell>() && f.ParentIs<Row>() && cells is { } row)
            {
                var cell = new CellOf
                {
                    Reference = PartStream.Attribute(reader, "r"), Type = PartStream.Attribute(reader, "t"), Style = PartStream.Attribute(reader, "s"),
                };
                f.State = cell;
                f.OnClose = () =>
                {
                    var col = ColumnIndex(cell.Reference) ?? row.Count;
                    budget.Cells(Math.Max(0, col - row.Count) + 1);
                    while (row.Count < col) row.Add("");
                    row.Add(CellText(cell, shared, dateStyles, budget));
                };
            }
            else if (f.Is<CellValue>() && f.Parent?.State is CellOf valued) valued.Value = reader.GetText();
            else if (f.Is<InlineString>() && f.Parent?.State is CellOf inline) f.State = inline.Inline = new Gathered();
            else if (PartStream.IsText(f.Type) && f.Nearest<Gathered>() is { } g) g.Text.Append(reader.GetText());
        });
        return rows;
    }
    /// <summary>
    /// Refuses what is not a ZIP archive, archives that unpack to more than <see cref="MaxUncompressedBytes"/>, and XML
    /// parts larger than <see cref="DocumentLimits"/> allow.
    /// </summary>
    public static void CheckArchive(Stream ms, DocumentLimits.Caps? caps = null)
    {
        caps ??= DocumentLimits.Default;
        ms.Position = 0;
        Span<byte> magic = stackalloc byte[4];
        if (ms.Read(magic) < 4 || magic[0] != 'P' || magic[1] != 'K')
            throw new UnreadableFileException("Tệp không phải định dạng Office mở (.xlsx/.docx), hoặc đã bị mã hóa bằng mật khẩu.");
        ms.Position = 0;
        try
        {
            using var zip = new ZipArchive(ms, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            if (zip.Entries.Count > DocumentLimits.MaxEntries) throw DocumentLimits.TooMuch($"{DocumentLimits.N(DocumentLimits.MaxEntries)} thành phần");
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > caps.UncompressedBytes)
                    throw new UnreadableFileException("Tệp giải nén quá lớn (nghi ngờ tệp độc hại), không xử lý.");
                // XML parts are streamed, but one of this size is not a real plan, sheet or table.
                var name = e.FullName;
                var package = name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                if (package && e.Length > DocumentLimits.MaxPackageXmlBytes)
                    throw DocumentLimits.TooMuch($"{DocumentLimits.MaxPackageXmlBytes / 1024 / 1024} MB dữ liệu trong phần “{name}”");
                if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && e.Length > caps.XmlPartBytes)
                    throw DocumentLimits.TooMuch($"{DocumentLimits.N(caps.XmlPartBytes / 1024 / 1024)} MB dữ liệu trong phần “{name}”");
                // Deflate packs real XML ten to thirty times; a part packed a thousand times is a bomb, not a sheet.
                if (e.Length > 10L * 1024 * 1024 && e.Length > 1000 * Math.Max(1, e.CompressedLength))
                    throw new UnreadableFileException("Tệp giải nén quá lớn (nghi ngờ tệp độc hại), không xử lý.");
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

    /// <summary>The cell formats (by index) that show a date: built-in date formats, or custom ones with d or y and no #.</summary>
    private static HashSet<uint> DateStyleIndexes(WorkbookPart wb)
    {
        var result = new HashSet<uint>();
        if (wb.WorkbookStylesPart is not { } part) return result;
        var custom = new Dictionary<uint, string>();
        var formats = new List<uint>();
        PartStream.Walk(part, (f, reader) =>
        {
            if (f.Is<NumberingFormat>() && f.ParentIs<NumberingFormats>()
                && uint.TryParse(PartStream.Attribute(reader, "numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                custom[id] = PartStream.Attribute(reader, "formatCode") ?? "";
            else if (f.Is<CellFormat>() && f.ParentIs<CellFormats>())
            {
                if (formats.Count >= DocumentLimits.MaxSharedStrings)
                    throw DocumentLimits.TooMuch($"{DocumentLimits.N(DocumentLimits.MaxSharedStrings)} định dạng ô");
                formats.Add(uint.TryParse(PartStream.Attribute(reader, "numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
            }
        });
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i];
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47
                || (custom.TryGetValue(id, out var code) && (code.Contains('d') || code.Contains('y')) && !code.Contains('#'));
            if (isDate) result.Add((uint)i);
        }
        return result;
    }

    private static string CellText(CellOf cell, List<string> shared, HashSet<uint> dateStyles, DocumentLimits.Budget budget)
    {
        var raw = cell.Value;
        if (cell.Type == "s")
            return int.TryParse(raw, out var i) && i >= 0 && i < shared.Count ? shared[i].Trim() : "";
        if (cell.Type == "inlineStr") return budget.Text(cell.Inline?.Text.ToString().Trim() ?? "");
        if (raw is null) return "";
        if (uint.TryParse(cell.Style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && dateStyles.Contains(s)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            try { return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture); }
            catch (ArgumentException) { return raw.Trim(); }
        }
        // A number cell as a Vietnamese reads and types it, without grouping: 1.15 → "1,15" (read as 1150 before), 1150 → "1150".
        if (cell.Type is null or "n" && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number.ToString("0.##########", Core.Text.VietnameseCollation.Culture);
        return budget.Text(raw.Trim());
    }
}
