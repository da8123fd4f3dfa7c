namespace ParHub.Core.Tthc;

/// <summary>
/// One month of an agency's dossiers as the one-stop monthly report form has them — entered by hand where the agency has
/// no dossier export (table <c>dossier_month_totals</c>, one row per agency and month). The counts are
/// <see cref="MonthCounts"/>; <see cref="MonthTotals"/> checks that they balance and turns a run of months into a
/// <see cref="DossierTally"/>.
/// </summary>
public class DossierMonthTotals
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }

    public int Carried { get; set; }
    public int Received { get; set; }
    public int ReceivedOnline { get; set; }
    public int ReceivedPostal { get; set; }
    public int ReceivedDirect { get; set; }
    public int ResolvedOnTime { get; set; }
    public int ResolvedLate { get; set; }
    public int PendingInTime { get; set; }
    public int PendingLate { get; set; }
    public int Apologies { get; set; }
    public int FeeBearingReceived { get; set; }
    public int FeeBearingPaidOnline { get; set; }
    public int ReceivedDigitised { get; set; }
    public int ResolvedElectronic { get; set; }
    public int ReceivedSynced { get; set; }
    public int ResolvedSatisfied { get; set; }

    /// <summary>Who entered the month last, and when (UTC).</summary>
    public string EnteredBy { get; set; } = "";
    public DateTime EnteredAt { get; set; }

    /// <summary>Moves on at every save: the concurrency token (a form saved over a newer version is refused).</summary>
    public int Version { get; set; }

    /// <summary>The counts as one value (not a column).</summary>
    public MonthCounts Counts
    {
        get => new(Carried, Received, ReceivedOnline, ReceivedPostal, ReceivedDirect, ResolvedOnTime, ResolvedLate, PendingInTime, PendingLate,
            Apologies, FeeBearingReceived, FeeBearingPaidOnline, ReceivedDigitised, ResolvedElectronic, ReceivedSynced, ResolvedSatisfied);
        set
        {
            (Carried, Received, ReceivedOnline, ReceivedPostal, ReceivedDirect) =
                (value.Carried, value.Received, value.ReceivedOnline, value.ReceivedPostal, value.ReceivedDirect);
            (ResolvedOnTime, ResolvedLate, PendingInTime, PendingLate, Apologies) =
                (value.ResolvedOnTime, value.ResolvedLate, value.PendingInTime, value.PendingLate, value.Apologies);
            (FeeBearingReceived, FeeBearingPaidOnline, ReceivedDigitised, ResolvedElectronic, ReceivedSynced, ResolvedSatisfied) =
                (value.FeeBearingReceived, value.FeeBearingPaidOnline, value.ReceivedDigitised, value.ResolvedElectronic, value.ReceivedSynced,
                    value.ResolvedSatisfied);
        }
    }
}

/// <summary>
/// A month's counts as the one-stop monthly report form has them. Resolved = <see cref="ResolvedOnTime"/> +
/// <see cref="ResolvedLate"/>; pending at the month's end = <see cref="PendingInTime"/> + <see cref="PendingLate"/>; late
/// = resolved late + pending late. The sub-counts mean what <see cref="DossierTally"/>'s do, over the month.
/// </summary>
/// <param name="Carried">pending at the end of last month, carried into this one.</param>
/// <param name="Received">received in the month, of which <paramref name="ReceivedOnline"/>, <paramref name="ReceivedPostal"/>
/// and <paramref name="ReceivedDirect"/> (at the counter).</param>
/// <param name="ResolvedOnTime">resolved in the month early or on time.</param>
/// <param name="ResolvedLate">resolved in the month after the due date.</param>
/// <param name="PendingInTime">pending at the month's end, still within the due date.</param>
/// <param name="PendingLate">pending at the month's end, past the due date.</param>
/// <param name="Apologies">late ones (resolved late or pending late) with an apology letter.</param>
/// <param name="FeeBearingReceived">received with a fee, of which <paramref name="FeeBearingPaidOnline"/> paid online.</param>
/// <param name="ReceivedDigitised">received and digitised.</param>
/// <param name="ResolvedElectronic">resolved with an electronic result.</param>
/// <param name="ReceivedSynced">received and synced to the national public-service portal.</param>
/// <param name="ResolvedSatisfied">resolved on time and not rated dissatisfied (a late dossier never counts as satisfied,
/// as in <see cref="DossierTally.ResolvedSatisfied"/>).</param>
public readonly record struct MonthCounts(
    int Carried, int Received, int ReceivedOnline, int ReceivedPostal, int ReceivedDirect, int ResolvedOnTime, int ResolvedLate,
    int PendingInTime, int PendingLate, int Apologies, int FeeBearingReceived, int FeeBearingPaidOnline, int ReceivedDigitised,
    int ResolvedElectronic, int ReceivedSynced, int ResolvedSatisfied)
{
    public long Resolved => (long)ResolvedOnTime + ResolvedLate;
    public long Pending => (long)PendingInTime + PendingLate;
    public long Late => (long)ResolvedLate + PendingLate;
}
