using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.ParIndex.Improvement;

/// <summary>A weak SIPAS component of an agency to turn into a task.</summary>
public sealed record AddSipasTaskRequest(int CycleId, int AgencyId, string Component);

/// <summary>
/// Turns a weak SIPAS component (as <see cref="ListWeakComponents"/> shows it) into a task of next year's plan to raise
/// satisfaction, led by the agency, due in Q4 of next year, tracked like any plan task. The plan is made the first
/// time (audited); the task and its audit line commit together; the same component of the same agency is refused twice.
/// </summary>
public sealed class AddSipasTask(ParHubDbContext db, ListWeakComponents weak, AuditLog audit, IndexAccess access, TimeProvider clock)
{
    /// <summary>The plan's id.</summary>
    public async Task<int> RunAsync(AddSipasTaskRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        return await db.InTransactionAsync(async () =>
        {
            var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CycleId, ct) ?? throw new KeyNotFoundException();
            var list = await weak.RunAsync(cycle.Id, request.AgencyId, ct)
                ?? throw new IndexRuleException("Kỳ đánh giá này chưa có đợt khảo sát SIPAS đã tính kết quả.");
            var w = list.Items.FirstOrDefault(x => x.Code == request.Component)
                ?? throw new IndexRuleException(
                    $"Nhóm tiêu chí {request.Component} của cơ quan này không dưới mục tiêu {Show(list.TargetOf(request.AgencyId))}%.");
            var year = cycle.Year + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            var title = $"Kế hoạch nâng cao mức độ hài lòng của người dân, tổ chức năm {year} (từ kết quả SIPAS {list.Programme.Year})";
            var plan = await db.Plans.Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Kind == PlanKind.Improvement && p.Year == year && p.Title == title, ct);
            var source = $"SIPAS {list.Programme.Year}";
            var marker = $"[{source}: {w.Code} – cơ quan {w.AgencyId}]";
            if (plan?.Tasks.Any(t => t.Content.EndsWith(marker, StringComparison.Ordinal)) == true)
                throw new IndexRuleException($"Đã có nhiệm vụ cho nhóm tiêu chí {w.Code} của {w.AgencyName}.");
            if (plan is null)
            {
                plan = new Plan
                {
                    Kind = PlanKind.Improvement, Year = year, Issuer = "Sở Nội vụ (dự thảo)", CreatedAt = now, UpdatedAt = now, Title = title,
                    Purposes = $"Dự thảo do ParHub lập từ các nhóm tiêu chí SIPAS dưới mục tiêu {Show(list.Target)}%.",
                };
                db.Plans.Add(plan);
                await db.SaveChangesAsync(ct); // the plan's id, for its audit line
                audit.Record("create", "Plan", plan.Id.ToString(CultureInfo.InvariantCulture), null, $"Kế hoạch nâng cao chỉ số hài lòng {year}", []);
            }
            var lead = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == w.AgencyId, ct);
            var order = plan.Tasks.Count + 1;
            var timeframe = $"Quý IV/{year}";
            var task = new PlanTask
            {
                No = order.ToString(CultureInfo.InvariantCulture), SortOrder = order, Group = "Nâng cao chỉ số hài lòng (SIPAS)",
                ReformArea = "Cải cách thủ tục hành chính",
                Content = $"Nâng cao mức độ hài lòng về \"{w.Code} {w.Title}\" tại {w.AgencyName}: {Show(w.Percent)}% ({w.N} phiếu), "
                    + $"mục tiêu {Show(w.Target)}%. {marker}",
                LeadText = lead.Name, Source = source, UpdatedAt = now,
            };
            task.SetTimeframe(timeframe, TimeframeParser.Parse(timeframe, new TimeframeContext(year)));
            task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = lead.Id, Text = lead.Name });
            plan.Tasks.Add(task);
            plan.UpdatedAt = now;
            await db.SaveChangesAsync(ct); // the task's id, for its audit line; both commit together
            audit.Record("create", TaskTracking.EntityType, task.Id.ToString(CultureInfo.InvariantCulture), lead.Id,
                $"Nhiệm vụ từ SIPAS {list.Programme.Year}: {w.Code} {w.Title} ({w.AgencyName})", [new FieldChange("Content", null, task.Content)]);
            await db.SaveChangesAsync(ct);
            return plan.Id;
        }, ct);
    }

    private static string Show(decimal v) => SipasIndex.Show(v, CultureInfo.GetCultureInfo("vi-VN"));
}
