using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.ParIndex;

/// <summary>
/// An assessment's self-assessment report in Word (NĐ 30/2020 layout): the result (points, index, band, field
/// sub-indices), the summary table of self-scores per criterion with the evidence named or the explanation where there
/// is none, and the list of criteria without evidence. The province's report against BNV's index is sent to the Ministry.
/// </summary>
public sealed class SelfAssessmentReport
{
    private static readonly int[] Widths = [800, 3554, 900, 1000, 3100];

    public byte[] Write(AssessmentModel m)
    {
        var province = m.Cycle.GroupCode == IndexData.ProvinceGroup;
        var year = m.Cycle.Year;
        var scored = m.Framework.Nodes.Where(n => n.Rule is not null).ToList();
        var evidence = m.Evidence.SelectMany(e => e.Codes.Split(',', StringSplitOptions.TrimEntries).Select(c => (Code: c, e.FileName)))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(x => x.FileName)));
        string Show(decimal? v) => v is { } x ? ScoringEngine.Round(x).ToString("0.##", Core.Text.VietnameseCollation.Culture) : "";
        bool Excluded(FrameworkNode n) => m.NotApplicable.Contains(n.Code) || m.Scores.GetValueOrDefault(n.Code)?.Exempt == true;

        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(OfficialDocument.Heading(m.AgencyName, province ? "BC-UBND" : "BC", year, m.ProvinceName));
            body.Append(OfficialDocument.Center(""));
            body.Append(OfficialDocument.Center("BÁO CÁO", bold: true));
            body.Append(OfficialDocument.Center($"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}", bold: true));
            body.Append(OfficialDocument.Center("———", size: 20));
            body.Append(
                OfficialDocument.P(JustificationValues.Center, 0, OfficialDocument.R($"Kính gửi: {(province ? "Bộ Nội vụ" : "Sở Nội vụ")}.")));
            body.Append(
                OfficialDocument.Body(
                $"Thực hiện việc đánh giá, xác định Chỉ số cải cách hành chính năm {year}, {m.AgencyName} báo cáo kết quả tự "
                + "đánh giá, " +
                $"chấm điểm theo {m.FrameworkRow.Title} như sau:"));

            body.Append(OfficialDocument.Body("I. KẾT QUẢ TỰ ĐÁNH GIÁ", bold: true));
            var selfTotal = scored.Where(n => !Excluded(n)).Sum(n => m.Scores.GetValueOrDefault(n.Code)?.SelfPoints ?? 0);
            var applicable = scored.Where(n => !Excluded(n)).Sum(n => n.Max ?? 0);
            var index = applicable == 0 ? 0 : selfTotal / applicable * 100;
            var band = m.Framework.Bands.FirstOrDefault(b => index >= b.Min)?.Name;
            body.Append(
                OfficialDocument.Body($"Tổng điểm tự đánh giá: {Show(selfTotal)}/{Show(applicable)} điểm; Chỉ số đạt {Show(index)}%" + (
                band is null ? "." : $", xếp loại {band}.")));
            foreach (var field in m.Framework.Nodes.Where(n => !n.Code.Contains('.')))
            {
                var under = scored.Where(n => !Excluded(n) && Core.Scoring.Framework.IsUnder(n.Code, new HashSet<string> { field.Code })).ToList();
                var max = under.Sum(n => n.Max ?? 0);
                if (max == 0) continue;
                var pts = under.Sum(n => m.Scores.GetValueOrDefault(n.Code)?.SelfPoints ?? 0);
                body.Append(OfficialDocument.Body($"- {field.Code}. {Sentence(field.Title)}: {Show(pts)}/{Show(max)} điểm ({Show(pts / max * 100)}%)."));
            }

            body.Append(OfficialDocument.Body("II. BẢNG TỔNG HỢP ĐIỂM TỰ ĐÁNH GIÁ", bold: true));
            var table = Docx.BorderedTable(Widths, ["Mã", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
                "Tài liệu kiểm chứng / giải thích"]);
            foreach (var n in m.Framework.Nodes)
            {
                var s = m.Scores.GetValueOrDefault(n.Code);
                string points, note;
                if (n.Rule is null)
                {
                    var under = scored.Where(x => !Excluded(x) && Core.Scoring.Framework.IsUnder(x.Code, new HashSet<string> { n.Code })).ToList();
                    points = Show(under.Sum(x => m.Scores.GetValueOrDefault(x.Code)?.SelfPoints ?? 0));
                    note = "";
                }
                else if (Excluded(n)) (points, note) = ("—", "Không áp dụng");
                else
                {
                    points = Show(s?.SelfPoints ?? 0);
                    note = m.Computed.TryGetValue(n.Code, out var c) ? c.Shown
                        : n.IsSurvey ? "Kết quả điều tra xã hội học"
                        : evidence.TryGetValue(n.Code, out var files) ? files
                        : s?.NoEvidenceNote is { } why ? $"Giải thích: {why}" : "Chưa có tài liệu kiểm chứng.";
                }
                var row = new TableRow();
                var bold = n.Rule is null;
                string?[] cells = [n.Code, n.Title, Show(n.Max), points, note];
                row.Append(
                    cells.Select((text, i) => Docx.Cell(text, Widths[i], bold: bold && i < 4, align: i is 0 or 2 or 3 ? JustificationValues.Center : null)));
                table.Append(row);
            }
            var total = new TableRow();
            total.Append(Docx.Cell("Tổng cộng", Widths[0] + Widths[1], bold: true, span: 2),
                Docx.Cell(Show(applicable), Widths[2], bold: true, align: JustificationValues.Center),
                Docx.Cell(Show(selfTotal), Widths[3], bold: true, align: JustificationValues.Center),
                    Docx.Cell($"Chỉ số {Show(index)}%", Widths[4], bold: true));
            table.Append(total);
            body.Append(table);

            var unexplained = scored.Where(n => !Excluded(n) && !n.IsSurvey && !m.Computed.ContainsKey(n.Code) && !evidence.ContainsKey(n.Code)).ToList();
            body.Append(OfficialDocument.Body("III. CÁC TIÊU CHÍ CHƯA CÓ TÀI LIỆU KIỂM CHỨNG", bold: true));
            if (unexplained.Count == 0)
                body.Append(OfficialDocument.Body("Tất cả các tiêu chí tự đánh giá đều có tài liệu kiểm chứng."));
            else
            {
                // The explanations are in the table; here the list, and which criteria have none yet.
                body.Append(
                    OfficialDocument.Body(
                    $"Có {unexplained.Count} tiêu chí chưa có tài liệu kiểm chứng, được giải thích cách chấm tại Bảng tổng hợp "
                    + "trên: " +
                    string.Join(", ", unexplained.Select(n => n.Code)) + "."));
                var silent = unexplained.Where(n => m.Scores.GetValueOrDefault(n.Code)?.NoEvidenceNote is null).ToList();
                if (silent.Count > 0) body.Append(
                    OfficialDocument.Body("Chưa giải thích cách chấm: " + string.Join(", ", silent.Select(n => $"{n.Code} ({n.Title})")) + "."));
            }

            body.Append(
                OfficialDocument.Body(
                $"Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} của "
                + $"{m.AgencyName}./."));
            body.Append(province
                ? OfficialDocument.Signature(["Bộ Nội vụ;", "TT Thành ủy, TT HĐND;", "CT, các PCT UBND;", "Sở Nội vụ;", "Lưu: VT."],
                    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
                : OfficialDocument.Signature(["Sở Nội vụ;", "Lưu: VT."], "", "THỦ TRƯỞNG CƠ QUAN"));
            body.Append(OfficialDocument.PortraitA4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static string Sentence(string title) => Core.Text.SentenceCase.Of(title);
}
