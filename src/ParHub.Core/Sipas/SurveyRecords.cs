namespace ParHub.Core.Sipas;

/// <summary>A questionnaire version: its definition as JSON (<see cref="SurveyDefinition"/>); a change between waves is a new version.</summary>
public class SurveyQuestionnaire
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string Definition { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>How a response reached the survey.</summary>
public enum SurveyChannel { Web, Token, Kiosk, Paper, Import, Interview }

/// <summary>Whether a response counts: valid, on hold while it is checked, or rejected with a reason.</summary>
public enum ResponseStatus { Valid, OnHold, Rejected }

/// <summary>
/// One filled-in form: the programme, the questionnaire version it answered, the agency it rates, its channel. The
/// same tables hold every survey's responses; nothing personal is kept (no name, no address, no IP address).
/// </summary>
public class SurveyResponse
{
    public long Id { get; set; }
    public int ProgrammeId { get; set; }
    public int QuestionnaireId { get; set; }
    public int AgencyId { get; set; }
    public SurveyChannel Channel { get; set; }
    /// <summary>An id the client made (a kiosk's queued answer, an import's row): a resend is never counted twice.</summary>
    public string? ClientId { get; set; }
    public ResponseStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateTime SubmittedAt { get; set; }
    /// <summary>The interviewer or operator who entered it, for interviews and paper forms.</summary>
    public string? EnteredBy { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
    /// <summary>The numbered answers in one string (<see cref="SurveyAnswerDigest"/>), written with them.</summary>
    public string Digest { get; set; } = "";
}

/// <summary>One answer: the item's stable code and its value (the level or choice's position from 1), or text.</summary>
public class SurveyAnswer
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public string ItemCode { get; set; } = "";
    public int? Value { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// A single-use invitation to answer for one agency: printed as a slip with its QR code and handed out with the
/// dossier receipt; used once, then refused.
/// </summary>
public class SurveyToken
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int AgencyId { get; set; }
    public string Code { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>
/// One agency's own settings in a programme: its population N (people it served, households), the base of its sample,
/// and its own satisfaction target (seed 002: 90 % for land, construction, investment, health, education). Either may
/// be null (N not known; the programme's <see cref="SurveyProgramme.TargetPercent"/>); a row with neither is removed.
/// </summary>
public class SurveyPopulation
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int AgencyId { get; set; }
    public int? Population { get; set; }
    public decimal? TargetPercent { get; set; }
}
