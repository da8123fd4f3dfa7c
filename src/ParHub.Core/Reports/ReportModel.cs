namespace ParHub.Core.Reports;

/// <summary>A stored version of a form; its definition is the JSON of a <see cref="ReportForm"/>.</summary>
public class ReportFormVersion
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string Definition { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// The province's set-up of a regime: which agency groups report under it, with which form, and its period rules
/// (stored as JSON so due dates and cut-offs can be changed without a release).
/// </summary>
public class ReportRegimeSetting
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string FromText { get; set; } = "";
    public string ToText { get; set; } = "";
    /// <summary>Agency group codes whose members report, comma-separated ("SBN,QH,XA").</summary>
    public string ReporterGroups { get; set; } = "";
    public string FormKey { get; set; } = ReportForm.CchcKey;
    public string Rules { get; set; } = "";
    public bool IsActive { get; set; }
    /// <summary>The only year the regime has periods in (a thematic report, báo cáo chuyên đề); null: every year.</summary>
    public int? Year { get; set; }
}

public enum ReportStatus { Draft, Submitted, Returned, Accepted }

/// <summary>One agency's report for one period of a regime.</summary>
public class AgencyReport
{
    public int Id { get; set; }
    public string RegimeKey { get; set; } = "";
    public string PeriodCode { get; set; } = "";
    public int AgencyId { get; set; }
    public int FormId { get; set; }
    public ReportStatus Status { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>What "on time" is measured by (Vietnam local date of the first submission).</summary>
    public DateTime? FirstSubmittedAt { get; set; }
    public DateOnly? FirstSubmittedOn { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? ReviewComment { get; set; }
    public string? SignedFileName { get; set; }
    public string? SignedStoredName { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    /// <summary>Incremented on every change; a save that carries an older one is refused (nobody's update is lost).</summary>
    public int Version { get; set; }
    public List<ReportValueRow> Values { get; set; } = [];
}

public class ReportValueRow
{
    public int ReportId { get; set; }
    public string Code { get; set; } = "";
    public decimal? Value { get; set; }
    public decimal? Denominator { get; set; }
    public string? Text { get; set; }
    public ValueSource Source { get; set; }
    /// <summary>The officer's own reason for overriding ParHub's figure (column <c>Reason</c>); nothing else.</summary>
    public string? OfficerReason { get; set; }
    /// <summary>ParHub's figure for a field it filled in, kept when the officer overrides it (a rate's numerator, or the count).</summary>
    public decimal? PrefilledValue { get; set; }
    /// <summary>ParHub's denominator of a prefilled rate.</summary>
    public decimal? PrefilledDenominator { get; set; }

    /// <summary>
    /// ParHub's figure for a prefilled or overridden field; for a prefilled row stored without it, its own value.
    /// Null when ParHub filled nothing in.
    /// </summary>
    public ParHubFigure? Figure => Source switch
    {
        _ when PrefilledValue is not null || PrefilledDenominator is not null => new(PrefilledValue, PrefilledDenominator),
        ValueSource.Prefilled => new(Value, Denominator),
        _ => null,
    };

    /// <summary>
    /// The reason as shown and exchanged (report page, API, revision history): for an override, the officer's reason with
    /// ParHub's figure beside it ("… [ParHub: 12/30]"), as it was written before the figure had its own columns.
    /// </summary>
    public string? Reason => Source == ValueSource.Overridden ? ParHubFigure.Shown(OfficerReason, Figure) : OfficerReason;

    /// <summary>Stores a value read from the form, with ParHub's figure in its own columns.</summary>
    public void Assign(FieldValue v)
    {
        (Value, Denominator, Text, Source, OfficerReason) = (v.Value, v.Denominator, v.Text, v.Source, v.Reason);
        var figure = v.Prefilled ?? (v.Source == ValueSource.Prefilled ? new ParHubFigure(v.Value, v.Denominator) : null);
        (PrefilledValue, PrefilledDenominator) = (figure?.Value, figure?.Denominator);
    }

    public FieldValue ToValue() => new(Value, Denominator, Text, Source, Reason, Figure);
}

/// <summary>Every saved state of a report: who, when, what happened, and the values at that moment (JSON).</summary>
public class ReportRevision
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int No { get; set; }
    public string Action { get; set; } = "";
    public ReportStatus Status { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
    public string Snapshot { get; set; } = "";
}
