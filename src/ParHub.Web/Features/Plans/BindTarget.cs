using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Plans;

/// <summary>The Coordinator binds a plan's target to a metric ParHub computes (or unbinds it: "chưa đo được"); audited with the change.</summary>
public sealed class BindTarget(ParHubDbContext db, AuditLog audit, ICurrentUser user)
{
    public async Task RunAsync(int planId, int targetId, string? metricKey, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Coordinator)) throw new UnauthorizedAccessException();
        var key = string.IsNullOrWhiteSpace(metricKey) ? null : metricKey.Trim();
        if (key is not null && TargetMetrics.Label(key) is null) throw new TaskRuleException("Chỉ số đo không có trong danh sách.");
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == targetId && t.PlanId == planId, ct)
            ?? throw new TaskRuleException("Không tìm thấy chỉ tiêu.");
        if (target.MetricKey == key) return;
        var before = target.MetricKey;
        target.MetricKey = key;
        audit.Record("update", PlanImporter.EntityType, planId.ToString(CultureInfo.InvariantCulture), null,
            $"Gắn chỉ tiêu “{(target.Text.Length > 80 ? target.Text[..80] + "…" : target.Text)}” với: {TargetMetrics.Label(key) ?? TargetCheck.NoMetric}",
            [new FieldChange("MetricKey", before, key)]);
        await db.SaveChangesAsync(ct);
    }
}
