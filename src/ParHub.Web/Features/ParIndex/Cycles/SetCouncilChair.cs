using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Cycles;

/// <summary>
/// The cycle is appraised by a council chaired by an appraiser (blank: no council, each appraiser's score is final):
/// the assigned appraisers then propose, the chair decides. Until publication; audited.
/// </summary>
public sealed class SetCouncilChair(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public async Task RunAsync(int cycleId, string? chair, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        await db.InTransactionAsync(async () =>
        {
            var cycle = await db.AssessmentCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
            new Core.ParIndex.CycleFlow(cycle).ScoresChangeable().OrRefuse();
            var name = string.IsNullOrWhiteSpace(chair) ? null : chair.Trim();
            if (name is not null)
            {
                var isAppraiser = await db.Users.Where(u => u.UserName == name)
                    .AnyAsync(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Appraiser)), ct);
                if (!isAppraiser) throw new IndexRuleException($"Tài khoản {(name.Length > 40 ? name[..40] : name)} không có vai trò thẩm định.");
            }
            var before = cycle.CouncilChair;
            cycle.CouncilChair = name;
            audit.Record("council", "AssessmentCycle", cycle.Id.ToString(CultureInfo.InvariantCulture), null,
                name is null ? "Thẩm định không qua hội đồng" : $"Hội đồng thẩm định, chủ tịch: {name}", [new FieldChange("CouncilChair", before, name)]);
            await db.SaveChangesAsync(ct);
        }, ct);
    }
}
