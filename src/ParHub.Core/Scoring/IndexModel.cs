namespace ParHub.Core.Scoring;

/// <summary>A stored framework version: its definition is the JSON of a <see cref="Framework"/>.</summary>
public class IndexFramework
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Who it is for: "SBN" (departments), "XA" (communes), "TINH" (the province against BNV's index).</summary>
    public string TargetGroup { get; set; } = "";
    public bool Illustrative { get; set; }
    public string Definition { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>One year's assessment of an agency group against a framework: self-assessment window, appraisal, publication.</summary>
public class AssessmentCycle
{
    public int Id { get; set; }
    public int FrameworkId { get; set; }
    public int Year { get; set; }
    public string GroupCode { get; set; } = "";
    public DateOnly SelfAssessmentDue { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>The publication decision ("Quyết định số …"): until it is recorded agencies see only their own scores.</summary>
    public string? PublicationDecision { get; set; }
    /// <summary>
    /// The chair of the appraisal council (a login name): when set, the assigned appraisers' scores are proposals, and the
    /// chair (or a Coordinator) decides each criterion's appraised points, the proposals kept beside it.
    /// </summary>
    public string? CouncilChair { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A council member's proposed points for one criterion of one assessment, in a round (the chair reconciles them).</summary>
public class AppraisalProposal
{
    public int AssessmentId { get; set; }
    public string Code { get; set; } = "";
    public string UserName { get; set; } = "";
    public int Round { get; set; }
    public decimal Points { get; set; }
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
}

public enum AssessmentStatus { Draft, Submitted }

public class Assessment
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int AgencyId { get; set; }
    public AssessmentStatus Status { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public decimal Bonus { get; set; }
    public decimal Penalty { get; set; }
    public int Version { get; set; }
    public List<AssessmentScore> Scores { get; set; } = [];
}

/// <summary>
/// One criterion of one agency: its input (JSON of a <see cref="ScoreInput"/>), the self-assessed points, the appraised
/// points with the reason (both kept), the agency's explanation, the note where there is no evidence, an exemption, and
/// the second appraisal after the explanation (which, when there is one, is the final score; the first stays beside it).
/// </summary>
public class AssessmentScore
{
    public int AssessmentId { get; set; }
    public string Code { get; set; } = "";
    public string? Input { get; set; }
    public decimal? SelfPoints { get; set; }
    public decimal? AppraisedPoints { get; set; }
    public string? AppraisalReason { get; set; }
    public string? AppraisedBy { get; set; }
    public string? Explanation { get; set; }
    public string? NoEvidenceNote { get; set; }
    public bool Exempt { get; set; }
    public decimal? SecondPoints { get; set; }
    public string? SecondReason { get; set; }
    public string? SecondBy { get; set; }
    /// <summary>The Coordinator's comment when a criterion of the province's own assessment was returned to its lead; cleared when corrected.</summary>
    public string? ReturnComment { get; set; }
    public string? ReturnedBy { get; set; }

    /// <summary>The appraisers' last word on the criterion: the second appraisal, else the first, else none.</summary>
    public decimal? FinalAppraised => SecondPoints ?? AppraisedPoints;
}

/// <summary>An evidence file of an assessment; one file can serve several criteria (codes, comma-separated).</summary>
public class EvidenceFile
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public string Codes { get; set; } = "";
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public long Length { get; set; }
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>
/// An appraiser's agency in a cycle (a district's communes): an appraiser with scopes appraises only those agencies, in
/// the fields assigned to them (every field when none is).
/// </summary>
public class AppraiserScope
{
    public int CycleId { get; set; }
    public string UserId { get; set; } = "";
    public int AgencyId { get; set; }
}

/// <summary>An appraiser's field in a cycle: appraisers score only the fields they are assigned.</summary>
public class AppraiserAssignment
{
    public int CycleId { get; set; }
    public string UserId { get; set; } = "";
    public string FieldCode { get; set; } = "";
}
