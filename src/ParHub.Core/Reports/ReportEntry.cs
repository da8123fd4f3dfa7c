using System.Globalization;

namespace ParHub.Core.Reports;

/// <summary>What a person typed into one field: numbers as text (Vietnamese style), a text, a reason for an override.</summary>
public sealed class FieldInput
{
    public string? Value { get; set; }
    public string? Denominator { get; set; }
    public string? Text { get; set; }
    public string? Reason { get; set; }
}

/// <summary>ParHub's own figure for a field it filled in: a count, or a rate's numerator and denominator.</summary>
public sealed record ParHubFigure(decimal? Value, decimal? Denominator)
{
    /// <summary>"12/30" for a rate, "7" for a count: how the figure is written beside an override.</summary>
    public override string ToString() => Format(Value, Denominator);

    public static string Format(decimal? value, decimal? denominator) =>
        denominator is null ? N(value) : $"{N(value)}/{N(denominator)}";

    private static string N(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>An override's reason as shown and exchanged: the officer's words with ParHub's figure beside them.</summary>
    public static string? Shown(string? reason, ParHubFigure? figure) =>
        figure is null ? reason : $"{reason} [ParHub: {figure}]";
}

/// <summary>Reads what was typed into a report's form against the form and the stored values. Pure: no I/O.</summary>
public static class ReportEntry
{
    /// <summary>
    /// Reads typed values against the form: numbers in Vietnamese style; errors name the field. ParHub's prefilled figure
    /// is kept whatever the agency does: an emptied field goes back to it, any other value is an override that needs a
    /// reason (and keeps the figure beside it, in <see cref="FieldValue.Prefilled"/>).
    /// </summary>
    public static (Dictionary<string, FieldValue> Values, List<ValueError> Errors) Read(ReportForm form,
        IReadOnlyDictionary<string, FieldInput> input, IReadOnlyDictionary<string, ReportValueRow> stored)
    {
        var values = new Dictionary<string, FieldValue>();
        var errors = new List<ValueError>();
        foreach (var f in form.Fields.Where(f => !f.IsDerived))
        {
            input.TryGetValue(f.Code, out var i);
            stored.TryGetValue(f.Code, out var old);
            if (f.Kind == FieldKind.Text)
            {
                if (!string.IsNullOrWhiteSpace(i?.Text)) values[f.Code] = new FieldValue(null, null, i!.Text!.Trim());
                continue;
            }
            var num = Number(f, i?.Value, "", errors);
            var den = f.Kind == FieldKind.Rate ? Number(f, i?.Denominator, " (mẫu số)", errors) : null;
            var blank = num is null && den is null && string.IsNullOrWhiteSpace(i?.Value) && string.IsNullOrWhiteSpace(i?.Denominator);
            var prefilled = old is { Source: ValueSource.Prefilled or ValueSource.Overridden };
            var parhub = prefilled ? old!.Figure : null;
            if (blank && parhub is { Value: not null })
            {
                // ParHub's figure is kept whatever the agency does: an emptied field goes back to it, it is never dropped.
                values[f.Code] = new FieldValue(parhub.Value, parhub.Denominator, null, ValueSource.Prefilled, null, parhub);
                continue;
            }
            if (blank) continue;
            if (!prefilled)
            {
                values[f.Code] = new FieldValue(num, den);
                continue;
            }
            var original = parhub?.ToString() ?? "";
            if (ParHubFigure.Format(num, den) == original)
            {
                values[f.Code] = new FieldValue(num, den, null, ValueSource.Prefilled, null, parhub);
                continue;
            }
            // An override: the officer's reason, typed now or given before; ParHub's figure stays beside it.
            var typed = string.IsNullOrWhiteSpace(i?.Reason)
                ? (old!.Source == ValueSource.Overridden ? old.OfficerReason : null)
                : i!.Reason!.Trim();
            if (string.IsNullOrWhiteSpace(typed))
                errors.Add(new(f.Code, $"{f.Label}: số liệu do ParHub điền sẵn ({original}); muốn sửa cần ghi lý do."));
            values[f.Code] = new FieldValue(num, den, null, ValueSource.Overridden, string.IsNullOrWhiteSpace(typed) ? null : typed, parhub);
        }
        return (values, errors);
    }

    private static decimal? Number(FormField f, string? text, string part, List<ValueError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (VietnameseNumber.TryParse(text, out var n)) return n;
        errors.Add(new(f.Code, NumberMessages.NotANumber(f.Label, part, text)));
        return null;
    }
}
