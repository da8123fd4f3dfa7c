namespace ParHub.Core.Reports;

/// <summary>A reporting period of a regime: Q1, 6 months, Q3 or 9 months, the year, or a month.</summary>
public enum PeriodKind { Q1, H1, Q3, NineMonths, Year, Month, AdHoc }

/// <summary>One period of one year under a regime, with its due date and its data cut-off (null where none is set).</summary>
public sealed record ReportingPeriod(string Code, string Label, PeriodKind Kind, int Year, DateOnly? Due, DateOnly? CutoffFrom, DateOnly? CutoffTo);

/// <summary>
/// A reporting regime (chế độ báo cáo): who reports to whom, the periods, and a due-date and cut-off rule per period.
/// "Before day X" means due on day X, as for plan deadlines.
/// </summary>
public sealed record ReportRegime(string Key, string Name, string From, string To, IReadOnlyList<ReportRegime.PeriodRule> Rules, int? OnlyYear = null)
{
    /// <summary>Due (month, day) and cut-off (months and days; the start's year offset, −1 for "15/12 of the year before").</summary>
    public sealed record PeriodRule(PeriodKind Kind, int DueMonth, int DueDay,
        (int Month, int Day, int YearOffset)? CutoffFrom = null, (int Month, int Day)? CutoffTo = null);

    /// <summary>The periods of a year (none outside <see cref="OnlyYear"/> when it is set: a thematic report is asked for once).</summary>
    public IReadOnlyList<ReportingPeriod> Periods(int year) => OnlyYear is { } only && only != year ? [] : Rules.SelectMany(r => r.Kind == PeriodKind.Month
        ? Enumerable.Range(1, 12).Select(m => Monthly(r, year, m))
        : r.Kind == PeriodKind.AdHoc
        ? [new ReportingPeriod($"{year}-A{r.DueMonth:00}{r.DueDay:00}", $"Báo cáo đột xuất hạn {r.DueDay:00}/{r.DueMonth:00}/{year}", PeriodKind.AdHoc,
            year,
            new DateOnly(year, r.DueMonth, r.DueDay), null, null)]
        : [new ReportingPeriod(
            Code(r.Kind, year), Label(r.Kind, year), r.Kind, year, new DateOnly(year, r.DueMonth, r.DueDay),
            r.CutoffFrom is { } f ? new DateOnly(year + f.YearOffset, f.Month, f.Day) : null,
            r.CutoffTo is { } t ? new DateOnly(year, t.Month, t.Day) : null)]).ToList();

    /// <summary>How many days before its due date a period becomes the one being collected.</summary>
    public const int OpenDaysAhead = 15;

    /// <summary>
    /// The period being collected on a day: the last whose due date is at most <see cref="OpenDaysAhead"/> days ahead —
    /// a report due soon, or else the last one due, while its late reports still come in. Null for a regime with no periods.
    /// </summary>
    public ReportingPeriod? OpenPeriod(DateOnly today) =>
        Periods(today.Year - 1).Concat(Periods(today.Year)).Concat(Periods(today.Year + 1))
            .Where(p => p.Due is { } d && d <= today.AddDays(OpenDaysAhead)).MaxBy(p => p.Due);

    /// <summary>A monthly report: the month's data, due on the rule's day of the month after (the last day if shorter).</summary>
    private static ReportingPeriod Monthly(PeriodRule r, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var due = new DateOnly(next.Year, next.Month, Math.Min(r.DueDay, DateTime.DaysInMonth(next.Year, next.Month)));
        return new ReportingPeriod($"{year}-M{month:00}", $"Tháng {month}/{year}", PeriodKind.Month, year, due, first, next.AddDays(-1));
    }

    public static string Code(PeriodKind kind, int year) => kind switch
    {
        PeriodKind.Q1 => $"{year}-Q1",
        PeriodKind.H1 => $"{year}-H1",
        PeriodKind.Q3 => $"{year}-Q3",
        PeriodKind.NineMonths => $"{year}-9M",
        _ => $"{year}-Y",
    };

    /// <summary>A period's label from its code alone ("2026-Q3" → "Quý III/2026", "2026-M03" → "Tháng 3/2026"); the code when unknown.</summary>
    public static string LabelOf(string code)
    {
        if (code.Length < 6 || code[4] != '-' || !int.TryParse(code.AsSpan(0, 4), out var year)) return code;
        var rest = code[5..];
        return rest switch
        {
            "Q1" => Label(PeriodKind.Q1, year),
            "H1" => Label(PeriodKind.H1, year),
            "Q3" => Label(PeriodKind.Q3, year),
            "9M" => Label(PeriodKind.NineMonths, year),
            "Y" => Label(PeriodKind.Year, year),
            ['M', ..] when int.TryParse(rest.AsSpan(1), out var m) && m is >= 1 and <= 12 => $"Tháng {m}/{year}",
            ['A', ..] when rest.Length == 5 => $"Báo cáo đột xuất hạn {rest[3..5]}/{rest[1..3]}/{year}",
            _ => code,
        };
    }

    public static string Label(PeriodKind kind, int year) => kind switch
    {
        PeriodKind.Q1 => $"Quý I/{year}",
        PeriodKind.H1 => $"6 tháng đầu năm {year}",
        PeriodKind.Q3 => $"Quý III/{year}",
        PeriodKind.NineMonths => $"9 tháng năm {year}",
        _ => $"Năm {year}",
    };

