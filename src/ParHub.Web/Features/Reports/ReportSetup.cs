using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>A regime as the province set it up: the stored setting and its period rules.</summary>
public sealed record RegimeSetup(ReportRegimeSetting Setting, ReportRegime Regime)
{
    public IReadOnlyList<string> ReporterGroups => Setting.ReporterGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ReportingPeriod? Period(string code) =>
        code.Length >= 4 && int.TryParse(code[..4], out var year) && year is >= 1990 and <= 2200 // "-214…" is no year
            ? Regime.Periods(year).FirstOrDefault(p => p.Code == code) : null;

    /// <summary>The period before (Q1 → last year's yearly report) and the same period a year earlier.</summary>
    public (ReportingPeriod? Previous, ReportingPeriod? LastYear) Comparisons(ReportingPeriod p)
    {
        var ordered = Regime.Periods(p.Year - 1).Concat(Regime.Periods(p.Year)).ToList();
        var i = ordered.FindIndex(x => x.Code == p.Code);
        var previous = i > 0 ? ordered[i - 1] : null;
        var lastYear = Regime.Periods(p.Year - 1).FirstOrDefault(x => x.Code[4..] == p.Code[4..]);
        return (previous, lastYear);
    }

    /// <summary>
    /// What a province report compares a period with: a year's report with the year before (not with its own third
    /// quarter), any other period with the period before it.
    /// </summary>
    public ReportingPeriod? ComparedWith(ReportingPeriod p)
    {
        var (previous, lastYear) = Comparisons(p);
        return p.Kind == PeriodKind.Year ? lastYear : previous;
    }
}

