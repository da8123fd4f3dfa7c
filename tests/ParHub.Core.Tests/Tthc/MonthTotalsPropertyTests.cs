using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Reports;
using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>Properties of month totals: generated balanced months pass, runs of them balance, and months taken from dossiers agree with the dossiers.</summary>
public sealed class MonthTotalsPropertyTests
{
    /// <summary>A whole split into parts that sum to it.</summary>
    private static Gen<int[]> Split(int whole, int parts) =>
        Gen.ArrayOf(Gen.Choose(0, Math.Max(0, whole)), parts - 1).Select(cuts =>
        {
            var points = cuts.Append(0).Append(whole).Order().ToArray();
            return Enumerable.Range(0, parts).Select(i => points[i + 1] - points[i]).ToArray();
        });

    private static Gen<int> UpTo(long max) => Gen.Choose(0, (int)Math.Min(max, MonthTotals.Max));

    /// <summary>A balanced month carrying the given number of dossiers in.</summary>
    private static Gen<MonthCounts> Month(int carried, int scale) =>
        from received in Gen.Choose(0, scale)
        from outcome in Split(carried + received, 4)
        from channels in Split(received, 3)
        from fee in UpTo(received)
        from paid in UpTo(fee)
        from digitised in UpTo(received)
        from synced in UpTo(received)
        from electronic in UpTo((long)outcome[0] + outcome[1])
        from apologies in UpTo((long)outcome[1] + outcome[3])
        from satisfied in UpTo(outcome[0])
        select new MonthCounts(carried, received, channels[0], channels[1], channels[2], outcome[0], outcome[1], outcome[2], outcome[3],
            apologies, fee, paid, digitised, electronic, synced, satisfied);

    /// <summary>A run of 1–12 months, each carrying in the last one's pending; small scales make empty denominators come up.</summary>
    private static readonly Gen<List<MonthCounts>> Runs =
        from scale in Gen.Elements(3, 50, 10_000)
        from length in Gen.Choose(1, 12)
        from carried in Gen.Choose(0, scale)
        from run in RunOf(length, carried, scale)
        select run;

    private static Gen<List<MonthCounts>> RunOf(int length, int carried, int scale) => length == 0
        ? Gen.Constant(new List<MonthCounts>())
        : from first in Month(carried, scale)
          from rest in RunOf(length - 1, (int)first.Pending, scale)
          select rest.Prepend(first).ToList();

    [Fact]
    public void Balanced_months_have_no_problems_and_read_back_from_their_text() =>
        Prop.ForAll(Runs.ToArbitrary(), run => run.All(m =>
        {
            var typed = MonthTotals.Fields.ToDictionary(f => f.Code, f => (string?)VietnameseNumber.Format(f.Get(m)));
            return MonthTotals.Problems(m).Count == 0 && MonthTotals.Read(typed) is ({ } read, []) && read == m;
        }) && MonthTotals.ChainBreaks(run).Count == 0).CheckReplayable(300);

    [Fact]
    public void The_tally_of_months_balances_and_scores_like_a_tally_of_dossiers() =>
        Prop.ForAll(Runs.ToArbitrary(), run =>
        {
            var t = MonthTotals.Tally(run);
            var score = ServiceIndex.Score(t, ServiceIndexConfig.Default);
            return t.Received + t.Carried == t.Resolved + t.Pending
                && t.ResolvedOnTime + t.PendingInTime + t.Late == t.InScope
                && t.ResolvedOnTime <= t.Resolved && t.PendingInTime <= t.Pending && t.Apologies <= t.Late
                && t.ResolvedSatisfied <= t.ResolvedOnTime && t.ResolvedElectronic <= t.Resolved
                && t.FeeBearingPaidOnline <= t.FeeBearingReceived && t.FeeBearingReceived <= t.Received
                && new[] { t.ReceivedOnline, t.ReceivedDigitised, t.ReceivedSynced }.All(x => x <= t.Received)
                && score.Rates.Values.All(r => r is null or >= 0 and <= 100) && score.Index is null or >= 0 and <= 100;
        }).CheckReplayable(300);

