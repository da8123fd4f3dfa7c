using System.Globalization;

namespace ParHub.Core.Registries;

/// <summary>An entry as measures read it: the agency it belongs to, its date, its stored values.</summary>
public sealed record RegistryFact(int AgencyId, DateOnly Date, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// A figure read from a registry, written as a report field's or a criterion's source:
/// <c>reg:KIND</c> (entries), <c>reg:KIND:COLUMN</c> (the column's sum; for a yes/no, date or text column the entries where it
/// is set), and either with a filter <c>:FILTER=CODE</c> on a choice column (<c>*</c>: any value; <c>1</c>: yes):
/// <c>reg:tinh-gian:so_nguoi:hinh_thuc=nghi_huu</c> is the people who retired early, <c>reg:kiem-tra::ngay_kiem_tra=*</c> the
/// inspections done.
/// </summary>
public sealed record RegistryMeasure(RegistryKind Kind, RegistryColumn? Sum, RegistryColumn? Filter, string? FilterCode)
{
    public const string Prefix = "reg:";

    public static bool IsMeasure(string? text) => text?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static RegistryMeasure? Parse(string? text)
    {
        if (!IsMeasure(text)) return null;
        var parts = text![Prefix.Length..].Split(':');
        if (parts.Length is < 1 or > 3 || RegistryCatalog.Find(parts[0]) is not { } kind) return null;
        RegistryColumn? sum = null, filter = null;
        string? code = null;
        if (parts.Length >= 2 && parts[1].Length > 0 && (sum = kind.Column(parts[1])) is null) return null;
        if (parts.Length == 3)
        {
            var eq = parts[2].Split('=');
            if (eq.Length != 2 || (filter = kind.Column(eq[0])) is null) return null;
            code = eq[1];
            if (code != "*" && filter.Type == ColumnType.Choice && filter.ChoiceOf(code) is null) return null;
            if (code is not ("*" or "1") && filter.Type != ColumnType.Choice) return null;
        }
        else if (parts.Length == 2 && sum is null) return null;
        return new RegistryMeasure(kind, sum, filter, code);
    }

    public override string ToString() =>
        Prefix + Kind.Code + (Sum is null && Filter is null ? "" : ":" + Sum?.Key) + (Filter is null ? "" : $":{Filter.Key}={FilterCode}");

    /// <summary>What the figure is, as a report shows its source: "Sổ Tinh giản biên chế: Số người (Nghỉ hưu trước tuổi)".</summary>
    public string Describe()
    {
        var what = Sum?.Title ?? "Số " + Kind.Singular;
        if (Filter is not null)
            what += FilterCode == "*" ? $" ({Filter.Title.ToLowerInvariant()}: đã có)"
                : Filter.Type == ColumnType.Choice ? $" ({Filter.ChoiceOf(FilterCode)?.Title})" : $" ({Filter.Title.ToLowerInvariant()})";
        return $"Sổ theo dõi “{Kind.Title}” trên ParHub: {what}";
    }

    private bool Passes(RegistryFact f) => Filter is null || (f.Values.TryGetValue(Filter.Key, out var v)
        && (FilterCode == "*" ? v.Length > 0 : v == FilterCode));

    private decimal ValueOf(RegistryFact f)
    {
        if (Sum is null) return 1;
        if (!f.Values.TryGetValue(Sum.Key, out var v)) return 0;
        if (Sum.IsNumeric) return decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return Sum.Type == ColumnType.YesNo ? (v == "1" ? 1 : 0) : (v.Length > 0 ? 1 : 0);
    }

    /// <summary>
    /// The figure over the entries of a period (dated from..to) of the agencies given; null when the registry has no entry
    /// of theirs in the period (ParHub knows nothing: the officer types it). A stock (<see cref="RegistryKind.StockBy"/>) is
    /// the latest entry of each agency (per value of that column) dated in the year up to <paramref name="to"/>.
    /// </summary>
    public decimal? Of(IEnumerable<RegistryFact> facts, DateOnly from, DateOnly to)
    {
        var list = Kind.IsStock
            ? facts.Where(f => f.Date <= to && f.Date.Year == to.Year)
                .GroupBy(f => (f.AgencyId, Kind.StockBy!.Length == 0 ? "" : f.Values.GetValueOrDefault(Kind.StockBy) ?? ""))
                .Select(g => g.OrderByDescending(f => f.Date).First()).ToList()
            : facts.Where(f => f.Date >= from && f.Date <= to).ToList();
        if (list.Count == 0) return null;
        return list.Where(Passes).Sum(ValueOf);
    }

    /// <summary>Every measure a form editor offers as a prefill source: each kind's entries, each numeric or yes/no column, each choice.</summary>
    public static IEnumerable<RegistryMeasure> Offered()
    {
        foreach (var k in RegistryCatalog.All)
        {
            yield return new(k, null, null, null);
            foreach (var c in k.Columns.Where(c => c.IsNumeric || c.Type is ColumnType.YesNo or ColumnType.Date))
                yield return new(k, c, null, null);
            foreach (var f in k.Columns.Where(c => c.Type == ColumnType.Choice))
                foreach (var choice in f.Choices!)
                {
                    yield return new(k, null, f, choice.Code);
                    foreach (var c in k.Columns.Where(c => c.IsNumeric)) yield return new(k, c, f, choice.Code);
                }
        }
    }
}
