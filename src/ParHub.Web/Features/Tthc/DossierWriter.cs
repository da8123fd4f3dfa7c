using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ParHub.Core.Tthc;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>What a write of dossiers did: rows new, rows changed, rows already as given.</summary>
public sealed record DossiersWritten(long Added, long Updated, long Unchanged);

/// <summary>
/// Writes dossiers by code, never row by row through EF, inside the caller's transaction: a code not seen is added, a
/// code seen is updated only if something differs (so importing the same export twice changes nothing). On PostgreSQL
/// the rows of a file whose codes are new stream by binary COPY straight into the table, the others into a temporary
/// staging table, then an UPDATE and an INSERT merge them; on SQLite
/// each chunk of 5,000 rows is one JSON array unpacked by <c>json_each</c> into the same upsert.
/// </summary>
public sealed class DossierWriter(ParHubDbContext db, ParHub.Web.Shared.ReadCache cache)
{
    private const int Chunk = 5000;

    private const string Columns = "\"Code\", \"AgencyId\", \"ProcedureCode\", \"Channel\", \"Received\", \"Due\", \"Resolved\", \"FeeBearing\", "
        + "\"PaidOnline\", \"Digitised\", \"ElectronicResult\", \"Synced\", \"Apology\", \"Rating\", \"ImportedAt\"";

    private static readonly string[] Compared = ["AgencyId", "ProcedureCode", "Channel", "Received", "Due", "Resolved", "FeeBearing",
        "PaidOnline", "Digitised", "ElectronicResult", "Synced", "Apology", "Rating"];

    private static string Upsert(string source, string distinct) =>
        $"INSERT INTO dossiers ({Columns}) {source} ON CONFLICT (\"Code\") DO UPDATE SET "
        + string.Join(", ", Compared.Append("ImportedAt").Select(c => $"\"{c}\" = excluded.\"{c}\""))
        + " WHERE " + string.Join(" OR ", Compared.Select(c =>
            string.Format(CultureInfo.InvariantCulture, distinct, $"dossiers.\"{c}\"", $"excluded.\"{c}\"")));

    public async Task<DossiersWritten> WriteAsync(IEnumerable<DossierRecord> dossiers, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("DossierWriter writes inside the caller's transaction");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            var tx = db.Database.CurrentTransaction.GetDbTransaction();
            DossiersWritten written;
            var agencies = new HashSet<int>();
            var rows = dossiers.Select(d => { agencies.Add(d.AgencyId); return d; });
            if (conn is NpgsqlConnection pg) written = await CopyAsync(pg, rows, ct);
            else
            {
                var before = await db.Dossiers.LongCountAsync(ct);
                var (count, affected) = await InsertAsync(conn, tx, rows, ct);
                var added = await db.Dossiers.LongCountAsync(ct) - before;
                written = new DossiersWritten(added, affected - added, count - affected);
            }
            await CheckAgenciesAsync(conn, agencies, ct);
            UnitOfWork.OnEnd(db, () => cache.Invalidate([ParHub.Web.Shared.CacheTags.Dossiers]), () => { }); // set-based: the tracker sees nothing
            return written;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>
    /// What the foreign key would check, once per agency rather than once per row: every agency written exists (on
    /// PostgreSQL locked FOR KEY SHARE until the commit, as the key would lock it).
    /// </summary>
    private async Task CheckAgenciesAsync(DbConnection conn, HashSet<int> agencies, CancellationToken ct)
    {
        if (agencies.Count == 0) return;
        var ids = agencies.ToArray();
        long found;
        if (conn is NpgsqlConnection pg)
        {
            await using var check = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM agencies WHERE \"Id\" = ANY(@ids) FOR KEY SHARE) AS a", pg);
            check.Parameters.AddWithValue("ids", ids);
            found = (long)(await check.ExecuteScalarAsync(ct))!;
        }
        else found = await db.Agencies.LongCountAsync(a => ids.Contains(a.Id), ct);
        if (found != ids.Length) throw new InvalidOperationException($"{ids.Length - found} agencies written are not in the directory");
    }

    /// <summary>How many of a file's first rows are looked up before it is copied straight in (PostgreSQL).</summary>
    internal int ProbeRows { get; set; } = 10_000;

