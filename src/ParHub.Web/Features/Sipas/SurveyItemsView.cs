using ParHub.Core.Sipas;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The whole questionnaire in one form (kiosk, interview, paper entry): every section, each marked with its condition
/// so the kiosk's script can show it part by part; answers posted as "a:" + item code.
/// </summary>
public sealed record SurveyItemsView(SurveyDefinition Definition, IReadOnlyDictionary<string, string> Answers, string IdPrefix = "q")
{
    public const string AnswerPrefix = FormModel.AnswerPrefix;

    /// <summary>The answers a form posted, by item code ("1,3" for several choices).</summary>
    public static Dictionary<string, string> Posted(IFormCollection form)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal)))
            if (string.Join(",", value.ToArray()).Trim() is { Length: > 0 } v) answers[key[AnswerPrefix.Length..]] = v;
        return answers;
    }

    /// <summary>An answer as a person reads it: "4 – Hài lòng", "1, 3 – Nam, Nữ", the text, or "(bỏ trống)".</summary>
    public static string Label(SurveyDefinition definition, string code, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "(bỏ trống)";
        var item = definition.Items.FirstOrDefault(i => i.Code == code);
        if (item is null || item.Type == ItemType.Text) return value;
        var names = value.Split(',').Select(v => int.TryParse(v, out var n) && n >= 1 && n <= item.Choices.Count ? item.Choices[n - 1] : v);
        return $"{value} – {string.Join(", ", names)}";
    }
}
