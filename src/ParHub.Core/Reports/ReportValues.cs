namespace ParHub.Core.Reports;

/// <summary>Where a value came from: typed by a person, filled by ParHub, or ParHub's value overridden with a reason.</summary>
public enum ValueSource { Entered, Prefilled, Overridden }

/// <summary>
/// One field's value: a number (the numerator of a rate), a denominator for rates, or a text; where it came from, the
/// reason of an override and ParHub's own figure (<see cref="Prefilled"/>) for a field ParHub filled in.
/// </summary>
public sealed record FieldValue(decimal? Value, decimal? Denominator = null, string? Text = null,
    ValueSource Source = ValueSource.Entered, string? Reason = null, ParHubFigure? Prefilled = null)
{
    public bool IsEmpty => Value is null && Denominator is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A problem with a report's values, attached to a field (or to none, for a rule over several).</summary>
public sealed record ValueError(string? Code, string Message);

/// <summary>Reads and checks a report's values against its form.</summary>
public static class ReportCheck
{
    public const int MaxTextLength = 20_000;
    /// <summary>The declared range of every number of a report (counts, money, a rate's parts): 0 to 10^12.</summary>
    public const decimal MaxNumber = 1_000_000_000_000m;
    public const int MaxReasonLength = 900;

    /// <summary>Whether a stored or typed number is within the declared range [0, <see cref="MaxNumber"/>].</summary>
    public static bool InRange(decimal? v) => v is null || v >= 0 && v <= MaxNumber;

    /// <summary>
    /// Entry checks that hold for a draft too (a number is a number, a rate's part is not larger than its whole, rules
    /// over fields that are all filled). With <paramref name="complete"/> every required field must also be filled:
    /// that is what Submit asks.
    /// </summary>
    public static IReadOnlyList<ValueError> Validate(ReportForm form, IReadOnlyDictionary<string, FieldValue> values, bool complete)
    {
        var errors = new List<ValueError>();
        foreach (var f in form.Fields.Where(f => !f.IsDerived))
        {
            values.TryGetValue(f.Code, out var v);
            if (v is null || v.IsEmpty)
            {
                if (complete && f.Required) errors.Add(new(f.Code, $"Chưa nhập: {f.Label}."));
                continue;
            }
            switch (f.Kind)
            {
                case FieldKind.Text:
                    if (v.Text!.Length > MaxTextLength)
                        errors.Add(new(f.Code, $"{f.Label}: dài {v.Text.Length:N0} ký tự, tối đa {MaxTextLength:N0} ký tự."));
                    break;
                case FieldKind.Count:
                    if (v.Value is not { } n) { errors.Add(new(f.Code, $"{f.Label}: chưa nhập số.")); break; }
                    if (n < 0) errors.Add(new(f.Code, NumberMessages.Negative(f.Label)));
                    else if (n != decimal.Truncate(n)) errors.Add(new(f.Code, NumberMessages.NotWhole(f.Label)));
                    else if (n > MaxNumber) errors.Add(new(f.Code, NumberMessages.TooLarge(f.Label)));
                    else if (f.OutOfRange(n) is { } range) errors.Add(new(f.Code, range));
                    break;
                case FieldKind.Money:
                    if (v.Value is not { } m) { errors.Add(new(f.Code, $"{f.Label}: chưa nhập số.")); break; }
                    if (m < 0) errors.Add(new(f.Code, NumberMessages.Negative(f.Label)));
                    else if (m > MaxNumber) errors.Add(new(f.Code, NumberMessages.TooLarge(f.Label)));
                    else if (f.OutOfRange(m) is { } range) errors.Add(new(f.Code, range));
                    break;
                case FieldKind.Rate:
                    if (v.Value is not { } num || v.Denominator is not { } den)
                    {
                        errors.Add(new(f.Code, NumberMessages.NeedsBoth(f.Label)));
                        break;
                    }
                    if (num < 0 || den < 0) errors.Add(new(f.Code, NumberMessages.Negative(f.Label)));
                    else if (num > MaxNumber || den > MaxNumber)
                        errors.Add(new(f.Code, NumberMessages.TooLarge(f.Label)));
                    else if (num > den) errors.Add(new(f.Code, NumberMessages.NumeratorOverDenominator(f.Label, num, den)));
                    break;
            }
            if (v.Source == ValueSource.Overridden && string.IsNullOrWhiteSpace(v.Reason))
                errors.Add(new(f.Code, $"{f.Label}: sửa số liệu ParHub đã điền sẵn cần ghi lý do."));
            if (v.Reason is { Length: > MaxReasonLength })
                errors.Add(new(f.Code, $"{f.Label}: lý do dài {v.Reason.Length:N0} ký tự, tối đa {MaxReasonLength:N0} ký tự."));
        }

        foreach (var rule in form.Rules)
        {
            var left = Expression.Evaluate(rule.Left, values);
            var right = Expression.Evaluate(rule.Right, values);
            if (left is null || right is null) continue; // checked once all its fields are filled
            var holds = rule.Op switch
            {
                "=" => left == right,
                "<=" => left <= right,
                ">=" => left >= right,
                "<" => left < right,
                ">" => left > right,
                _ => throw new InvalidOperationException($"Unknown operator {rule.Op}"),
            };
            if (!holds) errors.Add(new(null, $"{rule.Message} ({VietnameseNumber.Format(left.Value)} và {VietnameseNumber.Format(right.Value)})"));
        }
        return errors;
    }

    /// <summary>The derived fields' numerator and denominator, from the entered values.</summary>
    public static Dictionary<string, FieldValue> WithDerived(ReportForm form, IReadOnlyDictionary<string, FieldValue> values)
    {
        var all = new Dictionary<string, FieldValue>(values);
        foreach (var f in form.Fields.Where(f => f.IsDerived))
        {
            var num = Expression.Evaluate(f.Derived!, all);
            var den = f.DerivedOver is null ? null : Expression.Evaluate(f.DerivedOver, all);
            all[f.Code] = new FieldValue(num, den);
        }
        return all;
    }
}

/// <summary>Sums and differences of fields and whole numbers: "a + b - c", "x.num", "x.den", "12".</summary>
public static class Expression
{
    /// <summary>The value, or null when a field it names is empty or the result is beyond a decimal (stored data out of range).</summary>
    public static decimal? Evaluate(string expression, IReadOnlyDictionary<string, FieldValue> values)
    {
        try { return EvaluateChecked(expression, values); }
        catch (OverflowException) { return null; }
    }

    private static decimal? EvaluateChecked(string expression, IReadOnlyDictionary<string, FieldValue> values)
    {
        decimal total = 0;
        var sign = 1;
        foreach (var token in expression.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "+") { sign = 1; continue; }
            if (token == "-") { sign = -1; continue; }
            decimal? term;
            if (decimal.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var constant))
                term = constant;
            else
            {
                var (code, part) = token.EndsWith(".den") ? (token[..^4], "den") : token.EndsWith(".num") ? (token[..^4], "num") : (token, "num");
                if (!values.TryGetValue(code, out var v)) return null;
                term = part == "den" ? v.Denominator : v.Value;
            }
            if (term is null) return null;
            total += sign * term.Value;
        }
        return total;
    }

    /// <summary>The field codes an expression names.</summary>
    public static IEnumerable<string> Codes(string expression) =>
        expression.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t is not "+" and not "-" && !decimal.TryParse(t, out _))
            .Select(t => t.EndsWith(".den") || t.EndsWith(".num") ? t[..^4] : t);
}

