using ParHub.Core.Reports;

namespace ParHub.Core.Scoring;

/// <summary>
/// Reads what an agency typed for a criterion of its self-assessment as the rule's input, refusing what a periodic
/// report refuses, in the same words: text that is not a number, a negative number, a numerator over its denominator,
/// one half of a rate, points over the criterion's maximum. Nothing typed is no input (the criterion is not filled yet).
/// </summary>
public static class CriterionEntry
{
    public sealed record Result(ScoreInput? Input, IReadOnlyList<string> Problems);

    public static Result Read(string code, ScoringRule rule, decimal max, string? value, string? num, string? den, bool flag)
    {
        var label = $"Tiêu chí {code}";
        var problems = new List<string>();
        decimal? Number(string? text, string part)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!VietnameseNumber.TryParse(text, out var n)) { problems.Add(NumberMessages.NotANumber(label, part, text.Trim())); return null; }
            if (n < 0) problems.Add(NumberMessages.Negative(label + part));
            else if (n > ReportCheck.MaxNumber) problems.Add(NumberMessages.TooLarge(label + part));
            return n;
        }
        switch (rule.Type)
        {
            case "binary":
                return new Result(ScoreInput.Yes(flag), problems);
            case "options":
                if (string.IsNullOrWhiteSpace(value)) return new Result(null, problems);
                if (rule.Options is { } options && !options.ContainsKey(value.Trim()))
                    problems.Add($"{label}: lựa chọn “{value.Trim()}” không có trong tiêu chí.");
                return new Result(ScoreInput.Named(value.Trim()), problems);
            case "rate-bands" or "proportional":
                {
                    var n = Number(num, "");
                    var d = Number(den, " (mẫu số)");
                    var typedNum = !string.IsNullOrWhiteSpace(num);
                    var typedDen = !string.IsNullOrWhiteSpace(den);
                    if (!typedNum && !typedDen) return new Result(null, problems);
                    if (typedNum != typedDen) problems.Add(NumberMessages.NeedsBoth(label));
                    if (problems.Count == 0 && n is { } a && d is { } b && a > b) problems.Add(NumberMessages.NumeratorOverDenominator(label, a, b));
                    return new Result(n is { } x && d is { } y ? ScoreInput.Rate(x, y) : null, problems);
                }
            default:
                {
                    var v = Number(value, "");
                    if (v is null) return new Result(null, problems);
                    var limit = rule.Type switch { "manual" => max, "survey" => 100, _ => (decimal?)null };
                    if (problems.Count == 0 && limit is { } l && v > l)
                        problems.Add(rule.Type == "manual"
                            ? $"{label}: điểm {VietnameseNumber.Format(v.Value)} lớn hơn điểm tối đa của tiêu chí "
                                + $"({VietnameseNumber.Format(l)})."
                            : $"{label}: tỷ lệ {VietnameseNumber.Format(v.Value)}% lớn hơn 100%.");
                    if (problems.Count == 0 && rule.Type == "count-steps" && v != decimal.Truncate(v.Value)) problems.Add(NumberMessages.NotWhole(label));
                    return new Result(ScoreInput.Of(v.Value), problems);
                }
        }
    }
}
