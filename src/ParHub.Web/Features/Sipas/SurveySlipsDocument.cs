using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Web.Shared.Office;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// A sheet of invitation slips to cut out and hand over with the dossier receipt: three slips a row on A4, each with the
/// agency, its QR code (PNG), the link and the single-use code, cut lines dashed; a row never splits over two pages.
/// Also converted to PDF (LibreOffice) for printing as it is.
/// </summary>
public static class SurveySlipsDocument
{
    public sealed record Slip(string Code, string Url, byte[] QrPng);

    private const int Columns = 3, ColumnWidth = 3118; // twentieths of a point: 3 × 5.5 cm on A4 within the margins
    private const long QrSize = 1_152_000; // EMU: 3.2 cm

    public static byte[] Write(string programmeTitle, string agency, IReadOnlyList<Slip> slips)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Docx.P(JustificationValues.Center, Docx.R($"PHIẾU MỜI KHẢO SÁT – {agency}", bold: true, halfPoints: 24)));
            var subtitle = $"{programmeTitle} · {slips.Count} phiếu, mỗi mã dùng một lần";
            body.Append(Docx.P(JustificationValues.Center, Docx.R(subtitle, italic: true, halfPoints: 20)));
            var dashed = new Func<OpenXmlElement[]>(() =>
            [
                new TopBorder { Val = BorderValues.Dashed, Size = 4 }, new BottomBorder { Val = BorderValues.Dashed, Size = 4 },
                new LeftBorder { Val = BorderValues.Dashed, Size = 4 }, new RightBorder { Val = BorderValues.Dashed, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Dashed, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Dashed, Size = 4 },
            ]);
            var table = new Table(new TableProperties(
                    new TableWidth { Width = (Columns * ColumnWidth).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    new TableBorders(dashed()), new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(Enumerable.Range(0, Columns).Select(_ => new GridColumn { Width = ColumnWidth.ToString(CultureInfo.InvariantCulture) })));
            uint picture = 1;
            foreach (var row in slips.Chunk(Columns))
            {
                var tr = new TableRow(new TableRowProperties(new CantSplit()));
                foreach (var slip in row) tr.Append(SlipCell(main, slip, agency, picture++));
                for (var i = row.Length; i < Columns; i++) tr.Append(new TableCell(Width(), Docx.P(JustificationValues.Center)));
                table.Append(tr);
            }
            body.Append(table);
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 850, Bottom = 850, Left = 1134, Right = 1134, Header = 425, Footer = 425 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static TableCellProperties Width() =>
        new(new TableCellWidth { Width = ColumnWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });

    private static TableCell SlipCell(MainDocumentPart main, Slip slip, string agency, uint id)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(slip.QrPng)) image.FeedData(png);
        var center = JustificationValues.Center;
        return new TableCell(Width(),
            Docx.P(center, Docx.R("Khảo sát sự hài lòng", bold: true, halfPoints: 20)),
            Docx.P(center, Docx.R(agency, halfPoints: 18)),
            new Paragraph(new ParagraphProperties(new Justification { Val = center }), new Run(Picture(main.GetIdOfPart(image), id, slip.Code))),
            Docx.P(center, Docx.R("Quét mã hoặc mở:", halfPoints: 16)),
            Docx.P(center, Docx.R(slip.Url, halfPoints: 14)),
            Docx.P(center, Docx.R("Mã phiếu: ", halfPoints: 18), Docx.R(slip.Code, bold: true, halfPoints: 18), Docx.R(" (dùng một lần)", halfPoints: 16)));
    }

    private static Drawing Picture(string relationship, uint id, string code) => new(new DW.Inline(
        new DW.Extent { Cx = QrSize, Cy = QrSize },
        new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
        new DW.DocProperties { Id = id, Name = $"QR {code}" },
        new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
        new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"{code}.png" },
                    new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = QrSize, Cy = QrSize }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
    {
        DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
    });
}
