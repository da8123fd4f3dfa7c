using ParHub.Core.Text;

namespace ParHub.Core.Agencies;

/// <summary>The names under which an agency can be found: full name, short name and aliases.</summary>
public sealed record AgencyNames(string Name, IReadOnlyList<string> OtherNames);

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
    public static int Score(string query, AgencyNames names)
    {
        var queryWords = VietnameseText.Words(query);
        if (queryWords.Length == 0) return 0;
        var best = 0;
        foreach (var candidate in names.OtherNames.Prepend(names.Name))
        {
            best = Math.Max(best, ScoreOne(queryWords, candidate));
        }
        return best;
    }

    private static int ScoreOne(string[] queryWords, string candidate)
    {
        var words = VietnameseText.Words(candidate);
        if (words.Length == 0) return 0;
        var foldedQuery = string.Join(' ', queryWords);
        var foldedName = string.Join(' ', words);
        if (foldedName == foldedQuery) return 100;
        if (foldedName.StartsWith(foldedQuery, StringComparison.Ordinal)) return 80;

        // Every query word is a word (or the start of a word) of the name, in any order.
        var allWords = queryWords.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal)));
        if (allWords) return 60 + Math.Min(queryWords.Length, 10);

        // Abbreviations: the compact query against the initials of the name, with or without the title word.
        var compactQuery = string.Concat(queryWords);
        if (compactQuery.Length >= 2)
        {
            foreach (var initials in Initials(words))
            {
                if (initials == compactQuery) return 70;
            }
            // Mixed: "Sở KH&ĐT" → title words kept, rest abbreviated.
            foreach (var (title, rest) in SplitTitle(words))
            {
                var restInitials = string.Concat(rest.Where(w => !ConnectorWords.Contains(w)).Select(w => w[0]));
                var titleWords = queryWords.Take(title.Length).ToArray();
                if (title.Length > 0 && titleWords.SequenceEqual(title)
                    && string.Concat(queryWords.Skip(title.Length)) == restInitials) return 75;
            }
        }
        return 0;
    }

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
