using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace ParHub.Web.Data;

/// <summary>
/// SQLite lets one writer in at a time. Writers of this process queue here, in order and without sleeping, before
/// they begin their transaction — instead of in SQLite's busy handler, which retries after sleeps of up to 100 ms and
/// so turns a queue of short writes into long waits (docs/performance.md, public survey form). After the busy timeout
/// a writer stops waiting here and lets SQLite decide, as before. Other processes (the command line) are not gated.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Enters the gate of <paramref name="db"/>'s database (PostgreSQL: nothing); dispose to leave.</summary>
    public static async Task<IDisposable?> EnterAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(SqliteConnectionSetup.BusyTimeoutMs, ct) ? new Exit(gate) : null;
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0) gate.Release();
        }
    }
}
