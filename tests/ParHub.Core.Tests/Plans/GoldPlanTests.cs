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

    /// <summary>Documents whose extraction matches their gold file; every other document is printed with its gaps.</summary>
    public static readonly string[] Reached =
    [
        "000_4485116301db7f91", "01_vpcp-624-tb-2025-bcd-cds-cchc-de-an-06", "02_ttg-2629-qd-2025-chuong-trinh-chinh-phu-so",
        "03_hcm-2820-qd-ubnd-2025-kh-trien-khai-qd06-ttg", "06_bacninh-141-kh-ubnd-2025-nang-luc-xay-dung-phap-luat",
        "07_hanoi-308-kh-ubnd-2025-du-lieu-chuyen-doi-so", "08_hanoi-310-kh-ubnd-2025-ha-tang-5g-iot",
        "09_dongthap-617-kh-ubnd-2025-chuyen-doi-so-doanh-nghiep", "10_nghean-980-kh-ubnd-2025-phong-thu-dan-su",
        "11_bnv-1383-qd-2025-lich-pho-bien-thong-ke-2026", "13_ttg-2623-qd-2025-kh-thi-hanh-luat-bvdlcn",
        "001_97197fc4d864a858", "002_b96a8801ad4bfc64", "04_hcm-2843-qd-ubnd-2025-don-gian-hoa-tthc-so-noi-vu",
        "05_daklak-012-ct-ubnd-2025-cai-cach-tthc",
    ];

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
        if (Reached.Contains(doc))
        {
            Assert.True(score.CountExact, $"{score}: the count differs");
            Assert.True(score.Passes, $"{score}\n{string.Join("\n", score.Misses.Take(10))}");
        }
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
