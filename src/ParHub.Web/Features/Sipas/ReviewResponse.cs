using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// The survey staff review a response: valid, on hold while it is checked, or rejected with a reason (phúc tra);
/// only valid responses count. Refused once the results are published; audited with the change.
/// </summary>
public sealed class ReviewResponse(ParHubDbContext db, AuditLog audit)
{
    public const int MaxReason = 500;

    public Task RunAsync(long responseId, ResponseStatus status, string? reason, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var r = await db.SurveyResponses.SingleOrDefaultAsync(x => x.Id == responseId, ct) ?? throw new KeyNotFoundException();
        var state = await db.SurveyProgrammes.Where(p => p.Id == r.ProgrammeId).Select(p => p.State).SingleAsync(ct);
        if (state == SurveyState.Published) throw new SurveyRuleException("Kết quả đã công bố; không đổi trạng thái phiếu được nữa.");
        var why = reason?.Trim() ?? "";
        if (status != ResponseStatus.Valid && why.Length == 0) throw new SurveyRuleException("Ghi lý do khi tạm giữ hoặc loại phiếu.");
        if (why.Length > MaxReason) throw new SurveyRuleException($"Lý do tối đa {MaxReason} ký tự.");
        var before = r.Status;
        r.Status = status;
        r.StatusReason = status == ResponseStatus.Valid ? null : why;
        audit.Record("review", "SurveyResponse", r.Id.ToString(CultureInfo.InvariantCulture), r.AgencyId,
            $"Phiếu khảo sát {r.Id}: {Name(before)} → {Name(status)}" + (why.Length > 0 ? $" ({why})" : ""),
            [new FieldChange("Status", before.ToString(), status.ToString())]);
        await db.SaveChangesAsync(ct);
    }, ct);

    public static string Name(ResponseStatus s) => s switch
    {
        ResponseStatus.Valid => "Hợp lệ",
        ResponseStatus.OnHold => "Tạm giữ",
        _ => "Loại",
    };
}
