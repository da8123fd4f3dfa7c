using System.Text;

namespace ParHub.Core.Text;

public enum LegacyEncoding { None, Tcvn3, Vni }

/// <summary>
/// Detects Vietnamese text typed in the legacy TCVN3 (ABC, ".VnTime" fonts) or VNI encodings — characters that show as
/// "Qu¶n lý" or "Quaûn lyù" once read as Latin-1 — and converts it to Unicode. The tables give, for each Vietnamese
/// letter, how the legacy font spells it (they were generated once from the npm package vietnamese-conversion 2.0.0
/// and checked: ỹ in VNI corrected to "yõ").
/// </summary>
public static class LegacyVietnamese
{
    /// <summary>Unicode letter → its TCVN3 spelling (one or two legacy characters, read as Latin-1).</summary>
    private static readonly Dictionary<string, string> Tcvn3Spelling = new()
    {
        ["\u00C0"] = "A\u00B5",
        ["\u00C1"] = "A\u00B8",
        ["\u00C2"] = "\u00A2",
        ["\u00C3"] = "A\u00B7",
        ["\u00C8"] = "E\u00CC",
        ["\u00C9"] = "E\u00D0",
        ["\u00CA"] = "\u00A3",
        ["\u00CC"] = "I\u00D7",
        ["\u00CD"] = "I\u00DD",
        ["\u00D2"] = "O\u00DF",
        ["\u00D3"] = "O\u00E3",
        ["\u00D4"] = "\u00A4",
        ["\u00D5"] = "O\u00E2",
        ["\u00D9"] = "U\u00EF",
        ["\u00DA"] = "U\u00F3",
        ["\u00DD"] = "Y\u00FD",
        ["\u00E0"] = "\u00B5",
        ["\u00E1"] = "\u00B8",
        ["\u00E2"] = "\u00A9",
        ["\u00E3"] = "\u00B7",
        ["\u00E8"] = "\u00CC",
        ["\u00E9"] = "\u00D0",
        ["\u00EA"] = "\u00AA",
        ["\u00EC"] = "\u00D7",
        ["\u00ED"] = "\u00DD",
        ["\u00F2"] = "\u00DF",
        ["\u00F3"] = "\u00E3",
        ["\u00F4"] = "\u00AB",
        ["\u00F5"] = "\u00E2",
        ["\u00F9"] = "\u00EF",
        ["\u00FA"] = "\u00F3",
        ["\u00FD"] = "\u00FD",
        ["\u0102"] = "\u00A1",
        ["\u0103"] = "\u00A8",
        ["\u0110"] = "\u00A7",
        ["\u0111"] = "\u00AE",
        ["\u0128"] = "I\u00DC",
        ["\u0129"] = "\u00DC",
        ["\u0168"] = "U\u00F2",
        ["\u0169"] = "\u00F2",
        ["\u01A0"] = "\u00A5",
        ["\u01A1"] = "\u00AC",
        ["\u01AF"] = "\u00A6",
        ["\u01B0"] = "\u00AD",
        ["\u1EA0"] = "A\u00B9",
        ["\u1EA1"] = "\u00B9",
        ["\u1EA2"] = "A\u00B6",
        ["\u1EA3"] = "\u00B6",
        ["\u1EA4"] = "\u00A2\u00CA",
        ["\u1EA5"] = "\u00CA",
        ["\u1EA6"] = "\u00A2\u00C7",
        ["\u1EA7"] = "\u00C7",
        ["\u1EA8"] = "\u00A2\u00C8",
        ["\u1EA9"] = "\u00C8",
        ["\u1EAA"] = "\u00A2\u00C9",
        ["\u1EAB"] = "\u00C9",
        ["\u1EAC"] = "\u00A2\u00CB",
        ["\u1EAD"] = "\u00CB",
        ["\u1EAE"] = "\u00A1\u00BE",
        ["\u1EAF"] = "\u00BE",
        ["\u1EB0"] = "\u00A1\u00BB",
        ["\u1EB1"] = "\u00BB",
        ["\u1EB2"] = "\u00A1\u00BC",
        ["\u1EB3"] = "\u00BC",
        ["\u1EB4"] = "\u00A1\u00BD",
        ["\u1EB5"] = "\u00BD",
        ["\u1EB6"] = "\u00A1\u00C6",
        ["\u1EB7"] = "\u00C6",
        ["\u1EB8"] = "E\u00D1",
        ["\u1EB9"] = "\u00D1",
        ["\u1EBA"] = "E\u00CE",
        ["\u1EBB"] = "\u00CE",
        ["\u1EBC"] = "E\u00CF",
        ["\u1EBD"] = "\u00CF",
        ["\u1EBE"] = "\u00A3\u00D5",
        ["\u1EBF"] = "\u00D5",
        ["\u1EC0"] = "\u00A3\u00D2",
        ["\u1EC1"] = "\u00D2",
        ["\u1EC2"] = "\u00A3\u00D3",
        ["\u1EC3"] = "\u00D3",
        ["\u1EC4"] = "\u00A3\u00D4",
        ["\u1EC5"] = "\u00D4",
        ["\u1EC6"] = "\u00A3\u00D6",
        ["\u1EC7"] = "\u00D6",
        ["\u1EC8"] = "I\u00D8",
        ["\u1EC9"] = "\u00D8",
        ["\u1ECA"] = "I\u00DE",
        ["\u1ECB"] = "\u00DE",
        ["\u1ECC"] = "O\u00E4",
        ["\u1ECD"] = "\u00E4",
        ["\u1ECE"] = "O\u00E1",
        ["\u1ECF"] = "\u00E1",
        ["\u1ED0"] = "\u00A4\u00E8",
        ["\u1ED1"] = "\u00E8",
        ["\u1ED2"] = "\u00A4\u00E5",
        ["\u1ED3"] = "\u00E5",
        ["\u1ED4"] = "\u00A4\u00E6",
        ["\u1ED5"] = "\u00E6",
        ["\u1ED6"] = "\u00A4\u00E7",
        ["\u1ED7"] = "\u00E7",
        ["\u1ED8"] = "\u00A4\u00E9",
        ["\u1ED9"] = "\u00E9",
        ["\u1EDA"] = "\u00A5\u00ED",
        ["\u1EDB"] = "\u00ED",
        ["\u1EDC"] = "\u00A5\u00EA",
        ["\u1EDD"] = "\u00EA",
        ["\u1EDE"] = "\u00A5\u00EB",
        ["\u1EDF"] = "\u00EB",
        ["\u1EE0"] = "\u00A5\u00EC",
        ["\u1EE1"] = "\u00EC",
        ["\u1EE2"] = "\u00A5\u00EE",
        ["\u1EE3"] = "\u00EE",
        ["\u1EE4"] = "U\u00F4",
        ["\u1EE5"] = "\u00F4",
        ["\u1EE6"] = "U\u00F1",
        ["\u1EE7"] = "\u00F1",
        ["\u1EE8"] = "\u00A6\u00F8",
        ["\u1EE9"] = "\u00F8",
        ["\u1EEA"] = "\u00A6\u00F5",
        ["\u1EEB"] = "\u00F5",
        ["\u1EEC"] = "\u00A6\u00F6",
        ["\u1EED"] = "\u00F6",
        ["\u1EEE"] = "\u00A6\u00F7",
        ["\u1EEF"] = "\u00F7",
        ["\u1EF0"] = "\u00A6\u00F9",
        ["\u1EF1"] = "\u00F9",
        ["\u1EF2"] = "Y\u00FA",
        ["\u1EF3"] = "\u00FA",
        ["\u1EF4"] = "Y\u00FE",
        ["\u1EF5"] = "\u00FE",
        ["\u1EF6"] = "Y\u00FB",
        ["\u1EF7"] = "\u00FB",
        ["\u1EF8"] = "Y\u00FC",
        ["\u1EF9"] = "\u00FC",
    };

