using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>Single-use invitations: issued in a batch for one agency (audited), looked up by the public form.</summary>
public sealed class SurveyTokens(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxBatch = 500;
    public const string UsedMessage = "Mã phiếu này đã được sử dụng hoặc không hợp lệ. Cảm ơn ông/bà đã tham gia khảo sát.";
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read aloud or typed from the slip

    /// <summary>A new random code: 12 characters of a 32-letter alphabet, 60 bits.</summary>
    public static string NewCode() => string.Create(12, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });

    public Task<List<SurveyToken>> IssueAsync(int programmeId, int agencyId, int count, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        if (count is < 1 or > MaxBatch) throw new SurveyRuleException($"Số phiếu mời mỗi lần từ 1 đến {MaxBatch}.");
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct)
            ?? throw new KeyNotFoundException();
        if (programme.State is SurveyState.Computed or SurveyState.Published) throw new SurveyRuleException("Đợt khảo sát đã kết thúc.");
        if (!(await SurveyForms.AgenciesAsync(db, programme, ct)).Any(a => a.Id == agencyId))
            throw new SurveyRuleException("Cơ quan không thuộc đợt khảo sát này.");
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = Enumerable.Range(0, count)
            .Select(_ => new SurveyToken { ProgrammeId = programmeId, AgencyId = agencyId, Code = NewCode(), CreatedAt = now }).ToList();
        db.SurveyTokens.AddRange(tokens);
        audit.Record("tokens", CreateProgramme.EntityType, programmeId.ToString(CultureInfo.InvariantCulture), agencyId,
            $"Phát hành {count} phiếu mời khảo sát", [new FieldChange("Tokens", null, count.ToString(CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
        return tokens;
    }, ct);

    /// <summary>The token of a code for a programme, or null.</summary>
    public Task<SurveyToken?> FindAsync(int programmeId, string? code, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 32 ? Task.FromResult<SurveyToken?>(null)
            : db.SurveyTokens.AsNoTracking().SingleOrDefaultAsync(t => t.ProgrammeId == programmeId && t.Code == code.Trim().ToUpperInvariant(), ct);
}
