using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>What a write of feedback items did: rows new, rows changed, rows already as given.</summary>
public sealed record FeedbackWritten(long Added, long Updated, long Unchanged);

/// <summary>
/// Writes feedback items by channel and code, never row by row through EF, inside the caller's transaction (as
/// <see cref="DossierWriter"/> does): a key not seen is added, a key seen is updated only if something differs. On
/// PostgreSQL the rows stream by binary COPY into a temporary staging table merged by one INSERT … ON CONFLICT; on
/// SQLite each chunk of 5,000 rows is one JSON array unpacked by <c>json_each</c> into the same upsert.
/// </summary>
public sealed class FeedbackWriter(ParHubDbContext db, ReadCache cache)
{
    private const int Chunk = 5000;

    private const string Columns = "\"Code\", \"Channel\", \"Received\", \"Field\", \"AgencyId\", \"Due\", \"Answered\", \"Published\", \"Rating\", "
        + "\"Subject\", \"UpdatedAt\"";

    private static readonly string[] Compared = ["Received", "Field", "AgencyId", "Due", "Answered", "Published", "Rating", "Subject"];

    private static string Upsert(string source, string distinct) =>
        $"INSERT INTO feedback ({Columns}) {source} ON CONFLICT (\"Channel\", \"Code\") DO UPDATE SET "
        + string.Join(", ", Compared.Append("UpdatedAt").Select(c => $"\"{c}\" = excluded.\"{c}\""))
        + " WHERE " + string.Join(" OR ", Compared.Select(c =>
            string.Format(CultureInfo.InvariantCulture, distinct, $"feedback.\"{c}\"", $"excluded.\"{c}\"")));

    public async Task<FeedbackWritten> WriteAsync(IEnumerable<FeedbackRecord> items, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("FeedbackWriter writes inside the caller's transaction");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            var tx = db.Database.CurrentTransaction.GetDbTransaction();
            var before = await db.Feedback.LongCountAsync(ct);
            var (rows, affected) = conn is NpgsqlConnection pg ? await CopyAsync(pg, items, ct) : await InsertAsync(conn, tx, items, ct);
            var added = await db.Feedback.LongCountAsync(ct) - before;
            UnitOfWork.OnEnd(db, () => cache.Invalidate([CacheTags.Feedback]), () => { }); // set-based: the tracker sees nothing
            return new FeedbackWritten(added, affected - added, rows - affected);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static async Task<(long Rows, long Affected)> CopyAsync(NpgsqlConnection conn, IEnumerable<FeedbackRecord> items, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS feedback_staging (\"Code\" varchar(64), \"Channel\" varchar(16), "
            + "\"Received\" date, \"Field\" varchar(200), \"AgencyId\" int, \"Due\" date, \"Answered\" date, \"Published\" boolean, "
            + "\"Rating\" varchar(16), \"Subject\" varchar(500), \"UpdatedAt\" timestamptz) ON COMMIT DROP; TRUNCATE feedback_staging;", conn))
            await create.ExecuteNonQueryAsync(ct);
        long rows = 0;
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY feedback_staging ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var f in items)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(f.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.Channel.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.Received, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(f.Field, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.AgencyId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(f.Due, NpgsqlDbType.Date, ct);
                if (f.Answered is { } a) await copy.WriteAsync(a, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(f.Published, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(f.Rating.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.Subject, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(DateTime.SpecifyKind(f.UpdatedAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using var merge = new NpgsqlCommand(Upsert($"SELECT {Columns} FROM feedback_staging", "{0} IS DISTINCT FROM {1}"), conn);
        merge.CommandTimeout = 600;
        return (rows, await merge.ExecuteNonQueryAsync(ct));
    }

    private static async Task<(long Rows, long Affected)> InsertAsync(DbConnection conn, DbTransaction tx, IEnumerable<FeedbackRecord> items,
        CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = Upsert("SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, "
            + "value->>9, value->>10 FROM json_each($rows) WHERE true", "{0} IS NOT {1}");
        var p = cmd.CreateParameter();
        p.ParameterName = "$rows";
        cmd.Parameters.Add(p);
        long rows = 0, affected = 0;
        foreach (var chunk in items.Chunk(Chunk))
        {
            p.Value = Json(chunk);
            affected += await cmd.ExecuteNonQueryAsync(ct);
            rows += chunk.Length;
        }
        return (rows, affected);
    }

    /// <summary>The rows as EF Core stores them on SQLite: dates as yyyy-MM-dd, flags 0/1, enums by name.</summary>
    private static string Json(IEnumerable<FeedbackRecord> rows) => ParHub.Web.Shared.JsonRows.Of(rows, static (w, f) =>
    {
        w.WriteStringValue(f.Code);
        w.WriteStringValue(f.Channel.ToString());
        w.WriteStringValue(f.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStringValue(f.Field);
        w.WriteNumberValue(f.AgencyId);
        w.WriteStringValue(f.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (f.Answered is { } a) w.WriteStringValue(a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNullValue();
        w.WriteNumberValue(f.Published ? 1 : 0);
        w.WriteStringValue(f.Rating.ToString());
        w.WriteStringValue(f.Subject);
        w.WriteStringValue(f.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    });
}
