using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Plans;
using ParHub.Core.Registries;
using ParHub.Core.Text;
using ParHub.Web.Data;
using ParHub.Web.Features.Agencies;
using ParHub.Web.Features.Reports;

namespace ParHub.Web.Features.Registries;

/// <summary>An agency short of what a registry expects of it in a year: how many entries it has, the first one's date.</summary>
public sealed record MissingAgency(int AgencyId, string Name, string Group, int Entries, DateOnly? First, bool Late);

/// <summary>Inspection coverage of one group of agencies: inspected (a visit in the year) of members, against the 30% target.</summary>
public sealed record GroupCoverage(string Code, string Name, int Inspected, int Members)
{
    public bool MeetsTarget => Members > 0 && Inspected * 100 >= Members * InspectionCoverage.TargetPercent;
}

/// <summary>A finding as the inspection page shows it: with the state of its remedy task.</summary>
public sealed record FindingView(InspectionFinding Finding, PlanTask Task)
{
    public bool Remedied => Task.Progress == TaskProgress.Done;
}

/// <summary>CCHC funds of one agency or one field: proposed, allocated and spent (millions of đồng).</summary>
public sealed record FundsLine(string Name, decimal Proposed, decimal Allocated, decimal Spent);

/// <summary>The registries' read side: lists (scoped), the facts measures read, who is short of an expectation, inspection coverage.</summary>
public sealed class RegistryQueries(ParHubDbContext db, AgencyQueries agencies, ReportSetup reports)
{
    public Task<AgencyDirectoryCache.Snapshot> DirectoryAsync(CancellationToken ct = default) => agencies.DirectoryAsync(ct);

