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

    public static TableCell Cell(string? text, int width, bool bold = false, int span = 1, JustificationValues? align = null, int halfPoints = 24)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        if (span > 1) props.Append(new GridSpan { Val = span });
        return new TableCell(props, P(align ?? JustificationValues.Left, R(text ?? "", bold, halfPoints: halfPoints)));
    }

    /// <summary>A bordered table with the given column widths (twentieths of a point) and a repeated header row.</summary>
    public static Table BorderedTable(int[] widths, IEnumerable<string> header, int halfPoints = 24)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var row = new TableRow(new TableRowProperties(new TableHeader()));
        row.Append(header.Select((h, i) => Cell(h, widths[i], bold: true, align: JustificationValues.Center, halfPoints: halfPoints)));
        table.Append(row);
        return table;
    }

    /// <summary>Twips a cell gives up to its left and right margins (Word's default, 0.19 cm each side).</summary>
    private const int CellMargins = 2 * 108;

    /// <summary>
    /// Column widths (twips) that fit <paramref name="total"/>: every column at least as wide as the longest word among its
    /// texts (the header's and its cells'), so that no word breaks in two, and the <paramref name="flexible"/> column
    /// (the names) taking what is left. The font steps down from 12 to 10 pt until the other columns leave the flexible
    /// one <paramref name="minFlexible"/>. A word is reckoned at 0.6 em a letter (bold capitals of Times New Roman).
    /// </summary>
    public static (int[] Widths, int HalfPoints) FitWidths(int total, int flexible, IReadOnlyList<IEnumerable<string?>> columns, int minFlexible = 2500)
    {
        var longest = columns.Select(c => c.SelectMany(t => (t ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => w.Length)
            .DefaultIfEmpty(1).Max()).ToArray();
        foreach (var halfPoints in new[] { 24, 22, 20 })
        {
            var widths = longest.Select(n => n * halfPoints * 6 + CellMargins).ToArray();
            var others = widths.Where((_, i) => i != flexible).Sum();
            if (others + minFlexible > total && halfPoints > 20) continue;
            widths[flexible] = Math.Max(minFlexible, total - others);
            return (widths, halfPoints);
        }
        throw new InvalidOperationException("unreachable");
    }
}
