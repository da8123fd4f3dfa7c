using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>The programme a public form answers, checked: collecting, and surveying the agency.</summary>
public static class SurveyForms
{
    public static async Task<(SurveyProgramme Programme, SurveyDefinition Definition, int QuestionnaireId)> OpenAsync(
        ParHubDbContext db, int programmeId, int agencyId, CancellationToken ct)
    {
        var form = await SurveyFormCache.LoadAsync(db, programmeId, ct) ?? throw new SurveyRuleException("Không tìm thấy đợt khảo sát.");
        if (form.Programme.State != SurveyState.Collecting) throw new SurveyRuleException("Đợt khảo sát này hiện không nhận phiếu.");
        if (!form.Surveys(agencyId)) throw new SurveyRuleException("Cơ quan được đánh giá không thuộc đợt khảo sát này.");
        return (form.Programme, form.Definition, form.QuestionnaireId);
    }

    /// <summary>A programme with the groups it surveys (read only), or null.</summary>
    public static Task<SurveyProgramme?> ProgrammeAsync(ParHubDbContext db, int id, CancellationToken ct) =>
        db.SurveyProgrammes.AsNoTracking().Include(p => p.Groups).SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The agencies a programme surveys by code, name and short name (any case), as a file names them.</summary>
    public static async Task<Dictionary<string, int>> AgencyLookupAsync(ParHubDbContext db, SurveyProgramme programme, CancellationToken ct)
    {
        var ids = (await AgenciesAsync(db, programme, ct)).Select(a => a.Id).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name, a.ShortName })
            .ToListAsync(ct);
        var lookup = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in agencies)
            foreach (var key in new[] { a.Code, a.Name, a.ShortName })
                if (!string.IsNullOrWhiteSpace(key)) lookup.TryAdd(key.Trim(), a.Id);
        return lookup;
    }

    /// <summary>The agencies a programme surveys: the members of its groups that exist during its fieldwork, by name.</summary>
    public static async Task<List<(int Id, string Name)>> AgenciesAsync(ParHubDbContext db, SurveyProgramme programme, CancellationToken ct)
    {
        var groups = programme.Groups.Select(g => g.GroupId).ToList();
        // Only agencies that exist during the fieldwork (a district merged away in 2025 is not surveyed in 2026).
        DateOnly from = programme.FieldworkFrom, to = programme.FieldworkTo;
        var rows = await db.AgencyGroups.AsNoTracking().Where(g => groups.Contains(g.Id)).SelectMany(g => g.Members)
            .Join(db.Agencies, m => m.AgencyId, a => a.Id, (m, a) => a)
            .Where(a => (a.ValidFrom == null || a.ValidFrom <= to) && (a.ValidTo == null || a.ValidTo >= from))
            .Select(a => new { a.Id, a.Name }).Distinct().ToListAsync(ct);
        return rows.OrderBy(a => a.Name, ParHub.Core.Text.VietnameseCollation.Comparer).Select(a => (a.Id, a.Name)).ToList();
    }
}
