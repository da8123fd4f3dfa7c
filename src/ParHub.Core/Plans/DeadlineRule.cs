using System.Linq.Expressions;

namespace ParHub.Core.Plans;

/// <summary>
/// The one deadline-status rule. Each status is a condition on a task's start, (current) due date and completion on a
/// given date, written once as an expression: compiled, it decides <see cref="DeadlineStatuses.Of"/> in memory; bound
/// to an entity's columns (<see cref="Over{T}"/>), it is the SQL filter and the SQL aggregate. The conditions are
/// exclusive and cover every case (a property test checks both).
/// </summary>
public static class DeadlineRule
{
    public static IReadOnlyList<DeadlineStatus> Order { get; } =
    [
        DeadlineStatus.DoneOnTime, DeadlineStatus.DoneLate, DeadlineStatus.Overdue,
        DeadlineStatus.NotYetDue, DeadlineStatus.InProgressOnTime, DeadlineStatus.Undated,
    ];

    private static readonly Dictionary<DeadlineStatus, Expression<Func<DateOnly?, DateOnly?, DateOnly?, DateOnly, bool>>> Conditions = new()
    {
        // Done counts only if completed on or before the date looked at.
        [DeadlineStatus.DoneOnTime] = (start, due, done, asOf) => done != null && done <= asOf && (due == null || done <= due),
        [DeadlineStatus.DoneLate] = (start, due, done, asOf) => done != null && done <= asOf && due != null && done > due,
        [DeadlineStatus.Overdue] = (start, due, done, asOf) => (done == null || done > asOf) && due != null && due < asOf,
        [DeadlineStatus.NotYetDue] = (start, due, done, asOf) =>
            (done == null || done > asOf) && due != null && due >= asOf && start != null && start > asOf,
        [DeadlineStatus.InProgressOnTime] = (start, due, done, asOf) =>
            (done == null || done > asOf) && due != null && due >= asOf && (start == null || start <= asOf),
        [DeadlineStatus.Undated] = (start, due, done, asOf) => (done == null || done > asOf) && due == null,
    };

    private static readonly (DeadlineStatus Status, Func<DateOnly?, DateOnly?, DateOnly?, DateOnly, bool> Holds)[] Compiled =
        Order.Select(s => (s, Conditions[s].Compile())).ToArray();

    /// <summary>The status whose condition holds (exactly one does).</summary>
    public static DeadlineStatus Of(DateOnly? start, DateOnly? due, DateOnly? completedOn, DateOnly asOf)
    {
        foreach (var (status, holds) in Compiled)
            if (holds(start, due, completedOn, asOf)) return status;
        throw new InvalidOperationException("The deadline conditions do not cover this case.");
    }

    /// <summary>
    /// The condition of <paramref name="status"/> on an entity: the rule's facts replaced by the entity's columns and
    /// the date by <paramref name="asOf"/> (e.g. a captured variable, which a query provider sends as a parameter).
    /// </summary>
    public static Expression<Func<T, bool>> Over<T>(DeadlineStatus status, Expression<Func<T, DateOnly?>> start,
        Expression<Func<T, DateOnly?>> due, Expression<Func<T, DateOnly?>> completedOn, Expression<Func<DateOnly>> asOf)
    {
        // A value outside the enumeration (a hand-typed query string) is read as "undated", as the board always did.
        var rule = Conditions.GetValueOrDefault(status) ?? Conditions[DeadlineStatus.Undated];
        var entity = Expression.Parameter(typeof(T), "t");
        var map = new Dictionary<ParameterExpression, Expression>
        {
            [rule.Parameters[0]] = Rebind(start, entity),
            [rule.Parameters[1]] = Rebind(due, entity),
            [rule.Parameters[2]] = Rebind(completedOn, entity),
            [rule.Parameters[3]] = asOf.Body,
        };
        return Expression.Lambda<Func<T, bool>>(new Substitute(map).Visit(rule.Body), entity);
    }

    private static Expression Rebind<T>(Expression<Func<T, DateOnly?>> column, ParameterExpression entity) =>
        new Substitute(new() { [column.Parameters[0]] = entity }).Visit(column.Body);

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.GetValueOrDefault(node, node);
    }
}
