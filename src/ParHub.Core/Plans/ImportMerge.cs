using ParHub.Core.Text;

namespace ParHub.Core.Plans;

/// <summary>What re-importing a document does to one field of a stored task (or of the plan).</summary>
public enum MergeOutcome
{
    /// <summary>The stored value is what the document says: nothing to do.</summary>
    Same,
    /// <summary>The document changed the field and nobody corrected it by hand: the document's value is taken.</summary>
    FromDocument,
    /// <summary>Corrected by hand since the last import, the document unchanged: the correction stays.</summary>
    KeptCorrection,
    /// <summary>Corrected by hand and changed in the document too: the correction stays unless the officer picks the document.</summary>
    Conflict,
}

/// <summary>
/// One field on re-import: <see cref="Imported"/> is what the last import read from the document, <see cref="Current"/>
/// what is stored now, <see cref="Incoming"/> what the document (as confirmed in the preview) says now.
/// </summary>
public sealed record FieldMerge(string Field, string? Imported, string? Current, string? Incoming, MergeOutcome Outcome)
{
    /// <summary>A correction made by hand is at stake: the officer may pick the document's value instead.</summary>
    public bool Pickable => Outcome is MergeOutcome.KeptCorrection or MergeOutcome.Conflict;

    /// <summary>The value to store: the document's only where nobody corrected it, or where the officer picked it.</summary>
    public string? Result(bool takeDocument) => Outcome switch
    {
        MergeOutcome.FromDocument => Incoming,
        MergeOutcome.KeptCorrection or MergeOutcome.Conflict when takeDocument => Incoming,
        _ => Current,
    };

    public bool TakesDocument(bool takeDocument) => Outcome == MergeOutcome.FromDocument || (Pickable && takeDocument);
}

/// <summary>
/// The three-way rule of re-import: a value corrected by hand since the last import is never overwritten unless the
/// officer picks the document's value. A task stored before its imported values were kept has no known import: every
/// difference is then treated as a possible correction.
/// </summary>
public static class ImportMerge
{
    public static FieldMerge Decide(string field, string? imported, string? current, string? incoming, bool importKnown = true)
    {
        MergeOutcome outcome;
        if (Same(current, incoming)) outcome = MergeOutcome.Same;
        else if (!importKnown) outcome = MergeOutcome.Conflict;
        else if (Same(current, imported)) outcome = MergeOutcome.FromDocument;
        else outcome = Same(incoming, imported) ? MergeOutcome.KeptCorrection : MergeOutcome.Conflict;
        return new FieldMerge(field, imported, current, incoming, outcome);
    }

    /// <summary>Values compare as people read them: spacing and blank-versus-missing do not count.</summary>
    public static bool Same(string? a, string? b) => Norm(a) == Norm(b);

    private static string Norm(string? s) => s is null ? "" : VietnameseText.CollapseWhitespace(s).Trim();
}
