using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>
/// Reads a Vietnamese time-frame phrase ("Quý I/2018", "Từ tháng 5/2017 đến hết Quý III/2018", "Trước ngày 20/12/2023",
/// "trước ngày 31 tháng 12 năm 2026", "Thường xuyên", "Theo Kế hoạch cụ thể của Bộ Nội vụ", schedules…) into a
/// <see cref="Timeframe"/>. It never invents a date: what it cannot read is <see cref="TimeframeKind.Unknown"/>.
/// Conventions (those of <c>shared/corpus/deadlines.tsv</c>): a named period is its whole calendar window; a bare date
/// or "trước ngày X" is due on X with no start; "trước năm Y" is due on 31/12 of Y − 1; "đến hết X" is due at the end
/// of X; "từ X" starts at X with no end; "… và các năm tiếp theo" and "từ sau năm Y" leave the end open.
/// </summary>
public static partial class TimeframeParser
{
    private enum Precision { Day, Period }
    private enum Modifier { Plain, Within, Before, Until, From, After }

    private sealed record Anchor(int Pos, int End, DateOnly Start, DateOnly Last, Precision Precision, Modifier Modifier);

    /// <summary>A matched date expression before its year is known (years may come from a later anchor).</summary>
    private sealed record Raw(int Pos, int End, Func<int, (DateOnly, DateOnly)?> Window, Precision Precision, int? Year);

    [GeneratedRegex(@"ngay\s+([0-9]{1,2})\s+thang\s+([0-9]{1,2})\s+nam\s+([0-9]{4})")] private static partial Regex LongDate();
    [GeneratedRegex(@"(?<![0-9/])([0-9]{1,2})\s*/\s*([0-9]{1,2})\s*/\s*([0-9]{4})(?![0-9])")] private static partial Regex FullDate();
    [GeneratedRegex(@"qu[yi]\s+(iv|iii|ii|i|[1-4])(?![a-z0-9/])(?:\s*(?:[/-]|\bnam\b)\s*([0-9]{4})|\s+([0-9]{4}))?")] private static partial Regex Quarter();
    [GeneratedRegex(@"qu[yi]\s+(iv|iii|ii|i|[1-4])\s*/\s*([0-9]{4})")] private static partial Regex QuarterSlash();
    [GeneratedRegex(@"6\s+thang\s+(dau|cuoi)\s+nam(?:\s+([0-9]{4}))?")] private static partial Regex Half();
    [GeneratedRegex(@"thang\s+([0-9]{1,2})(?:\s*[/-]\s*([0-9]{4})|\s+nam\s+([0-9]{4}))?(?![0-9/])")] private static partial Regex Month();
    [GeneratedRegex(@"(?<![0-9/])([0-9]{1,2})/([0-9]{4})(?![0-9/])")] private static partial Regex BareMonth();
    [GeneratedRegex(@"(?<![0-9/])([0-9]{1,2})/([0-9]{1,2})(?![0-9/])")] private static partial Regex ShortDate();
    [GeneratedRegex(@"(?<![0-9/])([0-9]{4})\s*-\s*([0-9]{4})(?![0-9/])")] private static partial Regex YearRange();
    [GeneratedRegex(@"(?<![0-9/])([0-9]{4})(?![0-9/])")] private static partial Regex Year();
    [GeneratedRegex(@"^\s*[.,]?\s*va\s+(cac|nhung)\s+nam\s+tiep\s+theo")] private static partial Regex FollowingYears();
    [GeneratedRegex(@"nam\s+truoc\s+lien\s+ke")] private static partial Regex PreviousYear();
    [GeneratedRegex(@"^\s*(theo|khi|sau\s+khi|tuy\s+theo|can\s+cu)\b")] private static partial Regex EventOpening();
    [GeneratedRegex(@"\b(theo\s+ke\s+hoach|theo\s+lo\s+trinh|theo\s+tien\s+do|khi\s+co|sau\s+khi|theo\s+huong\s+dan|"
        + @"theo\s+chi\s+dao|theo\s+quy\s+dinh|theo\s+yeu\s+cau)\b")]
    private static partial Regex EventWords();

