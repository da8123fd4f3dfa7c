using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParHub.Core.Sipas;
using ParHub.Web.Shared.Office;
using static ParHub.Web.Shared.Office.OfficialDocument;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Word = ParHub.Web.Shared.Office.Docx;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// A programme's report as a Word document in the layout of Nghị định 30/2020/NĐ-CP (A4 portrait, Times New Roman 14 pt,
/// the two-column heading with the national motto, "BÁO CÁO", numbered sections, "Nơi nhận" and the signature block),
/// and its per-agency table as XLSX. Figures as shown everywhere: 2 decimals, half away from zero.
/// </summary>
public static class SipasReportFiles
{
    /// <summary>A component below this share (%) is a weak point of the report (seed 002: at least 90 % in every field).</summary>
    public const decimal WeakBelow = 90m;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    public static string Pct(decimal? v) => SipasIndex.Show(v, Vi);
    private static string Percent(decimal? v) => v is null ? "chưa có câu trả lời" : Pct(v) + "%";
    private static string Margin(SipasRow r) => r.Margin is { } m ? "±" + Pct(m * 100) : "—";
    private static string Signed(decimal? d) => d is { } x ? (x > 0 ? "+" : "") + Pct(x) : "—";

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Title(SurveyProgramme p) =>
        $"Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm {p.Year}";

    /// <summary>The components of the province below <see cref="WeakBelow"/>, lowest first (the three lowest if none is).</summary>
    public static IReadOnlyList<(SipasComponent Component, decimal Share)> WeakComponents(SipasReport r)
    {
        var all = r.Current.Spec.Components.Select(c => (Component: c, Share: r.Current.Province.Result.Components.GetValueOrDefault(c.Code)))
            .Where(x => x.Share is not null).Select(x => (x.Component, Share: x.Share!.Value)).OrderBy(x => x.Share).ToList();
        var weak = all.Where(x => SipasIndex.Round(x.Share) < WeakBelow).ToList();
        return weak.Count > 0 ? weak : all.Take(3).ToList();
    }

    /// <summary>Agencies with enough forms first (by SIPAS, highest first), then those below the minimum.</summary>
    private static IEnumerable<SipasRow> Ordered(SipasResults.Computed c) => c.Agencies.OrderBy(a => a.BelowMinimum);

    public static byte[] Docx(SipasReport r, DateOnly today)
    {
        var c = r.Current;
        var p = c.Programme;
        var province = c.Province;
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Heading(r.Issuer, "BC-UBND", today.Year));
            body.Append(Center(""));
            body.Append(Center("BÁO CÁO", bold: true));
            body.Append(Center(Title(p), bold: true));
            body.Append(Center("———", size: 20));
            body.Append(Body($"Thực hiện {p.Methodology} về phương pháp đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của "
                + $"cơ quan hành chính nhà nước, {r.Issuer} báo cáo kết quả khảo sát năm {p.Year} như sau:"));

            body.Append(Body("I. PHƯƠNG PHÁP VÀ MẪU KHẢO SÁT", bold: true));
            body.Append(Body($"- Phương pháp: {p.Methodology}; tỷ lệ hài lòng của mỗi câu hỏi là số câu trả lời từ mức {c.Spec.SatisfiedFrom} trở lên "
                + $"trên thang {c.Spec.Scale} mức chia cho số câu trả lời hợp lệ; "
                + (c.Spec.Aggregation == SipasAggregation.Mean ? "nhóm tiêu chí, phần và chỉ số là trung bình cộng của cấp dưới."
                    : "nhóm tiêu chí, phần và chỉ số gộp mọi câu trả lời.")));
            body.Append(Body($"- Thời gian thu thập: từ ngày {p.FieldworkFrom:dd/MM/yyyy} đến ngày {p.FieldworkTo:dd/MM/yyyy}."));
            body.Append(Body($"- Cỡ mẫu: sai số e = {Pct(p.MarginOfError * 100)}%, hệ số tin cậy z = {p.Confidence.ToString(Vi)}; tối thiểu "
                + $"{p.MinResponses} phiếu hợp lệ mỗi cơ quan."));
            var enough = c.Agencies.Count(a => a.Result.N > 0 && !a.BelowMinimum);
            body.Append(Body($"- Số phiếu hợp lệ: {province.Result.N.ToString("N0", Vi)} phiếu về {c.Agencies.Count(a => a.Result.N > 0)} cơ quan; "
                + $"{enough} cơ quan đủ mẫu."));

