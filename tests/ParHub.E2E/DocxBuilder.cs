using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParHub.E2E;

/// <summary>
/// Builds a real DOCX from a seed's text as a province would have it: the body as paragraphs, and from the task
/// table's header on, one Word table whose rows are the tab-separated lines (group titles as bold one-cell rows).
/// </summary>
public static class DocxBuilder
{
    public static byte[] FromSeedText(string text)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            Table? table = null;
            foreach (var raw in text.Replace("\r", "").Split('\n'))
            {
                var line = raw.Replace("**", "").TrimEnd();
                if (line.Contains('\t'))
                {
                    if (table is null)
                    {
                        table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
                        body.Append(table);
                    }
                    var bold = line.Contains("<b>");
                    var cells = line.Replace("<b>", "").Replace("</b>", "").Split('\t');
                    table.Append(new TableRow(cells.Select(c => new TableCell(Para(c, bold)))));
                    continue;
                }
                var clean = line.TrimStart('#', ' ');
                if (table is not null)
                {
                    if (clean.Length > 0) table.Append(new TableRow(new TableCell(Para(clean, bold: true))));
                    continue;
                }
                body.Append(Para(clean, bold: false));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static Paragraph Para(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.RunProperties = new RunProperties(new Bold());
        return new Paragraph(run);
    }
}
