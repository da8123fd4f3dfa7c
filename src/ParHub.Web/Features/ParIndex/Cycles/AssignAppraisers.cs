using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Cycles;

/// <summary>
/// What an appraiser scores in a cycle: fields, and/or a set of the cycle's agencies (a district's code stands for its
/// communes in the cycle: the district appraises its own communes). The Coordinator assigns them; the lists replace
/// the previous ones; both empty removes the appraiser from the cycle. Audited.
/// </summary>
public sealed class AssignAppraisers(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public async Task RunAsync(int cycleId, string? userName, string? fields, string? agencies = null, CancellationToken ct = default)
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
            var codes = Split(fields);
            var unknown = codes.Where(c => f.Nodes.All(n => n.Code != c || n.Code.Contains('.'))).ToList();
            if (unknown.Count > 0) throw new IndexRuleException($"Không có lĩnh vực: {string.Join(", ", unknown)} (ghi mã lĩnh vực, ví dụ 1,3).");
            var scope = await ScopeAsync(cycleId, Split(agencies), ct);
            db.AppraiserAssignments.RemoveRange(db.AppraiserAssignments.Where(x => x.CycleId == cycleId && x.UserId == appraiser.Id));
            db.AppraiserScopes.RemoveRange(db.AppraiserScopes.Where(x => x.CycleId == cycleId && x.UserId == appraiser.Id));
            db.AppraiserAssignments.AddRange(codes.Select(c => new AppraiserAssignment { CycleId = cycleId, UserId = appraiser.Id, FieldCode = c }));
            db.AppraiserScopes.AddRange(scope.Select(a => new AppraiserScope { CycleId = cycleId, UserId = appraiser.Id, AgencyId = a }));
            audit.Record("assign", "AssessmentCycle", cycleId.ToString(CultureInfo.InvariantCulture), null,
                $"Phân công thẩm định {userName}: lĩnh vực {(codes.Count == 0 ? "tất cả" : string.Join(", ", codes))}"
                + (scope.Count == 0 ? "" : $"; {scope.Count} cơ quan ({agencies})"), []);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>The cycle's agencies the codes name: an agency of the cycle, or one whose units (a district's communes) are in it.</summary>
    private async Task<List<int>> ScopeAsync(int cycleId, List<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0) return [];
        var members = await db.Assessments.Where(a => a.CycleId == cycleId)
            .Join(db.Agencies, a => a.AgencyId, x => x.Id, (a, x) => new { x.Id, x.ParentId }).ToListAsync(ct);
        var result = new HashSet<int>();
        foreach (var code in codes)
        {
            // A district of past years too (its communes are in that year's cycle), hence no filter on ValidTo.
            var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct)
                ?? throw new IndexRuleException($"Không có cơ quan mã {(code.Length > 20 ? code[..20] : code)} trong danh mục.");
            var ids = members.Where(m => m.Id == agency.Id || m.ParentId == agency.Id).Select(m => m.Id).ToList();
            if (ids.Count == 0) throw new IndexRuleException($"{agency.Name} và các đơn vị trực thuộc không có trong kỳ đánh giá này.");
            result.UnionWith(ids);
        }
        return result.ToList();
    }
}
