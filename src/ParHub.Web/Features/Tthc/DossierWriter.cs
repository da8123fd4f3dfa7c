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
/// the rows stream by binary COPY into a temporary staging table, then an UPDATE and an INSERT merge them; on SQLite
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
            if (conn is NpgsqlConnection pg) written = await CopyAsync(pg, dossiers, ct);
            else
            {
                var before = await db.Dossiers.LongCountAsync(ct);
                var (rows, affected) = await InsertAsync(conn, tx, dossiers, ct);
                var added = await db.Dossiers.LongCountAsync(ct) - before;
                written = new DossiersWritten(added, affected - added, rows - affected);
            }
            UnitOfWork.OnEnd(db, () => cache.Invalidate([ParHub.Web.Shared.CacheTags.Dossiers]), () => { }); // set-based: the tracker sees nothing
            return written;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>
    /// PostgreSQL: binary COPY into the staging table, then — the table locked against other writers (readers go on) so
    /// that two imports cannot race for a code — an UPDATE of the codes stored with something different and a plain
    /// INSERT of the codes not stored (an anti-join): cheaper than one INSERT … ON CONFLICT, which probes and
    /// speculatively inserts row by row (docs/performance.md, TTHC).
    /// </summary>
    private static async Task<DossiersWritten> CopyAsync(NpgsqlConnection conn, IEnumerable<DossierRecord> dossiers, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS dossier_staging (\"Code\" varchar(64), \"AgencyId\" int, "
            + "\"ProcedureCode\" varchar(64), \"Channel\" varchar(16), \"Received\" date, \"Due\" date, \"Resolved\" date, \"FeeBearing\" boolean, "
            + "\"PaidOnline\" boolean, \"Digitised\" boolean, \"ElectronicResult\" boolean, \"Synced\" boolean, \"Apology\" boolean, "
            + "\"Rating\" varchar(16), \"ImportedAt\" timestamptz) ON COMMIT DROP; TRUNCATE dossier_staging;", conn))
            await create.ExecuteNonQueryAsync(ct);
        long rows = 0;
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY dossier_staging ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
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
        }
        await using (var prepare = new NpgsqlCommand("ANALYZE dossier_staging; LOCK TABLE dossiers IN SHARE ROW EXCLUSIVE MODE", conn))
            await prepare.ExecuteNonQueryAsync(ct);
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
