using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Reports;

/// <summary>A regime's settings as typed: reporter groups (or agency codes) comma-separated, period rules one per line.</summary>
public sealed record SaveRegimeRequest(int Id, string? Name, string? FromText, string? ToText, string? ReporterGroups, string? FormKey,
    string? Rules, bool IsActive);

/// <summary>
/// Changes the province's settings of a regime: who reports, with which form, the period rules and whether it is in
/// force. Refusals (<see cref="ReportRuleException"/>) change nothing; the change and its audit entry commit together.
/// </summary>
public sealed class SaveRegime(ParHubDbContext db, AuditLog audit)
{
    public const string EntityType = "ReportRegime";

    public async Task<ReportRegimeSetting> RunAsync(SaveRegimeRequest request, CancellationToken ct = default)
    {
        var r = await db.ReportRegimes.FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new KeyNotFoundException();
        // Fields left empty arrive as null: each is checked below with its message.
        var (name, from, to, formKey, rules) = ((request.Name ?? "").Trim(), (request.FromText ?? "").Trim(), (request.ToText ?? "").Trim(),
            request.FormKey ?? "", (request.Rules ?? "").Trim());
        var groups = (request.ReporterGroups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.ToUpperInvariant()).ToList();
        var groupCodes = await db.AgencyGroups.AsNoTracking().Where(g => groups.Contains(g.Code)).Select(g => g.Code).ToListAsync(ct);
        var agencyCodes = await db.Agencies.AsNoTracking().Where(a => groups.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct);
        var unknown = groups.Where(g => !groupCodes.Contains(g) && !agencyCodes.Contains(g)).ToList();
        if (name.Length == 0) throw new ReportRuleException("Tên chế độ báo cáo không được để trống.");
        if (name.Length > 300 || from.Length > 300 || to.Length > 300 || string.Join(',', groups).Length > 300)
            throw new ReportRuleException("Tên, cơ quan gửi, cơ quan nhận và nhóm báo cáo mỗi mục tối đa 300 ký tự.");
        if (rules.Length > 2000) throw new ReportRuleException("Quy tắc kỳ báo cáo tối đa 2.000 ký tự.");
        if (unknown.Count > 0) throw new ReportRuleException($"Không có nhóm hoặc cơ quan có mã: {string.Join(", ", unknown)}.");
        if (!await db.ReportForms.AnyAsync(f => f.Key == formKey, ct)) throw new ReportRuleException($"Không có mẫu báo cáo \"{formKey}\".");
        int periods;
        try { periods = ReportRegime.ParseRules(request.Rules ?? "").Count; } // line numbers as typed
        catch (FormatException e) { throw new ReportRuleException(e.Message); } // "Dòng 2: …"
        if (periods == 0) throw new ReportRuleException("Cần ít nhất một kỳ báo cáo.");

        await db.InTransactionAsync(async () =>
        {
            var before = Snapshot(r);
            (r.Name, r.FromText, r.ToText, r.ReporterGroups, r.FormKey, r.Rules, r.IsActive) =
                (name, from, to, string.Join(',', groups), formKey, rules.Replace("\r", ""), request.IsActive);
            audit.RecordChange(EntityType, r.Key, null, $"Chế độ báo cáo {r.Key}", before, Snapshot(r));
            await db.SaveChangesAsync(ct);
        }, ct);
        return r;
    }

    private static Dictionary<string, string?> Snapshot(ReportRegimeSetting r) => new()
    {
        ["Name"] = r.Name, ["FromText"] = r.FromText, ["ToText"] = r.ToText, ["ReporterGroups"] = r.ReporterGroups,
        ["FormKey"] = r.FormKey, ["Rules"] = r.Rules, ["IsActive"] = r.IsActive.ToString(),
    };
}
