using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.ParIndex;

/// <summary>An assessment's rules: edit and submit a draft, appraise in two rounds, explain, bonus and penalty points.</summary>
public class AssessmentFlowTests
{
    private static readonly DateOnly Due = new(2026, 12, 15);
    private static readonly DateOnly Open = Due.AddDays(-1);
    private static readonly DateTime Now = new(2026, 12, 14, 2, 0, 0, DateTimeKind.Utc);

    private static (Assessment A, AssessmentCycle C) Make(AssessmentStatus status = AssessmentStatus.Draft, bool published = false)
    {
        var c = new AssessmentCycle { Id = 1, SelfAssessmentDue = Due, PublishedAt = published ? Now : null };
        var a = new Assessment
        {
            Id = 7, CycleId = 1, AgencyId = 3, Status = status, Version = 1,
            Scores =
            [
                new AssessmentScore { Code = "1.1", SelfPoints = 2 },
                new AssessmentScore { Code = "1.2", SelfPoints = 1, NoEvidenceNote = "Theo báo cáo năm" },
                new AssessmentScore { Code = "1.3", Exempt = true },
                new AssessmentScore { Code = "3.2", SelfPoints = 8, Explanation = "Lỗi đồng bộ" },
            ],
        };
        return (a, c);
    }

    private static AssessmentFlow Flow(AssessmentStatus status = AssessmentStatus.Draft, bool published = false)
    {
        var (a, c) = Make(status, published);
        return new AssessmentFlow(a, c);
    }

    [Fact]
    public void A_draft_is_edited_while_the_window_is_open()
    {
        Assert.True(Flow().Edit(Open).IsOk);
        Assert.True(Flow().Edit(Due).IsOk);
        Assert.True(Flow().CanBeEdited(Due));
        Assert.Equal("Bản tự đánh giá đã gửi và được khóa.", Flow(AssessmentStatus.Submitted).Edit(Open).Refusal);
        Assert.False(Flow(AssessmentStatus.Submitted).CanBeEdited(Open));
        var late = Flow().Edit(Due.AddDays(1));
        Assert.StartsWith("Đã hết hạn tự đánh giá (ngày 15", late.Refusal);
        Assert.EndsWith("đề nghị Sở Nội vụ gia hạn nếu cần.", late.Refusal);
        Assert.False(Flow().CanBeEdited(Due.AddDays(1)));
        Assert.False(Flow(published: true).CanBeEdited(Open));
    }

    [Fact]
    public void Submitting_locks_the_draft()
    {
        var flow = Flow();
        Assert.True(flow.Submit(Open, [], [], Now).IsOk);
        Assert.Equal((AssessmentStatus.Submitted, Now), (flow.Assessment.Status, flow.Assessment.SubmittedAt!.Value));
        Assert.Equal("Bản tự đánh giá đã gửi và được khóa.", flow.Submit(Open, [], [], Now).Refusal);
        Assert.Equal("Bản tự đánh giá đã gửi và được khóa.", flow.Edit(Open).Refusal);
    }

    [Fact]
    public void Submitting_is_refused_with_missing_inputs_without_evidence_or_after_the_deadline()
    {
        var flow = Flow();
        Assert.Equal("Chưa thể gửi: chưa nhập số liệu các tiêu chí 1.1, 2.2 (hoặc đánh dấu không áp dụng).",
            flow.Submit(Open, ["1.1", "2.2"], ["1.2"], Now).Refusal);
        Assert.Equal("Chưa thể gửi: các tiêu chí 1.1 chưa có tài liệu kiểm chứng hoặc giải thích cách chấm.",
            flow.Submit(Open, [], ["1.1"], Now).Refusal);
        Assert.StartsWith("Đã hết hạn tự đánh giá", flow.Submit(Due.AddDays(1), [], [], Now).Refusal);
        Assert.Equal(AssessmentStatus.Draft, flow.Assessment.Status);
        Assert.Null(flow.Assessment.SubmittedAt);
    }

    [Fact]
    public void Criteria_without_evidence_or_a_note_are_unexplained_unless_exempt()
    {
        var flow = Flow();
        var selfAssessed = new HashSet<string> { "1.1", "1.2", "1.3", "3.2" };
        Assert.Equal(["1.1", "3.2"], flow.Unexplained(selfAssessed, new HashSet<string>()));
        Assert.Equal(["3.2"], flow.Unexplained(selfAssessed, new HashSet<string> { "1.1" }));
        Assert.Empty(flow.Unexplained(new HashSet<string> { "1.2", "1.3" }, new HashSet<string>()));
    }