    /// <summary>
    /// PostgreSQL, the table locked against other writers (readers go on) so that two imports cannot race for a code.
    /// A file whose first rows are all new (the export of a new period, the common case) is copied straight into
    /// <c>dossiers</c> under a savepoint: one binary COPY, as fast as a raw one. Should a later row's code be stored
    /// after all, the savepoint is rolled back and the rows are read again through the staging merge below — so a source
    /// given here must yield the same rows each time it is enumerated (a file read anew does).
    /// </summary>
    private async Task<DossiersWritten> CopyAsync(NpgsqlConnection conn, IEnumerable<DossierRecord> dossiers, CancellationToken ct)
    {
        await Execute(conn, "LOCK TABLE dossiers IN SHARE ROW EXCLUSIVE MODE", ct);
        using (var rows = dossiers.GetEnumerator())
        {
            var head = new List<DossierRecord>(ProbeRows);
            while (head.Count < ProbeRows && rows.MoveNext()) head.Add(rows.Current);
            await using var probe = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM dossiers WHERE \"Code\" = ANY(@codes))", conn);
            probe.Parameters.AddWithValue("codes", head.Select(d => d.Code).ToArray());
            var stored = (bool)(await probe.ExecuteScalarAsync(ct))!;
            if (stored) return await MergeAsync(conn, Rest(head, rows), ct);
            await Execute(conn, "SAVEPOINT dossiers_direct", ct);
            try
            {
                var added = await CopyIntoAsync(conn, "dossiers", Rest(head, rows), ct);
                await Execute(conn, "RELEASE SAVEPOINT dossiers_direct", ct);
                return new DossiersWritten(added, 0, 0);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "IX_dossiers_Code")
            {
                await Execute(conn, "ROLLBACK TO SAVEPOINT dossiers_direct", ct);
            }
        }
        return await MergeAsync(conn, dossiers, ct);
    }

    /// <summary>The rows already taken from an enumerator, then the rest of it.</summary>
    private static IEnumerable<DossierRecord> Rest(List<DossierRecord> head, IEnumerator<DossierRecord> rows)
    {
        foreach (var d in head) yield return d;
        while (rows.MoveNext()) yield return rows.Current;
    }

    /// <summary>
    /// Binary COPY into a temporary staging table, then an UPDATE of the codes stored with something different and a
    /// plain INSERT of the codes not stored (an anti-join): cheaper than one INSERT … ON CONFLICT, which probes and
    /// speculatively inserts row by row (docs/performance.md, TTHC).
    /// </summary>
    private static async Task<DossiersWritten> MergeAsync(NpgsqlConnection conn, IEnumerable<DossierRecord> dossiers, CancellationToken ct)
    {
        await Execute(conn, "CREATE TEMP TABLE IF NOT EXISTS dossier_staging (\"Code\" varchar(64), \"AgencyId\" int, "
            + "\"ProcedureCode\" varchar(64), \"Channel\" varchar(16), \"Received\" date, \"Due\" date, \"Resolved\" date, \"FeeBearing\" boolean, "
            + "\"PaidOnline\" boolean, \"Digitised\" boolean, \"ElectronicResult\" boolean, \"Synced\" boolean, \"Apology\" boolean, "
            + "\"Rating\" varchar(16), \"ImportedAt\" timestamptz) ON COMMIT DROP; TRUNCATE dossier_staging;", ct);
        var rows = await CopyIntoAsync(conn, "dossier_staging", dossiers, ct);
        await Execute(conn, "ANALYZE dossier_staging", ct);
        await using var update = new NpgsqlCommand("UPDATE dossiers AS d SET "
            + string.Join(", ", Compared.Append("ImportedAt").Select(c => $"\"{c}\" = s.\"{c}\""))
            + " FROM dossier_staging AS s WHERE d.\"Code\" = s.\"Code\" AND ("
            + string.Join(" OR ", Compared.Select(c => $"d.\"{c}\" IS DISTINCT FROM s.\"{c}\"")) + ")", conn)
        { CommandTimeout = 600 };
        var updated = await update.ExecuteNonQueryAsync(ct);
        await using var insert = new NpgsqlCommand($"INSERT INTO dossiers ({Columns}) SELECT {Columns} FROM dossier_staging AS s "
            + "WHERE NOT EXISTS (SELECT 1 FROM dossiers AS d WHERE d.\"Code\" = s.\"Code\")", conn)
        { CommandTimeout = 600 };
        var added = await insert.ExecuteNonQueryAsync(ct);
        return new DossiersWritten(added, updated, rows - added - updated);
    }

    private static async Task<long> CopyIntoAsync(NpgsqlConnection conn, string table, IEnumerable<DossierRecord> dossiers, CancellationToken ct)
    {
        long rows = 0;
        await using var copy = await conn.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var d in dossiers)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(d.Code, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(d.AgencyId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(d.ProcedureCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(d.Channel.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(d.Received, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(d.Due, NpgsqlDbType.Date, ct);
            if (d.Resolved is { } r) await copy.WriteAsync(r, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
            foreach (var flag in new[] { d.FeeBearing, d.PaidOnline, d.Digitised, d.ElectronicResult, d.Synced, d.Apology })
                await copy.WriteAsync(flag, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(d.Rating.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(DateTime.SpecifyKind(d.ImportedAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
            rows++;
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(long Rows, long Affected)> InsertAsync(DbConnection conn, DbTransaction tx, IEnumerable<DossierRecord> dossiers,
        CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = Upsert("SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, "
            + "value->>9, value->>10, value->>11, value->>12, value->>13, value->>14 FROM json_each($rows) WHERE true", "{0} IS NOT {1}");
        var p = cmd.CreateParameter();
        p.ParameterName = "$rows";
        cmd.Parameters.Add(p);
        long rows = 0, affected = 0;
        foreach (var chunk in dossiers.Chunk(Chunk))
        {
            p.Value = Json(chunk);
            affected += await cmd.ExecuteNonQueryAsync(ct);
            rows += chunk.Length;
        }
        return (rows, affected);
    }

    /// <summary>The rows as EF Core stores them on SQLite: dates as yyyy-MM-dd, flags 0/1, enums by name.</summary>
    private static string Json(IEnumerable<DossierRecord> rows) => ParHub.Web.Shared.JsonRows.Of(rows, static (w, d) =>
    {
        w.WriteStringValue(d.Code);
        w.WriteNumberValue(d.AgencyId);
        w.WriteStringValue(d.ProcedureCode);
        w.WriteStringValue(d.Channel.ToString());
        w.WriteStringValue(d.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStringValue(d.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (d.Resolved is { } r) w.WriteStringValue(r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNullValue();
        foreach (var flag in new[] { d.FeeBearing, d.PaidOnline, d.Digitised, d.ElectronicResult, d.Synced, d.Apology })
            w.WriteNumberValue(flag ? 1 : 0);
        w.WriteStringValue(d.Rating.ToString());
        w.WriteStringValue(d.ImportedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    });
}
