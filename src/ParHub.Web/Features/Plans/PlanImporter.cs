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
public sealed class PlanImporter(ParHubDbContext db, AgencyQueries agencies, AuditLog audit, TimeProvider clock)
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
        };
        var rows = draft.Tasks.SelectMany(t => t.Tracked()).Select(t => new TaskRowInput
        {
            No = t.No, Group = t.Group, Content = t.Content, Lead = t.Lead, Cooperating = t.Cooperating,
            Product = t.Product, Timeframe = t.Timeframe, AssignedBy = t.AssignedBy, Source = $"dòng {t.Line}",
            Parts = t.Parts.Count == 0 ? null : string.Join('\n', t.Parts.Select(p => $"{p.No}) {p.Content} — {p.Lead}")),
        }).ToList();
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
            return new RowCheck(r, tf, lead, coop, flags);
        }).ToList();
        var existing = await FindExistingAsync(plan, ct);
        return new ImportPreview(plan, checks, errors, existing);
    }

    private async Task<int?> FindExistingAsync(PlanInput plan, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(plan.Number))
            return await db.Plans.Where(p => p.Number == plan.Number && p.Year == plan.Year).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return await db.Plans.Where(p => p.Title == plan.Title && p.Year == plan.Year).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Writes a checked preview in one transaction.</summary>
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
            plan.Kind = input.Kind;
            plan.Number = Blank(input.Number);
            plan.DocType = Blank(input.DocType);
            plan.Issuer = Blank(input.Issuer);
            plan.IssuedOn = input.IssuedOn;
            plan.Year = input.Year;
            plan.PeriodFrom = input.PeriodFrom;
            plan.PeriodTo = input.PeriodTo;
            plan.Title = input.Title.Trim();
            plan.SourceFile = input.SourceFile;
            plan.LegalBases = Blank(input.LegalBases);
            plan.UpdatedAt = now;
            plan.Targets.Clear();
            plan.Targets.AddRange(input.Targets.Where(t => !string.IsNullOrWhiteSpace(t)).Select((t, i) =>
            {
                var m = TargetReader.Read(t);
                return new PlanTarget
                {
                    Text = t.Trim(), SortOrder = i, Comparator = m?.Comparator,
                    Threshold = m?.Threshold, Unit = m?.Unit, Metric = m?.Metric, Period = plan.Year.ToString(CultureInfo.InvariantCulture),
                };
            }));

            // Tasks are matched by group and number — and, where a document repeats a number in a group, by its
            // occurrence — so that importing the same plan again updates them.
            var byKey = Occurrences(plan.Tasks.OrderBy(t => t.SortOrder), t => (t.Group, t.No)).ToDictionary(x => x.Key, x => x.Item);
            var rowKeys = Occurrences(preview.Rows, r => (Blank(r.Row.Group), r.Row.No.Trim())).Select(x => x.Key).ToList();
            int added = 0, updated = 0;
            var seen = new HashSet<PlanTask>();
            for (var i = 0; i < preview.Rows.Count; i++)
            {
                var check = preview.Rows[i];
                var r = check.Row;
                if (!byKey.TryGetValue(rowKeys[i], out var task))
                {
                    task = new PlanTask { Progress = TaskProgress.NotStarted };
                    plan.Tasks.Add(task);
                    added++;
                }
                else updated++;
                seen.Add(task);
                task.No = r.No.Trim();
                task.SortOrder = i;
                task.Group = Blank(r.Group);
                task.ReformArea = Blank(r.Group);
                task.Content = r.Content.Trim();
                task.Product = Blank(r.Product);
                task.LeadText = Blank(r.Lead);
                task.CooperatingText = Blank(r.Cooperating);
                task.Parts = Blank(r.Parts);
                task.AssignedBy = Blank(r.AssignedBy);
                task.Source = r.Source;
                task.TimeframeText = Blank(r.Timeframe);
                task.TimeframeKind = check.Timeframe.Kind;
                task.Recurrence = check.Timeframe.Recurrence;
                task.Start = check.Timeframe.Start;
                if (task.Due != check.Timeframe.Due) task.CurrentDue = null; // a new plan text resets a moved deadline
                task.Due = check.Timeframe.Due;
                task.RefreshSortDue();
                task.UpdatedAt = now;
                task.Assignments.Clear();
                task.Assignments.AddRange(Assignments(check.Lead, AssignmentRole.Lead).Concat(Assignments(check.Cooperating, AssignmentRole.Cooperating)));
            }
            // Tasks no longer in the document go, unless someone already reported on them.
            var gone = plan.Tasks.Where(t => !seen.Contains(t)).ToList();
            var removable = new List<PlanTask>();
            foreach (var t in gone)
            {
                var hasUpdates = t.Id != 0 && await db.TaskUpdates.AnyAsync(u => u.TaskId == t.Id, ct);
                if (!hasUpdates && t.Progress == TaskProgress.NotStarted) removable.Add(t);
            }
            foreach (var t in removable) plan.Tasks.Remove(t);
            db.PlanTasks.RemoveRange(removable.Where(t => t.Id != 0));
            await db.SaveChangesAsync(ct);

            audit.Record(created ? "import" : "reimport", EntityType, plan.Id.ToString(CultureInfo.InvariantCulture), null,
                $"{(created ? "Nhập" : "Cập nhật")} kế hoạch {plan.Number ?? plan.Title}: {added} nhiệm vụ thêm, "
                    + $"{updated} cập nhật, {removable.Count} bỏ",
                [new FieldChange("Tasks", null, preview.Rows.Count.ToString(CultureInfo.InvariantCulture)),
                    new FieldChange("SourceFile", null, plan.SourceFile)]);
            await db.SaveChangesAsync(ct);
            return new ImportResult(plan.Id, created, added, updated, removable.Count, preview.Flagged);
        }, ct);
    }

    /// <summary>Assignments from resolved names: agencies ("a:12"), groups ("g:3"), or the text as written.</summary>
    public static IEnumerable<TaskAssignment> Assignments(IReadOnlyList<ResolvedName> names, AssignmentRole role) =>
        names.Select((n, i) => new TaskAssignment
        {
            Role = role, SortOrder = i, Text = n.Text.Length > 500 ? n.Text[..500] : n.Text,
            AgencyId = n.Kind == ResolvedKind.Agency && n.Key!.StartsWith("a:") ? int.Parse(n.Key[2..], CultureInfo.InvariantCulture) : null,
            GroupId = n.Kind == ResolvedKind.Group && n.Key!.StartsWith("g:") ? int.Parse(n.Key[2..], CultureInfo.InvariantCulture) : null,
        });

    private static IEnumerable<(((string?, string), int) Key, T Item)> Occurrences<T>(IEnumerable<T> items, Func<T, (string?, string)> key)
    {
        var counts = new Dictionary<(string?, string), int>();
        foreach (var item in items)
        {
            var k = key(item);
            counts[k] = counts.GetValueOrDefault(k) + 1;
            yield return ((k, counts[k]), item);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
