using ParHub.Core.Agencies;
using ParHub.Core.Plans;

namespace ParHub.Web.Features.Plans;

/// <summary>One task row as previewed and, after inline fixes, confirmed.</summary>
public sealed class TaskRowInput
{
    // A posted empty field binds as null: an unnumbered row (one that continued a merged cell) has No "".
    public string No { get; set => field = value ?? ""; } = "";
    public string? Group { get; set; }
    public string Content { get; set => field = value ?? ""; } = "";
    public string? Lead { get; set; }
    public string? Cooperating { get; set; }
    public string? Product { get; set; }
    public string? Requirement { get; set; }
    public string? Timeframe { get; set; }
    public string? Parts { get; set; }
    public string? AssignedBy { get; set; }
    public string? Source { get; set; }
    /// <summary>The officer keeps the row without a lead of the directory: stored "chưa giao", listed for the Coordinator.</summary>
    public bool KeepUnassigned { get; set; }
    /// <summary>The officer leaves the row out of the import.</summary>
    public bool Remove { get; set; }
    /// <summary>The row as read from the document (<see cref="ImportedTask"/> JSON), before any fix in the preview.</summary>
    public string? Original { get; set; }
    /// <summary>On re-import: the fields corrected by hand for which the officer picks the document's value.</summary>
    public List<string> TakeDocument { get; set; } = [];

    public ImportedTask Values => new(Content, Lead, Cooperating, Product, Timeframe, Requirement);
}

/// <summary>The plan's header fields as previewed and confirmed.</summary>
public sealed class PlanInput
{
    public string? Number { get; set; }
    public string? DocType { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public PlanKind Kind { get; set; } = PlanKind.Annual;
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public string? SourceFile { get; set; }
    public List<string> Targets { get; set; } = [];
    public string? LegalBases { get; set; }
    /// <summary>The header as read from the document (<see cref="ImportedHeader"/> JSON), before any fix in the preview.</summary>
    public string? Original { get; set; }
    /// <summary>On re-import: the header fields corrected by hand for which the officer picks the document's value.</summary>
    public List<string> TakeDocument { get; set; } = [];
    /// <summary>Rows of the document's task table that were not read ("dòng 12: … — reason"): shown, never stored.</summary>
    public List<string> Unread { get; set; } = [];
}

/// <summary>
/// On re-import, what the document does to the stored task(s) a row matches: per field, the document's change, the
/// hand correction kept, or both (the officer picks).
/// </summary>
public sealed record TaskMerge(int TaskId, int Occurrences, IReadOnlyList<FieldMerge> Fields)
{
    public IEnumerable<FieldMerge> Changes => Fields.Where(f => f.Outcome != MergeOutcome.Same);

    public bool TakesDocument(TaskRowInput row, string field) =>
        Fields.Single(f => f.Field == field).TakesDocument(row.TakeDocument.Contains(field));
}

/// <summary>A stored task the document no longer has: removed, or kept because it was reported on.</summary>
public sealed record RemovedTask(int TaskId, string No, string Content, string? Occurrence, bool Kept);

/// <summary>What a row would become, with every problem a person should look at.</summary>
public sealed record RowCheck(TaskRowInput Row, Timeframe Timeframe, IReadOnlyList<ResolvedName> Lead,
    IReadOnlyList<ResolvedName> Cooperating, IReadOnlyList<string> Flags)
{
    /// <summary>The dues of recurring work within the plan's period, each stored as a task of its own.</summary>
    public IReadOnlyList<Occurrence> Occurrences { get; init; } = [];
    /// <summary>On re-import: the stored task the row updates, with the merge of each field; null for a new task.</summary>
    public TaskMerge? Merge { get; init; }
    /// <summary>The stored lead stays (a hand correction kept): the document's lead does not matter.</summary>
    public bool KeepsStoredLead => Merge is { } m && !m.TakesDocument(Row, "Lead");
    public bool LeadFlagged => Lead.Count == 0 || Lead.Any(l => l.Kind == ResolvedKind.Unresolved);
    public bool CooperatingFlagged => Cooperating.Any(c => c.Kind == ResolvedKind.Unresolved);
    public bool TimeframeFlagged => Timeframe.Kind == TimeframeKind.Unknown;
    /// <summary>Nobody of the directory would lead it: confirmed only when fixed, removed, or kept "chưa giao" on purpose.</summary>
    public bool Blocking => LeadFlagged && !Row.KeepUnassigned && !KeepsStoredLead;
}

public sealed record ImportPreview(PlanInput Plan, IReadOnlyList<RowCheck> Rows, IReadOnlyList<string> Errors, int? ExistingPlanId)
{
    /// <summary>On re-import: the header fields the document or a hand correction changed.</summary>
    public IReadOnlyList<FieldMerge> HeaderMerges { get; init; } = [];
    /// <summary>On re-import: stored tasks the document no longer has.</summary>
    public IReadOnlyList<RemovedTask> Removed { get; init; } = [];
    public int Added => ExistingPlanId is null ? 0 : Rows.Count(r => r.Merge is null);
    public int Changed => Rows.Count(r => r.Merge is { } m && m.Changes.Any());
    public int Conflicts => Rows.Sum(r => r.Merge?.Fields.Count(f => f.Outcome == MergeOutcome.Conflict) ?? 0)
        + HeaderMerges.Count(f => f.Outcome == MergeOutcome.Conflict);

    public int Flagged => Rows.Count(r => r.Flags.Count > 0);
    public int Blocked => Rows.Count(r => r.Blocking);
    public bool CanApply => Errors.Count == 0 && Rows.Count > 0 && Blocked == 0;

    /// <summary>Why Confirm is refused while rows have no lead of the directory, naming their numbers and lines.</summary>
    public string? BlockedMessage => Blocked == 0 ? null
        : $"Còn {Blocked} dòng chưa có cơ quan chủ trì trong danh mục ("
            + string.Join(", ", Rows.Where(r => r.Blocking).Take(8).Select(r => $"{(r.Row.No.Length > 0 ? r.Row.No : "không số")} – {r.Row.Source}"))
            + (Blocked > 8 ? ", …" : "")
            + "): sửa cơ quan chủ trì, bỏ dòng, hoặc đánh dấu “Giữ chưa giao” rồi bấm “Kiểm tra lại”.";
}

public sealed record ImportResult(int PlanId, bool Created, int TasksAdded, int TasksUpdated, int TasksRemoved, int Flagged);
