using ParHub.Core.Reports;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.Scoring;

/// <summary>A self-assessment refuses what a periodic report refuses, in the same words; what is valid becomes the input.</summary>
public class CriterionEntryTests
{
    private static readonly ScoringRule Rate = new("proportional");
    private static readonly ScoringRule Manual = new("manual");

    private static CriterionEntry.Result ReadRate(string? num, string? den) => CriterionEntry.Read("2.2", Rate, 2, null, num, den, false);

    [Fact]
    public void A_valid_rate_in_Vietnamese_style_is_the_input() =>
        Assert.Equal(ScoreInput.Rate(1150, 1200), ReadRate("1.150", "1.200").Input);

    [Fact]
    public void Nothing_typed_is_no_input_and_no_problem()
    {
        var r = ReadRate(" ", null);
        Assert.Null(r.Input);
        Assert.Empty(r.Problems);
    }

    [Theory]
    [InlineData("abc", "10", "Tiêu chí 2.2: \"abc\" không phải là số")]
    [InlineData("7", "x", "Tiêu chí 2.2 (mẫu số): \"x\" không phải là số")]
    [InlineData("12", "10", "Tiêu chí 2.2: tử số (12) lớn hơn mẫu số (10).")]
    [InlineData("-3", "10", "Tiêu chí 2.2: không được là số âm.")]
    [InlineData("7", "", "Tiêu chí 2.2: cần nhập cả tử số và mẫu số.")]
    public void Refusals_name_the_criterion(string num, string den, string message)
    {
        var r = ReadRate(num, den);
        Assert.Contains(r.Problems, p => p.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_words_are_the_periodic_reports()
    {
        var form = ReportForm.CchcPeriodic;
        var field = form.Fields.First(f => f.Kind == FieldKind.Rate);
        var (_, reportErrors) = ReportEntry.Read(form, new Dictionary<string, FieldInput> { [field.Code] = new() { Value = "abc", Denominator = "10" } },
            new Dictionary<string, ReportValueRow>());
        var report = Assert.Single(reportErrors).Message;
        var criterion = Assert.Single(ReadRate("abc", "10").Problems);
        Assert.Equal(report[field.Label.Length..], criterion["Tiêu chí 2.2".Length..]);
    }

    [Fact]
    public void Manual_points_over_the_maximum_are_refused_and_within_it_kept()
    {
        Assert.Contains("lớn hơn điểm tối đa", Assert.Single(CriterionEntry.Read("1.5", Manual, 2, "2,5", null, null, false).Problems));
        Assert.Equal(ScoreInput.Of(1.5m), CriterionEntry.Read("1.5", Manual, 2, "1,5", null, null, false).Input);
    }

    [Fact]
    public void An_option_the_criterion_does_not_have_is_refused()
    {
        var rule = new ScoringRule("options", new Dictionary<string, decimal> { ["Kịp thời"] = 1, ["Không kịp thời"] = 0 });
        Assert.Empty(CriterionEntry.Read("1.1", rule, 1, "Kịp thời", null, null, false).Problems);
        Assert.Single(CriterionEntry.Read("1.1", rule, 1, "Rất tốt", null, null, false).Problems);
    }
}
