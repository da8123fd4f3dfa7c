using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace ParHub.Web.Data;

/// <summary>
/// One transaction per change. A change and its audit lines are written by one or more <c>SaveChanges</c> inside one
/// database transaction, so they commit together or not at all. Web requests that write (page POST handlers and API
/// writes) get their transaction from <see cref="TransactionPageFilter"/> / <see cref="TransactionEndpointFilter"/>;
/// services used by the command line too open theirs with <see cref="InTransactionAsync{T}"/>, which joins one that
/// is already open. A unit of work in which a save failed is rolled back, never committed half-done.
/// </summary>
public static class UnitOfWork
{
    private static readonly ConditionalWeakTable<DbContext, object> Failed = new();

    internal static void MarkFailed(DbContext db) => Failed.AddOrUpdate(db, true);

    private sealed record EndActions(Action Committed, Action RolledBack);
    private static readonly ConditionalWeakTable<DbContext, List<EndActions>> Ends = new();

    /// <summary>
    /// Something to do once the unit of work ends: after the commit, or after a rollback (files moved into place or
    /// deleted). Without an open transaction, the next save is the unit of work.
    /// </summary>
    public static void OnEnd(DbContext db, Action committed, Action rolledBack)
    {
        lock (Ends) Ends.GetOrCreateValue(db).Add(new EndActions(committed, rolledBack));
    }

    internal static void Ended(DbContext db, bool committed)
    {
        List<EndActions>? actions;
        lock (Ends)
        {
            if (!Ends.TryGetValue(db, out actions) || actions.Count == 0) return;
            Ends.Remove(db);
        }
        foreach (var a in actions)
        {
            try { (committed ? a.Committed : a.RolledBack)(); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
    internal static void Reset(DbContext db) => Failed.Remove(db);

    /// <summary>True when a save of this context failed since its transaction began (the transaction must not commit).</summary>
    public static bool HasFailedSave(DbContext db) => Failed.TryGetValue(db, out _);

    /// <summary>Runs <paramref name="work"/> in a transaction and commits it, or joins the transaction already open.</summary>
    public static async Task<T> InTransactionAsync<T>(this ParHubDbContext db, Func<Task<T>> work, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Joined: a refusal or failure part-way must not let the outer unit of work commit what was written so far.
            try { return await work(); }
            catch { MarkFailed(db); throw; }
        }
        Failed.Remove(db);
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        T result;
        try { result = await work(); }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw;
        }
        if (HasFailedSave(db)) { await tx.RollbackAsync(ct); Failed.Remove(db); return result; }
        await tx.CommitAsync(ct);
        return result;
    }

    public static Task InTransactionAsync(this ParHubDbContext db, Func<Task> work, CancellationToken ct = default) =>
        db.InTransactionAsync(async () => { await work(); return true; }, ct);

    /// <summary>
    /// Tries a save that may lose a race (a unique key taken meanwhile) without spoiling the unit of work: on a
    /// <see cref="DbUpdateException"/> the work is undone back to a savepoint and false is returned.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this ParHubDbContext db, string savepoint, CancellationToken ct = default)
    {
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("TrySaveAsync needs a transaction");
        await tx.CreateSavepointAsync(savepoint, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await tx.RollbackToSavepointAsync(savepoint, ct);
            Failed.Remove(db);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    internal static bool IsWrite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
}

/// <summary>
/// On a page model whose handlers write only through use cases that open their own transaction
/// (<see cref="UnitOfWork.InTransactionAsync{T}"/>): its POSTs get none from <see cref="TransactionPageFilter"/>, so
/// that their reads run before it and outside SQLite's one writer (the public survey form, the kiosk).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OwnTransactionAttribute : Attribute;

/// <summary>
/// Every page POST handler runs in one transaction, committed when the handler returns normally — except on pages
/// marked <see cref="OwnTransactionAttribute"/>.
/// </summary>
public sealed class TransactionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!UnitOfWork.IsWrite(http.Request) || context.HandlerInstance.GetType().IsDefined(typeof(OwnTransactionAttribute), true))
        {
            await next();
            return;
        }
        var db = http.RequestServices.GetRequiredService<ParHubDbContext>();
        if (db.Database.CurrentTransaction is not null) { await next(); return; }
        using var gate = await SqliteWriteGate.EnterAsync(db, http.RequestAborted);
        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        UnitOfWork.Reset(db);
        var executed = await next();
        if ((executed.Exception is not null && !executed.ExceptionHandled) || UnitOfWork.HasFailedSave(db))
        {
            await tx.RollbackAsync(CancellationToken.None);
            return;
        }
        await tx.CommitAsync(CancellationToken.None);
    }
}

/// <summary>Every API write (POST, PUT, PATCH, DELETE) runs in one transaction, committed before the answer is sent.</summary>
public sealed class TransactionEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!UnitOfWork.IsWrite(http.Request)) return await next(context);
        var db = http.RequestServices.GetRequiredService<ParHubDbContext>();
        if (db.Database.CurrentTransaction is not null) return await next(context);
        using var gate = await SqliteWriteGate.EnterAsync(db, http.RequestAborted);
        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        UnitOfWork.Reset(db);
        object? result;
        try { result = await next(context); }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw;
        }
        if (UnitOfWork.HasFailedSave(db)) { await tx.RollbackAsync(CancellationToken.None); return result; }
        await tx.CommitAsync(CancellationToken.None);
        return result;
    }
}

/// <summary>
/// Marks a unit of work whose save failed (so it is rolled back) and ends the unit (its after-commit or after-rollback
/// actions) when its transaction ends, or at once for a save outside a transaction.
/// </summary>
public sealed class UnitOfWorkInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override void SaveChangesFailed(DbContextErrorEventData e)
    {
        if (e.Context is { } db && db.Database.CurrentTransaction is not null) UnitOfWork.MarkFailed(db);
        else if (e.Context is { } alone) UnitOfWork.Ended(alone, committed: false);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData e, CancellationToken ct = default)
    {
        SaveChangesFailed(e);
        return Task.CompletedTask;
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (e.Context is { } db && db.Database.CurrentTransaction is null) UnitOfWork.Ended(db, committed: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        SavedChanges(e, result);
        return ValueTask.FromResult(result);
    }

    private static void Ended(DbContext? db, bool committed)
    {
        if (db is not null) UnitOfWork.Ended(db, committed);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Ended(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context, committed: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Ended(eventData.Context, committed: false);
        return Task.CompletedTask;
    }
}
