using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

public sealed class SurveyFlowTests
{
    private static SurveyProgramme Programme() => new()
    {
        Year = 2026, Title = "Khảo sát SIPAS 2026", FieldworkFrom = new DateOnly(2026, 1, 5), FieldworkTo = new DateOnly(2026, 2, 15),
        Groups = [new SurveyProgrammeGroup { GroupId = 1 }],
    };

    [Fact]
    public void A_programme_goes_from_planned_to_published_and_publication_needs_its_decision()
    {
        var p = Programme();
        var flow = new SurveyFlow(p);
        var now = new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
        Assert.True(flow.MoveTo(SurveyState.Collecting, null, now).IsOk);
        Assert.True(flow.MoveTo(SurveyState.Closed, null, now).IsOk);
        Assert.True(flow.MoveTo(SurveyState.Collecting, null, now).IsOk); // reopened: forms still arriving by post
        Assert.True(flow.MoveTo(SurveyState.Closed, null, now).IsOk);
        Assert.True(flow.MoveTo(SurveyState.Computed, null, now).IsOk);
        Assert.Equal("Ghi số, ngày của quyết định công bố kết quả khảo sát.", flow.MoveTo(SurveyState.Published, " ", now).Refusal);
        Assert.True(flow.MoveTo(SurveyState.Published, "QĐ 12/QĐ-UBND ngày 01/3/2026", now).IsOk);
        Assert.Equal((SurveyState.Published, "QĐ 12/QĐ-UBND ngày 01/3/2026", (DateTime?)now), (p.State, p.Decision, p.PublishedAt));
        Assert.Empty(flow.Next());
    }

    [Theory]
    [InlineData(SurveyState.Planned, SurveyState.Closed)]
    [InlineData(SurveyState.Planned, SurveyState.Published)]
    [InlineData(SurveyState.Collecting, SurveyState.Computed)]
    [InlineData(SurveyState.Computed, SurveyState.Collecting)]
    [InlineData(SurveyState.Published, SurveyState.Collecting)]
    public void Steps_cannot_be_skipped_nor_taken_back_after_the_results(SurveyState from, SurveyState to)
    {
        var p = Programme();
        p.State = from;
        var outcome = new SurveyFlow(p).MoveTo(to, "QĐ 1", DateTime.UnixEpoch);
        Assert.StartsWith("Không chuyển được từ", outcome.Refusal);
        Assert.Equal(from, p.State);
    }

    [Fact]
    public void A_new_programme_lists_every_problem()
    {
        var p = new SurveyProgramme
        {
            Year = 1990, Title = " ", FieldworkFrom = new DateOnly(2026, 2, 1), FieldworkTo = new DateOnly(2026, 1, 1),
            MarginOfError = 0, Confidence = 9, MinResponses = 0
        };
        Assert.Equal(7, SurveyFlow.Check(p).Count);
        Assert.Empty(SurveyFlow.Check(Programme()));
    }
}
