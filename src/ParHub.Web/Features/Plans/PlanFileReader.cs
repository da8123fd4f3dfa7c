using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Plans;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Plans;

/// <summary>Reads a plan document — DOCX, XLSX, or text/Markdown — into a <see cref="PlanDraft"/>. No database.</summary>
public static class PlanFileReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static PlanDraft Read(string fileName, Stream content, int? year)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".docx" => ReadDocx(content, year),
            ".xlsx" => ReadXlsx(content, year),
            ".txt" or ".md" or ".markdown" or "" => ReadTextPlan(content, year),
            _ => throw new UnreadableFileException(
                $"Không đọc được tệp “{Path.GetFileName(fileName)}”: chỉ nhận .docx, .xlsx, .txt hoặc .md."),
        };
    }

    /// <summary>UTF-8 (with or without BOM), else the bytes as Latin-1 — which is how TCVN3 and VNI files read.</summary>
    public static string ReadText(Stream content)
    {
        var ms = new MemoryStream();
        content.CopyTo(ms);
        var bytes = ms.ToArray();
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K')
            throw new UnreadableFileException(
                "Tệp này là tệp Office nén (.docx/.xlsx) nhưng có phần mở rộng văn bản; hãy đổi lại đúng phần mở rộng.");
        if (bytes.Take(4096).Any(b => b == 0))
            throw new UnreadableFileException("Tệp không phải văn bản (có ký tự nhị phân). Hãy dùng tệp .docx, .xlsx, .txt hoặc .md.");
        try { return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (System.Text.DecoderFallbackException) { return System.Text.Encoding.Latin1.GetString(bytes); }
    }

    private static PlanDraft ReadTextPlan(Stream content, int? year)
    {
        var (text, legacy) = Core.Text.LegacyVietnamese.Normalize(ReadText(content));
        var draft = PlanTextReader.Read(text, year);
        return legacy == Core.Text.LegacyEncoding.None ? draft : WithLegacyWarning(draft, legacy);
    }

    private static PlanDraft WithLegacyWarning(PlanDraft draft, Core.Text.LegacyEncoding legacy) => draft with
    {
        Warnings = [.. draft.Warnings, $"Tệp dùng bảng mã cũ {(legacy == Core.Text.LegacyEncoding.Tcvn3 ? "TCVN3 (ABC)" : "VNI")}; "
            + "ParHub đã chuyển sang Unicode — hãy kiểm tra lại chữ trước khi xác nhận."],
    };

    private static PlanDraft ReadXlsx(Stream content, int? year)
    {
        var sheet = Xlsx.ReadFirstSheet(content);
        var rows = sheet.Select((cells, i) => new Core.Plans.TableRow(cells, i + 1)).ToList();
        var unread = new List<UnreadLine>();
        var tasks = TaskTable.Read(rows, null, unread);
        var warnings = tasks.Count == 0
            ? new List<string> {
                "Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (STT, Nội dung/Nhiệm vụ, Cơ quan chủ trì, Thời gian…)." }
            : [];
        return new PlanDraft(new PlanHeader(null, null, null, null, null, year), [], tasks, warnings) { Unread = unread };
    }

    /// <summary>Paragraphs become lines (for the header and targets); tables become rows, in document order.</summary>
    private static PlanDraft ReadDocx(Stream content, int? year)
    {
        var (lines, rows, legacy) = ReadDocxRows(content);
        var clean = lines.Select(l => Core.Text.VietnameseText.CollapseWhitespace(l)).ToList();
        var unread = new List<UnreadLine>();
        var tasks = TaskTable.Read(rows, new Dictionary<int, string>(), unread);
        // No task table: tasks written inline with their label blocks ("Cơ quan chủ trì: …", "Thời gian thực hiện: …").
        if (tasks.Count == 0)
        {
            unread.Clear();
            tasks = InlineTaskReader.Read(clean);
        }
        var warnings = tasks.Count == 0 ? new List<string> { "Không tìm thấy bảng nhiệm vụ trong tệp Word." } : [];
        var draft = new PlanDraft(PlanTextReader.ReadHeader(clean, year), PlanTextReader.ReadTargets(clean), tasks, warnings)
        {
            Unread = unread,
        };
        return legacy == Core.Text.LegacyEncoding.None ? draft : WithLegacyWarning(draft, legacy);
    }

    /// <summary>
    /// A Word document as lines (paragraphs, and table rows joined by tabs) and table rows (prose between tables is a
    /// break), converted to Unicode when it was typed in TCVN3 or VNI. Shared by the plan and framework readers.
    /// </summary>
    public static (List<string> Lines, List<Core.Plans.TableRow> Rows, Core.Text.LegacyEncoding Legacy) ReadDocxRows(Stream content)
    {
        var ms = new MemoryStream();
        content.CopyTo(ms);
        Xlsx.CheckArchive(ms);
        try
        {
            using var doc = WordprocessingDocument.Open(ms, false, DocumentLimits.OpenSettings);
            var main = doc.MainDocumentPart ?? throw new UnreadableFileException("Tệp Word không có nội dung.");
            var (lines, rows, hasBody) = StreamBody(main);
            if (!hasBody) throw new UnreadableFileException("Tệp Word không có nội dung.");
            // Documents typed with .VnTime (TCVN3) or VNI fonts: convert every text to Unicode first.
            var legacy = Core.Text.LegacyVietnamese.Detect(string.Join("\n", lines));
            if (legacy != Core.Text.LegacyEncoding.None)
            {
                lines = lines.Select(l => Core.Text.LegacyVietnamese.ToUnicode(l, legacy)).ToList();
                rows = rows.Select(r => r.IsBreak ? r
                    : new Core.Plans.TableRow(r.Cells.Select(c => Core.Text.LegacyVietnamese.ToUnicode(c, legacy)).ToList(), r.Line, r.Bold)).ToList();
            }
            return (lines, rows, legacy);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException or IOException)
        {
            throw new UnreadableFileException(
                "Không đọc được tệp Word: tệp bị hỏng, có mật khẩu hoặc không phải định dạng .docx.", ex);
        }
    }
    private sealed class TextOf { public readonly System.Text.StringBuilder Text = new(); }
    private sealed class RowOf { public readonly List<string> Cells = []; public bool AllBold = true; }
    private sealed class CellOf { public readonly List<string> Paragraphs = []; public int Span = 1; public int Runs; public bool AllBold = true; }
    private sealed class RunOf { public readonly System.Text.StringBuilder Text = new(); public bool Bold; }

    /// <summary>
    /// The body streamed (see <see cref="PartStream"/>): a paragraph of the body is a line; a row of a table of the body
    /// is a line of its cells (a cell is the text of its own paragraphs, spanned columns padded) and a row, bold when
    /// every run with text in its cells is bold and at most two cells have text. Counts go to one
    /// <see cref="DocumentLimits.Budget"/>.
    /// </summary>
    private static (List<string> Lines, List<Core.Plans.TableRow> Rows, bool HasBody) StreamBody(MainDocumentPart main)
    {
        var budget = new DocumentLimits.Budget();
        var lines = new List<string>();
        var rows = new List<Core.Plans.TableRow>();
        var hasBody = false;
        PartStream.Walk(main, (f, reader) =>
        {
            var parent = f.Parent;
            if (f.Is<Body>() && f.ParentIs<Document>()) hasBody = true;
            else if (f.Is<Paragraph>() && parent is not null && parent.Is<Body>() && parent.ParentIs<Document>())
            {
                budget.Paragraph();
                var p = new TextOf();
                f.State = p;
                f.OnClose = () =>
                {
                    var text = p.Text.ToString();
                    lines.Add(text);
                    if (rows.Count > 0 && !string.IsNullOrWhiteSpace(text)) rows.Add(Core.Plans.TableRow.Break(lines.Count));
                };
            }
            else if (f.Is<DocumentFormat.OpenXml.Wordprocessing.TableRow>() && parent is not null && parent.Is<Table>()
                && parent.Parent is { } b && b.Is<Body>() && b.ParentIs<Document>())
            {
                budget.Row();
                var row = new RowOf();
                f.State = row;
                f.OnClose = () =>
                {
                    lines.Add(string.Join("\t", row.Cells));
                    rows.Add(new Core.Plans.TableRow(row.Cells, lines.Count, Bold: row.AllBold && row.Cells.Count(c => c.Trim().Length > 0) <= 2));
                };
            }
            else if (f.Is<TableCell>() && parent?.State is RowOf row)
            {
                var cell = new CellOf();
                f.State = cell;
                f.OnClose = () =>
                {
                    budget.Cells(Math.Max(1, cell.Span));
                    row.Cells.Add(string.Join(" ", cell.Paragraphs));
                    for (var k = 1; k < cell.Span; k++) row.Cells.Add("");
                    if (cell.Runs > 0 && !cell.AllBold) row.AllBold = false;
                };
            }
            else if (f.Is<GridSpan>() && parent is not null && parent.Is<TableCellProperties>() && parent.Parent?.State is CellOf spanned)
                spanned.Span = int.TryParse(PartStream.Attribute(reader, "val"), out var span) ? span : 1;
            else if (f.Is<Paragraph>() && parent?.State is CellOf inCell)
            {
                budget.Paragraph();
                var p = new TextOf();
                f.State = p;
                f.OnClose = () => inCell.Paragraphs.Add(p.Text.ToString());
            }
            else if (f.Is<Run>() && f.Nearest<CellOf>() is { } runCell)
            {
                var run = new RunOf();
                f.State = run;
                f.OnClose = () =>
                {
                    if (string.IsNullOrWhiteSpace(run.Text.ToString())) return;
                    runCell.Runs++;
                    if (!run.Bold) runCell.AllBold = false;
                };
            }
            else if (f.Is<Bold>() && parent is not null && parent.Is<RunProperties>() && parent.Parent?.State is RunOf bold) bold.Bold = true;
            else if (PartStream.IsText(f.Type))
            {
                var text = budget.Text(reader.GetText());
                // The text belongs to the paragraph and to every run it is in (runs may nest, as in ruby text).
                for (var a = f.Parent; a is not null; a = a.Parent)
                {
                    if (a.State is TextOf t) { t.Text.Append(text); break; }
                    if (a.State is RunOf r) r.Text.Append(text);
                }
            }
        });
        return (lines, rows, hasBody);
    }
}
