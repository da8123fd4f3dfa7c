using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Reports;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The Coordinator types each agency's population N (Vietnamese notation, "12.500") and, optionally, its own target
/// (%; empty = the programme's); every bad value is listed and nothing is stored until all are right; the changes and
/// their audit line commit together. An agency left out of <c>targets</c> keeps its target (a population file without
/// a target column); a row with neither N nor a target is removed.
/// </summary>
public sealed class SetPopulations(ParHubDbContext db, AuditLog audit)
{
    public const int MaxPopulation = 50_000_000;

    public Task<int> RunAsync(int programmeId, IReadOnlyDictionary<int, string?> typed, IReadOnlyDictionary<int, string?>? targets = null,
        CancellationToken ct = default) => db.InTransactionAsync(async () =>
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
        var goals = new Dictionary<int, decimal?>();
        foreach (var (agency, text) in targets ?? new Dictionary<int, string?>())
        {
            if (!agencies.TryGetValue(agency, out var name)) { errors.Add("Có cơ quan không thuộc đợt khảo sát."); continue; }
            if (string.IsNullOrWhiteSpace(text)) { goals[agency] = null; continue; }
            if (!SipasTargets.TryParse(text, out var t)) errors.Add($"{name}: {SipasTargets.Problem(text.Trim())}");
            else goals[agency] = t;
        }
        if (errors.Count > 0) throw new SurveyRuleException(string.Join(" ", errors.Distinct()));
        var stored = await db.SurveyPopulations.Where(x => x.ProgrammeId == programmeId).ToDictionaryAsync(x => x.AgencyId, ct);
        var changes = new List<FieldChange>();
        var changed = 0;
        foreach (var agency in values.Keys.Union(goals.Keys))
        {
            stored.TryGetValue(agency, out var row);
            var population = values.TryGetValue(agency, out var v) ? v : row?.Population;
            var target = goals.TryGetValue(agency, out var g) ? g : row?.TargetPercent;
            if (row?.Population != population)
                changes.Add(new FieldChange($"N[{agency}]", row?.Population?.ToString(CultureInfo.InvariantCulture),
                    population?.ToString(CultureInfo.InvariantCulture)));
            if (row?.TargetPercent != target)
                changes.Add(new FieldChange($"Target[{agency}]", row?.TargetPercent?.ToString(CultureInfo.InvariantCulture),
                    target?.ToString(CultureInfo.InvariantCulture)));
            if (row?.Population == population && row?.TargetPercent == target) continue;
            changed++;
            if (population is null && target is null) { if (row is not null) db.SurveyPopulations.Remove(row); }
            else if (row is null)
                db.SurveyPopulations.Add(new SurveyPopulation
                { ProgrammeId = programmeId, AgencyId = agency, Population = population, TargetPercent = target });
            else (row.Population, row.TargetPercent) = (population, target);
        }
        if (changes.Count == 0) return 0;
        var what = changes.Any(c => c.Field.StartsWith("Target", StringComparison.Ordinal)) ? "Cập nhật tổng thể (N) và mục tiêu" : "Cập nhật tổng thể (N)";
        audit.Record("population", CreateProgramme.EntityType, programmeId.ToString(CultureInfo.InvariantCulture), null,
            $"{what} của {changed} cơ quan", changes);
        await db.SaveChangesAsync(ct);
        return changed;
    }, ct);
}