    /// <summary>Unicode letter → its VNI spelling (one or two legacy characters, read as Latin-1).</summary>
    private static readonly Dictionary<string, string> VniSpelling = new()
    {
        ["\u00C0"] = "A\u00D8",
        ["\u00C1"] = "A\u00D9",
        ["\u00C2"] = "A\u00C2",
        ["\u00C3"] = "A\u00D5",
        ["\u00C8"] = "E\u00D8",
        ["\u00C9"] = "E\u00D9",
        ["\u00CA"] = "E\u00C2",
        ["\u00CC"] = "\u00CC",
        ["\u00CD"] = "\u00CD",
        ["\u00D2"] = "O\u00D8",
        ["\u00D3"] = "O\u00D9",
        ["\u00D4"] = "O\u00C2",
        ["\u00D5"] = "O\u00D5",
        ["\u00D9"] = "U\u00D8",
        ["\u00DA"] = "U\u00D9",
        ["\u00DD"] = "Y\u00D9",
        ["\u00E0"] = "a\u00F8",
        ["\u00E1"] = "a\u00F9",
        ["\u00E2"] = "a\u00E2",
        ["\u00E3"] = "a\u00F5",
        ["\u00E8"] = "e\u00F8",
        ["\u00E9"] = "e\u00F9",
        ["\u00EA"] = "e\u00E2",
        ["\u00EC"] = "\u00EC",
        ["\u00ED"] = "\u00ED",
        ["\u00F2"] = "o\u00F8",
        ["\u00F3"] = "o\u00F9",
        ["\u00F4"] = "o\u00E2",
        ["\u00F5"] = "o\u00F5",
        ["\u00F9"] = "u\u00F8",
        ["\u00FA"] = "u\u00F9",
        ["\u00FD"] = "y\u00F9",
        ["\u0102"] = "A\u00CA",
        ["\u0103"] = "a\u00EA",
        ["\u0110"] = "\u00D1",
        ["\u0111"] = "\u00F1",
        ["\u0128"] = "\u00D3",
        ["\u0129"] = "\u00F3",
        ["\u0168"] = "U\u00D5",
        ["\u0169"] = "u\u00F5",
        ["\u01A0"] = "\u00D4",
        ["\u01A1"] = "\u00F4",
        ["\u01AF"] = "\u00D6",
        ["\u01B0"] = "\u00F6",
        ["\u1EA0"] = "A\u00CF",
        ["\u1EA1"] = "a\u00EF",
        ["\u1EA2"] = "A\u00DB",
        ["\u1EA3"] = "a\u00FB",
        ["\u1EA4"] = "A\u00C1",
        ["\u1EA5"] = "a\u00E1",
        ["\u1EA6"] = "A\u00C0",
        ["\u1EA7"] = "a\u00E0",
        ["\u1EA8"] = "A\u00C5",
        ["\u1EA9"] = "a\u00E5",
        ["\u1EAA"] = "A\u00C3",
        ["\u1EAB"] = "a\u00E3",
        ["\u1EAC"] = "A\u00C4",
        ["\u1EAD"] = "a\u00E4",
        ["\u1EAE"] = "A\u00C9",
        ["\u1EAF"] = "a\u00E9",
        ["\u1EB0"] = "A\u00C8",
        ["\u1EB1"] = "a\u00E8",
        ["\u1EB2"] = "A\u00DA",
        ["\u1EB3"] = "a\u00FA",
        ["\u1EB4"] = "A\u00DC",
        ["\u1EB5"] = "a\u00FC",
        ["\u1EB6"] = "A\u00CB",
        ["\u1EB7"] = "a\u00EB",
        ["\u1EB8"] = "E\u00CF",
        ["\u1EB9"] = "e\u00EF",
        ["\u1EBA"] = "E\u00DB",
        ["\u1EBB"] = "e\u00FB",
        ["\u1EBC"] = "E\u00D5",
        ["\u1EBD"] = "e\u00F5",
        ["\u1EBE"] = "E\u00C1",
        ["\u1EBF"] = "e\u00E1",
        ["\u1EC0"] = "E\u00C0",
        ["\u1EC1"] = "e\u00E0",
        ["\u1EC2"] = "E\u00C5",
        ["\u1EC3"] = "e\u00E5",
        ["\u1EC4"] = "E\u00C3",
        ["\u1EC5"] = "e\u00E3",
        ["\u1EC6"] = "E\u00C4",
        ["\u1EC7"] = "e\u00E4",
        ["\u1EC8"] = "\u00C6",
        ["\u1EC9"] = "\u00E6",
        ["\u1ECA"] = "\u00D2",
        ["\u1ECB"] = "\u00F2",
        ["\u1ECC"] = "O\u00CF",
        ["\u1ECD"] = "o\u00EF",
        ["\u1ECE"] = "O\u00DB",
        ["\u1ECF"] = "o\u00FB",
        ["\u1ED0"] = "O\u00C1",
        ["\u1ED1"] = "o\u00E1",
        ["\u1ED2"] = "O\u00C0",
        ["\u1ED3"] = "o\u00E0",
        ["\u1ED4"] = "O\u00C5",
        ["\u1ED5"] = "o\u00E5",
        ["\u1ED6"] = "O\u00C3",
        ["\u1ED7"] = "o\u00E3",
        ["\u1ED8"] = "O\u00C4",
        ["\u1ED9"] = "o\u00E4",
        ["\u1EDA"] = "\u00D4\u00D9",
        ["\u1EDB"] = "\u00F4\u00F9",
        ["\u1EDC"] = "\u00D4\u00D8",
        ["\u1EDD"] = "\u00F4\u00F8",
        ["\u1EDE"] = "\u00D4\u00DB",
        ["\u1EDF"] = "\u00F4\u00FB",
        ["\u1EE0"] = "\u00D4\u00D5",
        ["\u1EE1"] = "\u00F4\u00F5",
        ["\u1EE2"] = "\u00D4\u00CF",
        ["\u1EE3"] = "\u00F4\u00EF",
        ["\u1EE4"] = "U\u00CF",
        ["\u1EE5"] = "u\u00EF",
        ["\u1EE6"] = "U\u00DB",
        ["\u1EE7"] = "u\u00FB",
        ["\u1EE8"] = "\u00D6\u00D9",
        ["\u1EE9"] = "\u00F6\u00F9",
        ["\u1EEA"] = "\u00D6\u00D8",
        ["\u1EEB"] = "\u00F6\u00F8",
        ["\u1EEC"] = "\u00D6\u00DB",
        ["\u1EED"] = "\u00F6\u00FB",
        ["\u1EEE"] = "\u00D6\u00D5",
        ["\u1EEF"] = "\u00F6\u00F5",
        ["\u1EF0"] = "\u00D6\u00CF",
        ["\u1EF1"] = "\u00F6\u00EF",
        ["\u1EF2"] = "Y\u00D8",
        ["\u1EF3"] = "y\u00F8",
        ["\u1EF4"] = "\u00CE",
        ["\u1EF5"] = "\u00EE",
        ["\u1EF6"] = "\u00CB",
        ["\u1EF7"] = "\u00EB",
        ["\u1EF8"] = "Y\u00D5",
        ["\u1EF9"] = "y\u00F5",
    };

