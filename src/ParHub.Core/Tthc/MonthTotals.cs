using ParHub.Core.Reports;

namespace ParHub.Core.Tthc;

/// <summary>One field of the monthly totals form: its code (the form's input name), its Vietnamese label, its count.</summary>
public sealed record MonthField(string Code, string Label, Func<MonthCounts, int> Get);

/// <summary>A refusal of the form: the field it is about (null when several are), and the Vietnamese message.</summary>
public sealed record MonthProblem(string? Field, string Message);

/// <summary>
/// The rules of a month's dossier totals entered by hand (pure): reading the form, the balance checks, the warning when
/// a month does not carry on from the last one, and the <see cref="DossierTally"/> of a run of consecutive months, so that
/// <see cref="ServiceIndex.Score"/> applies unchanged.
/// </summary>
public static class MonthTotals
{
    /// <summary>Every count is a whole number in 0..<see cref="Max"/>.</summary>
    public const int Max = 1_000_000;

    public const string Carried = "chuyen_ky_truoc";
    public const string Received = "tiep_nhan";
    public const string Online = "truc_tuyen";
    public const string Postal = "buu_chinh";
    public const string Direct = "truc_tiep";
    public const string OnTime = "giai_quyet_dung_han";
    public const string ResolvedLate = "giai_quyet_qua_han";
    public const string InTime = "dang_trong_han";
    public const string PendingLate = "dang_qua_han";
    public const string Apologies = "xin_loi";
    public const string Fee = "co_phi";
    public const string Paid = "thanh_toan_truc_tuyen";
    public const string Digitised = "so_hoa";
    public const string Electronic = "ket_qua_dien_tu";
    public const string Synced = "dong_bo";
    public const string Satisfied = "hai_long";

    /// <summary>The form's fields in the order of the one-stop report form.</summary>
    public static IReadOnlyList<MonthField> Fields { get; } =
    [
        new(Carried, "Kỳ trước chuyển sang", c => c.Carried),
        new(Received, "Tiếp nhận trong tháng", c => c.Received),
        new(Online, "Tiếp nhận trực tuyến", c => c.ReceivedOnline),
        new(Postal, "Tiếp nhận qua dịch vụ bưu chính", c => c.ReceivedPostal),
        new(Direct, "Tiếp nhận trực tiếp", c => c.ReceivedDirect),
        new(OnTime, "Đã giải quyết trước hạn, đúng hạn", c => c.ResolvedOnTime),
        new(ResolvedLate, "Đã giải quyết quá hạn", c => c.ResolvedLate),
        new(InTime, "Đang giải quyết trong hạn", c => c.PendingInTime),
        new(PendingLate, "Đang giải quyết quá hạn", c => c.PendingLate),
        new(Apologies, "Hồ sơ quá hạn có thư xin lỗi", c => c.Apologies),
        new(Fee, "Tiếp nhận có phí, lệ phí", c => c.FeeBearingReceived),
        new(Paid, "Có phí, lệ phí thanh toán trực tuyến", c => c.FeeBearingPaidOnline),
        new(Digitised, "Tiếp nhận được số hóa", c => c.ReceivedDigitised),
        new(Electronic, "Đã giải quyết có kết quả điện tử", c => c.ResolvedElectronic),
        new(Synced, "Tiếp nhận đồng bộ lên Cổng DVC quốc gia", c => c.ReceivedSynced),
        new(Satisfied, "Đã giải quyết đúng hạn, không bị đánh giá không hài lòng", c => c.ResolvedSatisfied),
    ];

    private static readonly Dictionary<string, int> Index = Fields.Select((f, i) => (f.Code, i)).ToDictionary(x => x.Code, x => x.i);

    private static string N(long v) => VietnameseNumber.Format(v);

    private static string L(string code) => Fields[Index[code]].Label.ToLowerInvariant();

