using ParHub.Core.Reports;

namespace ParHub.Core.Sipas;

/// <summary>
/// One line of a population table: the agency as written, the agency found (or not), N as written, what is wrong, and
/// the agency's own target as written (empty: none given).
/// </summary>
public sealed record PopulationLine(int Line, string Agency, int? AgencyId, string Population, string? Problem, string Target = "");

/// <summary>
/// Reads a population table (agency code or name in the first column, N in the second; a first row whose N is not a
/// number is a header; an optional third column holds the agency's own target, %). Every line is checked: the agency
/// one of the programme's, once; N a whole number from 0 to <see cref="MaxPopulation"/> in Vietnamese notation
/// ("12.500"); a target, when given, as <see cref="SipasTargets.TryParse"/> takes it.
/// </summary>
public static class PopulationImport
{
    public const int MaxPopulation = 50_000_000;

    public static List<PopulationLine> Read(IReadOnlyList<string[]> rows, IReadOnlyDictionary<string, int> agencies)
    {
        var lookup = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in agencies) lookup[k.Trim()] = v;
        var lines = new List<PopulationLine>();
        var seen = new HashSet<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r];
            var agency = cells.Length > 0 ? cells[0].Trim() : "";
            var n = cells.Length > 1 ? cells[1].Trim() : "";
            var target = cells.Length > 2 ? cells[2].Trim() : "";
            if (agency.Length == 0 && n.Length == 0 && target.Length == 0) continue;
            if (r == 0 && !VietnameseNumber.TryParse(n, out _)) continue; // the header
            string? problem = null;
            int? id = lookup.TryGetValue(agency, out var found) ? found : null;
            if (id is null) problem = agency.Length == 0 ? "Chưa ghi cơ quan." : $"Không tìm thấy cơ quan “{agency}” trong đợt khảo sát.";
            else if (!seen.Add(found)) problem = "Cơ quan này đã có ở dòng trước.";
            else if (!VietnameseNumber.TryParse(n, out var v) || v != decimal.Truncate(v) || v < 0 || v > MaxPopulation)
                problem = $"“{n}” không phải số nguyên từ 0 đến {VietnameseNumber.Format(MaxPopulation)}.";
            else if (target.Length > 0 && !SipasTargets.TryParse(target, out _))
                problem = char.ToUpperInvariant(SipasTargets.Problem(target)[0]) + SipasTargets.Problem(target)[1..];
            lines.Add(new PopulationLine(r + 1, agency, id, n, problem, target));
        }
        return lines;
    }
}
