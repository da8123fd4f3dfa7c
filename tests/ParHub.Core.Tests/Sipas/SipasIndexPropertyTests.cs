using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

/// <summary>Properties of the SIPAS index over generated questionnaires and forms.</summary>
public class SipasIndexPropertyTests
{
    private static readonly string[] Agencies = ["A", "B", "C", "Đ"];

    /// <summary>A questionnaire from its shape: per part, per component, the number of items; item codes q1, q2, ….</summary>
    private static SipasQuestionnaireSpec Spec(int[][] shape, int scale, int satisfiedFrom, SipasAggregation aggregation)
    {
        var item = 0;
        var parts = shape.Select((components, p) => new SipasPart($"P{p + 1}", "",
            components.Select((items, c) => new SipasComponent($"P{p + 1}.C{c + 1}", "",
                Enumerable.Range(0, items).Select(_ => $"q{++item}").ToList())).ToList())).ToList();
        return new SipasQuestionnaireSpec("S", scale, parts, satisfiedFrom, aggregation);
    }

    private static readonly Gen<int[][]> Shapes =
        Gen.Choose(1, 3).SelectMany(p => Gen.ArrayOf(Gen.Choose(1, 3).SelectMany(c => Gen.ArrayOf(Gen.Choose(1, 4), c)), p));

    /// <summary>Every part with the same number of components, every component with the same number of items.</summary>
    private static readonly Gen<int[][]> UniformShapes = Gen.Choose(1, 3).SelectMany(p => Gen.Choose(1, 3).SelectMany(c =>
        Gen.Choose(1, 4).Select(i => Enumerable.Range(0, p).Select(_ => Enumerable.Repeat(i, c).ToArray()).ToArray())));

    private static Gen<SipasQuestionnaireSpec> Specs(Gen<int[][]> shapes, SipasAggregation? aggregation = null) =>
        shapes.SelectMany(shape => Gen.Choose(2, 7).SelectMany(scale => Gen.Choose(1, scale).SelectMany(from =>
            Gen.Elements(aggregation is { } a ? [a] : new[] { SipasAggregation.Mean, SipasAggregation.Pooled })
                .Select(agg => Spec(shape, scale, from, agg)))));

    /// <summary>Any answer: missing (absent), null, 0, a non-integer, out of range either side, or a level.</summary>
    private static Gen<(bool Present, decimal? Value)> AnyAnswer(int scale) => Gen.Choose(0, scale + 5).Select(k => k switch
    {
        0 => (false, (decimal?)null),
        1 => (true, null),
        2 => (true, 0m),
        3 => (true, 2.5m),
        4 => (true, scale + 1),
        5 => (true, -1m),
        _ => (true, (decimal?)(k - 5)),
    });

    private static Gen<(bool Present, decimal? Value)> Level(int scale) => Gen.Choose(1, scale).Select(k => (true, (decimal?)k));

    private static Gen<List<SipasResponse>> Forms(SipasQuestionnaireSpec spec, Func<int, Gen<(bool, decimal?)>> answer, bool valid = true)
    {
        var items = spec.Items.ToArray();
        var form = Gen.Elements(Agencies).Zip(Gen.ArrayOf(answer(spec.Scale), items.Length)).Select(t => new SipasResponse("", t.Item1, null,
            items.Select((item, i) => (item, t.Item2[i])).Where(x => x.Item2.Item1).ToDictionary(x => x.item, x => x.Item2.Item2), valid));
        return Gen.ListOf(form).Select((forms) => forms.Select((f, i) => f with { Id = $"{(valid ? "v" : "x")}{i}" }).ToList());
    }

    private static IEnumerable<decimal?> Shares(SipasIndexResult r) =>
        r.Items.Values.Concat(r.Components.Values).Concat(r.Parts.Values).Append(r.Sipas);

    [Fact]
    public void Every_share_is_between_0_and_100() =>
        Prop.ForAll(Specs(Shapes).SelectMany(s => Forms(s, AnyAnswer).Select(f => (s, f))).ToArbitrary(), t =>
            SipasIndex.Compute(t.s, t.f).SelectMany(Shares).OfType<decimal>().All(v => v >= 0 && v <= 100)).CheckReplayable(300);

    private static bool Near(decimal? a, decimal? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-20m;

    private static Gen<(SipasQuestionnaireSpec Mean, SipasQuestionnaireSpec Pooled, List<SipasResponse> Forms)> FullyAnswered(Gen<int[][]> shapes) =>
        Specs(shapes, SipasAggregation.Mean).SelectMany(s => Forms(s, Level).Select(f => (s, s with { Aggregation = SipasAggregation.Pooled }, f)));

    [Fact]
    public void Pooled_components_equal_mean_components_when_every_item_has_the_same_count() =>
        Prop.ForAll(FullyAnswered(Shapes).ToArbitrary(), t =>
        {
            var mean = SipasIndex.Compute(t.Mean, t.Forms);
            var pooled = SipasIndex.Compute(t.Pooled, t.Forms);
            return mean.Zip(pooled).All(x => x.First.Components.All(c => Near(c.Value, x.Second.Components[c.Key])));
        }).CheckReplayable(300);

    [Fact]
    public void Pooled_equals_mean_at_every_level_when_counts_and_sizes_are_the_same() =>
        Prop.ForAll(FullyAnswered(UniformShapes).ToArbitrary(), t =>
        {
            var mean = SipasIndex.Compute(t.Mean, t.Forms);
            var pooled = SipasIndex.Compute(t.Pooled, t.Forms);
            return mean.Zip(pooled).All(x => Shares(x.First).Zip(Shares(x.Second)).All(s => Near(s.First, s.Second)));
        }).CheckReplayable(300);

    [Fact]
    public void Adding_invalid_forms_changes_nothing() =>
        Prop.ForAll(Specs(Shapes).SelectMany(s => Forms(s, AnyAnswer).Zip(Forms(s, AnyAnswer, valid: false)).Select(f => (s, f.Item1, f.Item2)))
            .ToArbitrary(), t =>
        {
            var (spec, valid, invalid) = t;
            var mixed = valid.Concat(invalid).OrderBy(f => f.Id.GetHashCode(StringComparison.Ordinal)).ToList();
            return SipasIndexJson.Write(spec, SipasIndex.Compute(spec, valid)) == SipasIndexJson.Write(spec, SipasIndex.Compute(spec, mixed));
        }).CheckReplayable(300);
}
