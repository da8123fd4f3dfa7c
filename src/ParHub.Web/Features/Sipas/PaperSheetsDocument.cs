using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Sipas;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The questionnaire printed for paper collection: one sheet per form number ("Phiếu số 000123"), the agency named on
/// it, every item with its boxes to tick; each sheet starts on a new page.
/// </summary>
public static class PaperSheetsDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(SurveyDefinition definition, string programmeTitle, IReadOnlyList<(int Number, string Agency)> sheets)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var center = JustificationValues.Center;
            for (var s = 0; s < sheets.Count; s++)
            {
                var (number, agency) = sheets[s];
                var head = Docx.P(JustificationValues.Right, Docx.R($"Phiếu số {PaperSheet.Number(number)}", bold: true, halfPoints: 28));
                if (s > 0) head.InsertAfter(new Run(new Break { Type = BreakValues.Page }), head.ParagraphProperties);
                body.Append(head);
                body.Append(Docx.P(center, Docx.R("PHIẾU KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC", bold: true, halfPoints: 28)));
                body.Append(Docx.P(center, Docx.R(programmeTitle, italic: true)));
                body.Append(Docx.P(JustificationValues.Left, Docx.R("Cơ quan được đánh giá: ", bold: true), Docx.R(agency)));
                body.Append(Docx.P(JustificationValues.Left, Docx.R(
                    "Phiếu không hỏi tên, địa chỉ hay số điện thoại. Đánh dấu ☒ vào ô ông/bà chọn.", italic: true, halfPoints: 22)));
                foreach (var part in definition.Sections)
                {
                    var title = part.ShowIf is null ? part.Title : $"{part.Title} (chỉ trả lời nếu câu {part.ShowIf.Replace("=", " = ")})";
                    body.Append(Docx.P(JustificationValues.Left, Docx.R(title.ToUpperInvariant(), bold: true)));
                    foreach (var component in part.Components)
                    {
                        body.Append(Docx.P(JustificationValues.Left, Docx.R(component.Title, bold: true, halfPoints: 24)));
                        foreach (var item in component.Items)
                        {
                            body.Append(Docx.P(JustificationValues.Left, Docx.R($"{item.Code}. {item.Text}", halfPoints: 24)));
                            body.Append(item.Type == ItemType.Text
                                ? Docx.P(JustificationValues.Left, Docx.R(new string('.', 90), halfPoints: 22))
                                : Docx.P(JustificationValues.Left, Docx.R(string.Join("    ",
                                    item.Choices.Select((c, i) => $"☐ {i + 1} {c}")), halfPoints: 22)));
                        }
                    }
                }
                body.Append(Docx.P(center, Docx.R("Xin trân trọng cảm ơn ông/bà!", italic: true)));
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 1134, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }
}
