namespace ParHub.Core.Plans;

public enum PlanKind { Annual, Phase, Thematic, Improvement }

/// <summary>A plan (kế hoạch): an annual CCHC plan, a multi-year phase, a thematic or an improvement plan.</summary>
public class Plan
{
    public int Id { get; set; }
    public PlanKind Kind { get; set; }
    /// <summary>"3538/QĐ-UBND".</summary>
    public string? Number { get; set; }
    /// <summary>The document type code: QĐ, KH, …</summary>
    public string? DocType { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public int Year { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public string Title { get; set; } = "";
    public string? LegalBases { get; set; }
    public string? Purposes { get; set; }
    public string? SourceFile { get; set; }
    /// <summary>The header fields as the last import read them from the document (JSON), for the next import's merge.</summary>
    public string? Imported { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<PlanTarget> Targets { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
}

/// <summary>A target (chỉ tiêu) of a plan.</summary>
public class PlanTarget
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Text { get; set; } = "";
    public string? Metric { get; set; }
    public string? Comparator { get; set; }
    public decimal? Threshold { get; set; }
    public string? Unit { get; set; }
    public string? Period { get; set; }
    public int? ResponsibleAgencyId { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The figure ParHub measures the target by (<see cref="TargetMetrics"/>); null: "chưa đo được".</summary>
    public string? MetricKey { get; set; }
}

public enum TaskProgress { NotStarted, InProgress, Done }

public enum AssignmentRole { Lead, Cooperating }

/// <summary>
/// A task (nhiệm vụ): from a plan's table, or standalone — assigned by the Government, the Prime Minister or the
/// province's leaders with the assigning document's reference. The time frame keeps its original text and its parsed
/// meaning; a moved deadline keeps the original in <see cref="Due"/> and the current one in <see cref="CurrentDue"/>.
/// </summary>
public class PlanTask
{
    public int Id { get; set; }
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>The number as written: "8", "8a".</summary>
    public string No { get; set; } = "";
    public int SortOrder { get; set; }
    public string? Group { get; set; }
    public string? ReformArea { get; set; }
    public string Content { get; set; } = "";
    public string? Product { get; set; }
    /// <summary>What the task must reach, where the plan says it ("Yêu cầu" of an improvement plan).</summary>
    public string? Requirement { get; set; }
    public string? LeadText { get; set; }
    public string? CooperatingText { get; set; }
    /// <summary>Sub-rows "a)", "b)" as written, one per line.</summary>
    public string? Parts { get; set; }
    public string? TimeframeText { get; set; }
    public TimeframeKind TimeframeKind { get; set; }
    public Recurrence? Recurrence { get; set; }
    public DateOnly? Start { get; set; }
    /// <summary>The deadline as the plan set it.</summary>
    public DateOnly? Due { get; set; }
    /// <summary>The deadline in force (moved by a Coordinator with a reason), else the original.</summary>
    public DateOnly? CurrentDue { get; set; }
    /// <summary>"Văn bản giao": the document that assigned a standalone task.</summary>
    public string? AssignedBy { get; set; }
    /// <summary>Where the task came from: "dòng 351".</summary>
    public string? Source { get; set; }
    /// <summary>Which due of recurring work this task is ("Quý II/2025"); null for work done once.</summary>
    public string? Occurrence { get; set; }
    /// <summary>The fields as the last import read them from the document (<see cref="ImportedTask"/> as JSON), for the next import's merge.</summary>
    public string? Imported { get; set; }
    public TaskProgress Progress { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? ProductNumber { get; set; }
    public string? LastNote { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: two people updating one task never lose an update.</summary>
    public int Version { get; set; }
    public List<TaskAssignment> Assignments { get; set; } = [];

    public DateOnly? EffectiveDue => CurrentDue ?? Due;

    /// <summary>The deadline in force, or 31/12/9999 when there is none: the board's sort key, indexed.</summary>
    public DateOnly SortDue { get; set; } = NoDue;

    public static readonly DateOnly NoDue = new(9999, 12, 31);

    /// <summary>Keeps <see cref="SortDue"/> in step with the deadlines; called whenever they change.</summary>
    public void RefreshSortDue() => SortDue = EffectiveDue ?? NoDue;

    /// <summary>
    /// The deadline fields from a time frame as written (<paramref name="text"/>) and read (<paramref name="timeframe"/>),
    /// or from one due of recurring work; a new deadline drops one a Coordinator had moved.
    /// </summary>
    public void SetTimeframe(string? text, Timeframe timeframe, Occurrence? occurrence = null)
    {
        var due = occurrence?.Due ?? timeframe.Due;
        TimeframeText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        TimeframeKind = timeframe.Kind;
        Recurrence = timeframe.Recurrence;
        Occurrence = occurrence?.Label;
        Start = occurrence?.Start ?? timeframe.Start;
        if (Due != due) CurrentDue = null;
        Due = due;
        RefreshSortDue();
    }
}

/// <summary>Who leads or cooperates: an agency, a group, or text that did not resolve (flagged).</summary>
public class TaskAssignment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public AssignmentRole Role { get; set; }
    public int? AgencyId { get; set; }
    public int? GroupId { get; set; }
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A progress report or a cooperating agency's contribution.</summary>
public class TaskUpdate
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int? AgencyId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    public bool IsContribution { get; set; }
    public TaskProgress? Progress { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? ProductNumber { get; set; }
    public string? Note { get; set; }
}

/// <summary>A product or evidence file attached to a task update.</summary>
public class TaskFile
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int? UpdateId { get; set; }
    public int? AgencyId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StoredName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>A deadline moved by a Coordinator, with the reason; the original stays on the task.</summary>
public class DeadlineChange
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DateOnly? OldDue { get; set; }
    public DateOnly? NewDue { get; set; }
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
}
