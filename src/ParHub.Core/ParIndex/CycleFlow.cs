using ParHub.Core.Scoring;

namespace ParHub.Core.ParIndex;

/// <summary>
/// The rules of an assessment cycle: the self-assessment window (open until the end of its deadline, unless the
/// results are published), moving the deadline, and publication, after which nothing is scored any more.
/// </summary>
public sealed class CycleFlow(AssessmentCycle cycle)
{
    public AssessmentCycle Cycle => cycle;
    public bool IsPublished => cycle.PublishedAt is not null;

    /// <summary>Whether agencies may still self-assess on <paramref name="today"/> (a date in Vietnam time).</summary>
    public bool IsOpen(DateOnly today) => today <= cycle.SelfAssessmentDue && !IsPublished;

    /// <summary>Scores (appraisals, bonus and penalty points) change only until publication.</summary>
    public Outcome ScoresChangeable() => IsPublished ? Outcome.Refused("Kết quả đã công bố; không sửa điểm được nữa.") : Outcome.Ok;

    /// <summary>Survey results are entered only until publication.</summary>
    public Outcome SurveyChangeable() =>
        IsPublished ? Outcome.Refused("Kết quả đã công bố; không nhập điểm điều tra được nữa.") : Outcome.Ok;

    /// <summary>The Coordinator moves the deadline (an extension or a correction), with a reason, to today or later.</summary>
    public Outcome SetDeadline(DateOnly due, string? reason, DateOnly today)
    {
        if (IsPublished) return Outcome.Refused("Kết quả đã công bố; không đổi hạn tự đánh giá được nữa.");
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Refused("Đổi hạn tự đánh giá cần ghi lý do.");
        if (due < today) return Outcome.Refused("Hạn mới không được ở trong quá khứ.");
        cycle.SelfAssessmentDue = due;
        return Outcome.Ok;
    }

    /// <summary>A publication needs its decision (number and date).</summary>
    public static Outcome CheckDecision(string? decision) =>
        string.IsNullOrWhiteSpace(decision) ? Outcome.Refused("Ghi số, ngày của quyết định công bố kết quả.") : Outcome.Ok;

    /// <summary>
    /// Publishes the results under a decision, once — not while agencies may still submit, nor while an explanation
    /// waits for its second appraisal; and, when some agencies did not submit, only once the Coordinator confirms it
    /// naming them (they are shown "chưa nộp", not ranked).
    /// </summary>
    public Outcome Publish(string? decision, DateTime now, DateOnly today, PublicationState state, bool confirmNotSubmitted)
    {
        if (CheckDecision(decision) is { IsOk: false } refused) return refused;
        if (IsPublished) return Outcome.Refused("Kết quả đã được công bố.");
        if (IsOpen(today) && state.NotSubmitted.Count > 0)
            return Outcome.Refused($"Chưa công bố được: đang trong hạn tự đánh giá (đến hết ngày {cycle.SelfAssessmentDue:dd/MM/yyyy}) "
                + $"và còn {state.NotSubmitted.Count} cơ quan chưa nộp.");
        if (state.AwaitingReappraisal.Count > 0)
            return Outcome.Refused("Chưa công bố được: thẩm định chưa xong — còn giải trình chưa được thẩm định lại ("
                + Names(state.AwaitingReappraisal) + ").");
        if (state.NotSubmitted.Count > 0 && !confirmNotSubmitted)
            return Outcome.Refused($"{state.NotSubmitted.Count} cơ quan chưa nộp bản tự đánh giá: {Names(state.NotSubmitted)}. "
                + "Các cơ quan này được ghi “chưa nộp” và không được xếp hạng; "
                + "đánh dấu “Xác nhận công bố khi còn cơ quan chưa nộp” để công bố.");
        (cycle.PublishedAt, cycle.PublicationDecision) = (now, decision!.Trim());
        return Outcome.Ok;
    }

    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(10)) + (names.Count > 10 ? $" và {names.Count - 10} cơ quan khác" : "");
}

/// <summary>What publication waits for: agencies that did not submit, and explanations not yet appraised again.</summary>
public sealed record PublicationState(IReadOnlyList<string> NotSubmitted, IReadOnlyList<string> AwaitingReappraisal);
