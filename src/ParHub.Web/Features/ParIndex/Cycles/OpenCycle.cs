using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Agencies;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Cycles;

public sealed record OpenCycleRequest(int FrameworkId, string GroupCode, DateOnly Due);

/// <summary>A cycle for every member of the group that exists at the deadline, each with an empty assessment; audited.</summary>
public sealed class OpenCycle(ParHubDbContext db, AuditLog audit, IndexAccess access, AgencyQueries directory, TimeProvider clock)
{
    public async Task<AssessmentCycle> RunAsync(OpenCycleRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        return await db.InTransactionAsync(async () =>
        {
            var framework = await db.IndexFrameworks.FirstOrDefaultAsync(f => f.Id == request.FrameworkId, ct)
                ?? throw new IndexRuleException("Không có bộ chỉ số này.");
            var problems = IndexData.Definition(framework).Problems();
            if (problems.Count > 0)
                throw new IndexRuleException(
                    $"Bộ chỉ số chưa hoàn chỉnh ({problems.Count} chỗ cần sửa, ví dụ: {problems[0]}); hãy hoàn thiện trên trang bộ "
                        + "chỉ số.");
            var (groupCode, due) = (request.GroupCode.Trim().ToUpperInvariant(), request.Due);
            var agencies = groupCode == IndexData.ProvinceGroup
                ? (await db.Agencies.AsNoTracking().Where(a => a.Kind == Core.Agencies.AgencyKind.Province).ToListAsync(ct))
                    .Where(a => a.ExistsOn(due)).Select(a => a.Id).ToList()
                : (await directory.DirectoryAsync(ct)).MembersOn([groupCode], due).Select(m => m.Entry.Agency.Id).ToList();
            if (agencies.Count == 0) throw new IndexRuleException($"Nhóm {groupCode} không có cơ quan nào vào thời điểm {due:dd/MM/yyyy}.");
            var cycle = new AssessmentCycle
            {
                FrameworkId = framework.Id, Year = framework.Year, GroupCode = groupCode, SelfAssessmentDue = due, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.AssessmentCycles.Add(cycle);
            await db.SaveChangesAsync(ct); // the id, for the assessments and the audit line; all commit together
            db.Assessments.AddRange(agencies.Select(a => new Assessment { CycleId = cycle.Id, AgencyId = a, Status = AssessmentStatus.Draft, Version = 1 }));
            audit.Record("create", "AssessmentCycle", cycle.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Kỳ đánh giá Chỉ số CCHC {framework.Year}, nhóm {groupCode}, {agencies.Count} cơ quan", []);
            await db.SaveChangesAsync(ct);
            return cycle;
        }, ct);
    }
}
