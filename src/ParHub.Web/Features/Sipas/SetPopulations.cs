using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Reports;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The Coordinator types each agency's population N (Vietnamese notation, "12.500"); every bad value is listed and
/// nothing is stored until all are right; the changes and their audit line commit together.
/// </summary>
public sealed class SetPopulations(ParHubDbContext db, AuditLog audit)
{
    public const int MaxPopulation = 50_000_000;

    public Task<int> RunAsync(int programmeId, IReadOnlyDictionary<int, string?> typed, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct)
            ?? throw new KeyNotFoundException();
        var agencies = (await SurveyForms.AgenciesAsync(db, programme, ct)).ToDictionary(a => a.Id, a => a.Name);
        var errors = new List<string>();
        var values = new Dictionary<int, int?>();
        foreach (var (agency, text) in typed)
        {
            if (!agencies.TryGetValue(agency, out var name)) { errors.Add("Có cơ quan không thuộc đợt khảo sát."); continue; }
            if (string.IsNullOrWhiteSpace(text)) { values[agency] = null; continue; }
            if (!VietnameseNumber.TryParse(text, out var n) || n != decimal.Truncate(n) || n < 0 || n > MaxPopulation)
                errors.Add($"{name}: “{text}” không phải số nguyên từ 0 đến {VietnameseNumber.Format(MaxPopulation)}.");
            else values[agency] = (int)n;
        }
        if (errors.Count > 0) throw new SurveyRuleException(string.Join(" ", errors));
        var stored = await db.SurveyPopulations.Where(x => x.ProgrammeId == programmeId).ToDictionaryAsync(x => x.AgencyId, ct);
        var changes = new List<FieldChange>();
        foreach (var (agency, value) in values)
        {
            stored.TryGetValue(agency, out var row);
            if (row?.Population == value) continue;
            changes.Add(new FieldChange($"N[{agency}]", row?.Population.ToString(CultureInfo.InvariantCulture), value?.ToString(CultureInfo.InvariantCulture)));
            if (value is null) db.SurveyPopulations.Remove(row!);
            else if (row is null) db.SurveyPopulations.Add(new SurveyPopulation { ProgrammeId = programmeId, AgencyId = agency, Population = value.Value });
            else row.Population = value.Value;
        }
        if (changes.Count == 0) return 0;
        audit.Record("population", CreateProgramme.EntityType, programmeId.ToString(CultureInfo.InvariantCulture), null,
            $"Cập nhật tổng thể (N) của {changes.Count} cơ quan", changes);
        await db.SaveChangesAsync(ct);
        return changes.Count;
    }, ct);
}
