using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Tthc;

namespace ParHub.Core.Tests.Tthc;

/// <summary>Properties of the counts, rates, points and the CSV over generated dossiers and periods.</summary>
public sealed class TthcPropertyTests
{
    private static readonly DateOnly Base = new(2026, 1, 1);
    private static readonly string[] Agencies = ["SNV", "STP", "Đ-SYT"];

    /// <summary>Any dossier around the periods drawn: due and result dates may even come before the received date.</summary>
    private static readonly Gen<Dossier> AnyDossier =
        from received in Gen.Choose(-90, 150)
        from due in Gen.Choose(-10, 60)
        from resolved in Gen.Choose(-10, 120)
        from pending in Gen.Elements(true, false)
        from channel in Gen.Elements(DossierChannel.Counter, DossierChannel.Online, DossierChannel.Post)
        from rating in Gen.Elements(DossierRating.None, DossierRating.Satisfied, DossierRating.Dissatisfied)
        from flags in Gen.ArrayOf(Gen.Elements(true, false), 6)
        from agency in Gen.Elements(Agencies)
        select new Dossier("X", agency, "1.001", channel, Base.AddDays(received), Base.AddDays(received + due),
            pending ? null : Base.AddDays(received + resolved), flags[0], flags[1], flags[2], flags[3], flags[4], flags[5], rating);

    /// <summary>A dossier as an export would have it: due and result on or after the received date.</summary>
    private static readonly Gen<Dossier> ValidDossier = AnyDossier.Select(d => d with
    {
        Due = d.Due < d.Received ? d.Received : d.Due,
        Resolved = d.Resolved < d.Received ? d.Received : d.Resolved,
    });

    private static readonly Gen<(DateOnly From, DateOnly To)> Periods =
        from start in Gen.Choose(-30, 90)
        from length in Gen.Choose(0, 100)
        select (Base.AddDays(start), Base.AddDays(start + length));

    private static readonly Gen<(List<Dossier> Dossiers, DateOnly From, DateOnly To)> Cases =
        from dossiers in Gen.ListOf(AnyDossier)
        from period in Periods
        select (dossiers.ToList(), period.From, period.To);

    /// <summary>Few dossiers, so that empty denominators (null rates) come up often.</summary>
    private static readonly Gen<DossierTally> Tallies =
        from n in Gen.Choose(0, 6)
        from dossiers in Gen.ArrayOf(AnyDossier, n)
        from period in Periods
        select DossierTally.Of(dossiers, period.From, period.To);

