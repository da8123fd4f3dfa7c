using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>Every count of issue 14 §3 on hand-made dossiers, over the first quarter of 2026.</summary>
public sealed class DossierTallyTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 3, 31);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    internal static Dossier D(string received, string due, string? resolved = null, DossierChannel channel = DossierChannel.Counter,
        bool fee = false, bool paid = false, bool digitised = false, bool electronic = false, bool synced = false, bool apology = false,
        DossierRating rating = DossierRating.None, string agency = "SNV", string code = "X") =>
        new(code, agency, "1.001", channel, Day(received), Day(due), resolved is null ? null : Day(resolved),
            fee, paid, digitised, electronic, synced, apology, rating);

    private static DossierTally Of(params Dossier[] dossiers) => DossierTally.Of(dossiers, From, To);

    [Fact]
    public void A_dossier_carried_and_resolved_on_time()
    {
        var t = Of(D("2025-12-20", "2026-01-10", "2026-01-05"));
        Assert.Equal(new DossierTally(Received: 0, Carried: 1, Resolved: 1, ResolvedOnTime: 1, Pending: 0, PendingInTime: 0, Late: 0,
            Apologies: 0, 0, 0, 0, 0, 0, 0, ResolvedSatisfied: 1), t);
        Assert.Equal(1, t.InScope);
    }

    [Fact]
    public void A_dossier_carried_and_resolved_late_with_an_apology()
    {
        var t = Of(D("2025-12-01", "2025-12-15", "2026-01-20", apology: true));
        Assert.Equal((0L, 1L, 1L, 0L, 0L, 1L, 1L), (t.Received, t.Carried, t.Resolved, t.ResolvedOnTime, t.Pending, t.Late, t.Apologies));
        Assert.Equal(0, t.ResolvedSatisfied);
    }

    [Fact]
    public void A_dossier_carried_on_and_still_pending_past_its_due_date_is_late()
    {
        var t = Of(D("2025-10-01", "2025-10-20"));
        Assert.Equal((1L, 1L, 0L, 1L), (t.Carried, t.Pending, t.PendingInTime, t.Late));
    }

    [Fact]
    public void Dossiers_received_after_to_or_resolved_before_from_count_nowhere()
    {
        Assert.Equal(default, Of(D("2026-04-01", "2026-04-10", "2026-04-02", channel: DossierChannel.Online, fee: true, paid: true, synced: true)));
        Assert.Equal(default, Of(D("2025-11-01", "2025-11-20", "2025-12-31")));
    }

    [Fact]
    public void A_dossier_resolved_on_from_was_not_resolved_before_from_so_it_is_carried_and_resolved()
    {
        var t = Of(D("2025-12-20", "2025-12-30", "2026-01-01"));
        Assert.Equal((1L, 1L, 1L), (t.Carried, t.Resolved, t.Late));
    }

    [Fact]
    public void The_period_includes_both_ends()
    {
        var t = Of(D("2026-01-01", "2026-01-01", "2026-01-01"), D("2026-03-31", "2026-04-30", "2026-03-31"));
        Assert.Equal((2L, 0L, 2L, 2L), (t.Received, t.Carried, t.Resolved, t.ResolvedOnTime));
    }

    [Fact]
    public void Resolved_on_the_due_date_is_on_time_and_a_day_after_is_late()
    {
        var t = Of(D("2026-02-01", "2026-02-10", "2026-02-10"), D("2026-02-01", "2026-02-10", "2026-02-11"));
        Assert.Equal((2L, 1L, 1L), (t.Resolved, t.ResolvedOnTime, t.Late));
    }

    [Fact]
    public void A_dossier_resolved_after_to_is_pending_in_time_when_its_due_date_is_to_or_later()
    {
        var t = Of(D("2026-03-10", "2026-03-31", "2026-04-02"), D("2026-03-10", "2026-04-15", "2026-04-20"), D("2026-03-10", "2026-03-30", "2026-04-01"));
        Assert.Equal((3L, 0L, 3L, 2L, 1L), (t.Received, t.Resolved, t.Pending, t.PendingInTime, t.Late));
    }

    [Fact]
    public void A_pending_dossier_due_on_to_is_in_time_and_due_the_day_before_is_late()
    {
        var t = Of(D("2026-03-20", "2026-03-31"), D("2026-03-20", "2026-03-30"));
        Assert.Equal((2L, 1L, 1L), (t.Pending, t.PendingInTime, t.Late));
    }

    [Fact]
    public void Apologies_count_only_late_dossiers()
    {
        var t = Of(D("2026-02-01", "2026-02-10", "2026-02-20", apology: true), D("2026-02-01", "2026-02-10", "2026-02-05", apology: true),
            D("2026-03-01", "2026-03-05", apology: true), D("2026-03-01", "2026-03-05"));
        Assert.Equal((3L, 2L), (t.Late, t.Apologies));
    }

    [Fact]
    public void Satisfied_are_resolved_dossiers_neither_rated_khong_hai_long_nor_late()
    {
        var t = Of(
            D("2026-02-01", "2026-02-10", "2026-02-05", rating: DossierRating.Dissatisfied),
            D("2026-02-01", "2026-02-10", "2026-02-05", rating: DossierRating.Satisfied),
            D("2026-02-01", "2026-02-10", "2026-02-05"),
            D("2026-02-01", "2026-02-10", "2026-02-15", rating: DossierRating.Satisfied),
            D("2026-03-01", "2026-04-10", rating: DossierRating.Satisfied));
        Assert.Equal((4L, 2L), (t.Resolved, t.ResolvedSatisfied));
    }

    [Fact]
    public void Channel_payment_digitisation_and_sync_count_dossiers_received_in_the_period_only()
    {
        var t = Of(
            D("2026-01-10", "2026-01-20", channel: DossierChannel.Online, fee: true, paid: true, digitised: true, synced: true),
            D("2026-01-10", "2026-01-20", channel: DossierChannel.Post, fee: true, paid: false, digitised: false, synced: true),
            D("2026-01-10", "2026-01-20", paid: true),
            D("2025-12-10", "2026-01-20", channel: DossierChannel.Online, fee: true, paid: true, digitised: true, synced: true));
        Assert.Equal((3L, 1L, 1L, 2L, 1L, 1L, 2L), (t.Received, t.Carried, t.ReceivedOnline, t.FeeBearingReceived, t.FeeBearingPaidOnline,
            t.ReceivedDigitised, t.ReceivedSynced));
    }

    [Fact]
    public void Electronic_results_count_resolved_dossiers_carried_ones_included()
    {
        var t = Of(D("2025-12-10", "2026-01-20", "2026-01-05", electronic: true), D("2026-02-10", "2026-02-20", "2026-02-12", electronic: true),
            D("2026-02-10", "2026-02-20", "2026-02-12"), D("2026-03-10", "2026-04-20", electronic: true));
        Assert.Equal((3L, 2L), (t.Resolved, t.ResolvedElectronic));
    }

    [Fact]
    public void Tallies_add_up_and_a_period_ending_before_it_starts_is_refused()
    {
        var a = Of(D("2026-02-01", "2026-02-10", "2026-02-05"));
        var b = Of(D("2026-03-01", "2026-03-05"));
        Assert.Equal(Of(D("2026-02-01", "2026-02-10", "2026-02-05"), D("2026-03-01", "2026-03-05")), a.Add(b));
        Assert.Equal(a + b, b.Add(a));
        var e = Assert.Throws<ArgumentException>(() => DossierTally.Of([], To, From));
        Assert.Equal("Ngày đầu kỳ (2026-03-31) sau ngày cuối kỳ (2026-01-01).", e.Message);
    }
}
