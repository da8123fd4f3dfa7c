namespace ParHub.Core.Text;

/// <summary>
/// A title written in capitals ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC") as a
/// sentence that keeps its proper names: acronyms stay ("CCHC", "KT-XH"), names the caller knows (the directory's
/// agencies) are written as it writes them — matched without diacritics, so a typo in the capitals ("HÀI PHÒNG") reads
/// as the directory's "Hải Phòng" —, and a place named at the end after "tỉnh", "thành phố", "quận", "huyện", "thị xã",
/// "xã", "phường" or "đặc khu" (in at most four words, no figures) gets capital initials ("thành phố Hồ Chí Minh"). Text with
/// any lower-case letter is left as it is.
/// </summary>
public static class SentenceCase
{
    private static readonly string[][] PlaceWords =
        [["tinh"], ["thanh", "pho"], ["quan"], ["huyen"], ["thi", "xa"], ["xa"], ["phuong"], ["dac", "khu"], ["tp"]];

    public static string Of(string text, IEnumerable<string>? properNames = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsLower)) return text;
        var culture = VietnameseCollation.Culture;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(w => VietnameseText.Fold(w)).ToArray();
        var result = words.Select((w, i) => IsAcronym(w) || (i > 0 && IsNumeral(w, folded[i - 1])) ? w
            : i == 0 ? w[..1] + w[1..].ToLower(culture) : w.ToLower(culture)).ToArray();
        var done = new bool[words.Length];

        // Known names, longest first: their words replace the matching words (punctuation around a word kept).
        foreach (var name in (properNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().OrderByDescending(n => n.Length))
        {
            var nameWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var nameFolded = nameWords.Select(w => VietnameseText.Fold(w)).ToArray();
            if (nameFolded.Any(f => f.Length == 0)) continue;
            for (var i = 0; i + nameWords.Length <= words.Length; i++)
            {
                if (done[i] || !nameFolded.Select((f, k) => folded[i + k] == f).All(x => x)) continue;
                for (var k = 0; k < nameWords.Length; k++)
                {
                    var keep = i + k == 0 ? nameWords[k][..1].ToUpper(culture) + nameWords[k][1..] : nameWords[k];
                    result[i + k] = Around(words[i + k], Core(keep));
                    done[i + k] = true;
                }
            }
        }

        // A place named at the end of the title: capital initials after its kind.
        for (var i = 0; i < words.Length; i++)
            foreach (var kind in PlaceWords)
            {
                var end = i + kind.Length;
                if (end >= words.Length || !kind.Select((k, n) => folded[i + n] == k).All(x => x)) continue;
                if (words[i..end].Any(w => Core(w) != w)) continue; // "tỉnh," is no place kind
                // The name runs to the end, unbroken, in a few words without figures ("… CỦA THÀNH PHỐ NĂM 2025" names no place).
                var name = words[end..];
                if (name.Length > 4 || name.SkipLast(1).Any(w => Core(w) != w) || name.Any(w => w.Any(char.IsDigit))) continue;
                for (var k = end; k < words.Length; k++)
                    if (!done[k]) result[k] = Around(words[k], Initial(Core(result[k]), culture));
                return string.Join(' ', result);
            }
        return string.Join(' ', result);
    }

    /// <summary>Vietnamese syllables have a vowel; "CCHC", "KT-XH", "QPPL" do not ("PAKN", "UBND", "HĐND"… are named).</summary>
    public static bool IsAcronym(string w)
    {
        var bare = w.TrimEnd(',', ';', '.', ')', ':').TrimStart('(');
        return bare.Length > 1 && (bare is "PAKN" or "UBND" or "HĐND" or "UBMTTQ" or "SIPAS" or "PAPI" or "PCI"
            || !VietnameseText.Fold(bare).Any(c => "aeiouy".Contains(c)));
    }

    /// <summary>A Roman numeral after the word that numbers with it: "QUÝ I", "PHẦN II", "PHỤ LỤC IV", "MỤC III".</summary>
    private static bool IsNumeral(string w, string before) =>
        before is "quy" or "phan" or "muc" or "chuong" or "luc" or "dieu" && Core(w).Length > 0 && Core(w).All(c => "IVXLC".Contains(c));

    private static string Core(string w) => w.Trim(',', ';', '.', ')', '(', ':', '"', '*');

    /// <summary>The word's own punctuation around a new core ("PHÒNG," → "Phòng,").</summary>
    private static string Around(string original, string core)
    {
        var inner = Core(original);
        var start = original.IndexOf(inner, StringComparison.Ordinal);
        return start < 0 ? core : original[..start] + core + original[(start + inner.Length)..];
    }

    private static string Initial(string w, System.Globalization.CultureInfo culture) =>
        w.Length == 0 ? w : w[..1].ToUpper(culture) + w[1..].ToLower(culture);
}
