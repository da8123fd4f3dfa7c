using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The survey staff make a kiosk link for one agency's counter (audited): its code is a 128-bit secret, the only
/// credential the kiosk holds; it opens the kiosk page and authorises the kiosk's sends for that programme and agency.
/// </summary>
public sealed class CreateKiosk(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxLabel = 200;

    public static string NewCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public Task<SurveyKiosk> RunAsync(int programmeId, int agencyId, string? label, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct) ?? throw new KeyNotFoundException();
        if (programme.State is SurveyState.Computed or SurveyState.Published) throw new SurveyRuleException("Đợt khảo sát đã kết thúc.");
        if (!(await SurveyForms.AgenciesAsync(db, programme, ct)).Any(a => a.Id == agencyId))
            throw new SurveyRuleException("Cơ quan không thuộc đợt khảo sát này.");
        var name = (label ?? "").Trim();
        if (name.Length > MaxLabel) throw new SurveyRuleException($"Tên kiosk tối đa {MaxLabel} ký tự.");
        var kiosk = new SurveyKiosk
        {
            ProgrammeId = programmeId, AgencyId = agencyId, Code = NewCode(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            Label = name.Length > 0 ? name : "Kiosk tại bộ phận một cửa",
        };
        db.SurveyKiosks.Add(kiosk);
        audit.Record("kiosk", CreateProgramme.EntityType, programmeId.ToString(CultureInfo.InvariantCulture), agencyId,
            $"Tạo đường dẫn kiosk khảo sát: {kiosk.Label}", [new FieldChange("Kiosk", null, kiosk.Label)]);
        await db.SaveChangesAsync(ct);
        return kiosk;
    }, ct);

    /// <summary>The kiosk of a code for a programme, or null (an unknown or malformed code).</summary>
    public static Task<SurveyKiosk?> FindAsync(ParHubDbContext db, int programmeId, string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 64 ? Task.FromResult<SurveyKiosk?>(null)
            : db.SurveyKiosks.AsNoTracking().SingleOrDefaultAsync(k => k.ProgrammeId == programmeId && k.Code == code, ct);
}
