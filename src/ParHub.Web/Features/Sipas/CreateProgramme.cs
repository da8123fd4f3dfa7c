using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Reports;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The Coordinator plans a year's survey programme: checked as a whole (every problem at once, in Vietnamese), the
/// groups and the PAR cycle checked against the database, stored with its audit line in one transaction.
/// </summary>
public sealed class CreateProgramme(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<SurveyProgramme> RunAsync(ProgrammeInput input, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var groupIds = input.GroupIds.Distinct().ToList();
        var errors = new List<string>();
        if (!VietnameseNumber.TryParse(input.MarginPercent, out var margin))
            errors.Add($"Sai số e: “{input.MarginPercent}” không phải là số (ví dụ 5 hoặc 2,5).");
        if (!VietnameseNumber.TryParse(input.Confidence, out var z)) errors.Add($"Hệ số z: “{input.Confidence}” không phải là số (ví dụ 1,96).");
        var target = SurveyDefaults.TargetPercent;
        if (!string.IsNullOrWhiteSpace(input.TargetPercent) && (!VietnameseNumber.TryParse(input.TargetPercent, out target) || target is <= 0 or > 100))
            errors.Add($"Mục tiêu hài lòng: “{input.TargetPercent}” phải là một tỷ lệ lớn hơn 0 và tối đa 100 (ví dụ 95).");
        var p = new SurveyProgramme
        {
            Year = input.Year, Title = input.Title?.Trim() ?? "",
            Methodology = string.IsNullOrWhiteSpace(input.Methodology) ? SurveyDefaults.Methodology : input.Methodology.Trim(),
            FieldworkFrom = input.FieldworkFrom ?? default, FieldworkTo = input.FieldworkTo ?? default,
            MarginOfError = errors.Count == 0 ? margin / 100m : SurveyDefaults.MarginOfError,
            Confidence = errors.Count == 0 ? z : SurveyDefaults.Confidence, MinResponses = input.MinResponses,
            ParCycleId = input.ParCycleId, TargetPercent = target, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Groups = groupIds.Select(g => new SurveyProgrammeGroup { GroupId = g }).ToList(),
        };
        errors.AddRange(SurveyFlow.Check(p));
        if (input.FieldworkFrom is null || input.FieldworkTo is null) errors.Insert(0, "Vui lòng chọn thời gian thu thập (từ ngày, đến ngày).");
        if (p.Methodology.Length > 100) errors.Add("Phương pháp tối đa 100 ký tự.");
        var known = await db.AgencyGroups.Where(g => groupIds.Contains(g.Id)).CountAsync(ct);
        if (known != groupIds.Count) errors.Add("Có nhóm cơ quan không tồn tại.");
        if (p.ParCycleId is { } cycle && !await db.AssessmentCycles.AnyAsync(c => c.Id == cycle, ct)) errors.Add("Kỳ đánh giá Chỉ số CCHC không tồn tại.");
        if (errors.Count > 0) throw new SurveyRuleException(string.Join(" ", errors));
        p.QuestionnaireId = (await QuestionnaireAsync(ct)).Id;
        db.SurveyProgrammes.Add(p);
        await db.SaveChangesAsync(ct); // the audit line names the new id
        audit.Record("create", EntityType, p.Id.ToString(CultureInfo.InvariantCulture), null, $"Lập đợt khảo sát {p.Title} ({p.Year})",
            [new FieldChange("Fieldwork", null, $"{p.FieldworkFrom:yyyy-MM-dd}..{p.FieldworkTo:yyyy-MM-dd}"),
             new FieldChange("Groups", null, string.Join(",", groupIds)),
             new FieldChange("TargetPercent", null, p.TargetPercent.ToString(CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
        return p;
    }, ct);

    public const string EntityType = "SurveyProgramme";

    /// <summary>The latest version of the Ministry's questionnaire, made from the preset the first time.</summary>
    private async Task<SurveyQuestionnaire> QuestionnaireAsync(CancellationToken ct)
    {
        var latest = await db.SurveyQuestionnaires.Where(q => q.Code == SurveyPreset.Code).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        if (latest is not null) return latest;
        var preset = SurveyPreset.Sipas2023();
        var q = new SurveyQuestionnaire
        {
            Code = preset.Code, Version = 1, Title = preset.Title, Definition = preset.ToJson(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SurveyQuestionnaires.Add(q);
        await db.SaveChangesAsync(ct);
        return q;
    }
}
