using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Scoring;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// A framework as the annex of the decision that issues it: "PHỤ LỤC", the title, the bands and caps, and the table of
/// <see cref="FrameworkTable"/> (landscape A4, Times New Roman). Fields are bold; the table imports back to the same framework.
/// </summary>
public static class FrameworkDocument
{
    private static readonly int[] Widths = [900, 6300, 1100, 3300, 3000];

    public static byte[] Write(Framework f)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var center = JustificationValues.Center;
            body.Append(Docx.P(center, Docx.R("PHỤ LỤC", bold: true, halfPoints: 28)));
            body.Append(Docx.P(center, Docx.R(f.Title.ToUpper(Core.Text.VietnameseCollation.Culture), bold: true)));
            body.Append(Docx.P(center,
                Docx.R($"Xếp loại: {string.Join("; ", f.Bands.Select(b => $"{b.Name} từ {Core.Reports.VietnameseNumber.Format(b.Min)}%"))}" +
                $". Điểm thưởng tối đa {Core.Reports.VietnameseNumber.Format(f.BonusCap)}, điểm trừ tối đa "
                    + $"{Core.Reports.VietnameseNumber.Format(f.PenaltyCap)}.", italic: true)));
            var table = Docx.BorderedTable(Widths, FrameworkTable.Header);
            foreach (var cells in FrameworkTable.Rows(f))
            {
                var field = cells[0] is { } code && !code.Contains('.');
                var tr = new TableRow();
                tr.Append(cells.Select((text, i) => Docx.Cell(text, Widths[i], bold: field && i < 3, align: i is 0 or 2 ? JustificationValues.Center : null)));
                table.Append(tr);
            }
            body.Append(table);
            body.Append(OfficialDocument.LandscapeA4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }
}
