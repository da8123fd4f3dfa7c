using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Web.Data;
using ParHub.Web.Features.Agencies;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Plans;

/// <summary>
/// Imports a plan document: preview (nothing written; every unresolved agency, unread time frame and missing lead
/// flagged), then apply the confirmed rows in one transaction. Importing the same plan again (same number and year)
/// updates its tasks by their number instead of duplicating them, and keeps their progress.
/// </summary>
public sealed class PlanImporter(ParHubDbContext db, AgencyQueries agencies, AuditLog audit, Notifications.Notifier notifier, TimeProvider clock)
{
    public const string EntityType = "Plan";

    public static (PlanInput Plan, List<TaskRowInput> Rows) FromDraft(PlanDraft draft, int? year, string? fileName)
    {
        var h = draft.Header;
        var period = h.StatedPeriod();
        var plan = new PlanInput
        {
            Number = h.Number, DocType = h.Type, Issuer = h.Issuer, IssuedOn = h.IssuedOn,
            Year = year ?? h.Year ?? h.IssuedOn?.Year ?? VietnamTime.Today(TimeProvider.System).Year,
            Title = h.Title ?? Path.GetFileNameWithoutExtension(fileName ?? "Kế hoạch"),
            Kind = period is { } p && p.To.Year > p.From.Year ? PlanKind.Phase : PlanKind.Annual,
            PeriodFrom = period?.From, PeriodTo = period?.To, SourceFile = fileName,
            Targets = draft.Targets.Select(t => t.Text).ToList(),
            LegalBases = h.LegalBases is { Count: > 0 } b ? string.Join('\n', b) : null,
            Unread = draft.Unread.Select(u => $"Dòng {u.Line}: {u.Text} — {u.Reason}").ToList(),
        };
        var rows = draft.Tasks.SelectMany(t => t.Tracked()).Select(t => new TaskRowInput
        {
            No = t.No, Group = t.Group, Content = t.Content, Lead = t.Lead, Cooperating = t.Cooperating,
            Product = t.Product, Requirement = t.Requirement.Length == 0 ? null : t.Requirement, Timeframe = t.Timeframe,
            AssignedBy = t.AssignedBy, Source = $"dòng {t.Line}",
            Parts = t.Parts.Count == 0 ? null : string.Join('\n', t.Parts.Select(p => $"{p.No}) {p.Content} — {p.Lead}")),
        }).ToList();
        foreach (var r in rows) r.Original = r.Values.ToJson();
        plan.Original = new ImportedHeader(plan.Title, plan.Issuer).ToJson();
        return (plan, rows);
    }

    public async Task<AgencyPhraseResolver> ResolverAsync(CancellationToken ct)
    {
        var dir = await agencies.DirectoryAsync(ct);
        var entries = dir.Entries.Select(e => new DirectoryEntry("a:" + e.Agency.Id, e.Agency.Name,
                (e.Agency.ShortName is null ? [] : new[] { e.Agency.ShortName }).Concat(e.Agency.AliasList).ToList(), false,
                e.Agency.ValidFrom, e.Agency.ValidTo))
            .Concat(dir.Groups.Values.Select(g => new DirectoryEntry("g:" + g.Id, g.Name, g.AliasList, true)));
        return new AgencyPhraseResolver(entries);
    }

