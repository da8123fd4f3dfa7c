using ParHub.Core.Reports;
using ParHub.Core.Scoring;

namespace ParHub.Core.ParIndex;

/// <summary>One appraisal checked and ready to be recorded: the criterion's row, the points and reason, the round.</summary>
public sealed record AppraisalEntry(AssessmentScore Row, string Code, decimal Points, string Reason, int Round);

/// <summary>
/// The rules of one agency's assessment: a draft is edited while the cycle is open and then submitted (which locks it);
/// a submitted one is appraised (round 1, then round 2 for criteria the agency explained), explained by the agency and
/// given bonus or penalty points, until publication. Methods refuse with the message a person is shown.
/// </summary>
public sealed class AssessmentFlow(Assessment assessment, AssessmentCycle cycle)
{
    public const int MaxReason = 2000;
    public const int MaxExplanation = 4000;

    public Assessment Assessment => assessment;
    public CycleFlow Cycle { get; } = new(cycle);
    public bool IsDraft => assessment.Status == AssessmentStatus.Draft;
    public bool IsSubmitted => assessment.Status == AssessmentStatus.Submitted;

    /// <summary>A draft, while the window is open (the assessors may change it).</summary>
    public bool CanBeEdited(DateOnly today) => IsDraft && Cycle.IsOpen(today);

    /// <summary>Submitted and not yet published (the agency may explain its appraised criteria).</summary>
    public bool CanBeExplained => IsSubmitted && !Cycle.IsPublished;

    /// <summary>Whether the self-assessment may be changed on <paramref name="today"/>.</summary>
    public Outcome Edit(DateOnly today)
    {
        if (!IsDraft) return Outcome.Refused("Bản tự đánh giá đã gửi và được khóa.");
        if (!Cycle.IsOpen(today))
            return Outcome.Refused(
                $"Đã hết hạn tự đánh giá (ngày {cycle.SelfAssessmentDue:dd/MM/yyyy}); đề nghị Sở Nội vụ gia hạn nếu cần.");
        return Outcome.Ok;
    }

    /// <summary>The self-assessed criteria with neither evidence nor a note on how they were scored.</summary>
    public IReadOnlyList<string> Unexplained(IReadOnlySet<string> selfAssessed, IReadOnlySet<string> covered) =>
        assessment.Scores.Where(s => selfAssessed.Contains(s.Code) && !s.Exempt && !covered.Contains(s.Code) && s.NoEvidenceNote is null)
            .Select(s => s.Code).ToList();

    /// <summary>
    /// Submits the draft: every criterion has an input (or is exempt) and evidence or a note; the assessment is locked.
    /// </summary>
    public Outcome Submit(DateOnly today, IReadOnlyCollection<string> missing, IReadOnlyCollection<string> unexplained, DateTime now)
    {
        if (Edit(today) is { IsOk: false } refused) return refused;
        if (Returned.Count > 0)
            return Outcome.Refused($"Chưa thể gửi: các tiêu chí {string.Join(", ", Returned)} đã trả lại cơ quan chủ trì và chưa được sửa.");
        if (missing.Count > 0)
            return Outcome.Refused(
                $"Chưa thể gửi: chưa nhập số liệu các tiêu chí {string.Join(", ", missing)} (hoặc đánh dấu không áp dụng).");
        if (unexplained.Count > 0)
            return Outcome.Refused(
                $"Chưa thể gửi: các tiêu chí {string.Join(", ", unexplained)} chưa có tài liệu kiểm chứng hoặc giải thích cách chấm.");
        (assessment.Status, assessment.SubmittedAt) = (AssessmentStatus.Submitted, now);
        return Outcome.Ok;
    }

    /// <summary>The criteria returned to their lead and not yet corrected.</summary>
    public IReadOnlyList<string> Returned => assessment.Scores.Where(s => s.ReturnComment is not null).Select(s => s.Code).ToList();

    /// <summary>
    /// The Coordinator returns a criterion of the draft to its lead with a comment (what to correct), while it may be
    /// edited; the lead's next change of it clears the comment (<see cref="Corrected"/>).
    /// </summary>
    public Outcome Return(string code, string? comment, DateOnly today, string by)
    {
        if (Edit(today) is { IsOk: false } refused) return refused;
        if (string.IsNullOrWhiteSpace(comment)) return Outcome.Refused("Trả lại tiêu chí cần ghi ý kiến: cần sửa gì.");
        if (comment.Trim().Length > MaxReason) return Outcome.Refused("Ý kiến trả lại không quá 2.000 ký tự.");
        var row = assessment.Scores.FirstOrDefault(s => s.Code == code);
        if (row is null || row.Input is null && !row.Exempt && row.NoEvidenceNote is null)
            return Outcome.Refused($"Tiêu chí {code} chưa được chấm; chưa có gì để trả lại.");
        (row.ReturnComment, row.ReturnedBy) = (comment.Trim(), by);
        return Outcome.Ok;
    }

