using ParHub.Core.Time;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Tthc;

/// <summary>The configuration in force (the latest stored version; issue 14's default until one is saved) and the versions before it.</summary>
public sealed class ServiceIndexConfigs(ParHubDbContext db)
{
    public async Task<ServiceIndexConfig> CurrentAsync(CancellationToken ct = default)
    {
        var json = await db.ServiceIndexConfigs.AsNoTracking().OrderByDescending(c => c.Version).Select(c => c.Json).FirstOrDefaultAsync(ct);
        return json is null ? ServiceIndexConfig.Default : ServiceIndexConfig.FromJson(json); // stored only when without problems
    }

    public Task<List<ServiceIndexConfigRecord>> HistoryAsync(CancellationToken ct = default) =>
        db.ServiceIndexConfigs.AsNoTracking().OrderByDescending(c => c.Version).ToListAsync(ct);
}

/// <summary>
/// Saves an edited configuration as the next version (the versions before stay, and published indices keep the one
/// they were scored with): refused with every problem in Vietnamese, or when someone saved another version since the
/// editor opened it. The change and its audit line commit together.
/// </summary>
public sealed class SaveServiceIndexConfig(ParHubDbContext db, ServiceIndexConfigs configs, AuditLog audit, ICurrentUser user, TimeProvider clock)
{
    public Task<(IReadOnlyList<string> Problems, int? Version)> RunAsync(ServiceIndexConfig edited, int basedOn, CancellationToken ct = default) =>
        db.InTransactionAsync<(IReadOnlyList<string>, int?)>(async () =>
        {
            var current = await configs.CurrentAsync(ct);
            if (current.Version != basedOn)
                return ([$"Cấu hình vừa được lưu thành phiên bản {current.Version} sau khi trang này mở. Tải lại trang để sửa từ phiên bản đó."], null);
            var next = edited with { Version = current.Version + 1 };
            var problems = next.Problems();
            if (problems.Count > 0) return (problems, null);
            db.ServiceIndexConfigs.Add(new ServiceIndexConfigRecord
            {
                Version = next.Version, Json = next.ToJson(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Name,
            });
            audit.Record("update", "ServiceIndexConfig", next.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                $"Lưu cấu hình chỉ số phục vụ phiên bản {next.Version}: {next.Name}",
                [new FieldChange("Config", current.ToJson(), next.ToJson())]);
            await db.SaveChangesAsync(ct);
            return ([], next.Version);
        }, ct);
}

/// <summary>
/// Publishes the service index of a period by a decision: the figures of every agency computed now with the
/// configuration in force, frozen with it (<see cref="TthcPublication"/>) for the public page; audited.
/// </summary>
public sealed class PublishServiceIndex(ParHubDbContext db, TthcFigures figures, ServiceIndexConfigs configs, AuditLog audit, ICurrentUser user,
    TimeProvider clock)
{
    public Task<(IReadOnlyList<string> Problems, int? Id)> RunAsync(DateOnly from, DateOnly to, string? title, string? decision,
        CancellationToken ct = default) => db.InTransactionAsync<(IReadOnlyList<string>, int?)>(async () =>
    {
        var problems = new List<string>();
        title = title?.Trim();
        decision = decision?.Trim();
        if (string.IsNullOrEmpty(title)) problems.Add("Vui lòng nhập tên kỳ công bố (ví dụ: “Chỉ số phục vụ quý III năm 2026”).");
        else if (title.Length > 300) problems.Add("Tên kỳ công bố không quá 300 ký tự.");
        if (string.IsNullOrEmpty(decision)) problems.Add("Ghi số, ngày của quyết định công bố.");
        else if (decision.Length > 300) problems.Add("Quyết định công bố không quá 300 ký tự.");
        if (from > to) problems.Add("Từ ngày phải trước hoặc bằng đến ngày.");
        if (problems.Count > 0) return (problems, null);
        var config = await configs.CurrentAsync(ct);
        var (agencies, province) = await figures.ComputeAsync(from, to, null, config, ct);
        if (agencies.Count == 0) return (["Kỳ này chưa có hồ sơ nào: không có gì để công bố."], null);
        var published = agencies.Append(province).Select(a => new PublishedAgency(a.AgencyId, a.Code, a.Name, a.Tally)).ToList();
        var publication = new TthcPublication
        {
            From = from, To = to, Title = title!, Decision = decision!, Config = config.ToJson(),
            Figures = System.Text.Json.JsonSerializer.Serialize(published), PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = user.Name,
        };
        db.TthcPublications.Add(publication);
        await db.SaveChangesAsync(ct);
        audit.Record("publish", "TthcPublication", publication.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            $"Công bố {title} ({VnDate.Show(from)}–{VnDate.Show(to)}), {decision}", [new FieldChange("Decision", null, decision)]);
        await db.SaveChangesAsync(ct);
        return ([], publication.Id);
    }, ct);

    /// <summary>A publication's agencies (the province last) with their scores by the configuration it was published with.</summary>
    public static (ServiceIndexConfig Config, IReadOnlyList<AgencyFigures> Rows) Read(TthcPublication p)
    {
        var config = ServiceIndexConfig.FromJson(p.Config);
        var rows = System.Text.Json.JsonSerializer.Deserialize<List<PublishedAgency>>(p.Figures) ?? [];
        return (config, rows.Select(a => new AgencyFigures(a.AgencyId, a.Code, a.Name, a.Tally, ServiceIndex.Score(a.Tally, config))).ToList());
    }
}
