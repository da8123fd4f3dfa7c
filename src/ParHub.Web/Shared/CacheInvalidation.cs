using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParHub.Core.Agencies;
using ParHub.Core.Plans;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;
using ParHub.Core.Sipas;

namespace ParHub.Web.Shared;

/// <summary>
/// Drops the cached reads of the areas a change touches: before it is saved, once saved, and again when its transaction
/// ends — so that a value read by another request between the save and the commit is not kept. The areas come from
/// the entities the unit of work changed, so that no use case can forget to name them.
/// </summary>
public sealed class CacheInvalidation(ReadCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> last = new();

    /// <summary>The tags of what a context is about to save.</summary>
    public static HashSet<string> TagsOf(DbContext db)
    {
        var tags = new HashSet<string>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (e.Entity)
            {
                case Plan or PlanTask or TaskAssignment: tags.Add(CacheTags.Tasks); break;
                case AgencyReport or ReportValueRow or ReportFormVersion or ReportRegimeSetting: tags.Add(CacheTags.Reports); break;
                case Agency or AgencyGroup or AgencyGroupMember: tags.Add(CacheTags.Directory); break;
                case AssessmentCycle c: tags.Add(CacheTags.IndexAll); tags.Add(CacheTags.Index(c.Id)); break;
                case Assessment a: tags.Add(CacheTags.IndexAll); tags.Add(CacheTags.Index(a.CycleId)); break;
                case AssessmentScore or IndexFramework: tags.Add(CacheTags.IndexAll); break;
                case SurveyProgramme or SurveyProgrammeGroup or SurveyQuestionnaire: tags.Add(CacheTags.Surveys); break;
                case ParHub.Core.Tthc.FeedbackRecord: tags.Add(CacheTags.Feedback); break;
                case ParHub.Core.Registries.RegistryEntry or ParHub.Core.Registries.InspectionFinding: tags.Add(CacheTags.Registries); break;
                case ParHub.Core.Tthc.DossierRecord: tags.Add(CacheTags.Dossiers); break; // imports write set-based and drop it themselves
                case ParHub.Core.Tthc.DossierMonthTotals: tags.Add(CacheTags.Dossiers); break; // figures of agencies without an export
            }
            if (e.Entity.GetType().Namespace == typeof(Assessment).Namespace) tags.Add(CacheTags.IndexAll); // evidence, appraisers…
        }
        return tags;
    }

    private HashSet<string>? Saving(DbContext? db)
    {
        if (db is null) return null;
        var tags = TagsOf(db);
        if (tags.Count == 0)
        {
            last.Remove(db); // a save with nothing of a cached area (or nothing at all) drops nothing
            return null;
        }
        last.AddOrUpdate(db, tags);
        if (db.Database.CurrentTransaction is not null) pending.GetOrCreateValue(db).UnionWith(tags);
        return tags;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (Saving(e.Context) is { } tags) cache.Invalidate(tags);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (Saving(e.Context) is { } tags) await cache.InvalidateAsync(tags, ct);
        return result;
    }

    // Once written: the tags were taken before the save (afterwards the entries are unchanged).
    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (e.Context is { } db && db.Database.CurrentTransaction is null) cache.Invalidate(LastTags(db));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        if (e.Context is { } db && db.Database.CurrentTransaction is null) await cache.InvalidateAsync(LastTags(db), ct);
        return result;
    }

    private IEnumerable<string> LastTags(DbContext db) => last.TryGetValue(db, out var t) ? t : [];

    private HashSet<string> Ended(DbContext? db)
    {
        if (db is null || !pending.TryGetValue(db, out var tags)) return [];
        pending.Remove(db);
        return tags;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData e) => cache.Invalidate(Ended(e.Context));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData e, CancellationToken ct = default) =>
        cache.InvalidateAsync(Ended(e.Context), ct);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData e) => cache.Invalidate(Ended(e.Context));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData e, CancellationToken ct = default) =>
        cache.InvalidateAsync(Ended(e.Context), ct);
}
