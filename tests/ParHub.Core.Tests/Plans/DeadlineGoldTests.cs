using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

/// <summary>
/// The hand-read gold set <c>shared/corpus/deadlines.tsv</c> (101 phrases from 13 real documents), with its
/// conventions: a row matches when start, due and "recurring" all agree.
/// </summary>
public class DeadlineGoldTests
{
    private sealed record Row(string Phrase, string Doc, string PlanYear, DateOnly? Start, DateOnly? Due, bool Recurring);

    private static List<Row> Rows()
    {
        var lines = File.ReadAllLines(SharedFiles.Path("corpus/deadlines.tsv"));
        Assert.Equal("phrase", lines[0].Split('\t')[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => new Row(
            c[0], c[1], c[2], c[3].Length > 0 ? DateOnly.Parse(c[3]) : null, c[4].Length > 0 ? DateOnly.Parse(c[4]) : null,
            c[5] == "yes")).ToList();
    }

    private static bool Matches(Row r, Timeframe t) => t.Start == r.Start && t.Due == r.Due && t.IsRecurring == r.Recurring;

    /// <summary>
    /// The plan periods the documents themselves state, as the gold set's README records them ("doc 06 and doc 12 →
    /// 2026-2030; doc 08 → issue date 24/11/2025 to 2030"); the other documents state none.
    /// </summary>
    private static TimeframeContext StatedContext(Row r) => r.Doc[..2] switch
    {
        "06" or "12" => TimeframeContext.Parse("2026-2030"),
        "08" => TimeframeContext.Parse("2025-11-24..2030-12-31"),
        _ => new TimeframeContext(int.Parse(r.PlanYear[..4])),
    };

    [Fact]
    public void With_the_plan_period_each_document_states_at_least_97_percent_of_rows_match()
    {
        var rows = Rows();
        Assert.Equal(101, rows.Count);
        var misses = rows.Where(r => !Matches(r, TimeframeParser.Parse(r.Phrase, StatedContext(r)))).Select(r => r.Phrase).ToList();
        var accuracy = (rows.Count - misses.Count) / (double)rows.Count;
        Assert.True(accuracy >= 0.97, $"{accuracy:P1}; misses: {string.Join(" | ", misses)}");
    }

    [Fact]
    public void With_the_year_alone_every_miss_is_continuous_work_whose_bounds_only_the_plan_period_gives()
    {
        var rows = Rows();
        var misses = rows.Where(r => !Matches(r, TimeframeParser.Parse(r.Phrase, new TimeframeContext(int.Parse(r.PlanYear[..4]))))).ToList();
        Assert.True(misses.Count <= 8, $"{misses.Count} misses: {string.Join(" | ", misses.Select(m => m.Phrase))}");
        // Never a wrong date: the parser leaves the bound open where only the plan's period could fill it.
        foreach (var m in misses)
        {
            var t = TimeframeParser.Parse(m.Phrase, new TimeframeContext(int.Parse(m.PlanYear[..4])));
            Assert.True(m.Recurring && t.IsRecurring, m.Phrase);
            Assert.True(t.Start is null || t.Start == m.Start, m.Phrase);
            Assert.Null(t.Due);
        }
    }
}
