namespace ParHub.Core.Tthc;

/// <summary>
/// The counts of one agency's (or a group's, or the province's) dossiers over a period [from, to], dates inclusive —
/// the figures of issue 14, §3, from which <see cref="ServiceIndex.Score"/> computes the rates. Tallies add up
/// (<see cref="Add"/>), so the database can fill one per agency with a single <c>GROUP BY</c> of
/// <c>SUM(CASE WHEN condition THEN 1 ELSE 0 END)</c> columns, one per count, with the conditions given below; Core
/// and SQL then agree by construction. In the conditions <c>rec</c>, <c>due</c> and <c>res</c> are the received, due
/// and result dates (<c>res</c> NULL while pending), and
/// <c>in_scope</c> = <c>rec &lt;= @to AND NOT (rec &lt; @from AND res IS NOT NULL AND res &lt; @from)</c>
/// (received in the period, or carried over); rows outside it count nowhere (<c>WHERE rec &lt;= @to</c> is a valid filter).
/// </summary>
/// <param name="Received"><c>rec BETWEEN @from AND @to</c>.</param>
/// <param name="Carried"><c>rec &lt; @from AND (res IS NULL OR res &gt;= @from)</c>.</param>
/// <param name="Resolved"><c>in_scope AND res IS NOT NULL AND res &lt;= @to</c> (a result within the period: with valid
/// data res ≥ rec, so a dossier in scope has no result before <c>@from</c>).</param>
/// <param name="ResolvedOnTime"><c>in_scope AND res IS NOT NULL AND res &lt;= @to AND res &lt;= due</c>.</param>
/// <param name="Pending"><c>in_scope AND (res IS NULL OR res &gt; @to)</c>.</param>
/// <param name="PendingInTime"><c>in_scope AND (res IS NULL OR res &gt; @to) AND due &gt;= @to</c>.</param>
/// <param name="Late"><c>in_scope AND ((res IS NOT NULL AND res &lt;= @to AND res &gt; due) OR ((res IS NULL OR res &gt; @to) AND due &lt; @to))</c>:
/// neither resolved on time nor pending in time.</param>
/// <param name="Apologies">the condition of <see cref="Late"/> <c>AND apology</c>.</param>
/// <param name="ReceivedOnline"><c>rec BETWEEN @from AND @to AND channel = 'truc_tuyen'</c>.</param>
/// <param name="FeeBearingReceived"><c>rec BETWEEN @from AND @to AND fee_bearing</c>.</param>
/// <param name="FeeBearingPaidOnline"><c>rec BETWEEN @from AND @to AND fee_bearing AND paid_online</c>.</param>
/// <param name="ReceivedDigitised"><c>rec BETWEEN @from AND @to AND digitised</c>.</param>
/// <param name="ResolvedElectronic">the condition of <see cref="Resolved"/> <c>AND electronic_result</c>.</param>
/// <param name="ReceivedSynced"><c>rec BETWEEN @from AND @to AND synced</c>.</param>
/// <param name="ResolvedSatisfied">resolved, neither rated <c>khong_hai_long</c> nor late: the condition of
/// <see cref="ResolvedOnTime"/> <c>AND rating &lt;&gt; 'khong_hai_long'</c> (NULL rating included).</param>
public readonly record struct DossierTally(
    long Received, long Carried, long Resolved, long ResolvedOnTime, long Pending, long PendingInTime, long Late, long Apologies,
    long ReceivedOnline, long FeeBearingReceived, long FeeBearingPaidOnline, long ReceivedDigitised, long ResolvedElectronic,
    long ReceivedSynced, long ResolvedSatisfied)
{
    /// <summary>Received + carried: the dossiers to handle in the period.</summary>
    public long InScope => Received + Carried;

    /// <summary>The sum of two tallies of disjoint sets of dossiers over the same period.</summary>
    public DossierTally Add(DossierTally o) => new(
        Received + o.Received, Carried + o.Carried, Resolved + o.Resolved, ResolvedOnTime + o.ResolvedOnTime, Pending + o.Pending,
        PendingInTime + o.PendingInTime, Late + o.Late, Apologies + o.Apologies, ReceivedOnline + o.ReceivedOnline,
        FeeBearingReceived + o.FeeBearingReceived, FeeBearingPaidOnline + o.FeeBearingPaidOnline, ReceivedDigitised + o.ReceivedDigitised,
        ResolvedElectronic + o.ResolvedElectronic, ReceivedSynced + o.ReceivedSynced, ResolvedSatisfied + o.ResolvedSatisfied);

    public static DossierTally operator +(DossierTally a, DossierTally b) => a.Add(b);

    /// <summary>The tally of the given dossiers over [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static DossierTally Of(IEnumerable<Dossier> dossiers, DateOnly from, DateOnly to)
    {
        CheckPeriod(from, to);
        var tally = default(DossierTally);
        foreach (var d in dossiers) tally += Count(d, from, to);
        return tally;
    }

    /// <summary>What one dossier adds to the tally of [<paramref name="from"/>, <paramref name="to"/>] (all zero when out of scope).</summary>
    public static DossierTally Of(Dossier d, DateOnly from, DateOnly to)
    {
        CheckPeriod(from, to);
        return Count(d, from, to);
    }

    private static void CheckPeriod(DateOnly from, DateOnly to)
    {
        if (from > to) throw new ArgumentException($"Ngày đầu kỳ ({from:yyyy-MM-dd}) sau ngày cuối kỳ ({to:yyyy-MM-dd}).");
    }

    private static long One(bool condition) => condition ? 1 : 0;

    private static DossierTally Count(Dossier d, DateOnly from, DateOnly to)
    {
        var received = d.Received >= from && d.Received <= to;
        var carried = d.Received < from && (d.Resolved is null || d.Resolved >= from);
        if (!received && !carried) return default;
        var resolved = d.Resolved is { } r && r <= to;
        var onTime = resolved && d.Resolved <= d.Due;
        var pending = !resolved;
        var pendingInTime = pending && d.Due >= to;
        var late = !onTime && !pendingInTime;
        return new DossierTally(
            One(received), One(carried), One(resolved), One(onTime), One(pending), One(pendingInTime), One(late), One(late && d.Apology),
            One(received && d.Channel == DossierChannel.Online), One(received && d.FeeBearing), One(received && d.FeeBearing && d.PaidOnline),
            One(received && d.Digitised), One(resolved && d.ElectronicResult), One(received && d.Synced),
            One(onTime && d.Rating != DossierRating.Dissatisfied));
    }
}
