using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParHub.Web.Data;

/// <summary>
/// SQLite under ordinary concurrency: write-ahead logging (readers never wait for a writer, a writer never waits for
/// readers) and a busy timeout, so that a writer that finds another one writing waits its turn instead of failing
/// with "database is locked". EF Core's transactions on SQLite begin IMMEDIATE, so a unit of work takes the write
/// lock at its start and never has to upgrade a read lock (which cannot wait).
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();
    /// <summary>How long a writer waits for another one before giving up.</summary>
    public const int BusyTimeoutMs = 30_000;

    public const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }
}
