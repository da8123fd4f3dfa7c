using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// Group commit for the public form and the kiosk: one writer at a time takes every response waiting and stores them in
/// one transaction (<see cref="StoreResponses"/>), so that the forms arriving while a commit is on its way to disk share
/// the next commit instead of queueing for one each (docs/performance.md, public survey form). Nothing waits on
/// purpose: a form that finds no writer busy is written at once, alone. A response is answered only after its commit.
/// If a transaction fails, its responses are tried again one by one, so that one cannot take the others down with it.
/// </summary>
public sealed class SurveyWriteBatch(IServiceScopeFactory scopes, ILogger<SurveyWriteBatch> log)
{
    /// <summary>At most this many responses share a transaction.</summary>
    public const int MaxBatch = 200;

    private sealed record Waiting(PendingResponse Response, TaskCompletionSource<long> Done);

    private readonly Lock gate = new();
    private readonly List<Waiting> queue = [];
    private int writers;
    /// <summary>SQLite has one writer anyway; PostgreSQL takes two transactions at once (the second fills while the first commits).</summary>
    private int? maxWriters;

    /// <summary>The response's id once committed; the response's own refusal (<see cref="SurveyRuleException"/> …) otherwise.</summary>
    public Task<long> SubmitAsync(PendingResponse response, CancellationToken ct)
    {
        var waiting = new Waiting(response, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        maxWriters ??= MaxWriters();
        bool start;
        lock (gate)
        {
            queue.Add(waiting);
            start = writers < maxWriters;
            if (start) writers++;
        }
        if (start) _ = Task.Run(DrainAsync, CancellationToken.None);
        // A request given up meanwhile stops waiting; its response is still written (as if the answer had been lost on the way).
        return waiting.Done.Task.WaitAsync(ct);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Waiting[] batch;
            lock (gate)
            {
                if (queue.Count == 0) { writers--; return; }
                batch = queue.Take(MaxBatch).ToArray();
                queue.RemoveRange(0, batch.Length);
            }
            await WriteAsync(batch);
        }
    }

    private int MaxWriters()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ParHubDbContext>().Database.IsNpgsql() ? 2 : 1;
    }

    private async Task WriteAsync(Waiting[] batch)
    {
        StoreOutcome[] outcomes;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParHubDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<SurveyResponseWriter>();
            outcomes = await db.InTransactionAsync(() => StoreResponses.RunAsync(db, writer, batch.Select(w => w.Response).ToList(),
                CancellationToken.None));
        }
        catch (Exception e)
        {
            if (batch.Length > 1)
            {
                log.LogWarning(e, "A transaction of {Count} survey responses failed; writing them one by one", batch.Length);
                foreach (var w in batch) await WriteAsync([w]);
            }
            else batch[0].Done.TrySetException(e);
            return;
        }
        for (var i = 0; i < batch.Length; i++)
            if (outcomes[i].Error is { } error) batch[i].Done.TrySetException(error);
            else batch[i].Done.TrySetResult(outcomes[i].Id);
    }
}