    /// <summary>
    /// Reads the form (values by field code, as typed: "1.150" is one thousand one hundred and fifty) and checks it: the
    /// counts when there is no problem, else null and every problem at once — a field not typed, not a whole number or
    /// out of 0..1,000,000, and each balance check whose fields were read.
    /// </summary>
    public static (MonthCounts? Counts, IReadOnlyList<MonthProblem> Problems) Read(IReadOnlyDictionary<string, string?> input)
    {
        var problems = new List<MonthProblem>();
        var values = new long?[Fields.Count];
        for (var i = 0; i < Fields.Count; i++)
        {
            var f = Fields[i];
            var text = input.GetValueOrDefault(f.Code);
            if (string.IsNullOrWhiteSpace(text)) { problems.Add(new(f.Code, $"{f.Label}: chưa nhập (nhập 0 nếu không có hồ sơ nào).")); continue; }
            if (!VietnameseNumber.TryParse(text, out var d)) { problems.Add(new(f.Code, NumberMessages.NotANumber(f.Label, "", text))); continue; }
            if (d != decimal.Truncate(d)) { problems.Add(new(f.Code, NumberMessages.NotWhole(f.Label))); continue; }
            if (d < 0 || d > Max) { problems.Add(new(f.Code, OutOfRange(f.Label))); continue; }
            values[i] = (long)d;
        }
        problems.AddRange(Relations(code => values[Index[code]]));
        if (problems.Count > 0) return (null, problems);
        var v = values.Select(x => (int)x!.Value).ToArray();
        return (new MonthCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]), problems);
    }

    private static string OutOfRange(string label) => $"{label}: phải là số nguyên từ 0 đến {N(Max)}.";

    /// <summary>Every problem of counts already read: ranges and the balance checks (empty when they balance).</summary>
    public static IReadOnlyList<MonthProblem> Problems(MonthCounts c)
    {
        var problems = Fields.Where(f => f.Get(c) is < 0 or > Max).Select(f => new MonthProblem(f.Code, OutOfRange(f.Label))).ToList();
        problems.AddRange(Relations(code => Fields[Index[code]].Get(c)));
        return problems;
    }

    /// <summary>The balance checks over the fields that were read (a check with a field not read is left for later).</summary>
    private static List<MonthProblem> Relations(Func<string, long?> value)
    {
        var problems = new List<MonthProblem>();
        void Check(string? field, string[] codes, Func<long[], string?> problem)
        {
            var v = codes.Select(value).ToArray();
            if (v.All(x => x is not null) && problem(v.Select(x => x!.Value).ToArray()) is { } message) problems.Add(new(field, message));
        }
        Check(null, [Carried, Received, OnTime, ResolvedLate, InTime, PendingLate], v => v[0] + v[1] == v[2] + v[3] + v[4] + v[5] ? null
            : $"Số liệu chưa cân đối: kỳ trước chuyển sang + tiếp nhận trong tháng ({N(v[0] + v[1])}) phải bằng đã giải quyết "
                + $"(đúng hạn + quá hạn) + đang giải quyết (trong hạn + quá hạn) ({N(v[2] + v[3] + v[4] + v[5])}).");
        Check(null, [Online, Postal, Direct, Received], v => v[0] + v[1] + v[2] == v[3] ? null
            : $"Tiếp nhận trực tuyến + qua bưu chính + trực tiếp ({N(v[0] + v[1] + v[2])}) phải bằng số tiếp nhận trong tháng ({N(v[3])}).");
        void AtMost(string part, string[] whole, string wholeWords, string? why = null) => Check(part, [part, .. whole], v =>
            v[0] <= v.Skip(1).Sum() ? null : $"{Fields[Index[part]].Label} ({N(v[0])}) vượt quá {wholeWords} ({N(v.Skip(1).Sum())}){why}.");
        AtMost(Fee, [Received], "số tiếp nhận trong tháng");
        AtMost(Paid, [Fee], "số tiếp nhận có phí, lệ phí");
        AtMost(Digitised, [Received], "số tiếp nhận trong tháng");
        AtMost(Synced, [Received], "số tiếp nhận trong tháng");
        AtMost(Electronic, [OnTime, ResolvedLate], "số đã giải quyết (đúng hạn + quá hạn)");
        AtMost(Apologies, [ResolvedLate, PendingLate], "số hồ sơ quá hạn (đã giải quyết quá hạn + đang giải quyết quá hạn)");
        AtMost(Satisfied, [OnTime], "số " + L(OnTime), ": hồ sơ quá hạn không được tính là hài lòng");
        return problems;
    }

    /// <summary>
    /// A warning, not a refusal: the month's carried-over count should be last month's pending (in time + late) when
    /// last month was entered; null when it is, or when there is no last month.
    /// </summary>
    public static string? CarriedWarning(MonthCounts month, MonthCounts? previous, int year, int monthNo)
    {
        if (previous is not { } p || p.Pending == month.Carried) return null;
        var (py, pm) = Previous(year, monthNo);
        return $"Lưu ý: kỳ trước chuyển sang ({N(month.Carried)}) khác số đang giải quyết cuối tháng {pm}/{py} đã nhập ({N(p.Pending)}: "
            + $"{N(p.PendingInTime)} trong hạn + {N(p.PendingLate)} quá hạn). Kiểm tra lại số liệu của một trong hai tháng.";
    }

    /// <summary>The positions (from 1) in a run of months whose carried-over count is not the month before's pending.</summary>
    public static IReadOnlyList<int> ChainBreaks(IReadOnlyList<MonthCounts> months) =>
        Enumerable.Range(1, Math.Max(0, months.Count - 1)).Where(i => months[i].Carried != months[i - 1].Pending).ToList();

    /// <summary>
    /// The tally of a run of consecutive months, in order, as if it were one period: received, resolved (on time), and the
    /// received and resolved sub-counts are sums; carried is the first month's; pending (in time) is the last month's; late
    /// = Σ resolved late + the last month's pending late; apologies = Σ, at most the run's late (a letter counted in two
    /// months — pending late, then resolved late — counts once). When the months carry on from each other
    /// (<see cref="ChainBreaks"/> empty) the tally balances: received + carried = resolved + pending.
    /// </summary>
    public static DossierTally Tally(IReadOnlyList<MonthCounts> months)
    {
        if (months.Count == 0) throw new ArgumentException("Cần ít nhất một tháng.", nameof(months));
        long received = 0, onTime = 0, resolvedLate = 0, apologies = 0, online = 0, fee = 0, paid = 0, digitised = 0, electronic = 0,
            synced = 0, satisfied = 0;
        foreach (var m in months)
        {
            received += m.Received;
            onTime += m.ResolvedOnTime;
            resolvedLate += m.ResolvedLate;
            apologies += m.Apologies;
            online += m.ReceivedOnline;
            fee += m.FeeBearingReceived;
            paid += m.FeeBearingPaidOnline;
            digitised += m.ReceivedDigitised;
            electronic += m.ResolvedElectronic;
            synced += m.ReceivedSynced;
            satisfied += m.ResolvedSatisfied;
        }
        var last = months[^1];
        var late = resolvedLate + last.PendingLate;
        return new DossierTally(received, months[0].Carried, onTime + resolvedLate, onTime, last.Pending, last.PendingInTime, late,
            Math.Min(apologies, late), online, fee, paid, digitised, electronic, synced, satisfied);
    }

    /// <summary>The first year totals can be entered for.</summary>
    public const int FirstYear = 2000;

    /// <summary>Why a month cannot be entered (null when it can): a month from <see cref="FirstYear"/> up to the current one.</summary>
    public static string? MonthRefusal(int year, int month, DateOnly today)
    {
        if (month is < 1 or > 12 || year < FirstYear || year > 9999) return "Tháng không hợp lệ.";
        if (year * 12 + month > today.Year * 12 + today.Month)
            return $"Tháng {month}/{year} chưa đến: chỉ nhập số liệu của tháng đã qua hoặc tháng hiện tại.";
        return null;
    }

    /// <summary>The month before (year, month).</summary>
    public static (int Year, int Month) Previous(int year, int month) => month == 1 ? (year - 1, 12) : (year, month - 1);

    /// <summary>
    /// The months [from, to] covers when it is whole months (from the 1st of a month to the last day of a month), in
    /// order; null when it is not.
    /// </summary>
    public static IReadOnlyList<(int Year, int Month)>? WholeMonths(DateOnly from, DateOnly to)
    {
        if (from > to || from.Day != 1 || to.AddDays(1).Day != 1) return null;
        var months = new List<(int, int)>();
        for (var d = from; d <= to; d = d.AddMonths(1)) months.Add((d.Year, d.Month));
        return months;
    }
}
