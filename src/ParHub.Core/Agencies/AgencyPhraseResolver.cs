using System.Text.RegularExpressions;
using ParHub.Core.Text;

namespace ParHub.Core.Agencies;

/// <summary>An agency or a group of the directory, as the resolver sees it.</summary>
public sealed record DirectoryEntry(string Key, string Name, IReadOnlyList<string> Aliases, bool IsGroup,
    DateOnly? ValidFrom = null, DateOnly? ValidTo = null)
{
    public bool ExistsOn(DateOnly? date) =>
        date is not { } d || (ValidFrom is null || ValidFrom <= d) && (ValidTo is null || d <= ValidTo);
}

public enum ResolvedKind { Agency, Group, Generic, Unresolved }

/// <summary>One part of an agency phrase: what it named, or its text kept as written when nothing matched.</summary>
public sealed record ResolvedName(string Text, ResolvedKind Kind, string? Key, string? Name)
{
    /// <summary>The directory's canonical name where resolved, else the text as written.</summary>
    public string Display => Name ?? Text;
}

/// <summary>
/// Resolves agency phrases of plans ("Sở Nội vụ, Sở Tài chính, Sở TNMT; Sở KH&amp;ĐT", "Các sở, ban, ngành, UBND các
/// quận, huyện", "UBND quận, huyện và các cơ quan, đơn vị liên quan") into agencies and groups of the directory as it
/// was on the plan's date. Diacritic- and case-insensitive; abbreviations through <see cref="AgencyMatcher"/>.
/// What does not resolve is kept as text and flagged, never dropped.
/// </summary>
public sealed partial class AgencyPhraseResolver
{
    /// <summary>Phrases that name no particular agency ("các cơ quan, đơn vị có liên quan").</summary>
    private static readonly string[] GenericPhrases =
    [
        "cac co quan, don vi co lien quan", "cac co quan, don vi lien quan", "co quan, don vi co lien quan",
        "co quan, don vi lien quan", "cac co quan, don vi, dia phuong co lien quan", "cac co quan co lien quan",
        "cac co quan lien quan", "co quan lien quan", "cac don vi co lien quan", "cac don vi lien quan",
        "co quan, dia phuong lien quan", "cac co quan, dia phuong lien quan", "cac co quan, don vi khac co lien quan",
        "cac don vi, dia phuong lien quan", "cac dia phuong", "co quan, don vi khac co lien quan",
    ];

    private readonly List<(DirectoryEntry Entry, Regex Pattern)> groupPhrases;
    private static readonly Regex[] GenericPatterns = GenericPhrases.OrderByDescending(p => p.Length).Select(PatternOf).ToArray();
    private readonly List<(DirectoryEntry Entry, PreparedNames Names, HashSet<string> Exact)> agencies;
    /// <summary>Names that hold a comma or "và" (the directory's, then the national list's): one name, taken first.</summary>
    private readonly List<(DirectoryEntry? Entry, string Name, Regex Pattern)> compoundNames;

