using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Cycles;

/// <summary>The fields an appraiser scores in a cycle (the Coordinator assigns them; the list replaces the previous one).</summary>
public sealed class AssignAppraisers(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public async Task RunAsync(int cycleId, string? userName, string? fields, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        await db.InTransactionAsync(async () =>
        {
            var appraiser = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct)
                ?? throw new IndexRuleException($"Không có tài khoản \"{userName}\".");
            var isAppraiser = await db.UserRoles.AnyAsync(r => r.UserId == appraiser.Id
                && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Appraiser), ct);
            if (!isAppraiser) throw new IndexRuleException($"Tài khoản {userName} không có vai trò thẩm định.");
            var cycle = await db.AssessmentCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
            var f = IndexData.Definition(await db.IndexFrameworks.FirstAsync(x => x.Id == cycle.FrameworkId, ct));
            var codes = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            var unknown = codes.Where(c => f.Nodes.All(n => n.Code != c || n.Code.Contains('.'))).ToList();
            if (unknown.Count > 0) throw new IndexRuleException($"Không có lĩnh vực: {string.Join(", ", unknown)} (ghi mã lĩnh vực, ví dụ 1,3).");
            db.AppraiserAssignments.RemoveRange(db.AppraiserAssignments.Where(x => x.CycleId == cycleId && x.UserId == appraiser.Id));
            db.AppraiserAssignments.AddRange(codes.Select(c => new AppraiserAssignment { CycleId = cycleId, UserId = appraiser.Id, FieldCode = c }));
            audit.Record("assign", "AssessmentCycle", cycleId.ToString(CultureInfo.InvariantCulture), null,
                $"Phân công thẩm định {userName}: lĩnh vực {string.Join(", ", codes)}", []);
            await db.SaveChangesAsync(ct);
        }, ct);
    }
}