    public static Timeframe Parse(string phrase, TimeframeContext context)
    {
        var text = VietnameseText.CollapseWhitespace(phrase);
        var f = VietnameseText.FoldKeepingPunctuation(text);
        if (f.Length == 0) return new Timeframe(text, TimeframeKind.Unknown, null, null, null, []);
        var recurrence = RecurrenceOf(f);

        if (EventOpening().IsMatch(f))
            return new Timeframe(text, TimeframeKind.Event, null, null, recurrence, []);

        if (TrySchedule(text, f, context) is { } schedule) return schedule;

        var anchors = Anchors(f, context);
        if (anchors.Count == 0)
        {
            if (recurrence is not null)
            {
                // Continuous work is bounded by the plan's period where the plan states one, and by nothing else.
                return new Timeframe(text, TimeframeKind.Recurring, context.PeriodStart, context.PeriodEnd, recurrence,
                    context.PeriodEnd is { } pe ? [pe] : []);
            }
            var kind = EventWords().IsMatch(f) ? TimeframeKind.Event : TimeframeKind.Unknown;
            return new Timeframe(text, kind, null, null, null, []);
        }

        DateOnly? start = null, due = null;
        var openEnd = false;
        for (var i = 0; i < anchors.Count; i++)
        {
            var a = anchors[i];
            void Starts(DateOnly d) => start = start is null || d < start ? d : start;
            void Ends(DateOnly d) => due = due is null || d > due ? d : due;
            switch (a.Modifier)
            {
                case Modifier.Before:
                    Ends(a.Precision == Precision.Day ? a.Start : a.Start.AddDays(-1));
                    break;
                case Modifier.Until:
                    Ends(a.Last);
                    break;
                case Modifier.From:
                    Starts(a.Start);
                    // "từ X" with nothing after it that closes the window leaves the end open.
                    if (!anchors.Skip(i + 1).Any(b => b.Modifier is Modifier.Until or Modifier.Plain or Modifier.Within)) openEnd = true;
                    break;
                case Modifier.After:
                    openEnd = true;
                    break;
                case Modifier.Within:
                    Starts(a.Start);
                    Ends(a.Last);
                    break;
                default: // Plain: a named period is its window; a bare date is a deadline.
                    if (a.Precision == Precision.Day) Ends(a.Start);
                    else { Starts(a.Start); Ends(a.Last); }
                    break;
            }
        }
        if (FollowingYears().IsMatch(f[anchors[^1].End..]))
        {
            openEnd = true;
            recurrence ??= Recurrence.Yearly;
        }
        if (openEnd)
        {
            due = null;
            // Open-ended continuous work runs to the end of the plan's stated period, if any.
            if (recurrence is not null && context.PeriodEnd is { } pe && !FollowingYears().IsMatch(f[anchors[^1].End..])) due = pe;
        }
        // A window that ends before it starts is contradictory: shown to a person, not guessed.
        if (start > due) return new Timeframe(text, TimeframeKind.Unknown, null, null, recurrence, []);
        var result = recurrence is not null ? TimeframeKind.Recurring : TimeframeKind.Interval;
        return new Timeframe(text, result, start, due, recurrence, due is { } d1 ? [d1] : []);
    }

    private static Recurrence? RecurrenceOf(string f)
    {
        if (Regex.IsMatch(f, @"\b(thuong\s+xuyen|lien\s+tuc)\b")) return Recurrence.Continuous;
        if (Regex.IsMatch(f, @"\b(hang|moi)\s+thang\b")) return Recurrence.Monthly;
        if (Regex.IsMatch(f, @"\b(hang|moi)\s+quy\b")) return Recurrence.Quarterly;
        if (Regex.IsMatch(f, @"\b(hang|moi)\s+nam\b")) return Recurrence.Yearly;
        if (Regex.IsMatch(f, @"\b(dinh\s+ky|hang|moi)\s+0?6\s+thang\b|\b0?6\s+thang\s+(mot|1)\s+lan\b")) return Recurrence.HalfYearly;
        if (Regex.IsMatch(f, @"\bdinh\s+ky\b")) return Recurrence.Continuous;
        return null;
    }