    [Fact]
    public void Received_and_carried_are_resolved_and_pending() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var t = DossierTally.Of(c.Dossiers, c.From, c.To);
            return t.Received + t.Carried == t.Resolved + t.Pending;
        }).CheckReplayable(300);

    [Fact]
    public void Every_dossier_in_scope_is_on_time_in_time_or_late() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var t = DossierTally.Of(c.Dossiers, c.From, c.To);
            return t.ResolvedOnTime + t.PendingInTime + t.Late == t.InScope
                && t.ResolvedOnTime <= t.Resolved && t.PendingInTime <= t.Pending && t.Apologies <= t.Late
                && t.ResolvedSatisfied <= t.ResolvedOnTime && t.ResolvedElectronic <= t.Resolved
                && t.FeeBearingPaidOnline <= t.FeeBearingReceived && t.FeeBearingReceived <= t.Received
                && new[] { t.ReceivedOnline, t.ReceivedDigitised, t.ReceivedSynced }.All(x => x <= t.Received);
        }).CheckReplayable(300);

    [Fact]
    public void The_tally_of_a_union_is_the_sum_of_the_tallies() =>
        Prop.ForAll(Cases.SelectMany(c => Gen.ListOf(AnyDossier).Select(more => (c, more.ToList()))).ToArbitrary(), x =>
        {
            var (c, more) = x;
            return DossierTally.Of(c.Dossiers.Concat(more), c.From, c.To)
                == DossierTally.Of(c.Dossiers, c.From, c.To).Add(DossierTally.Of(more, c.From, c.To));
        }).CheckReplayable(300);

    [Fact]
    public void Rates_are_percentages_points_at_most_their_max_and_the_index_at_most_100() =>
        Prop.ForAll(Tallies.ToArbitrary(), t =>
        {
            var config = ServiceIndexConfig.Default;
            var s = ServiceIndex.Score(t, config);
            return s.Rates.Values.OfType<decimal>().All(r => r >= 0 && r <= 100)
                && config.Indicators.All(i => s.Points[i.Code] is not { } p || (p >= 0 && p <= i.Max))
                && config.Indicators.All(i => (s.Rates[i.Code] is null) == (s.Points[i.Code] is null))
                && s.Total <= s.ApplicableMax && s.ApplicableMax <= config.Indicators.Sum(i => i.Max)
                && (s.Index is null ? s.ApplicableMax == 0 : s.Index >= 0 && s.Index <= 100 && s.Band is not null);
        }).CheckReplayable(500);

    [Fact]
    public void An_indicator_with_a_null_rate_changes_neither_total_nor_applicable_max() =>
        Prop.ForAll(Tallies.ToArbitrary(), t =>
        {
            var config = ServiceIndexConfig.Default;
            var s = ServiceIndex.Score(t, config);
            var measured = config.Indicators.Where(i => s.Rates[i.Code] is not null).ToList();
            if (measured.Count == 0) return s.Total == 0 && s.ApplicableMax == 0 && s.Index is null;
            var without = ServiceIndex.Score(t, config with { Indicators = measured });
            return without.Total == s.Total && without.ApplicableMax == s.ApplicableMax && without.Index == s.Index;
        }).CheckReplayable(500);

    /// <summary>Codes with what a CSV must quote: separators, quotes, line breaks, Vietnamese letters; no space at either end.</summary>
    private static readonly Gen<string> Codes =
        Gen.ArrayOf(Gen.Elements('A', 'z', '0', '-', ',', ';', '"', ' ', '\n', 'Đ', 'ữ', '/'))
            .Select(cs => new string(cs).Trim())
            .Select(s => s.Length == 0 ? "HS" : s);

    private static readonly Gen<List<Dossier>> Files =
        from dossiers in Gen.ListOf(ValidDossier)
        from codes in Gen.ArrayOf(Codes, dossiers.Count)
        from procedures in Gen.ArrayOf(Codes, dossiers.Count)
        select dossiers.Select((d, i) => d with { Code = $"{codes[i]}#{i}", ProcedureCode = procedures[i] }).ToList();

    private static string Csv(IEnumerable<string> lines) => string.Join("\r\n", lines.Prepend(DossierCsv.Header)) + "\r\n";

    [Fact]
    public void Reading_written_rows_gives_them_back() =>
        Prop.ForAll(Files.ToArbitrary(), dossiers =>
        {
            var rows = DossierCsv.Read(new StringReader(Csv(dossiers.Select(DossierCsv.Line)))).ToList();
            return rows.All(r => r.Problem is null) && rows.Select(r => r.Dossier!).SequenceEqual(dossiers);
        }).CheckReplayable(200);

    private static readonly string[] Breakers = ["ngay_tiep_nhan", "kenh", "danh_gia", "co_phi", "ma_ho_so"];

    /// <summary>Rows broken in one column each, among good ones: exactly the broken lines are named, the others read.</summary>
    [Fact]
    public void Exactly_the_bad_lines_are_named() =>
        Prop.ForAll(Gen.ListOf(ValidDossier.SelectMany(d => Gen.Choose(-1, Breakers.Length - 1).Select(b => (d, b)))).ToArbitrary(), list =>
        {
            var lines = list.Select((x, i) =>
            {
                var cells = DossierCsv.Line(x.d with { Code = $"HS{i}", ProcedureCode = "1.001" }).Split(',');
                if (x.b >= 0) cells[DossierCsv.Columns.ToList().IndexOf(Breakers[x.b])] = x.b == 4 ? "" : "??";
                return string.Join(',', cells);
            });
            var rows = DossierCsv.Read(new StringReader(Csv(lines))).ToList();
            var bad = list.Select((x, i) => (x.b, Line: i + 2)).Where(x => x.b >= 0).Select(x => x.Line);
            return rows.Count == list.Count
                && rows.Where(r => r.Problem is not null).Select(r => r.Line).SequenceEqual(bad)
                && rows.All(r => (r.Problem is null) != (r.Dossier is null));
        }).CheckReplayable(200);
}