    /// <summary>A returned criterion changed by its lead is corrected: the comment is cleared (the audit keeps it).</summary>
    public static void Corrected(AssessmentScore row) => (row.ReturnComment, row.ReturnedBy) = (null, null);

    /// <summary>Only a submitted assessment is appraised, and only until publication.</summary>
    public Outcome Appraisable()
    {
        if (!IsSubmitted) return Outcome.Refused("Chỉ thẩm định bản tự đánh giá đã gửi.");
        return Cycle.ScoresChangeable();
    }

    /// <summary>
    /// Checks one criterion's appraisal: points within [0, max], a reason, the criterion self-assessed, round 2 only after
    /// the agency's explanation, round 1 no more once round 2 was given. Nothing changes until <see cref="Record"/>.
    /// </summary>
    public Outcome<AppraisalEntry> Appraise(string code, decimal? max, string? pointsText, string? reason, int round)
    {
        if (Appraisable() is { IsOk: false } refused) return Outcome<AppraisalEntry>.Refused(refused.Refusal!);
        if (!VietnameseNumber.TryParse(pointsText, out var points) || points < 0 || points > (max ?? 0))
            return Outcome<AppraisalEntry>.Refused($"Điểm thẩm định của tiêu chí {code} phải là số từ 0 đến {max}.");
        if (string.IsNullOrWhiteSpace(reason))
            return Outcome<AppraisalEntry>.Refused($"Thẩm định thay đổi điểm cần ghi lý do (tiêu chí {code}).");
        if (reason.Trim().Length > MaxReason) return Outcome<AppraisalEntry>.Refused($"Lý do thẩm định tiêu chí {code} không quá 2.000 ký tự.");
        var row = assessment.Scores.FirstOrDefault(s => s.Code == code);
        if (row is null) return Outcome<AppraisalEntry>.Refused($"Tiêu chí {code} chưa được tự đánh giá.");
        if (round == 2 && row.Explanation is null)
            return Outcome<AppraisalEntry>.Refused(
                $"Thẩm định lần 2 chỉ dành cho tiêu chí đã có giải trình của cơ quan; tiêu chí {code} chưa có.");
        if (round != 2 && row.SecondPoints is not null)
            return Outcome<AppraisalEntry>.Refused($"Tiêu chí {code} đã thẩm định lần 2; sửa ở lần 2.");
        return Outcome<AppraisalEntry>.Ok(new AppraisalEntry(row, code, points, reason.Trim(), round == 2 ? 2 : 1));
    }

    /// <summary>Records a checked appraisal by <paramref name="by"/>; returns the final points it replaces.</summary>
    public static decimal? Record(AppraisalEntry a, string by)
    {
        var before = a.Row.FinalAppraised ?? a.Row.SelfPoints;
        if (a.Round == 2) (a.Row.SecondPoints, a.Row.SecondReason, a.Row.SecondBy) = (a.Points, a.Reason, by);
        else (a.Row.AppraisedPoints, a.Row.AppraisalReason, a.Row.AppraisedBy) = (a.Points, a.Reason, by);
        return before;
    }

    /// <summary>The agency's explanation (giải trình) of a criterion, after submission and before publication.</summary>
    public Outcome Explain(string code, string? text)
    {
        if (!CanBeExplained) return Outcome.Refused("Chỉ giải trình bản tự đánh giá đã gửi, trước khi công bố kết quả.");
        if (string.IsNullOrWhiteSpace(text)) return Outcome.Refused("Nội dung giải trình không được để trống.");
        var row = assessment.Scores.FirstOrDefault(s => s.Code == code);
        if (row is null) return Outcome.Refused($"Không có tiêu chí {code}.");
        var trimmed = text.Trim();
        row.Explanation = trimmed[..Math.Min(trimmed.Length, MaxExplanation)];
        return Outcome.Ok;
    }

    /// <summary>Bonus and penalty points (0 to <see cref="ScoringEngine.MaxBonus"/>, blank is 0) with their basis, until publication.</summary>
    public Outcome SetBonusPenalty(string? bonusText, string? penaltyText, string? reason)
    {
        if (Cycle.ScoresChangeable() is { IsOk: false } refused) return refused;
        var bonus = Read(bonusText, "thưởng");
        if (!bonus.IsOk) return Outcome.Refused(bonus.Refusal!);
        var penalty = Read(penaltyText, "trừ");
        if (!penalty.IsOk) return Outcome.Refused(penalty.Refusal!);
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Refused("Điểm thưởng, điểm trừ cần ghi căn cứ.");
        (assessment.Bonus, assessment.Penalty) = (bonus.Value, penalty.Value);
        return Outcome.Ok;
    }

    private static Outcome<decimal> Read(string? text, string what) => string.IsNullOrWhiteSpace(text) ? Outcome<decimal>.Ok(0)
        : VietnameseNumber.TryParse(text, out var v) && v >= 0 && v <= ScoringEngine.MaxBonus ? Outcome<decimal>.Ok(v)
        : Outcome<decimal>.Refused($"Điểm {what} phải là số từ 0 đến {ScoringEngine.MaxBonus:0}.");
}
