namespace ParHub.Core.Plans;

/// <summary>A plan read from a document, before it is stored: metadata, targets and the task table.</summary>
public sealed record PlanDraft(
    PlanHeader Header, IReadOnlyList<TargetDraft> Targets, IReadOnlyList<TaskDraft> Tasks, IReadOnlyList<string> Warnings);

public sealed record PlanHeader(string? Number, string? Type, string? Issuer, DateOnly? IssuedOn, string? Title, int? Year);

public sealed record TargetDraft(string Text, int Line);

/// <summary>
/// One row of a task table as written: its number ("8", "8a"), the group and reform area it sits under, its cells
/// by role, and where it came from (1-based line or row number). Sub-rows "a)", "b)" are kept as <see cref="Parts"/>.
/// </summary>
public sealed record TaskDraft(
    string No, string? Group, string Content, string Lead, string Cooperating, string Product, string Timeframe,
    string? Note, string? AssignedBy, int Line, IReadOnlyList<TaskDraft> Parts);