    public async Task<ImportPreview> CheckAsync(PlanInput plan, IReadOnlyList<TaskRowInput> rows, CancellationToken ct = default)
    {
        rows = rows.Where(r => !r.Remove).ToList();
        var resolver = await ResolverAsync(ct);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(plan.Title)) errors.Add("Vui lòng nhập tên kế hoạch.");
        if (plan.Year is < 1990 or > 2100)
        {
            errors.Add("Năm kế hoạch không hợp lệ (1990–2100).");
            plan.Year = Math.Clamp(plan.Year, 1990, 2100);
        }
        var context = new TimeframeContext(plan.Year, plan.PeriodFrom, plan.PeriodTo);
        var (from, to) = Period(plan);
        var on = plan.IssuedOn ?? new DateOnly(plan.Year, 1, 1);
        if (rows.Count == 0) errors.Add("Không có nhiệm vụ nào để nhập.");
        var checks = rows.Select(r =>
        {
            var tf = TimeframeParser.Parse(r.Timeframe ?? "", context);
            var lead = resolver.Resolve(r.Lead, on);
            var coop = resolver.Resolve(r.Cooperating, on);
            var flags = new List<string>();
            if (string.IsNullOrWhiteSpace(r.Content)) flags.Add("Thiếu nội dung nhiệm vụ.");
            if (lead.Count == 0) flags.Add("Chưa có cơ quan chủ trì.");
            flags.AddRange(lead.Concat(coop).Where(x => x.Kind == ResolvedKind.Unresolved)
                .Select(x => $"Không tìm thấy cơ quan “{x.Text}” trong danh mục."));
            if (tf.Kind == TimeframeKind.Unknown)
                flags.Add(string.IsNullOrWhiteSpace(r.Timeframe) ? "Chưa có thời hạn." : $"Không đọc được thời hạn “{r.Timeframe}”.");
            return new RowCheck(r, tf, lead, coop, flags) { Occurrences = Occurrences.Of(tf, from, to) };
        }).ToList();
        var existing = await FindExistingAsync(plan, ct);
        if (existing is null) return new ImportPreview(plan, checks, errors, null);

