using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.ParIndex;

/// <summary>The cycle's rules: the self-assessment window, moving its deadline, publication.</summary>
public class CycleFlowTests
{
    private static readonly DateOnly Due = new(2026, 12, 15);
    private static readonly DateOnly AfterDue = Due.AddDays(1);
    private static readonly PublicationState Everyone = new([], []);
    private static AssessmentCycle Cycle(DateTime? published = null) => new()
    {
        Id = 1, Year = 2026, GroupCode = "SBN", SelfAssessmentDue = Due, PublishedAt = published, PublicationDecision = published is null ? null : "QĐ 1",
    };

    [Fact]
    public void The_window_is_open_to_the_end_of_its_deadline_and_closes_at_publication()
    {
        Assert.True(new CycleFlow(Cycle()).IsOpen(Due));
        Assert.True(new CycleFlow(Cycle()).IsOpen(Due.AddDays(-30)));
        Assert.False(new CycleFlow(Cycle()).IsOpen(Due.AddDays(1)));
        Assert.False(new CycleFlow(Cycle(DateTime.UtcNow)).IsOpen(Due.AddDays(-1)));
    }

    [Fact]
    public void Scores_and_surveys_change_only_before_publication()
    {
        Assert.True(new CycleFlow(Cycle()).ScoresChangeable().IsOk);
        Assert.True(new CycleFlow(Cycle()).SurveyChangeable().IsOk);
        Assert.Equal("Kết quả đã công bố; không sửa điểm được nữa.", new CycleFlow(Cycle(DateTime.UtcNow)).ScoresChangeable().Refusal);
        Assert.Equal("Kết quả đã công bố; không nhập điểm điều tra được nữa.",
            new CycleFlow(Cycle(DateTime.UtcNow)).SurveyChangeable().Refusal);
    }

    [Fact]
    public void The_deadline_moves_with_a_reason_to_today_or_later()
    {
        var today = Due.AddDays(3);
        var c = Cycle();
        Assert.True(new CycleFlow(c).SetDeadline(today, "Nhiều cơ quan đề nghị", today).IsOk);
        Assert.Equal(today, c.SelfAssessmentDue);
        Assert.True(new CycleFlow(c).IsOpen(today));
        Assert.True(new CycleFlow(c).SetDeadline(Due.AddDays(-10), "Sửa nhầm", Due.AddDays(-20)).IsOk); // a correction, earlier
        Assert.Equal(Due.AddDays(-10), c.SelfAssessmentDue);
    }

    [Theory]
    [InlineData(null, 5, false, "Đổi hạn tự đánh giá cần ghi lý do.")]
    [InlineData("  ", 5, false, "Đổi hạn tự đánh giá cần ghi lý do.")]
    [InlineData("Gia hạn", -1, false, "Hạn mới không được ở trong quá khứ.")]
    [InlineData("Gia hạn", 5, true, "Kết quả đã công bố; không đổi hạn tự đánh giá được nữa.")]
    public void A_deadline_move_is_refused_without_a_reason_into_the_past_or_after_publication(string? reason, int days, bool published, string refusal)
    {
        var today = new DateOnly(2026, 12, 20);
        var c = Cycle(published ? DateTime.UtcNow : null);
        var outcome = new CycleFlow(c).SetDeadline(today.AddDays(days), reason, today);
        Assert.Equal(refusal, outcome.Refusal);
        Assert.Equal(Due, c.SelfAssessmentDue);
    }

    [Fact]
    public void Publication_records_its_decision_once()
    {
        var c = Cycle();
        var now = new DateTime(2027, 1, 20, 3, 0, 0, DateTimeKind.Utc);
        Assert.True(new CycleFlow(c).Publish("  Quyết định số 123/QĐ-UBND ", now, AfterDue, Everyone, false).IsOk);
        Assert.Equal((now, "Quyết định số 123/QĐ-UBND"), (c.PublishedAt!.Value, c.PublicationDecision));
        Assert.True(new CycleFlow(c).IsPublished);
        var again = new CycleFlow(c).Publish("QĐ khác", now.AddDays(1), AfterDue, Everyone, false);
        Assert.Equal("Kết quả đã được công bố.", again.Refusal);
        Assert.Equal((now, "Quyết định số 123/QĐ-UBND"), (c.PublishedAt!.Value, c.PublicationDecision));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Publication_needs_a_decision(string? decision)
    {
        var c = Cycle();
        Assert.Equal("Ghi số, ngày của quyết định công bố kết quả.", CycleFlow.CheckDecision(decision).Refusal);
        Assert.Equal("Ghi số, ngày của quyết định công bố kết quả.",
            new CycleFlow(c).Publish(decision, DateTime.UtcNow, AfterDue, Everyone, true).Refusal);
        Assert.Null(c.PublishedAt);
        // The decision is asked for first, also of a published cycle.
        Assert.Equal("Ghi số, ngày của quyết định công bố kết quả.",
            new CycleFlow(Cycle(DateTime.UtcNow)).Publish(decision, DateTime.UtcNow, AfterDue, Everyone, true).Refusal);
    }

    // Today publication went through with 1 of 15 submitted, in the middle of the self-assessment window.
    [Fact]
    public void Publication_waits_for_the_window_while_agencies_have_not_submitted()
    {
        var c = Cycle();
        var missing = new PublicationState(["Sở Y tế", "Sở Xây dựng"], []);
        var refusal = new CycleFlow(c).Publish("QĐ 5", DateTime.UtcNow, Due, missing, confirmNotSubmitted: true).Refusal;
        Assert.Equal("Chưa công bố được: đang trong hạn tự đánh giá (đến hết ngày 15/12/2026) và còn 2 cơ quan chưa nộp.", refusal);
        Assert.Null(c.PublishedAt);
        // Everyone submitted: the window need not run out.
        Assert.True(new CycleFlow(c).Publish("QĐ 5", DateTime.UtcNow, Due, Everyone, false).IsOk);
    }

    [Fact]
    public void After_the_window_publication_names_who_did_not_submit_and_needs_confirming()
    {
        var c = Cycle();
        var missing = new PublicationState(["Sở Y tế", "Sở Xây dựng"], []);
        var refusal = new CycleFlow(c).Publish("QĐ 5", DateTime.UtcNow, AfterDue, missing, confirmNotSubmitted: false).Refusal;
        Assert.StartsWith("2 cơ quan chưa nộp bản tự đánh giá: Sở Y tế, Sở Xây dựng.", refusal);
        Assert.Null(c.PublishedAt);
        Assert.True(new CycleFlow(c).Publish("QĐ 5", DateTime.UtcNow, AfterDue, missing, confirmNotSubmitted: true).IsOk);
    }

    [Fact]
    public void An_explanation_waiting_for_its_second_appraisal_stops_publication()
    {
        var c = Cycle();
        var waiting = new PublicationState([], ["Sở Tư pháp"]);
        Assert.Equal("Chưa công bố được: thẩm định chưa xong — còn giải trình chưa được thẩm định lại (Sở Tư pháp).",
            new CycleFlow(c).Publish("QĐ 5", DateTime.UtcNow, AfterDue, waiting, true).Refusal);
        Assert.Null(c.PublishedAt);
    }
}
