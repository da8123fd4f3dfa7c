namespace ParHub.Core.Plans;

/// <summary>
/// A plan read from a document, before it is stored: metadata, targets and the task table; <see cref="Unread"/> lists the
/// rows of the task table that carry text but could not be read, for the preview to show with their line.
/// </summary>
public sealed record PlanDraft(
    PlanHeader Header, IReadOnlyList<TargetDraft> Targets, IReadOnlyList<TaskDraft> Tasks, IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<UnreadLine> Unread { get; init; } = [];
}

public sealed record PlanHeader(string? Number, string? Type, string? Issuer, DateOnly? IssuedOn, string? Title, int? Year,
    IReadOnlyList<string>? LegalBases = null)
{
    /// <summary>The period the title states ("giai đoạn 2026 - 2030", "đến năm 2030"), for continuous tasks' bounds.</summary>
    public (DateOnly From, DateOnly To)? StatedPeriod()
    {
        var t = Text.VietnameseText.FoldKeepingPunctuation(Title);
        var range = System.Text.RegularExpressions.Regex.Match(t, @"giai doan\s+([0-9]{4})\s*-\s*([0-9]{4})");
        if (range.Success) return (new DateOnly(int.Parse(range.Groups[1].Value), 1, 1), new DateOnly(int.Parse(range.Groups[2].Value), 12, 31));
        var until = System.Text.RegularExpressions.Regex.Match(t, @"den nam\s+([0-9]{4})");
        if (until.Success && IssuedOn is { } issued) return (issued, new DateOnly(int.Parse(until.Groups[1].Value), 12, 31));
        return null;
    }

    /// <summary>How the plan's deadlines are read: in <paramref name="year"/>, within the period the plan states.</summary>
    public TimeframeContext TimeframeContext(int year) =>
        StatedPeriod() is { } p ? new TimeframeContext(year, p.From, p.To) : new TimeframeContext(year);
}

public sealed record TargetDraft(string Text, int Line);

/// <summary>
/// One row of a task table as written: its number ("8", "8a"), the group and reform area it sits under, its cells
/// by role, and where it came from (1-based line or row number). Sub-rows "a)", "b)" are kept as <see cref="Parts"/>.
/// <see cref="Requirement"/> is what the task must reach where the table says it ("Yêu cầu": "Hoàn thành 100% Kế hoạch").
/// </summary>
public sealed record TaskDraft(
    string No, string? Group, string Content, string Lead, string Cooperating, string Product, string Timeframe,
    string? Note, string? AssignedBy, int Line, IReadOnlyList<TaskDraft> Parts, string Requirement = "")
{
    /// <summary>
    /// The tasks a person tracks from this row: the row itself, or its sub-rows ("8a", "8b") when they name their own
    /// lead — each lead answers for its own part.
    /// </summary>
    public IEnumerable<TaskDraft> Tracked() =>
        Parts.Count > 1 && Parts.Select(p => p.Lead).Where(l => l.Length > 0).Distinct().Count() > 1
            ? Parts.Select(p => p with { Group = p.Group ?? Group })
            : [this];
}
