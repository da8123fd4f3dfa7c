namespace ParHub.Core.Reports;

/// <summary>The outcome of a step in a report's life: the status it leads to, or why it is refused (shown as it is).</summary>
public abstract record ReportTransition
{
    private ReportTransition() { }

    /// <summary>The step is allowed and leads to <paramref name="To"/>; <paramref name="Comment"/> is the cleaned comment, if any.</summary>
    public sealed record Ok(ReportStatus To, string? Comment = null) : ReportTransition;

    /// <summary>The step is refused; <paramref name="Message"/> is the Vietnamese reason.</summary>
    public sealed record Refused(string Message) : ReportTransition;
}

/// <summary>
/// The legally meaningful life of an agency's report: draft → submitted (its time decides "on time") → returned with
/// comments, or accepted and locked; a Coordinator may reopen anything that is not a draft. Pure rules: who may take a
/// step (access) and whether the values are complete (<see cref="ReportCheck"/>) are decided elsewhere.
/// </summary>
public static class ReportState
{
    public const int MaxCommentLength = 4000;

    /// <summary>The agency saves its draft: only a draft or a returned report may be changed; the status stays.</summary>
    public static ReportTransition Edit(ReportStatus status) => status switch
    {
        ReportStatus.Accepted => new ReportTransition.Refused("Báo cáo đã được tiếp nhận và khóa; không thể sửa."),
        ReportStatus.Submitted => new ReportTransition.Refused("Báo cáo đã gửi, đang chờ Sở Nội vụ xem xét; không thể sửa."),
        _ => new ReportTransition.Ok(status),
    };

    /// <summary>The agency submits: from a draft or a returned report (the values' completeness is checked apart).</summary>
    public static ReportTransition Submit(ReportStatus status) =>
        Edit(status) is ReportTransition.Refused refused ? refused : new ReportTransition.Ok(ReportStatus.Submitted);

    /// <summary>Sở Nội vụ returns a submitted report, with a comment for the agency to act on.</summary>
    public static ReportTransition Return(ReportStatus status, string? comment)
    {
        if (Clean(comment, out var text) is { } tooLong) return tooLong;
        if (status != ReportStatus.Submitted) return new ReportTransition.Refused("Chỉ trả lại được báo cáo đã gửi và chưa tiếp nhận.");
        if (text is null) return new ReportTransition.Refused("Trả lại báo cáo cần ghi ý kiến để cơ quan sửa.");
        return new ReportTransition.Ok(ReportStatus.Returned, text);
    }

    /// <summary>Sở Nội vụ accepts a submitted report, which locks it.</summary>
    public static ReportTransition Accept(ReportStatus status) => status == ReportStatus.Submitted
        ? new ReportTransition.Ok(ReportStatus.Accepted)
        : new ReportTransition.Refused("Chỉ tiếp nhận được báo cáo đã gửi.");

    /// <summary>A Coordinator reopens a submitted, returned or accepted report for the agency, giving the reason.</summary>
    public static ReportTransition Reopen(ReportStatus status, string? reason)
    {
        if (Clean(reason, out var text) is { } tooLong) return tooLong;
        if (status == ReportStatus.Draft) return new ReportTransition.Refused("Báo cáo đang là bản nháp; không cần mở lại.");
        if (text is null) return new ReportTransition.Refused("Mở lại kỳ báo cáo cần ghi lý do.");
        return new ReportTransition.Ok(ReportStatus.Returned, text);
    }

    /// <summary>The signed PDF may be attached or replaced until the report is accepted; the status stays.</summary>
    public static ReportTransition Attach(ReportStatus status) => status == ReportStatus.Accepted
        ? new ReportTransition.Refused("Báo cáo đã khóa; không thể thay tệp đính kèm.")
        : new ReportTransition.Ok(status);

    /// <summary>A comment trimmed, null when blank; refused past <see cref="MaxCommentLength"/> characters.</summary>
    private static ReportTransition.Refused? Clean(string? comment, out string? text)
    {
        text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        return text is { Length: > MaxCommentLength } ? new ReportTransition.Refused("Ý kiến dài quá 4.000 ký tự.") : null;
    }
}
