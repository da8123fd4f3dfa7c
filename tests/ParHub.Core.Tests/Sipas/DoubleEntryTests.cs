using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

public class DoubleEntryTests
{
    private static readonly SurveyDefinition Q = SurveyPreset.Sipas2023();

    [Fact]
    public void Two_entries_that_say_the_same_in_different_spelling_agree()
    {
        var a = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "1", ["2"] = "3,1", ["9.1"] = " 4", ["9.24"] = "5" });
        var b = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "1", ["2"] = "1,3", ["9.1"] = "4", ["9.24"] = "5" });
        Assert.Empty(DoubleEntry.Differences(Q, a, b));
        Assert.Equal("1,3", a["2"]);
    }

    [Fact]
    public void Differences_are_listed_item_by_item_in_questionnaire_order_with_blanks_as_null()
    {
        var a = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "2", ["9.2"] = "4", ["9.1"] = "5" });
        var b = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "3", ["P.1"] = "2" });
        var d = DoubleEntry.Differences(Q, a, b);
        Assert.Equal(["P.1", "9.1", "9.2"], d.Select(x => x.Code));
        Assert.Equal(new AnswerDifference("9.1", Q.Items.Single(i => i.Code == "9.1").Text, "5", "3"), d[1]);
        Assert.Null(d[0].First);
        Assert.Null(d[2].Second);
    }

    [Fact]
    public void Items_not_asked_under_their_condition_do_not_count_as_differences()
    {
        // 8.c = Không: part II (9.24–9.39) is not asked, so one operator typing 9.24 anyway changes nothing.
        var a = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "2", ["9.24"] = "5" });
        var b = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "2" });
        Assert.Empty(DoubleEntry.Differences(Q, a, b));
    }

    [Fact]
    public void Resolving_takes_the_chosen_value_for_each_difference_and_refuses_an_unsettled_one()
    {
        var a = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "5", ["9.2"] = "4" });
        var b = DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "3" });
        var d = DoubleEntry.Differences(Q, a, b);
        var ex = Assert.Throws<SurveyAnswerException>(() => DoubleEntry.Resolve(a, d, new Dictionary<string, string?> { ["9.1"] = "3" }));
        Assert.Contains("Câu 9.2: chọn giá trị đúng.", ex.Problems);
        var r = DoubleEntry.Resolve(a, d, new Dictionary<string, string?> { ["9.1"] = "4", ["9.2"] = null });
        Assert.Equal(new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "4" }, r);
    }

    [Fact]
    public void An_entry_with_a_value_out_of_range_is_refused_by_name()
    {
        var ex = Assert.Throws<SurveyAnswerException>(() => DoubleEntry.Normalize(Q, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "7" }));
        Assert.Contains(ex.Problems, p => p.StartsWith("Câu 9.1", StringComparison.Ordinal));
    }
}
