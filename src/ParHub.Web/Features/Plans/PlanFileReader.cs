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
            _ => throw new UnreadableFileException($"Không đọc được tệp “{Path.GetFileName(fileName)}”: chỉ nhận .docx, .xlsx, .txt hoặc .md."),
        };
    }

    /// <summary>UTF-8 (with or without BOM), else the bytes as Latin-1 — which is how TCVN3 and VNI files read.</summary>
    public static string ReadText(Stream content)
    {
        var ms = new MemoryStream();
        content.CopyTo(ms);
        var bytes = ms.ToArray();
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K')
            throw new UnreadableFileException("Tệp này là tệp Office nén (.docx/.xlsx) nhưng có phần mở rộng văn bản; hãy đổi lại đúng phần mở rộng.");
        if (bytes.Take(4096).Any(b => b == 0) )
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
        Warnings = [.. draft.Warnings, $"Tệp dùng bảng mã cũ {(legacy == Core.Text.LegacyEncoding.Tcvn3 ? "TCVN3 (ABC)" : "VNI")}; ParHub đã chuyển sang Unicode — hãy kiểm tra lại chữ trước khi xác nhận."],
    };

    private static PlanDraft ReadXlsx(Stream content, int? year)
    {
        var sheet = Xlsx.ReadFirstSheet(content);
        var rows = sheet.Select((cells, i) => new Core.Plans.TableRow(cells, i + 1)).ToList();
        var tasks = TaskTable.Read(rows);
        var warnings = tasks.Count == 0
            ? new List<string> { "Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (STT, Nội dung/Nhiệm vụ, Cơ quan chủ trì, Thời gian…)." }
            : [];
        return new PlanDraft(new PlanHeader(null, null, null, null, null, year), [], tasks, warnings);
    }

    /// <summary>Paragraphs become lines (for the header and targets); tables become rows, in document order.</summary>
    private static PlanDraft ReadDocx(Stream content, int? year)
    {
        var (lines, rows, legacy) = ReadDocxRows(content);
        var clean = lines.Select(l => Core.Text.VietnameseText.CollapseWhitespace(l)).ToList();
        var tasks = TaskTable.Read(rows, new Dictionary<int, string>());
        var warnings = tasks.Count == 0 ? new List<string> { "Không tìm thấy bảng nhiệm vụ trong tệp Word." } : [];
        var draft = new PlanDraft(PlanTextReader.ReadHeader(clean, year), PlanTextReader.ReadTargets(clean), tasks, warnings);
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
            using var doc = WordprocessingDocument.Open(ms, false);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new UnreadableFileException("Tệp Word không có nội dung.");
            var lines = new List<string>();
            var rows = new List<Core.Plans.TableRow>();
            foreach (var element in body.Elements())
            {
                if (element is Paragraph p)
                {
                    var text = p.InnerText;
                    lines.Add(text);
                    if (rows.Count > 0 && !string.IsNullOrWhiteSpace(text)) rows.Add(Core.Plans.TableRow.Break(lines.Count));
                }
                else if (element is Table table)
                {
                    foreach (var tr in table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>())
                    {
                        var cells = new List<string>();
                        var allBold = true;
                        foreach (var tc in tr.Elements<TableCell>())
                        {
                            var text = string.Join(" ", tc.Elements<Paragraph>().Select(x => x.InnerText));
                            var span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                            cells.Add(text);
                            for (var k = 1; k < span; k++) cells.Add("");
                            var runs = tc.Descendants<Run>().Where(r => !string.IsNullOrWhiteSpace(r.InnerText)).ToList();
                            if (runs.Count > 0 && !runs.All(r => r.RunProperties?.Bold is not null)) allBold = false;
                        }
                        lines.Add(string.Join("\t", cells));
                        rows.Add(new Core.Plans.TableRow(cells, lines.Count, Bold: allBold && cells.Count(c => c.Trim().Length > 0) <= 2));
                    }
                }
            }
            // Documents typed with .VnTime (TCVN3) or VNI fonts: convert every text to Unicode first.
            var legacy = Core.Text.LegacyVietnamese.Detect(string.Join("\n", lines));
            if (legacy != Core.Text.LegacyEncoding.None)
            {
                lines = lines.Select(l => Core.Text.LegacyVietnamese.ToUnicode(l, legacy)).ToList();
                rows = rows.Select(r => r.IsBreak ? r : new Core.Plans.TableRow(r.Cells.Select(c => Core.Text.LegacyVietnamese.ToUnicode(c, legacy)).ToList(), r.Line, r.Bold)).ToList();
            }
            return (lines, rows, legacy);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or System.Xml.XmlException or ArgumentException or IOException)
        {
            throw new UnreadableFileException("Không đọc được tệp Word: tệp bị hỏng, có mật khẩu hoặc không phải định dạng .docx.", ex);
        }
    }
}
