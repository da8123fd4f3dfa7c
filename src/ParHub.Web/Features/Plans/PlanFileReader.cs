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
            ".txt" or ".md" or ".markdown" or "" => PlanTextReader.Read(ReadText(content), year),
            _ => throw new UnreadableFileException($"Không đọc được tệp “{Path.GetFileName(fileName)}”: chỉ nhận .docx, .xlsx, .txt hoặc .md."),
        };
    }

    private static string ReadText(Stream content)
    {
        using var reader = new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

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
        var ms = new MemoryStream();
        content.CopyTo(ms);
        Xlsx.CheckArchive(ms);
        try
        {
            using var doc = WordprocessingDocument.Open(ms, false);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new UnreadableFileException("Tệp Word không có nội dung.");
            var lines = new List<string>();
            var rows = new List<Core.Plans.TableRow>();
            var headings = new Dictionary<int, string>();
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
            var clean = lines.Select(l => Core.Text.VietnameseText.CollapseWhitespace(l)).ToList();
            var tasks = TaskTable.Read(rows, headings);
            var warnings = tasks.Count == 0 ? new List<string> { "Không tìm thấy bảng nhiệm vụ trong tệp Word." } : [];
            return new PlanDraft(PlanTextReader.ReadHeader(clean, year), PlanTextReader.ReadTargets(clean), tasks, warnings);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            throw new UnreadableFileException("Không đọc được tệp Word: tệp bị hỏng, có mật khẩu hoặc không phải định dạng .docx.", ex);
        }
    }
}