    private static readonly Lazy<(Dictionary<string, string> Map, int MaxLength)> Tcvn3Reverse = new(() => Reverse(Tcvn3Spelling));
    private static readonly Lazy<(Dictionary<string, string> Map, int MaxLength)> VniReverse = new(() => Reverse(VniSpelling));

    private static (Dictionary<string, string>, int) Reverse(Dictionary<string, string> spelling)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unicode, legacy) in spelling) map.TryAdd(legacy, unicode);
        return (map, map.Keys.Max(k => k.Length));
    }

    /// <summary>Characters that the legacy encodings use for Vietnamese letters but Unicode Vietnamese text never does.</summary>
    private const string Tcvn3Markers = "\u00B8\u00B5\u00B6\u00B7\u00B9\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00BE\u00BB\u00C6"
        + "\u00CB\u00D0\u00D1\u00D5\u00DE\u00E6\u00F9\u00FA\u00F5\u00F8\u00BC\u00BD\u00A6\u00A7";

    public static LegacyEncoding Detect(string text)
    {
        if (string.IsNullOrEmpty(text)) return LegacyEncoding.None;
        int vietnameseUnicode = 0, latin1 = 0, tcvn3 = 0, vni = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\u0100' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9') vietnameseUnicode++;
            if (c is >= '\u00A0' and <= '\u00FF')
            {
                latin1++;
                if (Tcvn3Markers.Contains(c)) tcvn3++;
                // VNI: a vowel followed by one of its tone or shape characters ("aù", "oâ", "ö").
                if (i > 0 && "aeiouyAEIOUY".Contains(text[i - 1])
                    && ("\u00F9\u00F8\u00FB\u00F5\u00EF\u00E2\u00EA\u00F4\u00E1\u00E0\u00E5\u00E3\u00E4"
                        + "\u00D9\u00D8\u00DB\u00D5\u00CF\u00C2\u00CA\u00D4").Contains(c))
                    vni++;
            }
        }
        // Real Unicode Vietnamese has its own letters; legacy text has none, and many legacy characters instead.
        if (vietnameseUnicode > latin1 / 4 || latin1 < 3) return LegacyEncoding.None;
        if (vni >= 3 && vni >= tcvn3) return LegacyEncoding.Vni;
        if (tcvn3 >= 3) return LegacyEncoding.Tcvn3;
        return LegacyEncoding.None;
    }

    public static string ToUnicode(string text, LegacyEncoding encoding)
    {
        if (encoding == LegacyEncoding.None) return text;
        var (map, max) = encoding == LegacyEncoding.Tcvn3 ? Tcvn3Reverse.Value : VniReverse.Value;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var matched = false;
            for (var len = Math.Min(max, text.Length - i); len >= 1; len--)
            {
                if (map.TryGetValue(text.Substring(i, len), out var unicode))
                {
                    sb.Append(unicode);
                    i += len;
                    matched = true;
                    break;
                }
            }
            if (!matched) sb.Append(text[i++]);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Converts text if it is in a legacy encoding; says which one it was.</summary>
    public static (string Text, LegacyEncoding Was) Normalize(string text)
    {
        var detected = Detect(text);
        return (ToUnicode(text, detected), detected);
    }

    /// <summary>The legacy spelling of Unicode text (for tests and for producing samples).</summary>
    public static string FromUnicode(string text, LegacyEncoding encoding)
    {
        var spelling = encoding == LegacyEncoding.Tcvn3 ? Tcvn3Spelling : VniSpelling;
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
            sb.Append(spelling.TryGetValue(c.ToString(), out var legacy) ? legacy : c.ToString());
        return sb.ToString();
    }
}