/// <summary>One field summed over many reports: numerators and denominators added, never rates averaged.</summary>
/// <remarks><see cref="Skipped"/> counts stored values outside the declared range, left out of the sum (and noted where shown).</remarks>
public sealed record AggregateValue(string Code, decimal? Value, decimal? Denominator, int Reports, int Skipped = 0)
{
    public string Percent => Value is { } n && Denominator is { } d ? VietnameseNumber.Percent(n, d) : "";
}

public static class ReportAggregator
{
    /// <summary>
    /// Province totals of a form's numeric fields over the given reports' values. Derived fields are computed again
    /// from the sums (the province's disbursement rate is total disbursed over total planned).
    /// </summary>
    public static IReadOnlyDictionary<string, AggregateValue> Sum(ReportForm form, IEnumerable<IReadOnlyDictionary<string, FieldValue>> reports) =>
        SumRows(form, reports.SelectMany(values => values.Select(kv => (kv.Key, kv.Value.Value, kv.Value.Denominator))));

    /// <summary>
    /// Province totals from value rows (code, number, denominator), as read from the database. A row with a part outside
    /// [0, <see cref="ReportCheck.MaxNumber"/>] — stored before the limits, or written around them — is left out and counted
    /// in <see cref="AggregateValue.Skipped"/>, so a total never overflows and never fails on stored data.
    /// </summary>
    public static IReadOnlyDictionary<string, AggregateValue> SumRows(ReportForm form, IEnumerable<(string Code, decimal? Value, decimal? Denominator)> rows)
    {
        var sums = form.Fields.Where(f => f.IsNumeric && !f.IsDerived)
            .ToDictionary(f => f.Code, _ => (Value: (decimal?)null, Den: (decimal?)null, Count: 0, Skipped: 0));
        foreach (var (code, value, den) in rows)
        {
            if (!sums.TryGetValue(code, out var s) || (value is null && den is null)) continue;
            if (!ReportCheck.InRange(value) || !ReportCheck.InRange(den)) { sums[code] = s with { Skipped = s.Skipped + 1 }; continue; }
            // Each part is at most 10^12, so even int.MaxValue reports add up within a decimal; checked all the same.
            sums[code] = (value is { } n ? checked((s.Value ?? 0) + n) : s.Value, den is { } d ? checked((s.Den ?? 0) + d) : s.Den, s.Count + 1, s.Skipped);
        }
        var result = FromSums(form, sums.Select(kv => (kv.Key, kv.Value.Value, kv.Value.Den, kv.Value.Count)));
        return result.ToDictionary(kv => kv.Key, kv => sums.TryGetValue(kv.Key, out var s) && s.Skipped > 0 ? kv.Value with { Skipped = s.Skipped } : kv.Value);
    }

    /// <summary>Totals already summed (by the database); derived fields computed from them.</summary>
    public static IReadOnlyDictionary<string, AggregateValue> FromSums(ReportForm form,
        IEnumerable<(string Code, decimal? Value, decimal? Denominator, int Reports)> sums)
    {
        var result = sums.ToDictionary(s => s.Code, s => new AggregateValue(s.Code, s.Value, s.Denominator, s.Reports));
        var asValues = result.ToDictionary(kv => kv.Key, kv => new FieldValue(kv.Value.Value, kv.Value.Denominator));
        foreach (var f in form.Fields.Where(f => f.IsDerived))
        {
            var derived = ReportCheck.WithDerived(form, asValues)[f.Code];
            var reports = Expression.Codes(f.Derived!).Select(c => result.TryGetValue(c, out var a) ? a.Reports : 0).DefaultIfEmpty(0).Max();
            result[f.Code] = new AggregateValue(f.Code, derived.Value, derived.Denominator, reports);
        }
        return result;
    }
}
