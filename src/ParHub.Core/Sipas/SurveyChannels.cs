namespace ParHub.Core.Sipas;

/// <summary>
/// A kiosk link: a tablet at an agency's counter answers for that agency. Its code is a secret bound to the programme
/// and the agency; the kiosk sends its queued answers with it.
/// </summary>
public class SurveyKiosk
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int AgencyId { get; set; }
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A numbered paper form ("Phiếu số 000123") printed for one agency. Two operators enter it; it becomes a response
/// (<see cref="ResponseId"/>) once both entries agree or a survey staff member has resolved their differences.
/// </summary>
public class SurveyPaperSheet
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int AgencyId { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public long? ResponseId { get; set; }
    public List<SurveyPaperEntry> Entries { get; set; } = [];
}

/// <summary>One operator's entry of a paper sheet: the answers as read (item code → value, as a form posts them), as JSON.</summary>
public class SurveyPaperEntry
{
    public long Id { get; set; }
    public int SheetId { get; set; }
    public string Operator { get; set; } = "";
    public DateTime EnteredAt { get; set; }
    public string Answers { get; set; } = "{}";
}

/// <summary>An item on which two entries of one paper sheet disagree (null: left blank in that entry).</summary>
public sealed record AnswerDifference(string Code, string Text, string? First, string? Second);

/// <summary>
/// Double entry of paper forms, the pure part: both entries are read against the questionnaire (so "1,3" and "3,1",
/// " 4" and "4" agree, and items not asked under their condition are ignored), then compared item by item.
/// </summary>
public static class DoubleEntry
{
    /// <summary>The answers as stored: item code → value ("4", "1,3", or the text), valid by <see cref="SurveyAnswers.Read"/>.</summary>
    public static SortedDictionary<string, string> Normalize(SurveyDefinition definition, IReadOnlyDictionary<string, string> posted)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in SurveyAnswers.Read(definition, posted))
        {
            var v = a.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? a.Text ?? "";
            var item = definition.Items.First(i => i.Code == a.ItemCode);
            if (item.Type == ItemType.ManyChoices)
                v = string.Join(",", v.Split(',').Select(int.Parse).Order().Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            result[a.ItemCode] = v;
        }
        return result;
    }

    /// <summary>The items, in questionnaire order, where two normalized entries differ.</summary>
    public static List<AnswerDifference> Differences(SurveyDefinition definition, IReadOnlyDictionary<string, string> first,
        IReadOnlyDictionary<string, string> second) =>
        definition.Items
            .Select(i => (Item: i, A: first.GetValueOrDefault(i.Code), B: second.GetValueOrDefault(i.Code)))
            .Where(x => !string.Equals(x.A, x.B, StringComparison.Ordinal))
            .Select(x => new AnswerDifference(x.Item.Code, x.Item.Text, x.A, x.B)).ToList();

    /// <summary>
    /// The sheet's answers once each difference is settled: the first entry with every differing item replaced by the
    /// chosen value (blank: no answer). Every difference must be settled.
    /// </summary>
    public static Dictionary<string, string> Resolve(IReadOnlyDictionary<string, string> first, IReadOnlyList<AnswerDifference> differences,
        IReadOnlyDictionary<string, string?> chosen)
    {
        var missing = differences.Where(d => !chosen.ContainsKey(d.Code)).Select(d => d.Code).ToList();
        if (missing.Count > 0) throw new SurveyAnswerException(missing.Select(c => $"Câu {c}: chọn giá trị đúng.").ToList());
        var result = first.ToDictionary(a => a.Key, a => a.Value);
        foreach (var d in differences)
            if (string.IsNullOrWhiteSpace(chosen[d.Code])) result.Remove(d.Code);
            else result[d.Code] = chosen[d.Code]!.Trim();
        return result;
    }
}
