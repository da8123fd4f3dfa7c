using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Shared.Office;
using static ParHub.Web.Shared.Office.OfficialDocument;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace ParHub.Web.Features.Reports;

/// <summary>What goes into the province's report: the period, the totals, comparisons, and the province's texts.</summary>
public sealed record ProvinceReportContent(string ProvinceName, string RecipientName, ReportingPeriod Period, ProvinceTotals Totals,
    IReadOnlyDictionary<string, AggregateValue>? Previous, string? PreviousLabel, RateCounts Rates,
    IReadOnlyDictionary<string, string> SectionTexts);

/// <summary>
/// The province's report as a Word document in the layout of Nghị định 30/2020/NĐ-CP (A4 portrait, Times New Roman
/// 13–14 pt, the two-column heading, "BÁO CÁO", "Kính gửi", numbered sections, "Nơi nhận" and the signature block), and
/// its statistical annex as XLSX. Figures are the live province totals.
/// </summary>
public sealed class ProvinceReportDocument(ParHubDbContext db, ReportQueries queries, TimeProvider clock)
{
    public async Task<ProvinceReportContent> ContentAsync(RegimeSetup regime, ReportingPeriod period, CancellationToken ct = default)
    {
        var province = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Province).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name })
            .FirstOrDefaultAsync(ct);
        var totals = await queries.TotalsAsync(regime, period.Code, null, ct);
        var prev = regime.ComparedWith(period);
        var previous = prev is null ? null : (await queries.TotalsAsync(regime, prev.Code, null, ct)).Values;
        var rates = (await queries.RatesAsync(regime, period, VietnamTime.Today(clock), ct)).Totals;
        var texts = province is null ? new Dictionary<string, string>() : await ProvinceTextsAsync(regime.Setting.Key, period.Code, province.Id, ct);
        return new ProvinceReportContent(province?.Name ?? "Ủy ban nhân dân tỉnh", "Bộ Nội vụ", period, totals, previous,
            prev is null ? null : LabelInSentence(prev), rates, texts);
    }

    /// <summary>The province's own texts of a period (kept as the province agency's report of the regime).</summary>
    public async Task<Dictionary<string, string>> ProvinceTextsAsync(string regimeKey, string periodCode, int provinceId, CancellationToken ct)
    {
        var id = await db.Reports.AsNoTracking().Where(r => r.RegimeKey == regimeKey && r.PeriodCode == periodCode && r.AgencyId == provinceId)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return id is null ? [] : await db.ReportValues.AsNoTracking().Where(v => v.ReportId == id && v.Text != null)
            .ToDictionaryAsync(v => v.Code, v => v.Text!, ct);
    }

    private static string N(decimal? v) => v is { } x ? VietnameseNumber.Format(x) : "…";

    /// <summary>One line of figures for a field: its value (a rate as "x/y, đạt z%"), and the change since the previous period.</summary>
    public static string Figure(FormField f, AggregateValue? a, AggregateValue? previous, string? previousLabel)
    {
        string Show(AggregateValue? v) => v is null ? "…" : f.Kind == FieldKind.Rate
            ? (f.IsDerived ? (v.Denominator is { } d && v.Value is { } n ? VietnameseNumber.Percent(n, d) : "…")
                : $"{N(v.Value)}/{N(v.Denominator)}"
                    + $"{(v.Value is { } n2 && v.Denominator is { } d2 && d2 != 0 ? " (đạt " + VietnameseNumber.Percent(n2, d2) + ")" : "")}")
            : $"{N(v.Value)} {f.Unit}".TrimEnd();
        var line = $"{f.Label.TrimStart('–', ' ')}: {Show(a)}";
        if (previous is not null && previousLabel is not null && f.Kind != FieldKind.Rate && a?.Value is { } now && previous.Value is { } before)
        {
            var diff = now - before;
            line += diff == 0 ? $" (bằng {previousLabel})" : $" ({(diff > 0 ? "tăng" : "giảm")} {N(Math.Abs(diff))} so với {previousLabel})";
        }
        return line + ".";
    }

    public byte[] Docx(ProvinceReportContent c)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(OfficialDocument.Heading(c.ProvinceName, "BC-UBND", c.Period.Year));
            body.Append(Center(""));
            body.Append(Center("BÁO CÁO", bold: true));
            body.Append(Center(
                $"Kết quả thực hiện công tác cải cách hành chính {LabelInSentence(c.Period)} và phương hướng, nhiệm vụ kỳ tới",
                bold: true));
            body.Append(Center("———", size: 20));
            body.Append(P(JustificationValues.Center, 0, R($"Kính gửi: {c.RecipientName}.")));
            body.Append(
                Body($"Thực hiện chế độ báo cáo cải cách hành chính định kỳ, {c.ProvinceName} báo cáo kết quả thực hiện công "
                + $"tác cải cách hành chính {LabelInSentence(c.Period)}" +
                (c.Period.CutoffFrom is { } cf
                    && c.Period.CutoffTo is { } cto ? $" (số liệu tính từ ngày {cf:dd/MM/yyyy} đến ngày {cto:dd/MM/yyyy})" : "") +
                $" trên cơ sở báo cáo của {c.Totals.Reports}/{c.Rates.Expected} cơ quan, đơn vị ({c.Rates.OnTime} cơ quan gửi đúng hạn, "
                    + $"{c.Rates.Late} cơ quan gửi muộn) như sau:"));

            WriteSections(body, c.Totals.Form, code => c.Totals.Values.GetValueOrDefault(code), code => c.Previous?.GetValueOrDefault(code),
                c.PreviousLabel,
                s => c.SectionTexts.TryGetValue("P_" + s.Code, out var text) ? text.Split('\n') : []);

            body.Append(
                Body($"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {LabelInSentence(c.Period)} của "
                + $"{c.ProvinceName}./."));
            body.Append(OfficialDocument.Signature([$"{c.RecipientName};", "TT Thành ủy, TT HĐND;", "CT, các PCT UBND;", "Sở Nội vụ;", "Lưu: VT."],
                "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"));
            body.Append(OfficialDocument.PortraitA4());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>
    /// The form's sections as the report's numbered parts: part headings once ("II. KẾT QUẢ …" over II1..II6), each
    /// section's own text (or "…" where a text part is still to be written), then a line per figure ("+ …" under its total).
    /// </summary>
    public static void WriteSections(Body body, ReportForm form, Func<string, AggregateValue?> value, Func<string, AggregateValue?> previous,
        string? previousLabel, Func<FormSection, IEnumerable<string>> texts)
    {
        string? lastRoman = null;
        foreach (var s in form.Sections)
        {
            // "II1".."II6" are areas inside part II; their part heading is written once.
            var roman = new string(s.Code.TakeWhile(char.IsLetter).ToArray());
            if (s.Code.Length > roman.Length && roman != lastRoman)
                body.Append(P(JustificationValues.Both, 567, R($"{roman}. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", bold: true)));
            lastRoman = roman;
            var title = s.Code.Length > roman.Length ? s.Title[(s.Title.IndexOf(' ') + 1)..] : s.Title;
            body.Append(P(JustificationValues.Both, 567, R(s.Code.Length > roman.Length ? $"{s.Code[roman.Length..]}. {title}" : title, bold: true)));
            var paragraphs = texts(s).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
            foreach (var para in paragraphs) body.Append(Body(para));
            if (paragraphs.Count == 0 && !s.Fields.Any(f => f.IsNumeric)) body.Append(Body("…")); // a text part still to be written
            foreach (var f in s.Fields.Where(f => f.IsNumeric))
                // Sub-items ("– Hoàn thành đúng hạn") are written "+ …" under their total, as in the real reports.
                body.Append(Body((f.Label.StartsWith('–') ? "+ " : "- ") + Figure(f, value(f.Code), previous(f.Code), previousLabel)));
        }
    }

    public static string LabelInSentence(ReportingPeriod p) => p.Kind switch
    {
        PeriodKind.Q1 => $"quý I năm {p.Year}",
        PeriodKind.H1 => $"6 tháng đầu năm {p.Year}",
        PeriodKind.Q3 => $"quý III năm {p.Year}",
        PeriodKind.NineMonths => $"9 tháng năm {p.Year}",
        PeriodKind.Month => p.Label.Replace("Tháng", "tháng", StringComparison.Ordinal),
        PeriodKind.AdHoc => $"đến ngày {p.Due:dd/MM/yyyy}",
        _ => $"năm {p.Year}",
    };

    /// <summary>The statistical annex: one row per numeric field with the province total, the previous period and the change.</summary>
    public static byte[] Xlsx(ProvinceReportContent c)
    {
        string[] header = ["Mục", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Mẫu số", "Tỷ lệ (%)", c.PreviousLabel ?? "Kỳ trước",
            "Số báo cáo có số liệu"];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var s in c.Totals.Form.Sections)
            foreach (var f in s.Fields.Where(f => f.IsNumeric))
            {
                c.Totals.Values.TryGetValue(f.Code, out var a);
                AggregateValue? p = null;
                c.Previous?.TryGetValue(f.Code, out p);
                rows.Add([s.Code, f.Label, f.Unit, a?.Value, a?.Denominator, ParHub.Web.Shared.Office.Xlsx.Number(a?.Percent), p?.Value, a?.Reports]);
            }
        return ParHub.Web.Shared.Office.Xlsx.WriteValues("Phụ lục số liệu", header, rows);
    }
}