    /// <summary>The presets: CV 581/BNV-CCHC (province → Bộ Nội vụ), Hải Phòng 2018 and Hà Nội 2019 (agencies → Sở Nội vụ).</summary>
    public static readonly IReadOnlyList<ReportRegime> Presets =
    [
        new("cv581", "Công văn 581/BNV-CCHC: báo cáo CCHC của tỉnh gửi Bộ Nội vụ", "UBND tỉnh/thành phố", "Bộ Nội vụ",
        [
            new(PeriodKind.Q1, 3, 20, (12, 15, -1), (3, 14)),
            new(PeriodKind.H1, 6, 20, (12, 15, -1), (6, 14)),
            new(PeriodKind.Q3, 9, 20, (6, 15, 0), (9, 14)),
            new(PeriodKind.Year, 12, 20, (12, 15, -1), (12, 14)),
        ]),
        new("haiphong-2018", "Hải Phòng 2018 (QĐ 3538/QĐ-UBND, III.1.c): các cơ quan báo cáo Sở Nội vụ",
            "Các sở, ban, ngành; UBND các quận, huyện", "Sở Nội vụ",
        [
            new(PeriodKind.Q1, 3, 5), new(PeriodKind.H1, 6, 5), new(PeriodKind.Q3, 9, 5), new(PeriodKind.Year, 11, 5),
        ]),
        new("hanoi-2019", "Hà Nội 2019: các cơ quan báo cáo Sở Nội vụ", "Các sở, ban, ngành; UBND các quận, huyện", "Sở Nội vụ",
        [
            new(PeriodKind.Q1, 3, 5), new(PeriodKind.H1, 6, 5), new(PeriodKind.NineMonths, 9, 5), new(PeriodKind.Year, 11, 10),
        ]),
    ];

    /// <summary>
    /// The rules as editable lines: <c>KIND DD/MM [DD/MM/YEAROFFSET DD/MM]</c>, e.g. <c>Q1 20/03 15/12/-1 14/03</c>
    /// (due 20/3, data from 15/12 of the year before to 14/3). Kinds: Q1, H1, Q3, 9M, Y; and <c>M 05</c> for a monthly
    /// report due on the 5th of the month after; <c>A 15/08</c> for an ad-hoc report due on 15/8.
    /// </summary>
    public string RulesText() => Text(Rules);

    /// <summary>Rules as <see cref="RulesText"/> writes them, one line each.</summary>
    public static string Text(IEnumerable<PeriodRule> rules) => string.Join("\n", rules.Select(r => r.Kind == PeriodKind.Month ? $"M {r.DueDay:00}" :
        $"{KindCode(r.Kind)} {r.DueDay:00}/{r.DueMonth:00}"
        + (r.CutoffFrom is { } f && r.CutoffTo is { } t ? $" {f.Day:00}/{f.Month:00}/{f.YearOffset} {t.Day:00}/{t.Month:00}" : "")));

    public static string KindCode(PeriodKind k) => k switch
    {
        PeriodKind.Q1 => "Q1",
        PeriodKind.H1 => "H1",
        PeriodKind.Q3 => "Q3",
        PeriodKind.NineMonths => "9M",
        PeriodKind.Month => "M",
        PeriodKind.AdHoc => "A",
        _ => "Y",
    };

    /// <summary>Reads <see cref="RulesText"/>; a line it cannot read is an error with its number, never skipped.</summary>
    public static IReadOnlyList<PeriodRule> ParseRules(string text)
    {
        var rules = new List<PeriodRule>();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            PeriodKind? kind = parts.Length > 0 ? parts[0].ToUpperInvariant() switch
            {
                "Q1" => PeriodKind.Q1,
                "H1" => PeriodKind.H1,
                "Q3" => PeriodKind.Q3,
                "9M" => PeriodKind.NineMonths,
                "Y" => PeriodKind.Year,
                "M" => PeriodKind.Month,
                "A" => PeriodKind.AdHoc,
                _ => null,
            } : null;
            if (kind == PeriodKind.Month)
            {
                // "M 05": every month, due on the 5th of the month after.
                if (parts.Length != 2 || !int.TryParse(parts[1], out var day) || day is < 1 or > 31)
                    throw new FormatException($"Dòng {i + 1} \"{lines[i]}\": báo cáo tháng viết \"M 05\" (hạn ngày 5 tháng sau).");
                rules.Add(new(PeriodKind.Month, 0, day));
                continue;
            }
            int[]? due = parts.Length > 1 ? DayMonth(parts[1], 2) : null;
            int[]? from = parts.Length > 2 ? DayMonth(parts[2], 3) : null;
            int[]? to = parts.Length > 3 ? DayMonth(parts[3], 2) : null;
            if (kind is null || due is null || (parts.Length != 2 && (parts.Length != 4 || from is null || to is null)))
                throw new FormatException($"Dòng {i + 1} \"{lines[i]}\": cần dạng \"Q1 20/03\" hoặc \"Q1 20/03 15/12/-1 14/03\".");
            rules.Add(new(kind.Value, due[1], due[0], from is null ? null : (from[1], from[0], from[2]), to is null ? null : (to[1], to[0])));
        }
        return rules;
    }

    private static int[]? DayMonth(string s, int parts)
    {
        var p = s.Split('/');
        if (p.Length != parts || !p.All(x => int.TryParse(x, out _))) return null;
        var n = p.Select(int.Parse).ToArray();
        if (n[1] is < 1 or > 12 || n[0] < 1 || n[0] > DateTime.DaysInMonth(2023, n[1])) return null;
        if (parts == 3 && n[2] is < -1 or > 0) return null;
        return n;
    }

    public static ReportRegime? Find(string key) => Presets.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
}
