using ParHub.Core.Reports;

namespace ParHub.Core.Tests.Reports;

/// <summary>Every step of a report's life and every refusal, with the messages the pages show.</summary>
public class ReportStateTests
{
    private static ReportStatus To(ReportTransition t) => Assert.IsType<ReportTransition.Ok>(t).To;
    private static string Refusal(ReportTransition t) => Assert.IsType<ReportTransition.Refused>(t).Message;

    [Theory]
    [InlineData(ReportStatus.Draft)]
    [InlineData(ReportStatus.Returned)]
    public void A_draft_or_a_returned_report_may_be_edited_and_submitted(ReportStatus from)
    {
        Assert.Equal(from, To(ReportState.Edit(from)));
        Assert.Equal(ReportStatus.Submitted, To(ReportState.Submit(from)));
    }

    [Fact]
    public void A_submitted_report_waits_for_review_and_an_accepted_one_is_locked()
    {
        Assert.Equal("Báo cáo đã gửi, đang chờ Sở Nội vụ xem xét; không thể sửa.", Refusal(ReportState.Edit(ReportStatus.Submitted)));
        Assert.Equal("Báo cáo đã gửi, đang chờ Sở Nội vụ xem xét; không thể sửa.", Refusal(ReportState.Submit(ReportStatus.Submitted)));
        Assert.Equal("Báo cáo đã được tiếp nhận và khóa; không thể sửa.", Refusal(ReportState.Edit(ReportStatus.Accepted)));
        Assert.Equal("Báo cáo đã được tiếp nhận và khóa; không thể sửa.", Refusal(ReportState.Submit(ReportStatus.Accepted)));
    }

    [Fact]
    public void Only_a_submitted_report_is_returned_and_only_with_a_comment()
    {
        var ok = Assert.IsType<ReportTransition.Ok>(ReportState.Return(ReportStatus.Submitted, "  Thiếu số liệu quý  "));
        Assert.Equal((ReportStatus.Returned, "Thiếu số liệu quý"), (ok.To, ok.Comment));
        foreach (var s in new[] { ReportStatus.Draft, ReportStatus.Returned, ReportStatus.Accepted })
            Assert.Equal("Chỉ trả lại được báo cáo đã gửi và chưa tiếp nhận.", Refusal(ReportState.Return(s, "ý kiến")));
        Assert.Equal("Trả lại báo cáo cần ghi ý kiến để cơ quan sửa.", Refusal(ReportState.Return(ReportStatus.Submitted, null)));
        Assert.Equal("Trả lại báo cáo cần ghi ý kiến để cơ quan sửa.", Refusal(ReportState.Return(ReportStatus.Submitted, "   ")));
    }

    [Fact]
    public void Only_a_submitted_report_is_accepted()
    {
        Assert.Equal(ReportStatus.Accepted, To(ReportState.Accept(ReportStatus.Submitted)));
        foreach (var s in new[] { ReportStatus.Draft, ReportStatus.Returned, ReportStatus.Accepted })
            Assert.Equal("Chỉ tiếp nhận được báo cáo đã gửi.", Refusal(ReportState.Accept(s)));
    }

    [Theory]
    [InlineData(ReportStatus.Submitted)]
    [InlineData(ReportStatus.Returned)]
    [InlineData(ReportStatus.Accepted)]
    public void Anything_but_a_draft_is_reopened_with_a_reason_and_goes_back_to_the_agency(ReportStatus from)
    {
        var ok = Assert.IsType<ReportTransition.Ok>(ReportState.Reopen(from, " Sai số liệu đầu tư "));
        Assert.Equal((ReportStatus.Returned, "Sai số liệu đầu tư"), (ok.To, ok.Comment));
        Assert.Equal("Mở lại kỳ báo cáo cần ghi lý do.", Refusal(ReportState.Reopen(from, "")));
    }

    [Fact]
    public void A_draft_needs_no_reopening()
    {
        Assert.Equal("Báo cáo đang là bản nháp; không cần mở lại.", Refusal(ReportState.Reopen(ReportStatus.Draft, "lý do")));
        Assert.Equal("Báo cáo đang là bản nháp; không cần mở lại.", Refusal(ReportState.Reopen(ReportStatus.Draft, null)));
    }

    [Fact]
    public void A_comment_over_4000_characters_is_refused_before_anything_else()
    {
        var tooLong = new string('x', ReportState.MaxCommentLength + 1);
        Assert.Equal("Ý kiến dài quá 4.000 ký tự.", Refusal(ReportState.Return(ReportStatus.Draft, tooLong)));
        Assert.Equal("Ý kiến dài quá 4.000 ký tự.", Refusal(ReportState.Reopen(ReportStatus.Draft, tooLong)));
        Assert.IsType<ReportTransition.Ok>(ReportState.Return(ReportStatus.Submitted, new string('x', ReportState.MaxCommentLength)));
    }

    [Theory]
    [InlineData(ReportStatus.Draft)]
    [InlineData(ReportStatus.Submitted)]
    [InlineData(ReportStatus.Returned)]
    public void The_signed_pdf_may_be_attached_until_the_report_is_accepted(ReportStatus status) =>
        Assert.Equal(status, To(ReportState.Attach(status)));

    [Fact]
    public void An_accepted_report_keeps_its_signed_pdf() =>
        Assert.Equal("Báo cáo đã khóa; không thể thay tệp đính kèm.", Refusal(ReportState.Attach(ReportStatus.Accepted)));
}
