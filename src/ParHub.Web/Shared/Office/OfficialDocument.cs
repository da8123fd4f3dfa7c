using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParHub.Web.Shared.Office;

/// <summary>
/// The parts of an administrative document in the layout of Nghị định 30/2020/NĐ-CP: the two-column heading (issuer and
/// number; national motto and place-date), body paragraphs in 14 pt with a first-line indent, "Nơi nhận" and the
/// signature block, A4 portrait with the decree's margins.
/// </summary>
public static class OfficialDocument
{
    /// <summary>Body text is 14 pt (the decree allows 13–14).</summary>
    public static Run R(string text, bool bold = false, bool italic = false, int halfPoints = 28) => Docx.R(text, bold, italic, halfPoints);

    public static Paragraph P(JustificationValues align, int firstLine, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = align },
            new SpacingBetweenLines { Before = "60", After = "60", Line = "300", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = firstLine.ToString(CultureInfo.InvariantCulture) }));
        p.Append(runs);
        return p;
    }

    public static Paragraph Body(string text, bool bold = false, bool italic = false) => P(JustificationValues.Both, 567, R(text, bold, italic));
    public static Paragraph Center(string text, bool bold = false, bool italic = false, int size = 28) =>
        P(JustificationValues.Center, 0, R(text, bold, italic, size));

    /// <summary>"Hải Phòng" from "Ủy ban nhân dân thành phố Hải Phòng": where the document is dated.</summary>
    public static string Place(string provinceName) =>
        provinceName.Replace("Ủy ban nhân dân ", "", StringComparison.Ordinal)
            .Replace("thành phố ", "", StringComparison.Ordinal)
            .Replace("tỉnh ", "", StringComparison.Ordinal);

    /// <summary>The heading: issuer and number on the left, the national motto and place-date on the right, no borders.</summary>
    /// <remarks><paramref name="placeOf"/>: the province whose name dates the document when the issuer is one of its agencies;
    /// <paramref name="superior"/>: the body written above the issuer (a department's "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG").</remarks>
    public static Table Heading(string issuerName, string number, int year, string? placeOf = null, string? superior = null)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var upper = issuerName.ToUpper(vi);
        var isCommittee = upper.StartsWith("ỦY BAN NHÂN DÂN ", StringComparison.Ordinal);
        var (top, second) = superior is not null ? (superior.ToUpper(vi), upper)
            : isCommittee ? ("ỦY BAN NHÂN DÂN", upper["ỦY BAN NHÂN DÂN ".Length..]) : (upper, "");
        var heading = Borderless(3686, 5953);
        heading.Append(new TableRow(
            HeadCell(3686, Center(top, size: 26), Center(second, bold: true, size: 26), Center("———", size: 20),
                Center($"Số:        /{number}", size: 26)),
            HeadCell(5953, Center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 26),
                Center("Độc lập - Tự do - Hạnh phúc", bold: true, size: 28), Center("———————", size: 20),
                P(JustificationValues.Center, 0, R($"{Place(placeOf ?? issuerName)}, ngày      tháng      năm {year}", italic: true)))));
        return heading;
    }

    /// <summary>"Nơi nhận" on the left, the signer's block on the right.</summary>
    public static Table Signature(IEnumerable<string> recipients, string onBehalfOf, string title)
    {
        var sign = Borderless(4819, 4820);
        var left = new List<Paragraph> { P(JustificationValues.Left, 0, R("Nơi nhận:", bold: true, italic: true, halfPoints: 24)) };
        left.AddRange(recipients.Select(r => P(JustificationValues.Left, 0, R($"- {r}", halfPoints: 22))));
        sign.Append(new TableRow(HeadCell(4819, [.. left]),
            HeadCell(4820, Center(onBehalfOf, bold: true), Center(title, bold: true), Center(""), Center(""), Center(""))));
        return sign;
    }

    /// <summary>A4 portrait; margins of NĐ 30/2020: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.</summary>
    public static SectionProperties PortraitA4() => new(new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 851, Header = 567, Footer = 567 });

    /// <summary>A4 landscape, for the annexes' wide tables.</summary>
    public static SectionProperties LandscapeA4() => new(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 851, Header = 567, Footer = 567 });

    private static Table Borderless(int left, int right) =>
        new(new TableProperties(new TableWidth { Width = (left + right).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                    new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                    new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
            new TableGrid(new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) },
                new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }));

    private static TableCell HeadCell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        foreach (var p in paragraphs)
        {
            p.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0" };
            cell.Append(p);
        }
        return cell;
    }
}
