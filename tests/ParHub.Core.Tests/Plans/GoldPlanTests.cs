using ParHub.Core.Plans;
using ParHub.Core.Text;
using Xunit.Abstractions;

namespace ParHub.Core.Tests.Plans;

/// <summary>
/// Extraction against the hand-read gold files (<c>tests/fixtures/plans/&lt;doc&gt;.tsv</c>, written by reading each
/// document, never by running the importer): the tasks found, in order, with their leads and due dates.
/// </summary>
public sealed class GoldPlanTests(ITestOutputHelper output)
{
    public sealed record GoldTask(string Group, string No, string FirstWords, string Lead, string Timeframe, DateOnly? Due);

    public sealed record Score(string Doc, int Expected, int Found, int InOrder, int LeadsRight, int DuesRight, IReadOnlyList<string> Misses)
    {
        public bool CountExact => Expected == Found;
        public double LeadRate => Expected == 0 ? 1 : (double)LeadsRight / Expected;
        public double DueRate => Expected == 0 ? 1 : (double)DuesRight / Expected;
        public bool Passes => CountExact && InOrder == Expected && LeadRate >= 0.98 && DueRate >= 0.98;
        public override string ToString() =>
            $"{Doc}: gold {Expected}, found {Found}, in order {InOrder}, leads {LeadsRight}, dues {DuesRight}";
    }

    public static IEnumerable<object[]> Documents() =>
        Directory.GetFiles(SharedFiles.Path("plans"), "*.tsv").Where(f => !f.EndsWith(".targets.tsv", StringComparison.Ordinal))
            .Select(f => new object[] { System.IO.Path.GetFileNameWithoutExtension(f) }).OrderBy(d => (string)d[0]);

    public static List<GoldTask> ReadGold(string doc)
    {
        var rows = File.ReadAllLines(SharedFiles.Path($"plans/{doc}.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("group\t", StringComparison.Ordinal));
        return rows.Select(l => l.Split('\t')).Select(c => new GoldTask(c[0], c[1], c[2], c[3], c[4],
            c.Length > 5 && c[5].Length > 0 ? DateOnly.ParseExact(c[5], "yyyy-MM-dd") : null)).ToList();
    }

    public static string DocumentPath(string doc) =>
        char.IsDigit(doc[2]) && doc[3] == '_' ? SharedFiles.Path($"seeds/{doc}.txt") : SharedFiles.Path($"corpus/docs/{doc}.txt");

    private static string Norm(string s) =>
        VietnameseText.CollapseWhitespace(s).Trim().TrimStart('-', '+', '•', ' ').TrimEnd('.', ';', ',', ' ').ToLowerInvariant();

    public static Score Compare(string doc)
    {
        var gold = ReadGold(doc);
        var draft = PlanTextReader.Read(File.ReadAllText(DocumentPath(doc)));
        var context = draft.Header.TimeframeContext(draft.Header.Year ?? draft.Header.IssuedOn?.Year ?? 2025);
        var found = draft.Tasks.SelectMany(t => t.Tracked()).ToList();
        int inOrder = 0, leads = 0, dues = 0;
        var misses = new List<string>();
        for (var i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            var t = i < found.Count ? found[i] : null;
            if (t is null)
            {
                misses.Add($"#{i + 1} {g.No} “{g.FirstWords}”: not found");
                continue;
            }
            var sameTask = Norm(t.Content).StartsWith(Norm(g.FirstWords), StringComparison.Ordinal);
            if (sameTask) inOrder++;
            var leadRight = Norm(t.Lead) == Norm(g.Lead);
            if (leadRight) leads++;
            var due = TimeframeParser.Parse(t.Timeframe, context).Due;
            if (due == g.Due) dues++;
            if (!sameTask || !leadRight || due != g.Due)
                misses.Add($"#{i + 1} {g.No} “{g.FirstWords}”"
                    + (sameTask ? "" : $" ≠ “{Short(t.Content)}”")
                    + (leadRight ? "" : $" lead “{t.Lead}” ≠ “{g.Lead}”")
                    + (due == g.Due ? "" : $" due {due} ≠ {g.Due} (“{t.Timeframe}”)"));
        }
        return new Score(doc, gold.Count, found.Count, inOrder, leads, dues, misses);
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";

    [Theory]
    [MemberData(nameof(Documents))]
    public void Extraction_finds_the_tasks_of_the_gold_file(string doc)
    {
        var score = Compare(doc);
        output.WriteLine(score.ToString());
        foreach (var m in score.Misses.Take(40)) output.WriteLine("  " + m);
        // Every corpus document with tasks and every seed plan: the count exact, all in order, ≥ 98 % of leads and dues.
        Assert.True(score.CountExact, $"{score}: the count differs");
        Assert.True(score.Passes, $"{score}\n{string.Join("\n", score.Misses.Take(10))}");
    }

    [Fact]
    public void Every_corpus_document_and_every_seed_plan_has_a_gold_file()
    {
        var documents = Directory.GetFiles(SharedFiles.Path("corpus/docs"), "*.txt").Concat(Directory.GetFiles(SharedFiles.Path("seeds"), "*.txt"))
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(17, documents.Count);
        Assert.Equal(documents, Documents().Select(d => (string)d[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_gold_file_is_well_formed_and_its_first_words_occur_in_its_document()
    {
        foreach (var doc in Documents().Select(d => (string)d[0]))
        {
            var raw = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(DocumentPath(doc)), "<[^>]+>|\\*\\*", " ");
            var text = VietnameseText.CollapseWhitespace(raw.Replace('\t', ' ').Replace(" | ", " "));
            var gold = ReadGold(doc);
            Assert.NotEmpty(gold);
            Assert.All(gold, g => Assert.Contains(VietnameseText.CollapseWhitespace(g.FirstWords), text, StringComparison.Ordinal));
        }
    }
}
