using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.ParIndex.Improvement;

namespace ParHub.Web.Features.ParIndex.Cycles;

/// <summary>
/// The Coordinator names the department that leads a field or one criterion of the province's own index (blank: the
/// criterion follows its field again). It is the province's responsibility map, the one improvement plans are drafted with; audited.
/// </summary>
public sealed class SetLead(ParHubDbContext db, AuditLog audit, IndexAccess access, ProvinceLeads leads, ICurrentUser user, TimeProvider clock)
{
    public async Task RunAsync(string? code, string? agencyCode, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        var c = Core.Scoring.FrameworkReader.NormaliseCode(code ?? "") ?? throw new IndexRuleException("Ghi mã lĩnh vực hoặc tiêu chí (ví dụ 2 hoặc 2.4).");
        var agency = string.IsNullOrWhiteSpace(agencyCode) ? null : agencyCode.Trim();
        if (agency is not null && !await db.Agencies.AnyAsync(a => a.Code == agency && a.ValidTo == null, ct))
            throw new IndexRuleException($"Không có cơ quan mã {(agency.Length > 20 ? agency[..20] : agency)} trong danh mục.");
        await db.InTransactionAsync(async () =>
        {
            var before = await leads.MapAsync(ct);
            var after = before.With(c, agency);
            var setting = await db.Settings.FirstOrDefaultAsync(x => x.Key == DraftImprovementPlan.MapSetting, ct);
            if (setting is null) db.Settings.Add(setting = new Setting { Key = DraftImprovementPlan.MapSetting });
            (setting.Value, setting.UpdatedAt, setting.UpdatedBy) = (after.Write(), clock.GetUtcNow().UtcDateTime, user.Name);
            audit.Record("update", "Setting", DraftImprovementPlan.MapSetting, null, $"Cơ quan chủ trì {c}: {agency ?? "theo lĩnh vực"}",
                [new FieldChange(c, before.Entries.GetValueOrDefault(c), agency)]);
            await db.SaveChangesAsync(ct);
            leads.Reset();
        }, ct);
    }
}
