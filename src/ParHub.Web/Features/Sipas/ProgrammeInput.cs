namespace ParHub.Web.Features.Sipas;

/// <summary>A new survey programme as the Coordinator types it.</summary>
public sealed class ProgrammeInput
{
    public int Year { get; set; }
    public string? Title { get; set; }
    public string? Methodology { get; set; }
    public DateOnly? FieldworkFrom { get; set; }
    public DateOnly? FieldworkTo { get; set; }
    /// <summary>Margin of error in percent, as typed in Vietnamese notation ("5", "2,5").</summary>
    public string? MarginPercent { get; set; } = "5";
    /// <summary>Confidence z as typed ("1,96").</summary>
    public string? Confidence { get; set; } = "1,96";
    public int MinResponses { get; set; } = Core.Sipas.SurveyDefaults.MinResponses;
    public int? ParCycleId { get; set; }
    /// <summary>The target satisfaction of a component, in percent as typed ("95"); below it a component is weak.</summary>
    public string? TargetPercent { get; set; } = "95";
    public List<int> GroupIds { get; set; } = [];
}
