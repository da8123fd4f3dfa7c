using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Agencies;
using ParHub.Core.Reports;
using ParHub.Web.Shared.Office;
using static ParHub.Web.Shared.Office.OfficialDocument;

namespace ParHub.Web.Features.Reports;

/// <summary>What an agency's own periodic report prints: who reports to whom, the period, the form and the agency's values.</summary>
public sealed record AgencyReportContent(string AgencyName, string AgencyCode, AgencyKind AgencyKind, string ProvinceName, string RecipientName,
    ReportingPeriod Period, ReportForm Form, IReadOnlyDictionary<string, FieldValue> Values);

/// <summary>
/// An agency's own report as a Word document to print and sign, in the layout of Nghị định 30/2020/NĐ-CP: the agency's
/// heading dated at the province ("Hải Phòng, ngày …"), "BÁO CÁO", "Kính gửi" the regime's recipient, the form's
/// sections with the agency's texts and figures, "Nơi nhận" and the signature block of its head.
/// </summary>
public static class AgencyReportDocument
{
    public static byte[] Docx(AgencyReportContent c)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var period = ProvinceReportDocument.LabelInSentence(c.Period);
            body.Append(Heading(c.AgencyName, $"BC-{c.AgencyCode}", c.Period.Year, placeOf: c.ProvinceName,
                superior: c.AgencyKind == AgencyKind.Department ? c.ProvinceName : null));
            body.Append(Center(""));
            body.Append(Center("BÁO CÁO", bold: true));
            body.Append(Center($"Kết quả thực hiện công tác cải cách hành chính {period}", bold: true));
            body.Append(Center("———", size: 20));
            body.Append(P(JustificationValues.Center, 0, R($"Kính gửi: {c.RecipientName}.")));
            body.Append(Body($"Thực hiện chế độ báo cáo cải cách hành chính định kỳ, {c.AgencyName} báo cáo kết quả thực hiện công tác "
                + $"cải cách hành chính {period}"
                + (c.Period.CutoffFrom is { } from && c.Period.CutoffTo is { } to ? $" (số liệu tính từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy})" : "")
                + " như sau:"));
            ProvinceReportDocument.WriteSections(body, c.Form, code => Of(c.Values, code), _ => null, null,
                s => s.Fields.Where(f => !f.IsNumeric).SelectMany(f => (c.Values.GetValueOrDefault(f.Code)?.Text ?? "").Split('\n')));
            body.Append(Body($"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {period} của {c.AgencyName}./."));
            var (onBehalfOf, title) = Signer(c.AgencyKind);
            body.Append(Signature([$"{c.RecipientName};", "Lưu: VT."], onBehalfOf, title));
            body.Append(PortraitA4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>Who signs: the committee's chairman for a district or commune, the director for a department, else the head.</summary>
    public static (string OnBehalfOf, string Title) Signer(AgencyKind kind) => kind switch
    {
        AgencyKind.District or AgencyKind.Commune or AgencyKind.Province => ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        AgencyKind.Department => ("GIÁM ĐỐC", ""),
        _ => ("THỦ TRƯỞNG CƠ QUAN", ""),
    };

    private static AggregateValue? Of(IReadOnlyDictionary<string, FieldValue> values, string code) =>
        values.TryGetValue(code, out var v) && (v.Value is not null || v.Denominator is not null) ? new AggregateValue(code, v.Value, v.Denominator, 1) : null;
}
