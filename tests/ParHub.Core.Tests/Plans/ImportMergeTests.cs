using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

public sealed class ImportMergeTests
{
    [Theory]
    [InlineData("Sở TTTT", "Sở TTTT", "Sở TTTT", MergeOutcome.Same)]
    [InlineData("Sở TTTT", "Sở TTTT", "Sở Nội vụ", MergeOutcome.FromDocument)]
    [InlineData("Sở TTTT", "Sở Khoa học và Công nghệ", "Sở TTTT", MergeOutcome.KeptCorrection)]
    [InlineData("Sở TTTT", "Sở Khoa học và Công nghệ", "Sở Nội vụ", MergeOutcome.Conflict)]
    [InlineData("Sở TTTT", "Sở Nội vụ", "Sở  Nội vụ ", MergeOutcome.Same)]
    public void A_field_is_decided_by_what_the_last_import_read_what_is_stored_and_what_the_document_says(
        string imported, string current, string incoming, MergeOutcome outcome)
    {
        var merge = ImportMerge.Decide("Lead", imported, current, incoming);
        Assert.Equal(outcome, merge.Outcome);
    }

    [Fact]
    public void A_task_stored_before_imports_were_kept_treats_every_difference_as_a_possible_correction()
    {
        Assert.Equal(MergeOutcome.Conflict, ImportMerge.Decide("Lead", null, "Sở Nội vụ", "Sở Tư pháp", importKnown: false).Outcome);
        Assert.Equal(MergeOutcome.Same, ImportMerge.Decide("Lead", null, "Sở Nội vụ", "Sở Nội vụ", importKnown: false).Outcome);
    }

    private static readonly Gen<string?> Values = Gen.Elements<string?>(null, "", "a", "b", "c", " a ");

    [Fact]
    public void A_hand_correction_is_never_overwritten_unless_the_officer_picks_the_document() =>
        Prop.ForAll(Values.Zip(Values).ToArbitrary(), Values.ToArbitrary(), Gen.Elements(true, false).ToArbitrary(),
            (pair, incoming, pick) =>
            {
                var (imported, current) = pair;
                var m = ImportMerge.Decide("F", imported, current, incoming);
                var corrected = !ImportMerge.Same(current, imported);
                var result = m.Result(pick);
                // Nothing corrected: the document wins. Corrected: the stored value stays unless picked.
                if (!corrected) return ImportMerge.Same(result, incoming);
                return pick ? ImportMerge.Same(result, incoming) : ImportMerge.Same(result, current);
            }).CheckReplayable();
}
