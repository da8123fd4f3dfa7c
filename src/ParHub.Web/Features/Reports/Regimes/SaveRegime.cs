using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Reports;

/// <summary>A regime's settings as typed: reporter groups (or agency codes) comma-separated, period rules one per line.</summary>
/// Id 0 is a new regime, with its <paramref name="Key"/>; <paramref name="Year"/> limits its periods to one year (a thematic report).
public sealed record SaveRegimeRequest(int Id, string? Name, string? FromText, string? ToText, string? ReporterGroups, string? FormKey,
    string? Rules, bool IsActive, string? Key = null, int? Year = null);

/// <summary>
/// Adds a regime or changes the province's settings of one: who reports, with which form, the period rules, the one year
/// it applies to (if any) and whether it is in force. Refusals (<see cref="ReportRuleException"/>) change nothing; the
/// change and its audit entry commit together.
/// </summary>
public sealed class SaveRegime(ParHubDbContext db, AuditLog audit)
{
    public const string EntityType = "ReportRegime";

    public async Task<ReportRegimeSetting> RunAsync(SaveRegimeRequest request, CancellationToken ct = default)
    {
        var r = request.Id == 0 ? null : await db.ReportRegimes.FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new KeyNotFoundException();
        var key = (request.Key ?? "").Trim().ToLowerInvariant();
        if (r is null)
        {
            if (key.Length is 0 or > 64 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                throw new ReportRuleException("Mã chế độ báo cáo: chữ thường không dấu, số và dấu gạch ngang, tối đa 64 ký tự.");
            if (await db.ReportRegimes.AnyAsync(x => x.Key == key, ct)) throw new ReportRuleException($"Đã có chế độ báo cáo mã \"{key}\".");
        }
        if (request.Year is < 2000 or > 2100) throw new ReportRuleException("Năm áp dụng phải từ 2000 đến 2100.");
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

        return await db.InTransactionAsync(async () =>
        {
            var before = r is null ? null : Snapshot(r);
            if (r is null) db.ReportRegimes.Add(r = new ReportRegimeSetting { Key = key });
            (r.Name, r.FromText, r.ToText, r.ReporterGroups, r.FormKey, r.Rules, r.IsActive, r.Year) =
                (name, from, to, string.Join(',', groups), formKey, rules.Replace("\r", ""), request.IsActive, request.Year);
            audit.RecordChange(EntityType, r.Key, null, $"Chế độ báo cáo {r.Key}", before, Snapshot(r));
            await db.SaveChangesAsync(ct);
            return r;
        }, ct);
    }

    private static Dictionary<string, string?> Snapshot(ReportRegimeSetting r) => new()
    {
        ["Name"] = r.Name, ["FromText"] = r.FromText, ["ToText"] = r.ToText, ["ReporterGroups"] = r.ReporterGroups,
        ["FormKey"] = r.FormKey, ["Rules"] = r.Rules, ["IsActive"] = r.IsActive.ToString(), ["Year"] = r.Year?.ToString(CultureInfo.InvariantCulture),
    };
}
