namespace ParHub.Core.Sipas;

/// <summary>
/// Reads the answers a form posted against the questionnaire: a level or choice must be a whole number within its
/// item's choices, several choices a comma-separated list of them, text at most 2000 characters; unknown codes and
/// items (or sections) not asked under their condition are dropped; a required item left blank is refused.
/// </summary>
public static class SurveyAnswers
{
    public const int MaxText = 2000;

    public static List<SurveyAnswer> Read(SurveyDefinition definition, IReadOnlyDictionary<string, string> posted)
    {
        var problems = Problems(definition, posted, definition.Sections);
        if (problems.Count > 0) throw new SurveyAnswerException(problems);
        var answers = new List<SurveyAnswer>();
        foreach (var section in definition.Sections.Where(s => SurveyDefinition.Shown(s.ShowIf, posted)))
            foreach (var item in section.Components.SelectMany(c => c.Items).Where(i => i.Asked(posted)))
            {
                if (!posted.TryGetValue(item.Code, out var raw) || string.IsNullOrWhiteSpace(raw)) continue;
                if (item.Type == ItemType.Text) answers.Add(new SurveyAnswer { ItemCode = item.Code, Text = raw.Trim() });
                else if (item.Type == ItemType.ManyChoices) answers.Add(new SurveyAnswer { ItemCode = item.Code, Text = string.Join(",", Choices(raw)) });
                else answers.Add(new SurveyAnswer { ItemCode = item.Code, Value = int.Parse(raw.Trim(), System.Globalization.CultureInfo.InvariantCulture) });
            }
        return answers;
    }

    /// <summary>What is wrong with the answers of <paramref name="sections"/> (in Vietnamese, naming the question).</summary>
    public static List<string> Problems(SurveyDefinition definition, IReadOnlyDictionary<string, string> posted, IEnumerable<SurveySection> sections)
    {
        var problems = new List<string>();
        foreach (var section in sections.Where(s => SurveyDefinition.Shown(s.ShowIf, posted)))
            foreach (var item in section.Components.SelectMany(c => c.Items).Where(i => i.Asked(posted)))
            {
                posted.TryGetValue(item.Code, out var raw);
                if (string.IsNullOrWhiteSpace(raw))
                {
                    if (item.Required) problems.Add($"Câu {item.Code} ({item.Text}): vui lòng trả lời.");
                    continue;
                }
                var n = item.Choices.Count;
                var ok = item.Type switch
                {
                    ItemType.Text => raw.Length <= MaxText,
                    ItemType.ManyChoices => Choices(raw) is { Count: > 0 } c && c.All(v => v >= 1 && v <= n) && raw.Split(',').Length == c.Count,
                    _ => int.TryParse(raw.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
                        && v >= 1 && v <= n,
                };
                if (!ok) problems.Add($"Câu {item.Code} ({item.Text}): câu trả lời không hợp lệ.");
            }
        return problems;
    }

    private static List<int> Choices(string raw) => raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1)
        .Distinct().ToList();
}

/// <summary>Answers that cannot be stored, with every reason.</summary>
public sealed class SurveyAnswerException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems => problems;
}
