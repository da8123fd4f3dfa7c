using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Plans;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using static ParHub.Web.Shared.Office.Docx;

namespace ParHub.Web.Features.Plans;

/// <summary>A plan's task table as XLSX (with status as of a date) and as DOCX in the official appendix layout.</summary>
public static class PlanExport
{
    public static readonly string[] Header =
        ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện/hoàn thành",
            "Thời hạn", "Tình trạng", "Ngày hoàn thành"];

    public static byte[] Xlsx(Plan plan, IReadOnlyList<PlanTask> tasks, DateOnly asOf)
    {
        var rows = new List<IReadOnlyList<object?>>();
        string? group = null;
        foreach (var t in tasks.OrderBy(t => t.SortOrder))
        {
            if (t.Group != group && t.Group is not null) rows.Add([t.Group]);
            group = t.Group;
            rows.Add([t.No, t.Content, t.LeadText, t.CooperatingText, t.Product, t.TimeframeText,
                t.EffectiveDue, DeadlineStatuses.Label(DeadlineStatuses.Of(t.Start, t.EffectiveDue, t.CompletedOn, asOf)), t.CompletedOn]);
        }
        return ParHub.Web.Shared.Office.Xlsx.WriteValues("Danh mục nhiệm vụ", Header, rows);
    }

    /// <summary>
    /// The appendix as the province issues it (Nghị định 30/2020/NĐ-CP): landscape A4, Times New Roman, "DANH MỤC"
    /// title, the issuing decision in italics, and the six-column table with group rows.
    /// </summary>
    /// <remarks><paramref name="properNames"/>: the directory's names, so that an issuer read in capitals keeps its own.</remarks>
    public static byte[] Docx(Plan plan, IReadOnlyList<PlanTask> tasks, IEnumerable<string>? properNames = null)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(P(JustificationValues.Center, R("DANH MỤC", bold: true, halfPoints: 28)));
            body.Append(P(JustificationValues.Center, R($"Nhiệm vụ, công việc cụ thể triển khai thực hiện {plan.Title}", bold: true)));
            if (plan.Number is not null)
            {
                var date = plan.IssuedOn is { } d ? $" ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : "";
                var typeName = plan.DocType switch { "QĐ" => "Quyết định", "KH" => "Kế hoạch", _ => "Văn bản" };
                var issuer = plan.Issuer is null ? "" : " của " + Core.Text.SentenceCase.Of(plan.Issuer, properNames);
                body.Append(P(JustificationValues.Center, R($"(Ban hành kèm theo {typeName} số {plan.Number}{date}{issuer})", italic: true)));
            }
            int[] widths = [700, 4600, 2000, 2600, 2300, 2200];
            var table = BorderedTable(widths,
                ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện/ hoàn thành"]);
            string? group = null;
            foreach (var t in tasks.OrderBy(t => t.SortOrder))
            {
                if (t.Group != group && t.Group is not null)
                    table.Append(new TableRow(Cell(t.Group, widths.Sum(), bold: true, span: widths.Length)));
                group = t.Group;
                table.Append(new TableRow(
                    Cell(t.No, widths[0], align: JustificationValues.Center), Cell(t.Content, widths[1]), Cell(t.LeadText, widths[2]),
                    Cell(t.CooperatingText, widths[3]), Cell(t.Product, widths[4]), Cell(t.TimeframeText, widths[5])));
            }
            body.Append(table);
            // Landscape A4 with 2 cm / 1.5 cm margins.
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 851, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }
}