            body.Append(Body("II. KẾT QUẢ CHUNG CỦA TỈNH", bold: true));
            var last = r.LastYearOf(province) is { } before
                ? $" So với năm {p.Year - 1} ({Pct(before)}%), {(r.ChangeOf(province) is > 0 ? "tăng" : r.ChangeOf(province) is < 0 ? "giảm" : "bằng")}"
                    + (r.ChangeOf(province) is { } d && d != 0 ? $" {Pct(Math.Abs(d))} điểm phần trăm." : ".")
                : "";
            body.Append(Body($"Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của tỉnh năm {p.Year} đạt {Pct(province.Result.Sipas)}% "
                + $"(sai số {Margin(province)} điểm phần trăm).{last}"));
            foreach (var part in c.Spec.Parts)
                body.Append(Body($"- {part.Title}: {Percent(province.Result.Parts.GetValueOrDefault(part.Code))}."));

            body.Append(Body("III. KẾT QUẢ THEO CƠ QUAN", bold: true));
            var hasLast = r.LastYear is not null;
            int[] widths = hasLast ? [700, 2900, 900, 1100, 1000, 1100, 1100, 900] : [700, 3500, 1000, 1200, 1200, 1400];
            string[] header = ["STT", "Cơ quan", "Số phiếu", "SIPAS (%)", "Sai số", "Hạng", .. hasLast ? new[] { $"Năm {p.Year - 1}", "Thay đổi" } : []];
            var table = Word.BorderedTable(widths, header);
            var no = 0;
            foreach (var a in Ordered(c))
            {
                string[] cells = [(++no).ToString(CultureInfo.InvariantCulture), a.Name, a.Result.N.ToString(CultureInfo.InvariantCulture),
                    a.BelowMinimum ? "chưa đủ mẫu" : Pct(a.Result.Sipas), a.BelowMinimum ? "—" : Margin(a), r.RankText(a),
                    .. hasLast ? new[] { Pct(r.LastYearOf(a)), a.BelowMinimum ? "—" : Signed(r.ChangeOf(a)) } : []];
                var row = new TableRow();
                row.Append(cells.Select((x, i) => Word.Cell(x, widths[i], align: i == 1 ? null : JustificationValues.Center)));
                table.Append(row);
            }
            body.Append(table);

            body.Append(Body("IV. KẾT QUẢ THEO NHÓM TIÊU CHÍ", bold: true));
            int[] cw = [1000, 6000, 1800];
            var components = Word.BorderedTable(cw, ["Mã", "Nhóm tiêu chí", "Tỷ lệ hài lòng (%)"]);
            foreach (var comp in c.Spec.Components)
            {
                var row = new TableRow();
                row.Append(Word.Cell(comp.Code, cw[0], align: JustificationValues.Center), Word.Cell(comp.Title, cw[1]),
                    Word.Cell(Pct(province.Result.Components.GetValueOrDefault(comp.Code)), cw[2], align: JustificationValues.Center));
                components.Append(row);
            }
            body.Append(components);

            body.Append(Body("V. NHỮNG HẠN CHẾ", bold: true));
            var weak = WeakComponents(r);
            if (weak.Count == 0) body.Append(Body("Chưa có câu trả lời hợp lệ để đánh giá các nhóm tiêu chí."));
            foreach (var (comp, share) in weak)
                body.Append(Body($"- {comp.Title} ({comp.Code}): {Pct(share)}%"
                    + (SipasIndex.Round(share) < WeakBelow ? $", dưới mục tiêu {Pct(WeakBelow)}%." : ", thấp nhất trong các nhóm tiêu chí.")));
            // Each agency against its own target (set on the sample page), else the programme's.
            var lowAgencies = c.Agencies.Where(a => !a.BelowMinimum && SipasTargets.Met(a.Result.Sipas, c.TargetOf(a)) == false).ToList();
            if (lowAgencies.Count > 0)
                body.Append(Body("- Cơ quan có SIPAS chưa đạt mục tiêu: "
                    + string.Join("; ", lowAgencies.Select(a => $"{a.Name} ({Pct(a.Result.Sipas)}%, mục tiêu {Pct(c.TargetOf(a))}%)")) + "."));
            var below = c.Agencies.Where(a => a.BelowMinimum).ToList();
            if (below.Count > 0)
                body.Append(Body($"- {below.Count} cơ quan chưa đủ mẫu (dưới {p.MinResponses} phiếu hợp lệ), chưa đánh giá được."));

