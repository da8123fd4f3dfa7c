namespace ParHub.Core.Tthc;

/// <summary>
/// The counts of one agency's (or the province's) feedback items (PAKN) over a period [from, to], dates inclusive, and
/// their rates. Tallies add up (<see cref="Add"/>), so the database fills one per agency with a single <c>GROUP BY</c> of
/// <c>SUM(CASE WHEN condition THEN 1 ELSE 0 END)</c>, with the conditions below; Core and SQL then agree by
/// construction. <c>rec</c>, <c>due</c>, <c>ans</c> are the received, due and answered dates (<c>ans</c> NULL while
/// pending), and <c>in_scope</c> = <c>rec &lt;= @to AND NOT (rec &lt; @from AND ans IS NOT NULL AND ans &lt; @from)</c>
/// (received in the period, or carried over — the convention of <see cref="DossierTally"/>); rows outside it count nowhere.
/// </summary>
/// <param name="Received"><c>rec BETWEEN @from AND @to</c>.</param>
/// <param name="Carried"><c>rec &lt; @from AND (ans IS NULL OR ans &gt;= @from)</c>: received before, not answered before <c>@from</c>.</param>
/// <param name="Answered"><c>in_scope AND ans IS NOT NULL AND ans &lt;= @to</c> (with valid data, ans ≥ rec: answered in the period).</param>
/// <param name="AnsweredOnTime"><c>in_scope AND ans IS NOT NULL AND ans &lt;= @to AND ans &lt;= due</c>.</param>
/// <param name="Pending"><c>in_scope AND (ans IS NULL OR ans &gt; @to)</c>.</param>
/// <param name="Overdue"><c>in_scope AND (ans IS NULL OR ans &gt; @to) AND due &lt; @to</c>: pending past the due date at the period's end.</param>
/// <param name="Published">answered <c>AND published</c>: the answer made public.</param>
/// <param name="Rated">answered <c>AND rating &lt;&gt; 'None'</c>.</param>
/// <param name="Satisfied">answered <c>AND rating = 'Satisfied'</c>.</param>
public readonly record struct FeedbackTally(
    long Received, long Carried, long Answered, long AnsweredOnTime, long Pending, long Overdue, long Published, long Rated, long Satisfied)
{
    public const string DungHan = "dung_han";
    public const string HaiLong = "hai_long";
    public const string CongKhai = "cong_khai";

    /// <summary>Received + carried: the items to handle in the period (= answered + pending).</summary>
    public long InScope => Received + Carried;

    /// <summary>Pending and not yet past the due date at the period's end.</summary>
    public long PendingInTime => Pending - Overdue;

    /// <summary>Answered on time ÷ answered, in percent; null when nothing was answered.</summary>
    public decimal? OnTimeRate => Percent(AnsweredOnTime, Answered);

    /// <summary>Satisfied ÷ rated, in percent; null when no answer was rated.</summary>
    public decimal? SatisfiedRate => Percent(Satisfied, Rated);

    /// <summary>Published ÷ answered, in percent; null when nothing was answered.</summary>
    public decimal? PublishedRate => Percent(Published, Answered);

    /// <summary>A rate by its code: <c>dung_han</c>, <c>hai_long</c>, <c>cong_khai</c>.</summary>
    public decimal? Rate(string code) => code switch
    {
        DungHan => OnTimeRate,
        HaiLong => SatisfiedRate,
        CongKhai => PublishedRate,
        _ => throw new ArgumentException($"Không có tỉ lệ “{code}”.", nameof(code)),
    };

    private static decimal? Percent(long numerator, long denominator) => denominator == 0 ? null : 100m * numerator / denominator;

    /// <summary>The sum of two tallies of disjoint sets of items over the same period.</summary>
    public FeedbackTally Add(FeedbackTally o) => new(Received + o.Received, Carried + o.Carried, Answered + o.Answered,
        AnsweredOnTime + o.AnsweredOnTime, Pending + o.Pending, Overdue + o.Overdue, Published + o.Published, Rated + o.Rated, Satisfied + o.Satisfied);

    public static FeedbackTally operator +(FeedbackTally a, FeedbackTally b) => a.Add(b);

    /// <summary>The tally of the given items over [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static FeedbackTally Of(IEnumerable<Feedback> items, DateOnly from, DateOnly to)
    {
        if (from > to) throw new ArgumentException($"Ngày đầu kỳ ({from:yyyy-MM-dd}) sau ngày cuối kỳ ({to:yyyy-MM-dd}).");
        var tally = default(FeedbackTally);
        foreach (var f in items) tally += Count(f, from, to);
        return tally;
    }

    private static long One(bool condition) => condition ? 1 : 0;

    private static FeedbackTally Count(Feedback f, DateOnly from, DateOnly to)
    {
        var received = f.Received >= from && f.Received <= to;
        var carried = f.Received < from && (f.Answered is null || f.Answered >= from);
        if (!received && !carried) return default;
        var answered = f.Answered is { } a && a <= to;
        var onTime = answered && f.Answered <= f.Due;
        var pending = !answered;
        return new FeedbackTally(One(received), One(carried), One(answered), One(onTime), One(pending), One(pending && f.Due < to),
            One(answered && f.Published), One(answered && f.Rating != FeedbackRating.None), One(answered && f.Rating == FeedbackRating.Satisfied));
    }
}
