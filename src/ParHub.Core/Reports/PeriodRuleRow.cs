namespace ParHub.Core.Reports;

/// <summary>
/// A regime's period rule as its editor shows it, one row of pickers: the kind, the due date (day/month; a monthly
/// report's day of the month after), and the optional data cut-off from a day/month (of the year before, or not) to a
/// day/month. A row whose kind is left empty is no rule (the editor's blank rows, or a rule removed).
/// </summary>
public sealed record PeriodRuleRow(string? Kind, string? Due, string? From = null, bool FromYearBefore = false, string? To = null)
{
    /// <summary>The kinds a row may pick, with their Vietnamese names, in the order of the year.</summary>
    public static readonly IReadOnlyList<(PeriodKind Kind, string Code, string Name)> Kinds =
    [
        (PeriodKind.Q1, "Q1", "Quý I"), (PeriodKind.H1, "H1", "6 tháng đầu năm"), (PeriodKind.Q3, "Q3", "Quý III"),
        (PeriodKind.NineMonths, "9M", "9 tháng"), (PeriodKind.Year, "Y", "Năm"), (PeriodKind.Month, "M", "Hằng tháng"),
        (PeriodKind.AdHoc, "A", "Đột xuất"),
    ];

    public static string KindName(PeriodKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <summary>The rows of a regime's rules (the inverse of <see cref="ToRules"/>).</summary>
    public static IReadOnlyList<PeriodRuleRow> Of(IEnumerable<ReportRegime.PeriodRule> rules) => rules.Select(r => r.Kind == PeriodKind.Month
        ? new PeriodRuleRow("M", $"{r.DueDay:00}")
        : new PeriodRuleRow(ReportRegime.KindCode(r.Kind), $"{r.DueDay:00}/{r.DueMonth:00}",
            r.CutoffFrom is { } f ? $"{f.Day:00}/{f.Month:00}" : null, r.CutoffFrom is { YearOffset: -1 },
            r.CutoffTo is { } t ? $"{t.Day:00}/{t.Month:00}" : null)).ToList();

    /// <summary>
    /// The rules of the rows, blank rows skipped. A row it cannot read is a <see cref="FormatException"/> in Vietnamese
    /// naming the row ("Kỳ thứ 2 (Quý I): …"), never skipped.
    /// </summary>
    public static IReadOnlyList<ReportRegime.PeriodRule> ToRules(IEnumerable<PeriodRuleRow> rows)
    {
        var rules = new List<ReportRegime.PeriodRule>();
        var n = 0;
        foreach (var row in rows)
        {
            n++;
            if (string.IsNullOrWhiteSpace(row.Kind)) continue;
            var kind = Kinds.Where(k => k.Code == row.Kind.Trim().ToUpperInvariant()).Select(k => (PeriodKind?)k.Kind).FirstOrDefault()
                ?? throw new FormatException($"Kỳ thứ {n}: loại kỳ \"{row.Kind}\" không có.");
            var at = $"Kỳ thứ {n} ({KindName(kind)})";
            if (kind == PeriodKind.Month)
            {
                if (!int.TryParse(row.Due?.Trim(), out var day) || day is < 1 or > 31)
                    throw new FormatException($"{at}: hạn nộp là ngày của tháng sau, từ 1 đến 31 (ví dụ 5).");
                rules.Add(new(PeriodKind.Month, 0, day));
                continue;
            }
            var due = DayMonth(row.Due) ?? throw new FormatException($"{at}: hạn nộp cần dạng ngày/tháng, ví dụ 20/03.");
            var (hasFrom, hasTo) = (!string.IsNullOrWhiteSpace(row.From), !string.IsNullOrWhiteSpace(row.To));
            if (kind == PeriodKind.AdHoc || (!hasFrom && !hasTo))
            {
                if (hasFrom || hasTo) throw new FormatException($"{at}: báo cáo đột xuất không có kỳ chốt số liệu.");
                rules.Add(new(kind, due.Month, due.Day));
                continue;
            }
            var from = DayMonth(row.From);
            var to = DayMonth(row.To);
            if (from is null || to is null)
                throw new FormatException($"{at}: kỳ chốt số liệu cần cả ngày bắt đầu và ngày kết thúc, dạng ngày/tháng (ví dụ 15/12 và 14/03).");
            rules.Add(new(kind, due.Month, due.Day, (from.Value.Month, from.Value.Day, row.FromYearBefore ? -1 : 0), (to.Value.Month, to.Value.Day)));
        }
        return rules;
    }

    /// <summary>"20/03" or "20/3" → (3, 20); a day that is not in every year (31/04, 29/02) is null.</summary>
    private static (int Month, int Day)? DayMonth(string? text)
    {
        var p = (text ?? "").Trim().Split('/', '.', '-');
        if (p.Length != 2 || !int.TryParse(p[0], out var day) || !int.TryParse(p[1], out var month)) return null;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2023, month)) return null;
        return (month, day);
    }
}
