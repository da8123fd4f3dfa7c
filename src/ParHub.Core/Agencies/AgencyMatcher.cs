using ParHub.Core.Text;

namespace ParHub.Core.Agencies;

/// <summary>The names under which an agency can be found: full name, short name and aliases.</summary>
public sealed record AgencyNames(string Name, IReadOnlyList<string> OtherNames)
{
    /// <summary>The folded words of every name, with their joined form and initials, computed once.</summary>
    public PreparedNames Prepare() =>
        new(OtherNames.Prepend(Name).Select(VietnameseText.Words).Where(w => w.Length > 0).Select(PreparedName.Of).ToArray());
}

/// <summary>One name folded into words, with what the matcher compares against.</summary>
public sealed record PreparedName(string[] Words, string Joined, string[] Initials, (string[] Title, string RestInitials)[] Titled)
{
    public static PreparedName Of(string[] words) =>
        new(words, string.Join(' ', words), AgencyMatcher.Initials(words).Distinct().ToArray(), AgencyMatcher.TitleSplits(words).ToArray());
}

/// <summary>Names already folded, ready for <see cref="AgencyMatcher.Score(string, PreparedNames)"/>.</summary>
public sealed record PreparedNames(PreparedName[] Names);

/// <summary>
/// Scores how well a typed query finds an agency. Matching is diacritic- and case-insensitive and works on
/// words ("so ke hoach" → "Sở Kế hoạch và Đầu tư"), on any order of words ("kế hoạch đầu tư"), and on
/// abbreviations ("KH&amp;ĐT", "SKHĐT") which are matched against the initials of the name's words.
/// </summary>
public static class AgencyMatcher
{
    private static readonly HashSet<string> ConnectorWords = ["va", "cua", "thuoc"];

    /// <summary>Words that open an agency's name and are not part of its abbreviation ("Sở", "UBND"…).</summary>
    private static readonly string[][] TitlePrefixes =
    [
        ["so"], ["ban"], ["uy", "ban", "nhan", "dan"], ["ubnd"], ["van", "phong"], ["thanh", "tra"],
    ];

    /// <summary>0 when the query does not find the agency; higher is a better match.</summary>
    public static int Score(string query, AgencyNames names) => Score(query, names.Prepare());

    public static int Score(string query, PreparedNames names) => Score(VietnameseText.Words(query), names);

    /// <summary>Scores already-folded query words (see <see cref="VietnameseText.Words"/>).</summary>
    public static int Score(string[] queryWords, PreparedNames names)
    {
        if (queryWords.Length == 0) return 0;
        var best = 0;
        foreach (var words in names.Names)
        {
            best = Math.Max(best, ScoreOne(queryWords, words));
        }
        return best;
    }

    private static int ScoreOne(string[] queryWords, PreparedName name)
    {
        var words = name.Words;
        var foldedQuery = string.Join(' ', queryWords);
        if (name.Joined == foldedQuery) return 100;
        if (name.Joined.StartsWith(foldedQuery, StringComparison.Ordinal)) return 80;

        // Every query word is a word (or the start of a word) of the name, in any order.
        var allWords = true;
        foreach (var q in queryWords)
        {
            var found = false;
            foreach (var w in words)
                if (w.StartsWith(q, StringComparison.Ordinal)) { found = true; break; }
            if (!found) { allWords = false; break; }
        }
        if (allWords) return 60 + Math.Min(queryWords.Length, 10);

        // Abbreviations: the compact query against the initials of the name, with or without the title word.
        var compactQuery = string.Concat(queryWords);
        if (compactQuery.Length >= 2)
        {
            if (Array.IndexOf(name.Initials, compactQuery) >= 0) return 70;
            // Mixed: "Sở KH&ĐT" → title words kept, rest abbreviated.
            foreach (var (title, restInitials) in name.Titled)
            {
                if (queryWords.Length > title.Length && queryWords.AsSpan(0, title.Length).SequenceEqual(title)
                    && string.Concat(queryWords.Skip(title.Length)) == restInitials) return 75;
            }
        }
        return 0;
    }

    /// <summary>For each title prefix of the name ("Sở", "UBND"…): the title words and the initials of the rest.</summary>
    public static IEnumerable<(string[] Title, string RestInitials)> TitleSplits(string[] words) =>
        SplitTitle(words).Where(s => s.Title.Length > 0)
            .Select(s => (s.Title, string.Concat(s.Remainder.Where(w => !ConnectorWords.Contains(w)).Select(w => w[0]))));

    /// <summary>Initials of the whole name and of the name without its title words, connectors left out.</summary>
    public static IEnumerable<string> Initials(string[] words)
    {
        foreach (var (title, rest) in SplitTitle(words))
        {
            var content = rest.Where(w => !ConnectorWords.Contains(w)).ToArray();
            if (content.Length == 0) continue;
            var restInitials = string.Concat(content.Select(w => w[0]));
            yield return restInitials;
            if (title.Length > 0) yield return string.Concat(title.Select(w => w[0])) + restInitials;
        }
    }

    private static IEnumerable<(string[] Title, string[] Remainder)> SplitTitle(string[] words)
    {
        yield return ([], words);
        foreach (var prefix in TitlePrefixes)
        {
            if (words.Length > prefix.Length && words.Take(prefix.Length).SequenceEqual(prefix))
                yield return (prefix, words[prefix.Length..]);
        }
    }
}
