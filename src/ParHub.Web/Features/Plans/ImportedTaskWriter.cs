using ParHub.Core.Plans;

namespace ParHub.Web.Features.Plans;

/// <summary>
/// Writes one confirmed row onto the plan: new tasks, or the stored series it matched, field by field as the merge
/// decided (a hand correction stays unless the officer picked the document's value). Recurring work becomes one task
/// per due; dues the document no longer has are left in <see cref="Leftovers"/> for the importer to remove.
/// </summary>
public sealed class ImportedTaskWriter(Plan plan, DateTime now)
{
    private int sortOrder;

    public List<PlanTask> Leftovers { get; } = [];

    public void Write(RowCheck check, List<PlanTask>? series)
    {
        var r = check.Row;
        bool Take(string field) => check.Merge is not { } m || m.TakesDocument(r, field);
        var tasks = Take("Timeframe") ? Occurrences(check, series) : series!.Select(t => (t, (Occurrence?)null)).ToList();
        var model = series?[0];
        foreach (var (task, occurrence) in tasks)
        {
            var isNew = task.Id == 0 && !plan.Tasks.Contains(task);
            if (isNew)
            {
                task.Progress = TaskProgress.NotStarted;
                plan.Tasks.Add(task);
            }
            task.No = r.No.Trim();
            task.SortOrder = sortOrder++;
            task.Group = Blank(r.Group);
            task.ReformArea = Blank(r.Group);
            task.Parts = Blank(r.Parts);
            task.AssignedBy = Blank(r.AssignedBy);
            task.Source = r.Source;
            // A field kept (corrected by hand) stays as stored; a new due of such a series takes the series' value.
            var own = ImportedTask.Of(isNew && model is not null ? model : task);
            string? Value(string field, string? doc) => Take(field) ? Blank(doc) : own[field];
            task.Content = Value("Content", r.Content) ?? r.Content.Trim();
            task.Product = Value("Product", r.Product);
            task.Requirement = Value("Requirement", r.Requirement);
            task.LeadText = Value("Lead", r.Lead);
            task.CooperatingText = Value("Cooperating", r.Cooperating);
            if (Take("Timeframe")) task.SetTimeframe(check.Timeframe.Text, check.Timeframe, occurrence);
            task.Imported = r.Original ?? r.Values.ToJson();
            task.UpdatedAt = now;
            Assign(task, AssignmentRole.Lead, Take("Lead") ? check.Lead : null, model);
            Assign(task, AssignmentRole.Cooperating, Take("Cooperating") ? check.Cooperating : null, model);
        }
    }

    /// <summary>The tasks of the row's dues: stored ones matched by their label, new ones for new dues.</summary>
    private List<(PlanTask Task, Occurrence? Occurrence)> Occurrences(RowCheck check, List<PlanTask>? series)
    {
        var stored = series?.ToList() ?? [];
        var result = new List<(PlanTask, Occurrence?)>();
        if (check.Occurrences.Count == 0)
        {
            // Work done once: the series' first task carries on, any dues it had go.
            result.Add((stored.Count > 0 ? stored[0] : new PlanTask(), null));
            Leftovers.AddRange(stored.Skip(1));
            return result;
        }
        foreach (var o in check.Occurrences)
        {
            var task = stored.FirstOrDefault(t => t.Occurrence == o.Label) ?? stored.FirstOrDefault(t => t.Occurrence is null);
            if (task is not null) stored.Remove(task);
            result.Add((task ?? new PlanTask(), o));
        }
        Leftovers.AddRange(stored);
        return result;
    }

    /// <summary>Replaces the task's assignments of a role by the document's, or (null) keeps them — copied from the series for a new due.</summary>
    private static void Assign(PlanTask task, AssignmentRole role, IReadOnlyList<Core.Agencies.ResolvedName>? names, PlanTask? model)
    {
        if (names is null && (model is null || ReferenceEquals(model, task) || task.Assignments.Any(a => a.Role == role))) return;
        task.Assignments.RemoveAll(a => a.Role == role);
        task.Assignments.AddRange(names is not null
            ? PlanImporter.Assignments(names, role)
            : model!.Assignments.Where(a => a.Role == role).Select(a => new TaskAssignment
            { Role = role, SortOrder = a.SortOrder, Text = a.Text, AgencyId = a.AgencyId, GroupId = a.GroupId }));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