    [Fact]
    public void Only_a_submitted_unpublished_assessment_is_appraised()
    {
        Assert.True(Flow(AssessmentStatus.Submitted).Appraisable().IsOk);
        Assert.Equal("Chỉ thẩm định bản tự đánh giá đã gửi.", Flow().Appraisable().Refusal);
        Assert.Equal("Chỉ thẩm định bản tự đánh giá đã gửi.", Flow().Appraise("1.1", 2, "1", "x", 1).Refusal);
        Assert.Equal("Kết quả đã công bố; không sửa điểm được nữa.",
            Flow(AssessmentStatus.Submitted, published: true).Appraisable().Refusal);
        Assert.Equal("Kết quả đã công bố; không sửa điểm được nữa.",
            Flow(AssessmentStatus.Submitted, published: true).Appraise("1.1", 2, "1", "x", 1).Refusal);
    }

    [Fact]
    public void The_first_appraisal_keeps_the_self_assessed_points_beside_it()
    {
        var flow = Flow(AssessmentStatus.Submitted);
        var checkedOne = flow.Appraise("1.1", 2, "1,5", "  Thiếu một văn bản  ", 1);
        Assert.True(checkedOne.IsOk);
        Assert.Null(flow.Assessment.Scores[0].AppraisedPoints); // nothing changes before it is recorded
        Assert.Equal(2m, AssessmentFlow.Record(checkedOne.Value!, "thamdinh"));
        var row = flow.Assessment.Scores[0];
        Assert.Equal((2m, 1.5m, "Thiếu một văn bản", "thamdinh"),
            (row.SelfPoints!.Value, row.AppraisedPoints!.Value, row.AppraisalReason, row.AppraisedBy));
        Assert.Equal(1.5m, row.FinalAppraised);
        // Appraised again in round 1: the previous appraisal is what it replaces.
        Assert.Equal(1.5m, AssessmentFlow.Record(flow.Appraise("1.1", 2, "2", "Bổ sung đủ", 1).Value!, "thamdinh"));
    }

    [Fact]
    public void The_second_appraisal_follows_an_explanation_and_becomes_final()
    {
        var flow = Flow(AssessmentStatus.Submitted);
        AssessmentFlow.Record(flow.Appraise("3.2", 10, "6", "Chỉ đạt 96%", 1).Value!, "thamdinh");
        var second = flow.Appraise("3.2", 10, "7", "Chấp nhận một phần", 2);
        Assert.True(second.IsOk);
        Assert.Equal(6m, AssessmentFlow.Record(second.Value!, "thamdinh2"));
        var row = flow.Assessment.Scores[3];
        Assert.Equal((6m, 7m, "Chấp nhận một phần", "thamdinh2"),
            (row.AppraisedPoints!.Value, row.SecondPoints!.Value, row.SecondReason, row.SecondBy));
        Assert.Equal(7m, row.FinalAppraised);
        Assert.Equal("Tiêu chí 3.2 đã thẩm định lần 2; sửa ở lần 2.", flow.Appraise("3.2", 10, "5", "x", 1).Refusal);
        Assert.True(flow.Appraise("3.2", 10, "8", "Sửa lần 2", 2).IsOk);
    }

    [Theory]
    [InlineData("1.1", "3", "x", 1, "Điểm thẩm định của tiêu chí 1.1 phải là số từ 0 đến 2.")]
    [InlineData("1.1", "-1", "x", 1, "Điểm thẩm định của tiêu chí 1.1 phải là số từ 0 đến 2.")]
    [InlineData("1.1", "hai", "x", 1, "Điểm thẩm định của tiêu chí 1.1 phải là số từ 0 đến 2.")]
    [InlineData("1.1", "1", null, 1, "Thẩm định thay đổi điểm cần ghi lý do (tiêu chí 1.1).")]
    [InlineData("1.1", "1", "  ", 1, "Thẩm định thay đổi điểm cần ghi lý do (tiêu chí 1.1).")]
    [InlineData("9.9", "1", "x", 1, "Tiêu chí 9.9 chưa được tự đánh giá.")]
    [InlineData("1.1", "1", "x", 2, "Thẩm định lần 2 chỉ dành cho tiêu chí đã có giải trình của cơ quan; tiêu chí 1.1 chưa có.")]
    public void An_appraisal_is_refused_out_of_range_without_a_reason_or_out_of_turn(string code, string points, string? reason, int round, string refusal)
    {
        var flow = Flow(AssessmentStatus.Submitted);
        Assert.Equal(refusal, flow.Appraise(code, 2, points, reason, round).Refusal);
    }

