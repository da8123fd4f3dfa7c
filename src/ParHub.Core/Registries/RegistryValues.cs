using System.Globalization;
using ParHub.Core.Reports;
using ParHub.Core.Text;
using ParHub.Core.Time;

namespace ParHub.Core.Registries;

/// <summary>One entry as read from a form or a sheet row: its date and its values as stored, or every problem found.</summary>
public sealed record RegistryInput(DateOnly? Date, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0 && Date is not null;
}

/// <summary>
/// Reads what an officer typed for an entry of a registry (<see cref="RegistryKind"/>) into its stored form, and shows
/// stored values back. Dates are typed dd/mm/yyyy and stored yyyy-mm-dd, numbers typed the Vietnamese way ("1.234,5") and
/// stored invariant, choices typed by code or title and stored by code, yes/no as "1"/"0", agencies by id. Every problem
/// is a Vietnamese sentence naming the column; nothing is guessed.
/// </summary>
public static class RegistryValues
{
    public const int MaxYear = 2200;
    public const int MinYear = 1990;

    public static RegistryInput Read(RegistryKind kind, string? date, IReadOnlyDictionary<string, string?> typed, Func<string, int?> agency)
    {
        var problems = new List<string>();
        DateOnly? day = null;
        if (string.IsNullOrWhiteSpace(date)) problems.Add($"{kind.DateTitle}: chưa nhập.");
        else if (!VnDate.TryParse(date, out var d) || d.Year is < MinYear or > MaxYear) problems.Add($"{kind.DateTitle}: {VnDate.Invalid}");
        else day = d;

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in kind.Columns)
        {
            var text = typed.TryGetValue(c.Key, out var t) ? t?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                if (c.Required) problems.Add($"{c.Title}: chưa nhập.");
                continue;
            }
            if (ReadOne(c, text, agency, out var stored) is { } problem) problems.Add($"{c.Title}: {problem}");
            else if (stored is not null) values[c.Key] = stored;
        }
        foreach (var r in kind.Rules ?? [])
            if (Number(values, r.Left) is { } left && Number(values, r.Right) is { } right && left > right) problems.Add(r.Message);
        return new RegistryInput(day, values, problems);
    }

    /// <summary>One value's stored form, or why it cannot be read (null stored for a "no" that is simply absent is not used: "0" is kept).</summary>
    private static string? ReadOne(RegistryColumn c, string text, Func<string, int?> agency, out string? stored)
    {
        stored = null;
        switch (c.Type)
        {
            case ColumnType.Text or ColumnType.LongText:
                if (text.Length > c.MaxLength) return $"dài quá {c.MaxLength} ký tự.";
                if (c.Type == ColumnType.Text) text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                stored = text;
                return null;
            case ColumnType.Date:
                if (!VnDate.TryParse(text, out var d) || d.Year is < MinYear or > MaxYear) return VnDate.Invalid;
                stored = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return null;
            case ColumnType.Count or ColumnType.Money:
                if (!VietnameseNumber.TryParse(text, out var n)) return $"\"{Short(text)}\" không phải là số.";
                if (c.Type == ColumnType.Count && n != decimal.Truncate(n)) return "phải là số nguyên.";
                if (n < 0 || n > c.Max) return $"phải từ 0 đến {VietnameseNumber.Format(c.Max)}.";
                stored = n.ToString(CultureInfo.InvariantCulture);
                return null;
            case ColumnType.Choice:
                var folded = VietnameseText.Fold(text);
                var choice = c.Choices!.FirstOrDefault(x => x.Code == text || VietnameseText.Fold(x.Title) == folded);
                if (choice is null) return $"\"{Short(text)}\" không có trong danh sách ({string.Join("; ", c.Choices!.Select(x => x.Title))}).";
                stored = choice.Code;
                return null;
            case ColumnType.YesNo:
                var yn = VietnameseText.Fold(text);
                if (yn is "1" or "co" or "x" or "dung" or "yes" or "true" or "on") stored = "1";
                else if (yn is "0" or "khong" or "no" or "false" or "off") stored = "0";
                else return $"\"{Short(text)}\" không đọc được (ghi Có hoặc Không).";
                return null;
            case ColumnType.Plan or ColumnType.Task:
                if (!int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var ref_) || ref_ < 1)
                    return $"\"{Short(text)}\" không phải là số hiệu {(c.Type == ColumnType.Plan ? "kế hoạch" : "nhiệm vụ")} trên ParHub.";
                stored = ref_.ToString(CultureInfo.InvariantCulture);
                return null;
            case ColumnType.Agency:
                if (text.Length > 300 || agency(text) is not { } id) return $"không tìm thấy cơ quan \"{Short(text)}\" trong danh mục.";
                stored = id.ToString(CultureInfo.InvariantCulture);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Type, null);
        }
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>A numeric value as stored, or null when absent or not a number.</summary>
    public static decimal? Number(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A date value as stored, or null.</summary>
    public static DateOnly? Date(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>An id as stored (an agency's, a plan's or a task's), or null.</summary>
    public static int? Id(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>How a stored value is shown to a reader (and typed back by <see cref="Read"/>: the round trip is exact).</summary>
    public static string Show(RegistryColumn c, IReadOnlyDictionary<string, string> values, Func<int, string?> agencyName)
    {
        if (!values.TryGetValue(c.Key, out var v)) return "";
        return c.Type switch
        {
            ColumnType.Date => Date(values, c.Key) is { } d ? VnDate.Show(d) : v,
            ColumnType.Count or ColumnType.Money => Number(values, c.Key) is { } n ? VietnameseNumber.Format(n) : v,
            ColumnType.Choice => c.ChoiceOf(v)?.Title ?? v,
            ColumnType.YesNo => v == "1" ? "Có" : "Không",
            ColumnType.Agency => Id(values, c.Key) is { } id ? agencyName(id) ?? v : v,
            _ => v,
        };
    }
}
