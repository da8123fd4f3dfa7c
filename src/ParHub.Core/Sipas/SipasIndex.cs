using System.Globalization;

namespace ParHub.Core.Sipas;

/// <summary>
/// The SIPAS index (QĐ 1001/QĐ-BNV, docs/sipas.md): per agency, and for the province from every valid form pooled at
/// item level, the share of satisfied answers of each item, then components, parts and SIPAS. Pure and unrounded.
/// </summary>
public static class SipasIndex
{
    /// <summary>The agency code of the province's result: every valid form of every agency.</summary>
    public const string Province = "*";

    /// <summary>
    /// One result per agency with a valid form, ordered by code (ordinal), then the province's. Forms with
    /// <c>Valid = false</c> are left out entirely. A questionnaire with problems is an <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<SipasIndexResult> Compute(SipasQuestionnaireSpec spec, IEnumerable<SipasResponse> responses)
    {
        var problems = spec.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
        var valid = responses.Where(r => r.Valid).ToList();
        var results = new List<SipasIndexResult>();
        var province = spec.Items.ToDictionary(i => i, _ => default(SipasIndexTally), StringComparer.Ordinal);
        foreach (var agency in valid.GroupBy(r => r.Agency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var tallies = SipasIndexTally.Of(spec, agency);
            foreach (var (item, tally) in tallies) province[item] += tally;
            results.Add(SipasIndexAggregator.Aggregate(spec, agency.Key, agency.Count(), tallies));
        }
        results.Add(SipasIndexAggregator.Aggregate(spec, Province, valid.Count, province));
        return results;
    }

    /// <summary>A share as shown: 2 decimals, half away from zero.</summary>
    public static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>A share as text with 2 decimals (<c>86.50</c>, or <c>86,50</c> in Vietnamese); "—" when there is none.</summary>
    public static string Show(decimal? value, IFormatProvider? culture = null) =>
        Round(value) is { } v ? v.ToString("0.00", culture ?? CultureInfo.InvariantCulture) : "—";
}