    /// <summary>"Quý I: Trước ngày 21/3; 6 tháng: Trước ngày 21/6; …": two or more parts, each with its own deadline.</summary>
    private static Timeframe? TrySchedule(string text, string f, TimeframeContext context)
    {
        var parts = f.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2) return null;
        var dues = new List<DateOnly>();
        foreach (var part in parts)
        {
            var body = part.Contains(':') ? part[(part.IndexOf(':') + 1)..] : part;
            var anchors = Anchors(body, context);
            if (anchors.Count == 0) return null;
            var last = anchors[^1];
            dues.Add(last.Modifier == Modifier.Before && last.Precision == Precision.Period ? last.Start.AddDays(-1)
                : last.Precision == Precision.Day ? last.Start : last.Last);
        }
        dues.Sort();
        return new Timeframe(text, TimeframeKind.Schedule, null, dues[^1], null, dues);
    }

    private static List<Anchor> Anchors(string f, TimeframeContext context)
    {
        var raws = new List<Raw>();
        var taken = new bool[f.Length];

        void Scan(Regex regex, Func<Match, Raw?> make)
        {
            foreach (Match m in regex.Matches(f))
            {
                if (Enumerable.Range(m.Index, m.Length).Any(i => taken[i])) continue;
                var raw = make(m);
                if (raw is null) continue;
                for (var i = m.Index; i < m.Index + m.Length; i++) taken[i] = true;
                raws.Add(raw);
            }
        }

        static int I(Group g) => int.Parse(g.Value);
        static int? OptYear(params Group[] gs) => gs.FirstOrDefault(g => g.Success) is { } g ? int.Parse(g.Value) : null;

        Scan(LongDate(), m => DayRaw(m, I(m.Groups[1]), I(m.Groups[2]), I(m.Groups[3])));
        Scan(FullDate(), m => DayRaw(m, I(m.Groups[1]), I(m.Groups[2]), I(m.Groups[3])));
        Scan(QuarterSlash(), m => Periods.QuarterNumber(m.Groups[1].Value) is { } q
            ? new Raw(m.Index, m.Index + m.Length, y => Periods.Quarter(y, q), Precision.Period, I(m.Groups[2])) : null);
        Scan(Quarter(), m => Periods.QuarterNumber(m.Groups[1].Value) is { } q
            ? new Raw(m.Index, m.Index + m.Length, y => Periods.Quarter(y, q), Precision.Period, OptYear(m.Groups[2], m.Groups[3])) : null);
        Scan(Half(), m => new Raw(m.Index, m.Index + m.Length, y => Periods.Half(y, m.Groups[1].Value == "dau" ? 1 : 2),
            Precision.Period, OptYear(m.Groups[2])));
        Scan(Month(), m => I(m.Groups[1]) is var mo && mo is >= 1 and <= 12
            ? new Raw(m.Index, m.Index + m.Length, y => Periods.Month(y, mo), Precision.Period, OptYear(m.Groups[2], m.Groups[3])) : null);
        Scan(BareMonth(), m => I(m.Groups[1]) is var mo && mo is >= 1 and <= 12 && Plausible(I(m.Groups[2]))
            ? new Raw(m.Index, m.Index + m.Length, y => Periods.Month(y, mo), Precision.Period, I(m.Groups[2])) : null);
        Scan(ShortDate(), m => (I(m.Groups[1]), I(m.Groups[2])) is var (d, mo) && mo is >= 1 and <= 12 && d is >= 1 and <= 31
            ? new Raw(m.Index, m.Index + m.Length,
                y => Periods.IsValidDate(y, mo, d) ? (new DateOnly(y, mo, d), new DateOnly(y, mo, d)) : null, Precision.Day, null) : null);
        Scan(YearRange(), m => (I(m.Groups[1]), I(m.Groups[2])) is var (a, b) && Plausible(a) && Plausible(b) && a <= b
            ? new Raw(m.Index, m.Index + m.Length, _ => (Periods.Year(a).Start, Periods.Year(b).End), Precision.Period, a) : null);
        Scan(Year(), m => Plausible(I(m.Groups[1]))
            ? new Raw(m.Index, m.Index + m.Length, _ => Periods.Year(I(m.Groups[1])), Precision.Period, I(m.Groups[1])) : null);

        raws.Sort((a, b) => a.Pos.CompareTo(b.Pos));
        var implied = PreviousYear().IsMatch(f) ? context.Year - 1 : context.Year;
        var anchors = new List<Anchor>();
        for (var i = 0; i < raws.Count; i++)
        {
            var r = raws[i];
            // A period without its year takes the year of the next anchor it runs to ("Quý I đến Quý III/2018"),
            // else the plan's year.
            var year = r.Year ?? raws.Skip(i + 1).FirstOrDefault(n => n.Year is not null)?.Year ?? implied;
            if (r.Window(year) is not { } window) continue;
            var prefix = f[(i == 0 ? 0 : raws[i - 1].End)..r.Pos];
            anchors.Add(new Anchor(r.Pos, r.End, window.Item1, window.Item2, r.Precision, ModifierOf(prefix, r.Precision)));
        }
        return anchors;
    }

    private static Raw? DayRaw(Match m, int d, int mo, int y) =>
        Periods.IsValidDate(y, mo, d)
            ? new Raw(m.Index, m.Index + m.Length, _ => (new DateOnly(y, mo, d), new DateOnly(y, mo, d)), Precision.Day, y)
            : null;

    private static bool Plausible(int year) => year is >= 1990 and <= 2100;

    private static readonly HashSet<string> Fillers = ["nam", "ngay", "giai", "doan", "ca", "trong", "vao", "hoan", "thanh", "xong"];

    private static Modifier ModifierOf(string prefix, Precision precision)
    {
        var words = Regex.Matches(prefix, "[a-z]+").Select(m => m.Value).ToList();
        // Read back over the words that only name the period ("năm", "ngày", "giai đoạn", "cả").
        var end = words.Count;
        var within = false;
        while (end > 0 && Fillers.Contains(words[end - 1]))
        {
            if (words[end - 1] == "trong") within = true;
            end--;
        }
        var last = end > 0 ? words[end - 1] : "";
        var before = end > 1 ? words[end - 2] : "";
        return last switch
        {
            "truoc" => Modifier.Before,
            "het" or "den" or "toi" => Modifier.Until,
            "sau" => Modifier.After,
            "tu" when before != "dau" => Modifier.From, // "đầu tư" (to invest), folded, ends in "tư" too
            _ when within => precision == Precision.Day ? Modifier.Within : Modifier.Within,
            _ when before == "tu" && last == "sau" => Modifier.After,
            _ => Modifier.Plain,
        };
    }
}