    public AgencyPhraseResolver(IEnumerable<DirectoryEntry> directory)
    {
        var all = directory.ToList();
        groupPhrases = all.Where(e => e.IsGroup)
            .SelectMany(e => e.Aliases.Prepend(e.Name).Select(a => (Entry: e, Folded: Fold(a).Trim())))
            .Where(x => x.Folded.Length > 0)
            .OrderByDescending(x => x.Folded.Length)
            .Select(x => (x.Entry, PatternOf(x.Folded)))
            .ToList();
        agencies = all.Where(e => !e.IsGroup)
            .Select(e => (e, new AgencyNames(e.Name, e.Aliases).Prepare(),
                e.Aliases.Prepend(e.Name).Select(Key).ToHashSet()))
            .ToList();
        static bool Compound(string name) => name.Contains(',') || Regex.IsMatch(Fold(name), @"\bva\b");
        var known = agencies.SelectMany(a => a.Exact).ToHashSet();
        compoundNames = agencies
            .SelectMany(a => a.Entry.Aliases.Prepend(a.Entry.Name).Where(Compound).Select(n => ((DirectoryEntry?)a.Entry, n)))
            .Concat(NationalAgencies.Names.Where(n => !known.Contains(Key(n))).Select(n => ((DirectoryEntry?)null, n)))
            .OrderByDescending(x => x.n.Length)
            .Select(x => (x.Item1, x.n, PatternOf(Fold(x.n).Trim())))
            .ToList();
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(thuc hien|don doc|huong dan|kiem tra|theo doi|tong hop|trien khai|bao cao)(?![\p{L}\d])")]
    private static partial Regex ActionWords();

    /// <summary>Folded, punctuation kept, one character for one character of the (NFC) text.</summary>
    private static string Fold(string s) => VietnameseText.FoldKeepingPunctuation(s).Replace('&', ' ');

    /// <summary>A phrase as a pattern: any spacing around commas and between words, whole words only.</summary>
    private static Regex PatternOf(string folded)
    {
        var parts = folded.Trim(' ', '.', ';', ',').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(@"\s+", p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
        return new Regex(@"(?<![\p{L}\d])" + string.Join(@"\s*,\s*", parts) + @"(?![\p{L}\d])", RegexOptions.CultureInvariant);
    }

    /// <summary>Words without connectors, for exact comparison ("Sở Giao thông và Vận tải" = "Sở Giao thông vận tải").</summary>
    private static string Key(string s) => string.Join(' ', VietnameseText.Words(s).Where(w => w != "va"));

    public IReadOnlyList<ResolvedName> Resolve(string? phrase, DateOnly? on = null)
    {
        var results = new List<(int Pos, ResolvedName Name)>();
        if (string.IsNullOrWhiteSpace(phrase)) return [];
        var original = VietnameseText.CollapseWhitespace(phrase).Normalize(System.Text.NormalizationForm.FormC);
        var folded = Fold(original);
        var mask = folded.ToCharArray();

        void Take(Regex pattern, Func<string, ResolvedName> make)
        {
            foreach (Match m in pattern.Matches(new string(mask)))
            {
                results.Add((m.Index, make(Slice(original, folded, m.Index, m.Length))));
                for (var i = m.Index; i < m.Index + m.Length; i++) mask[i] = '\u0001';
            }
        }

        foreach (var g in GenericPatterns)
            Take(g, text => new ResolvedName(text, ResolvedKind.Generic, null, null));
        foreach (var (entry, pattern) in groupPhrases.Where(g => g.Entry.ExistsOn(on)).Concat(groupPhrases.Where(g => !g.Entry.ExistsOn(on))))
            Take(pattern, text => new ResolvedName(text, ResolvedKind.Group, entry.Key, entry.Name));
        foreach (var (entry, name, pattern) in compoundNames)
            Take(pattern, text => entry is null
                ? new ResolvedName(text, ResolvedKind.Unresolved, null, name)
                : new ResolvedName(text, ResolvedKind.Agency, entry.Key, entry.Name));

        // What is left: pieces separated by commas and semicolons; "và" separates two agencies only when the
        // whole piece is not itself a name ("Sở Kế hoạch và Đầu tư").
        var rest = new string(mask);
        foreach (Match piece in Regex.Matches(rest, @"[^,;\u0001]+"))
        {
            var whole = piece.Value.Trim(' ', '.', '-', '(', ')', ':');
            if (whole.Length == 0) continue;
            var wholeAt = piece.Index + piece.Value.IndexOf(whole, StringComparison.Ordinal);
            // Words without a capital right after a name, with no comma between, qualify it ("cơ quan ngành dọc đóng tại địa
            // phương", "các cơ quan báo chí trên địa bàn thành phố"): they name no agency of their own.
            if (piece.Index > 0 && rest[piece.Index - 1] == '\u0001' && !Slice(original, folded, wholeAt, whole.Length).Any(char.IsUpper)) continue;
            var resolvedWhole = ResolveOne(Slice(original, folded, wholeAt, whole.Length), on);
            // "Văn phòng UBND thành phố đôn đốc": an agency followed by what it does is that agency.
            if (resolvedWhole.Kind == ResolvedKind.Unresolved && ActionWords().Match(whole) is { Success: true, Index: > 0 } action
                && ResolveOne(Slice(original, folded, wholeAt, action.Index).TrimEnd(), on) is { Kind: ResolvedKind.Agency } acting)
            {
                results.Add((wholeAt, acting));
                continue;
            }
            var parts = Regex.Split(whole, @"\bva\b");
            if (resolvedWhole.Kind == ResolvedKind.Agency || parts.Length == 1)
            {
                if (!IsFiller(whole)) results.Add((wholeAt, resolvedWhole));
                continue;
            }
            // Greedy: the longest run of "và"-separated parts that names an agency ("Sở Kế hoạch và Đầu tư"). A piece
            // none of whose parts names an agency stays one phrase ("Liên hiệp các Hội … và Kỹ thuật" is one name).
            var found = new List<(int, ResolvedName)>();
            var starts = new List<int>();
            var offset = 0;
            foreach (var part in parts) { starts.Add(offset); offset += part.Length + 2; }
            for (var i = 0; i < parts.Length;)
            {
                var taken = false;
                for (var j = parts.Length - 1; j >= i; j--)
                {
                    var span = whole[starts[i]..(starts[j] + parts[j].Length)];
                    var trimmed = span.Trim(' ', '.', '-', '(', ')', ':');
                    if (trimmed.Length == 0) continue;
                    var at = wholeAt + starts[i] + span.IndexOf(trimmed, StringComparison.Ordinal);
                    var resolved = ResolveOne(Slice(original, folded, at, trimmed.Length), on);
                    if (resolved.Kind != ResolvedKind.Agency && j > i) continue;
                    if (!IsFiller(trimmed)) found.Add((at, resolved));
                    i = j + 1;
                    taken = true;
                    break;
                }
                if (!taken) i++;
            }
            if (found.Any(f => f.Item2.Kind == ResolvedKind.Agency)) results.AddRange(found);
            else if (!IsFiller(whole)) results.Add((wholeAt, resolvedWhole));
        }
        // The same agency or group named twice is listed once.
        results = results.GroupBy(r => r.Name.Key ?? "text:" + r.Name.Text).Select(g => g.First()).ToList();
        return results.OrderBy(r => r.Pos).Select(r => r.Name).ToList();
    }

    private static bool IsFiller(string folded) =>
        VietnameseText.Words(folded).All(w => w is "cac" or "khac" or "co" or "lien" or "quan" or "va");

    private ResolvedName ResolveOne(string text, DateOnly? on)
    {
        var key = Key(text);
        var exact = agencies.Where(a => a.Exact.Contains(key)).ToList();
        var pick = Best(exact, on);
        if (pick is null)
        {
            var words = VietnameseText.Words(text).Where(w => w != "va").ToArray();
            // Exact, prefix and abbreviation matches; "all words" only when the words are most of that name
            // ("Sở Giao thông và Vận tải"), not a few words of a longer one ("Báo Hải Phòng" ≠ "Bảo hiểm xã hội … Hải Phòng").
            int Acceptable(PreparedName n)
            {
                var score = AgencyMatcher.Score(words, new PreparedNames([n]));
                if (score >= 70) return score;
                return score >= 62 && words.Length >= 2 && words.Length >= 0.75 * n.Words.Count(w => w != "va") ? score : 0;
            }
            var scored = agencies.Select(a => (a, Score: a.Names.Names.Max(Acceptable))).Where(x => x.Score > 0).ToList();
            if (scored.Count > 0)
            {
                var top = scored.Max(x => x.Score);
                pick = Best(scored.Where(x => x.Score == top).Select(x => x.a).ToList(), on);
            }
        }
        return pick is { } p ? new ResolvedName(text, ResolvedKind.Agency, p.Key, p.Name) : new ResolvedName(text, ResolvedKind.Unresolved, null, null);
    }

    /// <summary>One candidate, preferring the one that existed on the date; ambiguity resolves nothing.</summary>
    private static DirectoryEntry? Best(List<(DirectoryEntry Entry, PreparedNames Names, HashSet<string> Exact)> candidates, DateOnly? on)
    {
        if (candidates.Count == 0) return null;
        var existing = candidates.Where(c => c.Entry.ExistsOn(on)).ToList();
        var pool = existing.Count > 0 ? existing : candidates;
        var distinct = pool.Select(c => c.Entry).DistinctBy(e => e.Key).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }

    /// <summary>The original text under a span of the folded text (folding keeps one character per character).</summary>
    private static string Slice(string original, string folded, int at, int length) =>
        original.Length == folded.Length ? original.Substring(at, length).Trim() : folded.Substring(at, length).Trim();
}