    [Fact]
    public void An_appraisal_reason_is_at_most_2000_characters()
    {
        var flow = Flow(AssessmentStatus.Submitted);
        Assert.True(flow.Appraise("1.1", 2, "1", new string('a', 2000), 1).IsOk);
        Assert.Equal("Lý do thẩm định tiêu chí 1.1 không quá 2.000 ký tự.", flow.Appraise("1.1", 2, "1", new string('a', 2001), 1).Refusal);
    }

    [Fact]
    public void Appraised_points_are_accepted_exactly_within_zero_and_the_max() =>
        Prop.ForAll(Gen.Choose(-50, 150).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (points, max) =>
        {
            var outcome = Flow(AssessmentStatus.Submitted).Appraise("1.1", max, points.ToString(System.Globalization.CultureInfo.InvariantCulture), "x", 1);
            return outcome.IsOk == (points >= 0 && points <= max) && (!outcome.IsOk || outcome.Value!.Points == points);
        }).CheckReplayable();

    [Fact]
    public void The_agency_explains_a_submitted_assessment_before_publication()
    {
        var flow = Flow(AssessmentStatus.Submitted);
        Assert.True(flow.CanBeExplained);
        Assert.True(flow.Explain("1.1", "  Đã có văn bản xác nhận.  ").IsOk);
        Assert.Equal("Đã có văn bản xác nhận.", flow.Assessment.Scores[0].Explanation);
        Assert.True(flow.Explain("1.2", new string('x', 5000)).IsOk);
        Assert.Equal(4000, flow.Assessment.Scores[1].Explanation!.Length);
    }

    [Fact]
    public void An_explanation_is_refused_empty_for_an_unknown_criterion_for_a_draft_or_after_publication()
    {
        Assert.Equal("Nội dung giải trình không được để trống.", Flow(AssessmentStatus.Submitted).Explain("1.1", " ").Refusal);
        Assert.Equal("Không có tiêu chí 9.9.", Flow(AssessmentStatus.Submitted).Explain("9.9", "x").Refusal);
        Assert.False(Flow().CanBeExplained);
        Assert.False(Flow(AssessmentStatus.Submitted, published: true).CanBeExplained);
        Assert.NotNull(Flow().Explain("1.1", "x").Refusal);
        Assert.NotNull(Flow(AssessmentStatus.Submitted, published: true).Explain("1.1", "x").Refusal);
    }

    [Fact]
    public void Bonus_and_penalty_points_are_set_with_their_basis()
    {
        var flow = Flow(AssessmentStatus.Submitted);
        Assert.True(flow.SetBonusPenalty("9", "1,5", "Mô hình được công nhận").IsOk);
        Assert.Equal((9m, 1.5m), (flow.Assessment.Bonus, flow.Assessment.Penalty));
        Assert.True(flow.SetBonusPenalty("", null, "Bỏ điểm thưởng").IsOk); // blank is 0
        Assert.Equal((0m, 0m), (flow.Assessment.Bonus, flow.Assessment.Penalty));
    }

    [Theory]
    [InlineData("1001", "0", "x", "Điểm thưởng phải là số từ 0 đến 1000.")]
    [InlineData("-1", "0", "x", "Điểm thưởng phải là số từ 0 đến 1000.")]
    [InlineData("1", "nhiều", "x", "Điểm trừ phải là số từ 0 đến 1000.")]
    [InlineData("1", "0", " ", "Điểm thưởng, điểm trừ cần ghi căn cứ.")]
    public void Bonus_and_penalty_points_are_refused_out_of_range_or_without_a_basis(string bonus, string penalty, string reason, string refusal)
    {
        var flow = Flow(AssessmentStatus.Submitted);
        Assert.Equal(refusal, flow.SetBonusPenalty(bonus, penalty, reason).Refusal);
        Assert.Equal((0m, 0m), (flow.Assessment.Bonus, flow.Assessment.Penalty));
    }

    [Fact]
    public void Bonus_and_penalty_points_are_refused_after_publication() =>
        Assert.Equal("Kết quả đã công bố; không sửa điểm được nữa.",
            Flow(AssessmentStatus.Submitted, published: true).SetBonusPenalty("1", "0", "x").Refusal);
}
