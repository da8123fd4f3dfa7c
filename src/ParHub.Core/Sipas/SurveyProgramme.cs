namespace ParHub.Core.Sipas;

/// <summary>Where a survey programme stands: planned → collecting → closed → computed → published.</summary>
public enum SurveyState { Planned, Collecting, Closed, Computed, Published }

/// <summary>
/// A year's programme of the satisfaction survey (đợt khảo sát SIPAS): the method it follows, the agency groups it
/// surveys, its fieldwork window, the sampling parameters, the PAR cycle it feeds and the decision that publishes it.
/// </summary>
public class SurveyProgramme
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The method in force: "QĐ 1001/QĐ-BNV".</summary>
    public string Methodology { get; set; } = SurveyDefaults.Methodology;
    public DateOnly FieldworkFrom { get; set; }
    public DateOnly FieldworkTo { get; set; }
    /// <summary>Margin of error e of the sample size, as a fraction (0.05).</summary>
    public decimal MarginOfError { get; set; } = SurveyDefaults.MarginOfError;
    /// <summary>Confidence z (1.96 for 95 %).</summary>
    public decimal Confidence { get; set; } = SurveyDefaults.Confidence;
    /// <summary>Fewest valid responses for an agency's result to be shown ("chưa đủ mẫu" below).</summary>
    public int MinResponses { get; set; } = SurveyDefaults.MinResponses;
    public int? ParCycleId { get; set; }
    /// <summary>The satisfaction an agency's component should reach, in percent (seed 002: 95); below it, it is weak.</summary>
    public decimal TargetPercent { get; set; } = SurveyDefaults.TargetPercent;
    /// <summary>
    /// Which SIPAS figure each survey criterion of the PAR cycle takes, "criterion=target" lines (see <see cref="SipasParFeed"/>);
    /// null until first applied (the default map).
    /// </summary>
    public string? ParMap { get; set; }
    /// <summary>The questionnaire version it collects with (cloned from the preset when the programme is planned).</summary>
    public int? QuestionnaireId { get; set; }
    public SurveyState State { get; set; }
    /// <summary>The publishing decision (number and date), set on publication.</summary>
    public string? Decision { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Optimistic concurrency: two people moving one programme never both win.</summary>
    public int Version { get; set; }
    public List<SurveyProgrammeGroup> Groups { get; set; } = [];
}

/// <summary>An agency group a programme surveys.</summary>
public class SurveyProgrammeGroup
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int GroupId { get; set; }
}

public static class SurveyDefaults
{
    public const string Methodology = "QĐ 1001/QĐ-BNV";
    public const decimal MarginOfError = 0.05m;
    public const decimal Confidence = 1.96m;
    public const int MinResponses = 30;
    public const decimal TargetPercent = 95m;
}
