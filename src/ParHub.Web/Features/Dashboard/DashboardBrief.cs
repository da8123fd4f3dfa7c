using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Dashboard;

/// <summary>The one-page brief for a leaders' meeting: the headline figures with their targets and the agencies needing attention.</summary>
public static class DashboardBrief
{
    public static byte[] Document(DashboardView v, string provinceName)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(OfficialDocument.Center("TÌNH HÌNH CẢI CÁCH HÀNH CHÍNH", bold: true, size: 30));
            body.Append(OfficialDocument.Center($"{provinceName} – số liệu đến ngày {v.Today:dd/MM/yyyy}", italic: true, size: 26));
            body.Append(OfficialDocument.Body("1. Các chỉ tiêu chính", bold: true));
            var tiles = Docx.BorderedTable([3600, 1700, 1300, 3000], ["Chỉ tiêu", "Kết quả", "Mục tiêu", "Ghi chú"]);
            foreach (var t in v.Tiles)
                tiles.Append(new TableRow(Docx.Cell(t.Label, 3600), Docx.Cell(t.Value, 1700, bold: true, align: JustificationValues.Right),
                    Docx.Cell(t.Target is { } target ? $"{target:0.##}%" + (t.Met == true ? " (đạt)" : " (chưa đạt)") : "—", 1300),
                    Docx.Cell(t.Detail, 3000)));
            body.Append(tiles);
            body.Append(OfficialDocument.Body("2. Cơ quan cần chú ý", bold: true));
            if (v.Attention.Count == 0) body.Append(OfficialDocument.Body("Không có cơ quan nào chậm ở từ hai nội dung trở lên."));
            else
            {
                var table = Docx.BorderedTable([3600, 6000], ["Cơ quan", "Nội dung chậm"]);
                foreach (var a in v.Attention.Take(10))
                    table.Append(new TableRow(Docx.Cell(a.Agency.Name, 3600), Docx.Cell(string.Join("; ", a.Reasons), 6000)));
                body.Append(table);
            }
            body.Append(OfficialDocument.Body("Số liệu do ParHub tổng hợp từ kế hoạch, báo cáo, Chỉ số CCHC, khảo sát SIPAS và hồ sơ TTHC.", italic: true));
            body.Append(OfficialDocument.PortraitA4());
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }
        return ms.ToArray();
    }
}
