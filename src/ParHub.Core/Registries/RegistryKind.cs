namespace ParHub.Core.Registries;

/// <summary>What a registry column holds, and so how it is typed, checked, stored and shown.</summary>
public enum ColumnType
{
    /// <summary>One line of text.</summary>
    Text,
    /// <summary>Several lines of text.</summary>
    LongText,
    /// <summary>A date, typed dd/mm/yyyy, stored yyyy-mm-dd.</summary>
    Date,
    /// <summary>A whole number from 0 to the column's maximum.</summary>
    Count,
    /// <summary>An amount in millions of đồng, decimals allowed, from 0 to the column's maximum.</summary>
    Money,
    /// <summary>One of the column's choices, stored by its code.</summary>
    Choice,
    /// <summary>Yes or no, stored "1" / "0".</summary>
    YesNo,
    /// <summary>An agency of the directory, typed by code or name, stored by id.</summary>
    Agency,
    /// <summary>A plan tracked on ParHub, typed and stored by its number on ParHub (checked to exist when saved).</summary>
    Plan,
    /// <summary>A task tracked on ParHub, typed and stored by its number on ParHub (checked to exist when saved).</summary>
    Task,
}

/// <summary>One choice of a <see cref="ColumnType.Choice"/> column: a stable code (used by measures) and its Vietnamese title.</summary>
public sealed record Choice(string Code, string Title);

/// <summary>A column of a registry. Counts and money run from 0 to <see cref="Max"/>; text is at most <see cref="MaxLength"/> characters.</summary>
public sealed record RegistryColumn(string Key, string Title, ColumnType Type, bool Required = false, decimal Max = 1_000_000,
    IReadOnlyList<Choice>? Choices = null, int MaxLength = 300, string? Hint = null)
{
    public bool IsNumeric => Type is ColumnType.Count or ColumnType.Money;

    public Choice? ChoiceOf(string? code) => Choices?.FirstOrDefault(c => c.Code == code);
}

/// <summary>An entry check between two numeric columns: <c>Left ≤ Right</c> (both given), with the message shown as it is.</summary>
public sealed record RegistryRule(string Left, string Right, string Message);

/// <summary>
/// What every agency owes a registry each year: at least <see cref="PerYear"/> entries, dated on or before
/// <see cref="DueMonth"/>/<see cref="DueDay"/> when a deadline is set (seed 000: the agencies' own CCHC plans before 15 January,
/// budget proposals before 20 January).
/// </summary>
public sealed record Expectation(int PerYear, string Text, int? DueMonth = null, int? DueDay = null)
{
    public DateOnly? Due(int year) => DueMonth is { } m && DueDay is { } d ? new DateOnly(year, m, d) : null;
}

/// <summary>
/// What an entry may give rise to as tasks: an inspection's findings to remedy, a dialogue's requests to settle. Each is
/// a task of the entry's <see cref="RegistryKind.Subject"/> agency (or, without one, of the agency that recorded it), due
/// on the date given, not before <see cref="After"/> (a date column; null: the entry's own date).
/// </summary>
public sealed record FollowUp(string Title, string Item, string TaskSource, string ContentPrefix, string? After = null);

/// <summary>
/// A registry (sổ theo dõi): a list of one kind of the reform's records, each entry belonging to an agency and dated
/// (<see cref="DateTitle"/> says what the date is), with the kind's own columns. <see cref="Subject"/> names the agency column
/// an entry is about when it is not the agency that records it (the inspected agency of an inspection): that agency reads
/// the entry too. <see cref="StockBy"/> marks a stock (headcount, job positions) rather than a flow: a period's figure is the
/// latest entry per value of that column, not the sum.
/// </summary>
public sealed record RegistryKind(string Code, string Title, string Singular, string Field, string DateTitle, IReadOnlyList<RegistryColumn> Columns,
    string Description, IReadOnlyList<RegistryRule>? Rules = null, Expectation? Expected = null, string? Subject = null, string? StockBy = null,
    bool ProvinceOnly = false, FollowUp? FollowUps = null)
{
    public RegistryColumn? Column(string key) => Columns.FirstOrDefault(c => c.Key == key);

    public bool IsStock => StockBy is not null;
}
