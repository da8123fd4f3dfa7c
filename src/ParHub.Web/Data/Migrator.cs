using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ParHub.Web.Data;

/// <summary>
/// Applies the EF Core migrations of the configured provider (<c>Data/Migrations/Sqlite</c> or
/// <c>Data/Migrations/Postgres</c>, made with <c>dotnet ef migrations add</c>), under a lock so that two instances
/// starting at once are safe (PostgreSQL: an advisory lock; SQLite: a lock file beside the database, and EF Core's own
/// migration lock).
/// A database made before EF Core migrations (by the hand-written scripts recorded in <c>__parhub_migrations</c>,
/// kept in <c>Data/Migrations/Legacy</c>) is first brought to the last script, which is the same schema as the
/// baseline migration, and then recorded as being at the baseline: carried over with every row.
/// </summary>
public sealed class Migrator(ParHubDbContext db, ILogger<Migrator> log)
{
    public const string HistoryTable = "__EFMigrationsHistory";
    public const string LegacyHistoryTable = "__parhub_migrations";
    private const long PostgresLockKey = 0x5041524855424D47; // "PARHUBMG"

    public sealed record Migration(string Id, string Sql);

    /// <summary>The EF Core migration ids of a provider, in order (read from the assembly, no database needed).</summary>
    public static IReadOnlyList<string> All(DbProvider provider)
    {
        var context = provider == DbProvider.Postgres ? typeof(PostgresParHubDbContext) : typeof(SqliteParHubDbContext);
        return typeof(Migrator).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The hand-written scripts of the databases made before EF Core migrations, in order.</summary>
    public static IReadOnlyList<Migration> Legacy(DbProvider provider)
    {
        var asm = typeof(Migrator).Assembly;
        var folder = provider == DbProvider.Postgres ? ".Legacy.postgres." : ".Legacy.sqlite.";
        return asm.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations" + folder, StringComparison.Ordinal) && n.EndsWith(".sql"))
            .Select(n => new Migration(n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4].TrimStart('_'), Read(asm, n)))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public DbProvider Provider => db.Database.IsNpgsql() ? DbProvider.Postgres : DbProvider.Sqlite;

    /// <summary>Applies every pending migration (or those up to <paramref name="target"/>); returns the ids applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? target = null, CancellationToken ct = default)
    {
        FileStream? fileLock = null;
        if (Provider == DbProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                fileLock = await LockFileAsync(Path.GetFullPath(file) + ".migrate-lock", ct);
            }
        }
        await using var _ = fileLock;
        await db.Database.OpenConnectionAsync(ct);
        var conn = db.Database.GetDbConnection();
        try
        {
            if (Provider == DbProvider.Postgres) await ExecAsync(conn, null, $"SELECT pg_advisory_lock({PostgresLockKey})", ct);
            try
            {
                await CarryOverLegacyAsync(conn, ct);
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (target is not null && pending.Contains(target)) pending = pending.TakeWhile(m => m != target).Append(target).ToList();
                else if (target is not null) pending = [];
                if (pending.Count > 0)
                {
                    await db.GetService<IMigrator>().MigrateAsync(target, ct);
                    foreach (var m in pending) log.LogInformation("Applied migration {Migration}", m);
                }
                return pending;
            }
            finally
            {
                if (Provider == DbProvider.Postgres) await ExecAsync(conn, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One migrating process at a time on a SQLite file (what was applied is then reported truly by each).</summary>
    private static async Task<FileStream> LockFileAsync(string path, CancellationToken ct)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(100))
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (waited < TimeSpan.FromMinutes(2)) { await Task.Delay(100, ct); }
        }
    }

    /// <summary>A database of the hand-written scripts: finish them, then record it as at the baseline migration.</summary>
    private async Task CarryOverLegacyAsync(DbConnection conn, CancellationToken ct)
    {
        if (!await TableExistsAsync(conn, LegacyHistoryTable, ct)) return;
        var history = db.GetService<IHistoryRepository>();
        var baseline = All(Provider)[0];
        if (await TableExistsAsync(conn, HistoryTable, ct) && (await db.Database.GetAppliedMigrationsAsync(ct)).Contains(baseline)) return;
        var applied = await LegacyAppliedAsync(conn, ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var m in Legacy(Provider).Where(m => !applied.Contains(m.Id)))
        {
            await ExecAsync(conn, tx, m.Sql, ct);
            await ExecAsync(conn, tx, $"INSERT INTO {LegacyHistoryTable} (id, applied_at) VALUES ('{m.Id}', '{DateTime.UtcNow:O}')", ct);
            log.LogInformation("Applied legacy migration {Migration}", m.Id);
        }
        await ExecAsync(conn, tx, history.GetCreateIfNotExistsScript(), ct);
        await ExecAsync(conn, tx, history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Carried over a database of the hand-written migrations as {Migration}", baseline);
    }

    private async Task<bool> TableExistsAsync(DbConnection conn, string table, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = Provider == DbProvider.Postgres
            ? $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'"
            : $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<HashSet<string>> LegacyAppliedAsync(DbConnection conn, CancellationToken ct)
    {
        var ids = new HashSet<string>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT id FROM {LegacyHistoryTable}";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>The migrations recorded as applied, in order (empty for an empty database).</summary>
    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken ct = default)
    {
        try { return (await db.Database.GetAppliedMigrationsAsync(ct)).Order(StringComparer.Ordinal).ToList(); }
        catch (DbException) { return []; }
    }

    /// <summary>Runs a legacy script by hand (tests build old-format databases with it).</summary>
    public async Task ApplyLegacyAsync(string? upTo = null, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var conn = db.Database.GetDbConnection();
        try
        {
            await ExecAsync(conn, null,
                $"CREATE TABLE IF NOT EXISTS {LegacyHistoryTable} (id VARCHAR(150) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = await LegacyAppliedAsync(conn, ct);
            foreach (var m in Legacy(Provider))
            {
                if (!applied.Contains(m.Id))
                {
                    await using var tx = await conn.BeginTransactionAsync(ct);
                    await ExecAsync(conn, tx, m.Sql, ct);
                    await ExecAsync(conn, tx, $"INSERT INTO {LegacyHistoryTable} (id, applied_at) VALUES ('{m.Id}', '{DateTime.UtcNow:O}')", ct);
                    await tx.CommitAsync(ct);
                }
                if (m.Id == upTo) break;
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
