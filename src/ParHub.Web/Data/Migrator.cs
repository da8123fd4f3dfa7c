using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ParHub.Web.Data;

/// <summary>
/// Applies the hand-written, versioned SQL migrations in <c>Data/Migrations/&lt;provider&gt;/NNNN_name.sql</c>
/// (embedded in the assembly) in order, each in its own transaction, and records them in
/// <c>__parhub_migrations</c>. Both providers have the same list of migration ids.
/// </summary>
public sealed class Migrator(ParHubDbContext db, ILogger<Migrator> log)
{
    public const string HistoryTable = "__parhub_migrations";

    public sealed record Migration(string Id, string Sql);

    public static IReadOnlyList<Migration> All(DbProvider provider)
    {
        var asm = typeof(Migrator).Assembly;
        var folder = provider == DbProvider.Postgres ? ".postgres." : ".sqlite.";
        return asm.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations" + folder, StringComparison.Ordinal) && n.EndsWith(".sql"))
            .Select(n => new Migration(IdOf(n, folder), Read(asm, n)))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string IdOf(string resource, string folder)
    {
        var name = resource[(resource.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4];
        return name.TrimStart('_');
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public DbProvider Provider => db.Database.IsNpgsql() ? DbProvider.Postgres : DbProvider.Sqlite;

    /// <summary>Applies every pending migration, or those up to and including <paramref name="target"/>.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? target = null, CancellationToken ct = default)
    {
        if (Provider == DbProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await ExecAsync(conn, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id VARCHAR(150) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = await AppliedAsync(conn, ct);
            var done = new List<string>();
            foreach (var m in All(Provider))
            {
                if (applied.Contains(m.Id)) { if (m.Id == target) break; continue; }
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, tx, m.Sql, ct);
                await ExecAsync(conn, tx,
                    $"INSERT INTO {HistoryTable} (id, applied_at) VALUES ('{m.Id}', '{DateTime.UtcNow:O}')", ct);
                await tx.CommitAsync(ct);
                log.LogInformation("Applied migration {Migration}", m.Id);
                done.Add(m.Id);
                if (m.Id == target) break;
            }
            return done;
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try { return (await AppliedAsync(conn, ct)).Order(StringComparer.Ordinal).ToList(); }
        catch (DbException) { return []; }
        finally { if (opened) await conn.CloseAsync(); }
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection conn, CancellationToken ct)
    {
        var ids = new HashSet<string>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT id FROM {HistoryTable}";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