        // Re-import: each row against the stored task it updates; the stored tasks the document no longer has.
        var stored = await db.Plans.AsNoTracking().Include(p => p.Tasks).SingleAsync(p => p.Id == existing, ct);
        var series = TaskSeries.Of(stored.Tasks.OrderBy(t => t.SortOrder));
        var matched = TaskSeries.Match(checks.Select(c => (c.Row.Group, c.Row.No)).ToList(), series);
        checks = checks.Select((c, i) => matched[i] is { } s ? c with { Merge = MergeOf(c, s) } : c).ToList();
        var gone = series.Where(s => !matched.Contains(s)).SelectMany(s => s).ToList();
        var reported = await ReportedAsync(gone, ct);
        var removed = gone.Select(t => new RemovedTask(t.Id, t.No, t.Content, t.Occurrence,
            reported.Contains(t.Id) || t.Progress != TaskProgress.NotStarted)).ToList();
        return new ImportPreview(plan, checks, errors, existing) { HeaderMerges = HeaderMerges(stored, plan), Removed = removed };
    }

    /// <summary>The plan's period, where recurring work has its dues: as stated, else the plan's year.</summary>
    public static (DateOnly From, DateOnly To) Period(PlanInput plan) =>
        (plan.PeriodFrom ?? new DateOnly(plan.Year, 1, 1), plan.PeriodTo ?? new DateOnly(plan.Year, 12, 31));

    private async Task<int?> FindExistingAsync(PlanInput plan, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(plan.Number))
            return await db.Plans.Where(p => p.Number == plan.Number && p.Year == plan.Year).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return await db.Plans.Where(p => p.Title == plan.Title && p.Year == plan.Year).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Writes a checked preview in one transaction: a new plan, or the merge of a re-import.</summary>
    public async Task<ImportResult> ApplyAsync(ImportPreview preview, CancellationToken ct = default)
    {
        if (!preview.CanApply)
            throw new InvalidOperationException("The preview has errors: " + string.Join(" ", preview.Errors.Append(preview.BlockedMessage ?? "")));
        return await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var input = preview.Plan;
            Plan plan;
            var created = preview.ExistingPlanId is null;
            if (created)
            {
                plan = new Plan { CreatedAt = now };
                db.Plans.Add(plan);
            }
            else
            {
                plan = await db.Plans.Include(p => p.Targets).Include(p => p.Tasks).ThenInclude(t => t.Assignments)
                    .SingleAsync(p => p.Id == preview.ExistingPlanId, ct);
            }
            WriteHeader(plan, input, HeaderMerges(created ? null : plan, input), now);

            // The merge is computed again on the tracked tasks, by the same rule the preview showed.
            var series = TaskSeries.Of(plan.Tasks.OrderBy(t => t.SortOrder));
            var matched = TaskSeries.Match(preview.Rows.Select(r => (r.Row.Group, r.Row.No)).ToList(), series);
            var writer = new ImportedTaskWriter(plan, now);
            int added = 0, updated = 0;
            for (var i = 0; i < preview.Rows.Count; i++)
            {
                var check = preview.Rows[i] with { Merge = matched[i] is { } s ? MergeOf(check: preview.Rows[i], s) : null };
                if (matched[i] is null) added++;
                else updated++;
                writer.Write(check, matched[i]);
            }
            // Tasks no longer in the document go, unless someone already reported on them.
            var gone = series.Where(s => !matched.Contains(s)).SelectMany(s => s).Concat(writer.Leftovers).ToList();
            var reported = await ReportedAsync(gone, ct);
            var removable = gone.Where(t => !reported.Contains(t.Id) && t.Progress == TaskProgress.NotStarted).ToList();
            foreach (var t in removable) plan.Tasks.Remove(t);
            db.PlanTasks.RemoveRange(removable.Where(t => t.Id != 0));
            var fresh = plan.Tasks.Where(t => t.Id == 0).ToList();
            await db.SaveChangesAsync(ct);
            await NotifyAssignedAsync(plan, fresh, now, ct);

            var kept = preview.Rows.Sum(r => r.Merge?.Fields.Count(f => f.Pickable && !f.TakesDocument(r.Row.TakeDocument.Contains(f.Field))) ?? 0);
            var picked = preview.Rows.Sum(r => r.Merge?.Fields.Count(f => f.Pickable && f.TakesDocument(r.Row.TakeDocument.Contains(f.Field))) ?? 0);
            audit.Record(created ? "import" : "reimport", EntityType, plan.Id.ToString(CultureInfo.InvariantCulture), null,
                $"{(created ? "Nhập" : "Cập nhật")} kế hoạch {plan.Number ?? plan.Title}: {added} nhiệm vụ thêm, "
                    + $"{updated} cập nhật, {removable.Count} bỏ"
                    + (created ? "" : $"; giữ {kept} chỗ sửa tay, lấy theo văn bản {picked} chỗ đã sửa tay"),
                [new FieldChange("Tasks", null, preview.Rows.Count.ToString(CultureInfo.InvariantCulture)),
                    new FieldChange("SourceFile", null, plan.SourceFile)]);
            await db.SaveChangesAsync(ct);
            return new ImportResult(plan.Id, created, added, updated, removable.Count, preview.Flagged);
        }, ct);
    }

    /// <summary>Each agency given new tasks by the import is told once, with how many it leads and cooperates on.</summary>
    private async Task NotifyAssignedAsync(Plan plan, List<PlanTask> fresh, DateTime now, CancellationToken ct)
    {
        var groupIds = fresh.SelectMany(t => t.Assignments).Where(a => a.GroupId != null).Select(a => a.GroupId!.Value).Distinct().ToList();
        var members = (await db.AgencyGroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.GroupId)).ToListAsync(ct))
            .ToLookup(m => m.GroupId, m => m.AgencyId);
        var counts = new Dictionary<int, (int Lead, int Coop)>();
        foreach (var t in fresh)
            foreach (var role in new[] { AssignmentRole.Lead, AssignmentRole.Cooperating })
                foreach (var a in t.Assignments.Where(x => x.Role == role)
                    .SelectMany(x => x.AgencyId is { } id ? [id] : x.GroupId is { } g ? members[g] : []).Distinct())
                {
                    var c = counts.GetValueOrDefault(a);
                    counts[a] = role == AssignmentRole.Lead ? (c.Lead + 1, c.Coop) : (c.Lead, c.Coop + 1);
                }
        var name = plan.Number ?? plan.Title;
        foreach (var (agency, (lead, coop)) in counts)
        {
            var what = string.Join(", ", new[] { lead > 0 ? $"chủ trì {lead}" : null, coop > 0 ? $"phối hợp {coop}" : null }.OfType<string>());
            await notifier.ToAgenciesAsync([agency], new Notifications.Notice(
                $"plan:{plan.Id}:assigned:{now:yyyyMMddHHmmssfff}:{agency}", $"Kế hoạch {name}: cơ quan được giao nhiệm vụ mới ({what})",
                $"Kế hoạch {name} ({plan.Title}) giao cơ quan {what} nhiệm vụ mới. Xem danh sách nhiệm vụ của cơ quan trên ParHub.",
                $"/Tasks?agencyId={agency}"), ct);
        }
    }

    private static void WriteHeader(Plan plan, PlanInput input, IReadOnlyList<FieldMerge> merges, DateTime now)
    {
        string? Merged(string field, string? value) =>
            merges.FirstOrDefault(m => m.Field == field) is { } m ? m.Result(input.TakeDocument.Contains(field)) : value;
        plan.Kind = input.Kind;
        plan.Number = Blank(input.Number);
        plan.DocType = Blank(input.DocType);
        plan.Issuer = Blank(Merged("Issuer", input.Issuer));
        plan.IssuedOn = input.IssuedOn;
        plan.Year = input.Year;
        plan.PeriodFrom = input.PeriodFrom;
        plan.PeriodTo = input.PeriodTo;
        plan.Title = (Merged("Title", input.Title) ?? input.Title).Trim();
        plan.SourceFile = input.SourceFile;
        plan.LegalBases = Blank(input.LegalBases);
        plan.Imported = input.Original ?? new ImportedHeader(input.Title, input.Issuer).ToJson();
        plan.UpdatedAt = now;
        // A re-import keeps the metric an officer bound a target to, matched by the target's text.
        var bound = plan.Targets.GroupBy(t => t.Text).ToDictionary(g => g.Key, g => g.First().MetricKey);
        plan.Targets.Clear();
        plan.Targets.AddRange(input.Targets.Where(t => !string.IsNullOrWhiteSpace(t)).Select((t, i) =>
        {
            var m = TargetReader.Read(t);
            if (bound.TryGetValue(t.Trim(), out var kept)) return Target(t, i, m, kept);
            return Target(t, i, m, m is null ? null : TargetMetrics.Guess(t, m.Unit));
        }));

        PlanTarget Target(string t, int i, TargetMeasure? m, string? key) => new()
        {
            Text = t.Trim(), SortOrder = i, Comparator = m?.Comparator, Threshold = m?.Threshold, Unit = m?.Unit, Metric = m?.Metric,
            Period = PeriodText(TargetCheck.Period(t, plan.Year)), MetricKey = key,
        };
    }

    private static string PeriodText((int From, int To) p) =>
        p.From == p.To ? p.From.ToString(CultureInfo.InvariantCulture) : FormattableString.Invariant($"{p.From}-{p.To}");

    /// <summary>The header fields on re-import: what the document changed and what was corrected by hand.</summary>
    public static IReadOnlyList<FieldMerge> HeaderMerges(Plan? stored, PlanInput input)
    {
        if (stored is null) return [];
        var imported = ImportedHeader.FromJson(stored.Imported);
        return
        [
            ImportMerge.Decide("Title", imported?.Title, stored.Title, input.Title, imported is not null),
            ImportMerge.Decide("Issuer", imported?.Issuer, stored.Issuer, input.Issuer, imported is not null),
        ];
    }

    /// <summary>Per field of a row matched to stored tasks: the last import's value, the stored one, the document's now.</summary>
    public static TaskMerge MergeOf(RowCheck check, IReadOnlyList<PlanTask> series)
    {
        var first = series[0];
        var imported = ImportedTask.FromJson(first.Imported);
        var current = ImportedTask.Of(first);
        var incoming = check.Row.Values;
        return new TaskMerge(first.Id, series.Count, ImportedTask.Fields
            .Select(f => ImportMerge.Decide(f, imported?[f], current[f], incoming[f], imported is not null)).ToList());
    }

    private async Task<HashSet<int>> ReportedAsync(IReadOnlyList<PlanTask> tasks, CancellationToken ct)
    {
        var ids = tasks.Where(t => t.Id != 0).Select(t => t.Id).ToList();
        if (ids.Count == 0) return [];
        return (await db.TaskUpdates.Where(u => ids.Contains(u.TaskId)).Select(u => u.TaskId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Assignments from resolved names: agencies ("a:12"), groups ("g:3"), or the text as written.</summary>
    public static IEnumerable<TaskAssignment> Assignments(IReadOnlyList<ResolvedName> names, AssignmentRole role) =>
        names.Select((n, i) => new TaskAssignment
        {
            Role = role, SortOrder = i, Text = n.Text.Length > 500 ? n.Text[..500] : n.Text,
            AgencyId = n.Kind == ResolvedKind.Agency && n.Key!.StartsWith("a:") ? int.Parse(n.Key[2..], CultureInfo.InvariantCulture) : null,
            GroupId = n.Kind == ResolvedKind.Group && n.Key!.StartsWith("g:") ? int.Parse(n.Key[2..], CultureInfo.InvariantCulture) : null,
        });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
