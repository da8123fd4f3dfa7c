using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParHub.Web.Shared.Office;

/// <summary>Small pieces of official Word documents (Times New Roman runs, paragraphs, table cells).</summary>
public static class Docx
{
    public const string Font = "Times New Roman";

    public static Run R(string text, bool bold = false, bool italic = false, int halfPoints = 26)
    {
        var size = halfPoints.ToString(CultureInfo.InvariantCulture);
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static Paragraph P(JustificationValues align, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = align }, new SpacingBetweenLines { After = "60" }));
        p.Append(runs);
        return p;
    }

    public static TableCell Cell(string? text, int width, bool bold = false, int span = 1, JustificationValues? align = null)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        if (span > 1) props.Append(new GridSpan { Val = span });
        return new TableCell(props, P(align ?? JustificationValues.Left, R(text ?? "", bold, halfPoints: 24)));
    }

    /// <summary>A bordered table with the given column widths (twentieths of a point) and a repeated header row.</summary>
    public static Table BorderedTable(int[] widths, IEnumerable<string> header)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var row = new TableRow(new TableRowProperties(new TableHeader()));
        row.Append(header.Select((h, i) => Cell(h, widths[i], bold: true, align: JustificationValues.Center)));
        table.Append(row);
        return table;
    }
}