    /// <summary>
    /// Resolves an agency as typed in a sheet: its code, its full name, its short name or an alias (accents and case aside);
    /// null when none or more than one agency matches.
    /// </summary>
    public static Func<string, int?> Resolver(AgencyDirectoryCache.Snapshot directory)
    {
        var byCode = directory.Entries.GroupBy(e => e.Agency.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Agency.Id,
            StringComparer.OrdinalIgnoreCase);
        var byName = directory.Entries
            .SelectMany(e => e.Agency.Names.OtherNames.Prepend(e.Agency.Name).Select(n => (Name: VietnameseText.Fold(n), e.Agency.Id)))
            .GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().ToList());
        return text =>
        {
            var t = text.Trim();
            if (byCode.TryGetValue(t, out var id)) return id;
            return byName.TryGetValue(VietnameseText.Fold(t), out var ids) && ids.Count == 1 ? ids[0] : null;
        };
    }

    /// <summary>A kind's entries of a year, of one agency or all, as the user may read them (an officer: own and about own).</summary>
    public async Task<List<RegistryEntry>> ListAsync(RegistryKind kind, int year, int? agencyId, int? scope, CancellationToken ct = default)
    {
        var q = db.RegistryEntries.AsNoTracking().Where(e => e.Kind == kind.Code && e.Year == year);
        if (scope is { } own) q = q.Where(e => e.AgencyId == own || e.SubjectAgencyId == own);
        if (agencyId is { } a) q = q.Where(e => e.AgencyId == a || e.SubjectAgencyId == a);
        return await q.OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>How many entries each kind has in the year (as the user may read them).</summary>
    public async Task<Dictionary<string, int>> CountsAsync(int year, int? scope, CancellationToken ct = default)
    {
        var q = db.RegistryEntries.AsNoTracking().Where(e => e.Year == year);
        if (scope is { } own) q = q.Where(e => e.AgencyId == own || e.SubjectAgencyId == own);
        return await q.GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>
    /// The facts a measure of an agency reads for a period: its entries of the kind dated in the period, or — for a stock —
    /// from the start of the year of its end.
    /// </summary>
    public async Task<List<RegistryFact>> FactsAsync(RegistryKind kind, int agencyId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = kind.IsStock ? new DateOnly(to.Year, 1, 1) : from;
        var rows = await db.RegistryEntries.AsNoTracking()
            .Where(e => e.Kind == kind.Code && e.AgencyId == agencyId && e.Date >= start && e.Date <= to)
            .Select(e => new { e.AgencyId, e.Date, e.Values }).ToListAsync(ct);
        return rows.Select(r => new RegistryFact(r.AgencyId, r.Date, RegistryEntry.Parse(r.Values))).ToList();
    }

    /// <summary>The agencies expected to keep a registry: the members of the active report regime's groups at the end of the year.</summary>
    public async Task<List<(int Id, string Name, string Group)>> ExpectedAgenciesAsync(int year, CancellationToken ct = default)
    {
        var directory = await agencies.DirectoryAsync(ct);
        var regime = await reports.ActiveRegimeAsync(ct);
        var groups = regime?.ReporterGroups ?? [];
        return directory.MembersOn(groups.ToList(), new DateOnly(year, 12, 31))
            .Select(m => (m.Entry.Agency.Id, m.Entry.Agency.Name, m.Group.Name)).DistinctBy(x => x.Id).ToList();
    }

    /// <summary>A registry's deadline in a year: as that year's plan set it (<see cref="SetRegistryDeadline"/>), else the kind's default.</summary>
    public async Task<DateOnly?> DueAsync(RegistryKind kind, int year, CancellationToken ct = default)
    {
        if (kind.Expected?.Due(year) is not { } fallback) return null;
        var key = SetRegistryDeadline.Key(kind.Code, year);
        var set = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return DateOnly.TryParseExact(set, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : fallback;
    }

    /// <summary>The expected agencies with fewer entries in the year than the kind expects, or whose first came after its deadline.</summary>
    public async Task<List<MissingAgency>> MissingAsync(RegistryKind kind, int year, CancellationToken ct = default)
    {
        if (kind.Expected is not { } expected) return [];
        var expectedAgencies = await ExpectedAgenciesAsync(year, ct);
        var byAgency = (await db.RegistryEntries.AsNoTracking().Where(e => e.Kind == kind.Code && e.Year == year)
                .GroupBy(e => e.AgencyId).Select(g => new { g.Key, Count = g.Count(), First = g.Min(e => e.Date) }).ToListAsync(ct))
            .ToDictionary(x => x.Key);
        var due = await DueAsync(kind, year, ct);
        return expectedAgencies.Select(a =>
            {
                var mine = byAgency.GetValueOrDefault(a.Id);
                var late = mine is not null && due is { } d && mine.First > d;
                return new MissingAgency(a.Id, a.Name, a.Group, mine?.Count ?? 0, mine?.First, late);
            })
            .Where(m => m.Entries < expected.PerYear || m.Late)
            .OrderBy(m => m.Group).ThenBy(m => m.Name, VietnameseCollation.Comparer).ToList();
    }

    /// <summary>Inspection coverage of the year by group of the active regime: distinct members with a visit in the year, of members.</summary>
    public async Task<List<GroupCoverage>> CoverageAsync(int year, CancellationToken ct = default)
    {
        var expected = await ExpectedAgenciesAsync(year, ct);
        var inspected = InspectionCoverage.Inspected(await InspectionsAsync(year, ct), year);
        return expected.GroupBy(a => a.Group).Select(g => new GroupCoverage(g.Key, g.Key, g.Count(a => inspected.Contains(a.Id)), g.Count()))
            .OrderBy(g => g.Name, VietnameseCollation.Comparer).ToList();
    }

    /// <summary>Every inspection entry of a year (any inspector).</summary>
    public async Task<List<RegistryFact>> InspectionsAsync(int year, CancellationToken ct = default) =>
        (await db.RegistryEntries.AsNoTracking().Where(e => e.Kind == RegistryCatalog.Inspections && e.Year == year)
            .Select(e => new { e.AgencyId, e.Date, e.Values }).ToListAsync(ct))
        .Select(r => new RegistryFact(r.AgencyId, r.Date, RegistryEntry.Parse(r.Values))).ToList();

    /// <summary>
    /// The CCHC funds entries of a ParHub plan or task (<see cref="RegistryEntry.PlanId"/>, <see cref="RegistryEntry.TaskId"/>)
    /// that the user may read (<see cref="RegistryAccess"/>): none for a user who reads no registry.
    /// </summary>
    public async Task<List<RegistryEntry>> FundsOfAsync(int? planId, int? taskId, App.ICurrentUser user, CancellationToken ct = default)
    {
        if (!RegistryAccess.Scope(user, out var own)) return [];
        var q = db.RegistryEntries.AsNoTracking()
            .Where(e => e.Kind == RegistryCatalog.Funds && ((planId != null && e.PlanId == planId) || (taskId != null && e.TaskId == taskId)));
        if (own is { } a) q = q.Where(e => e.AgencyId == a || e.SubjectAgencyId == a);
        return await q.OrderBy(e => e.Date).ToListAsync(ct);
    }

    /// <summary>The year's CCHC funds per agency and per reform field: proposed, allocated, spent (as the user may read them).</summary>
    public async Task<(List<FundsLine> Agencies, List<FundsLine> Fields)> FundsAsync(int year, int? scope, CancellationToken ct = default)
    {
        var kind = RegistryCatalog.Find(RegistryCatalog.Funds)!;
        var entries = await ListAsync(kind, year, null, scope, ct);
        var directory = await agencies.DirectoryAsync(ct);
        static FundsLine Line(string name, IEnumerable<IReadOnlyDictionary<string, string>> v) => new(name,
            v.Sum(x => RegistryValues.Number(x, "de_xuat") ?? 0), v.Sum(x => RegistryValues.Number(x, "duoc_giao") ?? 0),
            v.Sum(x => RegistryValues.Number(x, "da_chi") ?? 0));
        var byAgency = entries.GroupBy(e => e.AgencyId)
            .Select(g => Line(directory.ById.GetValueOrDefault(g.Key)?.Agency.Name ?? "", g.Select(e => e.ValueMap).ToList()))
            .OrderBy(l => l.Name, VietnameseCollation.Comparer).ToList();
        var field = kind.Column("linh_vuc")!;
        var byField = entries.GroupBy(e => e.ValueMap.GetValueOrDefault("linh_vuc") ?? "")
            .Select(g => Line(field.ChoiceOf(g.Key)?.Title ?? "—", g.Select(e => e.ValueMap).ToList()))
            .OrderBy(l => l.Name, VietnameseCollation.Comparer).ToList();
        return (byAgency, byField);
    }

    /// <summary>The plans imported into ParHub whose number is an agency plan's "Số, ký hiệu", by entry.</summary>
    public async Task<Dictionary<int, int>> PlanLinksAsync(IReadOnlyList<RegistryEntry> plans, CancellationToken ct = default)
    {
        var numbers = plans.Select(e => e.ValueMap.GetValueOrDefault("so_hieu")).OfType<string>().Distinct().ToList();
        if (numbers.Count == 0) return [];
        var found = await db.Plans.AsNoTracking().Where(p => p.Number != null && numbers.Contains(p.Number)).Select(p => new { p.Id, p.Number, p.Year })
            .ToListAsync(ct);
        return plans.Select(e => (e.Id, Plan: found.FirstOrDefault(p => p.Number == e.ValueMap.GetValueOrDefault("so_hieu") && p.Year == e.Year)))
            .Where(x => x.Plan is not null).ToDictionary(x => x.Id, x => x.Plan!.Id);
    }

    /// <summary>An inspection's findings with their remedy tasks.</summary>
    public async Task<List<FindingView>> FindingsAsync(int entryId, CancellationToken ct = default) =>
        (await db.InspectionFindings.AsNoTracking().Where(f => f.EntryId == entryId)
            .Join(db.PlanTasks.AsNoTracking(), f => f.TaskId, t => t.Id, (f, t) => new { f, t })
            .OrderBy(x => x.f.Id).ToListAsync(ct))
        .Select(x => new FindingView(x.f, x.t)).ToList();

    /// <summary>The findings of the inspections of an agency in a year, and how many are remedied (their tasks done by the end of it).</summary>
    public async Task<(int Remedied, int Findings)> RemediesAsync(int agencyId, int year, DateOnly asOf, CancellationToken ct = default)
    {
        var rows = await db.InspectionFindings.AsNoTracking()
            .Join(db.RegistryEntries.AsNoTracking(), f => f.EntryId, e => e.Id, (f, e) => new { f, e })
            .Where(x => x.e.Kind == RegistryCatalog.Inspections && x.e.SubjectAgencyId == agencyId && x.e.Year == year)
            .Join(db.PlanTasks.AsNoTracking(), x => x.f.TaskId, t => t.Id, (x, t) => new { t.Progress, t.CompletedOn })
            .ToListAsync(ct);
        return (rows.Count(r => r.Progress == TaskProgress.Done && (r.CompletedOn is null || r.CompletedOn <= asOf)), rows.Count);
    }

    /// <summary>Inspection coverage of an agency's own units (its children in the directory) in a year; null when it has none.</summary>
    public async Task<(int Inspected, int Units)?> UnitCoverageAsync(int agencyId, int year, CancellationToken ct = default)
    {
        var directory = await agencies.DirectoryAsync(ct);
        var end = new DateOnly(year, 12, 31);
        var units = directory.Entries.Where(e => e.Agency.ParentId == agencyId && e.Agency.ExistsOn(end)).Select(e => e.Agency.Id).ToHashSet();
        if (units.Count == 0) return null;
        var mine = (await InspectionsAsync(year, ct)).Where(f => f.AgencyId == agencyId);
        var inspected = InspectionCoverage.Inspected(mine, year);
        return (units.Count(inspected.Contains), units.Count);
    }
}
