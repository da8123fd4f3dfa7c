using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>Moves a programme to its next state (open collection, close, reopen, computed, publish with its decision); audited.</summary>
public sealed class MoveProgramme(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task RunAsync(int id, SurveyState to, string? decision, int version, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var p = await db.SurveyProgrammes.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        if (p.Version != version)
            throw new SurveyRuleException("Đợt khảo sát vừa được người khác thay đổi; tải lại trang để xem trạng thái mới.");
        var from = p.State;
        var outcome = new SurveyFlow(p).MoveTo(to, decision, clock.GetUtcNow().UtcDateTime);
        if (!outcome.IsOk) throw new SurveyRuleException(outcome.Refusal!);
        p.Version++;
        audit.Record("state", CreateProgramme.EntityType, p.Id.ToString(CultureInfo.InvariantCulture), null,
            $"Đợt khảo sát {p.Title}: {SurveyFlow.StateName(from)} → {SurveyFlow.StateName(to)}"
                + (to == SurveyState.Published ? $" ({p.Decision})" : ""),
            [new FieldChange("State", from.ToString(), to.ToString())]);
        await db.SaveChangesAsync(ct);
    }, ct);
}