            body.Append(Body("VI. KIẾN NGHỊ", bold: true));
            foreach (var (comp, _) in weak)
                body.Append(Body($"- Các cơ quan tập trung cải thiện “{comp.Title}”, xác định nguyên nhân và giao nhiệm vụ khắc phục cụ thể, "
                    + "có thời hạn trong kế hoạch cải cách hành chính năm tới."));
            if (lowAgencies.Count > 0)
                body.Append(Body("- Các cơ quan có chỉ số dưới mục tiêu xây dựng kế hoạch nâng cao chất lượng phục vụ và báo cáo kết quả về Sở Nội vụ."));
            if (below.Count > 0)
                body.Append(Body("- Các cơ quan chưa đủ mẫu phối hợp phát phiếu khảo sát để đợt sau đạt cỡ mẫu tối thiểu."));
            body.Append(Body($"Trên đây là báo cáo kết quả khảo sát sự hài lòng năm {p.Year} của {r.Issuer}./."));
            body.Append(Signature(["Bộ Nội vụ;", "TT Tỉnh ủy, TT HĐND tỉnh;", "CT, các PCT UBND tỉnh;", "Các sở, ban, ngành; UBND cấp xã;", "Lưu: VT."],
                "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"));
            body.Append(PortraitA4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>The per-agency table: the province first, then every agency, with its rank, last year and every part and component.</summary>
    public static byte[] Xlsx(SipasReport r)
    {
        var c = r.Current;
        var hasLast = r.LastYear is not null;
        string[] header = ["Cơ quan", "Số phiếu hợp lệ", "SIPAS (%)", "Sai số (±%)", "Hạng trong nhóm",
            .. hasLast ? new[] { $"Năm {c.Programme.Year - 1} (%)", "Thay đổi" } : [],
            .. c.Spec.Parts.Select(x => $"Phần {x.Code} (%)"), .. c.Spec.Components.Select(x => $"{x.Code}: {x.Title} (%)"),
            "Mục tiêu (%)", "Đạt mục tiêu", "Ghi chú"];
        var rows = new[] { c.Province }.Concat(Ordered(c)).Select(a =>
        {
            var below = a.AgencyId is not null && a.BelowMinimum;
            static object? N(string? shown) => ParHub.Web.Shared.Office.Xlsx.Number(shown);
            return (IReadOnlyList<object?>)[a.Name, a.Result.N, N(Pct(a.Result.Sipas)),
                a.Margin is { } m ? N(Pct(m * 100)) : "—", a.AgencyId is null ? "" : N(r.RankText(a)),
                .. hasLast ? new[] { N(Pct(r.LastYearOf(a))), N(Signed(r.ChangeOf(a))) } : [],
                .. c.Spec.Parts.Select(x => N(Pct(a.Result.Parts.GetValueOrDefault(x.Code)))),
                .. c.Spec.Components.Select(x => N(Pct(a.Result.Components.GetValueOrDefault(x.Code)))),
                N(Pct(c.TargetOf(a))), below ? "—" : SipasTargets.Met(a.Result.Sipas, c.TargetOf(a)) switch { true => "đạt", false => "chưa đạt", _ => "—" },
                below ? $"chưa đủ mẫu (dưới {c.Programme.MinResponses} phiếu)" : a.AgencyId is null ? "toàn tỉnh" : ""];
        });
        return ParHub.Web.Shared.Office.Xlsx.WriteValues("Kết quả SIPAS", header, rows);
    }
}