/// <summary>Forms and regimes: the presets on first start, the province's settings after.</summary>
public sealed class ReportSetup(ParHubDbContext db, Agencies.AgencyQueries agencies, Audit.AuditLog audit, TimeProvider clock)
{
    public static readonly JsonSerializerOptions FormJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>
    /// Stores the preset form and the preset regimes when missing; never overwrites what the province changed. One save
    /// (atomic by itself); presets are part of the installation, not a person's change, so they are not audited.
    /// </summary>
    public async Task EnsurePresetsAsync(CancellationToken ct = default)
    {
        var form = ReportForm.CchcPeriodic;
        if (!await db.ReportForms.AnyAsync(f => f.Key == form.Key && f.Version == form.Version, ct))
            db.ReportForms.Add(new ReportFormVersion
            {
                Key = form.Key, Version = form.Version, Title = form.Title, Definition = JsonSerializer.Serialize(form, FormJson),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        var existing = await db.ReportRegimes.Select(r => r.Key).ToListAsync(ct);
        foreach (var preset in ReportRegime.Presets.Where(p => !existing.Contains(p.Key)))
            db.ReportRegimes.Add(new ReportRegimeSetting
            {
                Key = preset.Key, Name = preset.Name, FromText = preset.From, ToText = preset.To, Rules = preset.RulesText(),
                FormKey = ReportForm.CchcKey,
                // Agencies report to Sở Nội vụ under the province's own regime; the province itself reports to BNV.
                ReporterGroups = preset.Key == "cv581" ? "" : "SBN,QH,XA",
                IsActive = preset.Key == "haiphong-2018",
            });
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }

    public async Task<List<RegimeSetup>> RegimesAsync(CancellationToken ct = default) =>
        (await db.ReportRegimes.AsNoTracking().OrderByDescending(r => r.IsActive).ThenBy(r => r.Key).ToListAsync(ct)).Select(ToSetup).ToList();

    public async Task<RegimeSetup?> RegimeAsync(string key, CancellationToken ct = default)
    {
        var s = await db.ReportRegimes.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (s is not null) return ToSetup(s);
        // Before the presets are stored (a fresh command line), the preset itself.
        var preset = ReportRegime.Find(key);
        return preset is null ? null : new RegimeSetup(new ReportRegimeSetting { Key = preset.Key, Name = preset.Name, Rules = preset.RulesText() }, preset);
    }

    /// <summary>
    /// Stores a new version of a form (the next number for its key). Reports already made keep their version; reports
    /// opened from now on use this one. The new version and its audit entry commit together.
    /// </summary>
    public async Task<ReportFormVersion> AddVersionAsync(ReportForm form, CancellationToken ct = default)
    {
        var problems = form.Problems();
        if (problems.Count > 0) throw new FormatException(string.Join(" ", problems));
        return await db.InTransactionAsync(async () =>
        {
            var next = (await db.ReportForms.Where(f => f.Key == form.Key).MaxAsync(f => (int?)f.Version, ct) ?? 0) + 1;
            var stored = form with { Version = next };
            var row = new ReportFormVersion
            {
                Key = stored.Key, Version = next, Title = stored.Title, Definition = JsonSerializer.Serialize(stored, FormJson),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ReportForms.Add(row);
            audit.Record("create", "ReportForm", $"{stored.Key}:{next}", null,
                $"Thêm phiên bản {next} của mẫu báo cáo {stored.Key} ({stored.Title})", []);
            await db.SaveChangesAsync(ct);
            return row;
        }, ct);
    }

    public async Task<RegimeSetup?> ActiveRegimeAsync(CancellationToken ct = default) =>
        (await RegimesAsync(ct)).FirstOrDefault(r => r.Setting.IsActive && r.ReporterGroups.Count > 0);

    /// <summary>The active regime's period being collected today (<see cref="ReportRegime.OpenPeriod"/>); null without an active regime.</summary>
    public async Task<(RegimeSetup Regime, ReportingPeriod Period)?> OpenPeriodAsync(DateOnly today, CancellationToken ct = default) =>
        await ActiveRegimeAsync(ct) is { } r && r.Regime.OpenPeriod(today) is { } p ? (r, p) : null;

    public static RegimeSetup ToSetup(ReportRegimeSetting s) =>
        new(s, new ReportRegime(s.Key, s.Name, s.FromText, s.ToText, ReportRegime.ParseRules(s.Rules), s.Year));

    /// <summary>The newest version of a form, as stored.</summary>
    public async Task<(ReportFormVersion Row, ReportForm Form)> LatestFormAsync(string key, CancellationToken ct = default)
    {
        var row = await db.ReportForms.AsNoTracking().Where(f => f.Key == key).OrderByDescending(f => f.Version).FirstAsync(ct);
        return (row, Parse(row));
    }

    // Parsed definitions by their text (a stored version never changes), shared by every request and database.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReportForm> Forms = new();

    public async Task<ReportForm> FormAsync(int formId, CancellationToken ct = default) =>
        Parse(await db.ReportForms.AsNoTracking().FirstAsync(x => x.Id == formId, ct));

    private static ReportForm Parse(ReportFormVersion row) =>
        Forms.GetOrAdd(row.Definition, d => JsonSerializer.Deserialize<ReportForm>(d, FormJson)
            ?? throw new InvalidOperationException($"Form {row.Key} v{row.Version} is unreadable"));

    /// <summary>
    /// The agencies expected to report for a period: members of the regime's groups, and agencies named by their own
    /// code (a thematic report from each reform area's lead agency), that existed on the due date (a district abolished
    /// on 30/6/2025 is not expected in 2026).
    /// </summary>
    public async Task<List<ExpectedReporter>> ExpectedAsync(RegimeSetup regime, ReportingPeriod period, CancellationToken ct = default)
    {
        var codes = regime.ReporterGroups;
        if (codes.Count == 0) return [];
        var on = period.Due ?? new DateOnly(period.Year, 12, 31);
        var directory = await agencies.DirectoryAsync(ct);
        var members = directory.MembersOn(codes, on)
            .Select(m => new ExpectedReporter(m.Entry.Agency.Id, m.Entry.Agency.Name, m.Entry.Agency.Kind, m.Group.Code, m.Group.Name));
        var named = directory.Entries.Where(e => codes.Contains(e.Agency.Code) && e.Agency.ExistsOn(on))
            .Select(e => new ExpectedReporter(e.Agency.Id, e.Agency.Name, e.Agency.Kind, e.Agency.Code, "Cơ quan được chỉ định"));
        return members.Concat(named).DistinctBy(r => r.AgencyId)
            .OrderBy(r => r.GroupCode).ThenBy(r => r.Name, Core.Text.VietnameseCollation.Comparer)
            .ToList();
    }
}

public sealed record ExpectedReporter(int AgencyId, string Name, AgencyKind Kind, string GroupCode, string GroupName);
