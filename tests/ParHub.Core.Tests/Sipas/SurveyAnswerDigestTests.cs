using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

/// <summary>The digest of a response's numbered answers: what it keeps, and that the index tallied from it is the rule's.</summary>
public class SurveyAnswerDigestTests
{
    [Fact]
    public void A_digest_keeps_the_numbered_answers_and_leaves_text_out()
    {
        var answers = new List<SurveyAnswer>
        {
            new() { ItemCode = "9.1", Value = 4 }, new() { ItemCode = "I.A-2", Value = 0 }, new() { ItemCode = "11", Text = "Tốt; nhanh=gọn" },
            new() { ItemCode = "8.c", Value = 1 },
        };
        Assert.Equal("9.1=4;I.A-2=0;8.c=1", SurveyAnswerDigest.Of(answers));
        Assert.Equal(new Dictionary<string, int> { ["9.1"] = 4, ["I.A-2"] = 0, ["8.c"] = 1 }, SurveyAnswerDigest.Read(SurveyAnswerDigest.Of(answers)));
        Assert.Equal("", SurveyAnswerDigest.Of([]));
    }

    [Fact]
    public void Tallying_digests_counts_levels_1_to_scale_and_satisfied_from_the_threshold()
    {
        var items = new Dictionary<string, int>(StringComparer.Ordinal) { ["9.1"] = 0, ["9.2"] = 1 };
        var tallies = new SipasIndexTally[2];
        foreach (var d in new[] { "9.1=4;9.2=3;8.c=1", "9.1=0;9.2=5", "9.1=6;9.2=-1", "9.1=5", "" })
            SurveyAnswerDigest.Tally(d, items.GetAlternateLookup<ReadOnlySpan<char>>(), 5, 4, tallies);
        Assert.Equal(new SipasIndexTally(2, 2), tallies[0]); // 4 and 5 counted and satisfied; 0 and 6 left out
        Assert.Equal(new SipasIndexTally(1, 2), tallies[1]); // 3 counted, 5 counted and satisfied; −1 left out
    }

    private static readonly string[] Codes = ["1.1", "9.1", "9.2", "I.A", "10.10", "x_1"];

    [Fact]
    public void The_tally_of_the_digests_is_the_tally_of_the_rule_over_the_same_answers()
    {
        var answer = Gen.Elements(Codes).SelectMany(code => Gen.Choose(-2, 9).SelectMany(v => Gen.Elements(true, false)
            .Select(text => text ? new SurveyAnswer { ItemCode = code, Text = "t" } : new SurveyAnswer { ItemCode = code, Value = v })));
        var response = Gen.ListOf(answer).Select(list => list.DistinctBy(a => a.ItemCode).ToList());
        var property = Prop.ForAll(Gen.ListOf(response).ToArbitrary(), Gen.Choose(2, 7).SelectMany(s => Gen.Choose(1, s).Select(f => (s, f))).ToArbitrary(),
            (responses, sf) =>
            {
                var (scale, from) = sf;
                var spec = new SipasQuestionnaireSpec("S", scale, [new SipasPart("P", "", [new SipasComponent("C", "", Codes.Take(4).ToList())])], from);
                var expected = SipasIndexTally.Of(spec, responses.Select((r, i) => new SipasResponse($"{i}", "A", null,
                    r.ToDictionary(a => a.ItemCode, a => (decimal?)a.Value, StringComparer.Ordinal))));
                var index = spec.Items.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
                var tallies = new SipasIndexTally[index.Count];
                var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
                foreach (var r in responses) SurveyAnswerDigest.Tally(SurveyAnswerDigest.Of(r), lookup, scale, from, tallies);
                return spec.Items.All(c => expected[c] == tallies[index[c]]);
            });
        property.CheckReplayable();
    }
}