    [Fact]
    public void A_month_that_breaks_the_chain_unbalances_the_tally_by_the_difference() =>
        Prop.ForAll(Runs.Where(r => r.Count >= 2).SelectMany(r => Gen.Choose(1, r.Count - 1).SelectMany(i =>
            Gen.Choose(1, 20).Select(extra => (r, i, extra)))).ToArbitrary(), x =>
        {
            var (run, i, extra) = x;
            // The month at i carries in more than was pending, and resolves them: its own balance holds.
            var changed = run.ToList();
            changed[i] = changed[i] with { Carried = changed[i].Carried + extra, ResolvedOnTime = changed[i].ResolvedOnTime + extra };
            var t = MonthTotals.Tally(changed);
            return MonthTotals.Problems(changed[i]).Count == 0 && MonthTotals.ChainBreaks(changed).SequenceEqual([i])
                && t.Resolved + t.Pending - (t.Received + t.Carried) == extra;
        }).CheckReplayable(200);

    private static readonly DateOnly Base = new(2026, 1, 1);

    /// <summary>Dossiers as an export would have them (due and result on or after the received date), around early 2026.</summary>
    private static readonly Gen<Dossier> ValidDossier =
        from received in Gen.Choose(-90, 150)
        from due in Gen.Choose(0, 60)
        from resolved in Gen.Choose(0, 120)
        from pending in Gen.Elements(true, false)
        from channel in Gen.Elements(DossierChannel.Counter, DossierChannel.Online, DossierChannel.Post)
        from rating in Gen.Elements(DossierRating.None, DossierRating.Satisfied, DossierRating.Dissatisfied)
        from flags in Gen.ArrayOf(Gen.Elements(true, false), 6)
        select new Dossier("X", "SNV", "1.001", channel, Base.AddDays(received), Base.AddDays(received + due),
            pending ? null : Base.AddDays(received + resolved), flags[0], flags[1], flags[2], flags[3], flags[4], flags[5], rating);

    /// <summary>A month as the one-stop system would total it from its dossiers.</summary>
    private static MonthCounts MonthOf(IReadOnlyList<Dossier> dossiers, DateOnly start)
    {
        var end = start.AddMonths(1).AddDays(-1);
        var t = DossierTally.Of(dossiers, start, end);
        int Received(DossierChannel c) => dossiers.Count(d => d.Received >= start && d.Received <= end && d.Channel == c);
        return new MonthCounts((int)t.Carried, (int)t.Received, (int)t.ReceivedOnline, Received(DossierChannel.Post), Received(DossierChannel.Counter),
            (int)t.ResolvedOnTime, (int)(t.Resolved - t.ResolvedOnTime), (int)t.PendingInTime, (int)(t.Pending - t.PendingInTime), (int)t.Apologies,
            (int)t.FeeBearingReceived, (int)t.FeeBearingPaidOnline, (int)t.ReceivedDigitised, (int)t.ResolvedElectronic, (int)t.ReceivedSynced,
            (int)t.ResolvedSatisfied);
    }

    [Fact]
    public void Months_totalled_from_dossiers_balance_carry_on_and_tally_as_the_dossiers_of_the_whole_run() =>
        Prop.ForAll((from dossiers in Gen.ListOf(ValidDossier)
                     from first in Gen.Choose(-3, 4)
                     from length in Gen.Choose(1, 4)
                     select (dossiers.ToList(), first, length)).ToArbitrary(), x =>
        {
            var (dossiers, first, length) = x;
            var start = Base.AddMonths(first);
            var months = Enumerable.Range(0, length).Select(i => MonthOf(dossiers, start.AddMonths(i))).ToList();
            var run = DossierTally.Of(dossiers, start, start.AddMonths(length).AddDays(-1));
            var tally = MonthTotals.Tally(months);
            // Apologies: a late dossier's letter may be counted in two months; the run counts each dossier once.
            return months.All(m => MonthTotals.Problems(m).Count == 0) && MonthTotals.ChainBreaks(months).Count == 0
                && tally with { Apologies = run.Apologies } == run && run.Apologies <= tally.Apologies && tally.Apologies <= tally.Late;
        }).CheckReplayable(300);
}
