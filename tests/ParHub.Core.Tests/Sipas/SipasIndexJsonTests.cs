using System.Text.Json.Nodes;
using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

/// <summary>The JSON of <c>sipas compute</c>: defaults, refusals in Vietnamese, and the printed shape.</summary>
public class SipasIndexJsonTests
{
    private const string Questionnaire =
        """{"code":"S","scale":5,"parts":[{"code":"I","title":"Chính sách","components":[{"code":"I.A","title":"","items":["1","2"]}]}]}""";

    private static string Input(string responses) => "{\"questionnaire\":" + Questionnaire + ",\"responses\":[" + responses + "]}";

    [Fact]
    public void Satisfied_from_defaults_to_4_aggregation_to_mean_and_a_form_to_valid()
    {
        var input = SipasIndexJson.Parse(Input("""
            {"id":7,"agency":"SNV","channel":"trực tuyến","answers":{"1":4,"2":null}},
            {"id":"b","agency":"SNV","valid":false,"answers":{}}
            """));
        Assert.Equal((5, 4, SipasAggregation.Mean), (input.Questionnaire.Scale, input.Questionnaire.SatisfiedFrom, input.Questionnaire.Aggregation));
        Assert.Equal(["1", "2"], input.Questionnaire.Items);
        var first = input.Responses[0];
        Assert.Equal(("7", "SNV", "trực tuyến", true), (first.Id, first.Agency, first.Channel, first.Valid));
        Assert.Equal(4m, first.Answers["1"]);
        Assert.Null(first.Answers["2"]);
        Assert.False(input.Responses[1].Valid);
    }

    [Theory]
    [InlineData("{", "JSON không hợp lệ")]
    [InlineData("[]", "Tệp phải là một đối tượng JSON")]
    [InlineData("""{"responses":[]}""", "Thiếu \"questionnaire\".")]
    [InlineData("""{"questionnaire":{"scale":5,"aggregation":"median"},"responses":[]}""", "Cách tổng hợp \"median\" không có (mean, pooled).")]
    [InlineData("""{"questionnaire":{"scale":1},"responses":[]}""", "Thang đo (scale) phải có ít nhất 2 mức, không phải 1.")]
    [InlineData("""{"questionnaire":{"scale":"năm"},"responses":[]}""", "\"questionnaire.scale\" phải là số nguyên.")]
    [InlineData("""{"questionnaire":{},"responses":[]}""", "Thiếu \"questionnaire.scale\"")]
    [InlineData("""{"questionnaire":{"scale":5}}""", "Thiếu \"responses\".")]
    [InlineData("""{"questionnaire":{"scale":5},"responses":[{"id":"x"}]}""", "responses[0] (phiếu x) thiếu \"agency\".")]
    [InlineData("""{"questionnaire":{"scale":5},"responses":[{"agency":"*"}]}""", "mã cơ quan \"*\" dành cho toàn tỉnh.")]
    [InlineData("""{"questionnaire":{"scale":5},"responses":[{"agency":"A","valid":"có"}]}""", "\"valid\" phải là true hoặc false.")]
    [InlineData("""{"questionnaire":{"scale":5},"responses":[{"id":1,"agency":"A","answers":{"q":"4"}}]}""",
        "responses[0] (phiếu 1), câu q: câu trả lời phải là một số hoặc null.")]
    public void Bad_input_is_a_format_error_that_says_what_and_where(string json, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => SipasIndexJson.Parse(json)).Message);

    [Fact]
    public void An_answer_beyond_any_number_is_not_counted()
    {
        var input = SipasIndexJson.Parse(Input("""{"agency":"A","answers":{"1":1e400,"2":4.0}}"""));
        var a = SipasIndex.Compute(input.Questionnaire, input.Responses)[0];
        Assert.Null(a.Items["1"]);
        Assert.Equal(100m, a.Items["2"]);
    }

    [Fact]
    public void The_output_has_one_object_per_result_with_unrounded_shares_and_nulls()
    {
        var input = SipasIndexJson.Parse(Input("""{"agency":"A","answers":{"1":4}},{"agency":"A","answers":{"1":2}},{"agency":"A","answers":{"1":5}}"""));
        var printed = JsonNode.Parse(SipasIndexJson.Write(input.Questionnaire, SipasIndex.Compute(input.Questionnaire, input.Responses)))!.AsArray();
        Assert.Equal(2, printed.Count);
        var a = printed[0]!.AsObject();
        Assert.Equal(["agency", "n", "items", "components", "parts", "sipas"], a.Select(p => p.Key));
        Assert.Equal("A", (string?)a["agency"]);
        Assert.Equal(3, (int?)a["n"]);
        Assert.StartsWith("66.66666666", a["items"]!["1"]!.ToJsonString());
        Assert.Null(a["items"]!["2"]);
        Assert.True(a["items"]!.AsObject().ContainsKey("2"));
        Assert.Equal("*", (string?)printed[1]!["agency"]);
    }
}
