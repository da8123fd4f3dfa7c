using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ParHub.Core.Sipas;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// Writes many responses with their answers at once, never row by row through EF: on PostgreSQL two binary COPYs
/// (the response ids reserved from their sequence first, so answers can name them), on SQLite inserts that unpack
/// JSON arrays, in one transaction (the caller's, if any). For generated data (the demo), imports and the forms of
/// <see cref="SubmitResponse"/>.
/// </summary>
public sealed class SurveyResponseWriter(ParHubDbContext db)
{
    public async Task<int> WriteAsync(IReadOnlyList<SurveyResponse> responses, CancellationToken ct = default)
    {
        if (responses.Count == 0) return 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            foreach (var a in responses.SelectMany(r => r.Answers).Where(a => a.Text?.Contains('\0', StringComparison.Ordinal) == true))
                a.Text = a.Text!.Replace("\0", "", StringComparison.Ordinal); // what TextSafetyInterceptor does for EF's saves
            foreach (var r in responses) r.Digest = SurveyAnswerDigest.Of(r.Answers); // always of the answers written with it
            if (conn is NpgsqlConnection pg && responses.Count <= SmallBatch) await InsertAsync(pg, responses, ct);
            else if (conn is NpgsqlConnection big) await CopyAsync(big, responses, ct);
            else await InsertAsync(conn, responses, ct);
            return responses.Count;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>Up to this many responses (one form, a few kiosk answers) go in by plain INSERTs, more by COPY.</summary>
    private const int SmallBatch = 20;

    /// <summary>
    /// PostgreSQL, a few responses (the forms of one group commit): their ids reserved, then their rows and all their
    /// answers in two INSERTs from arrays (unnest) sent together — two round trips, where EF Core would track and
    /// insert 80 entities per form.
    /// </summary>
    private static async Task InsertAsync(NpgsqlConnection conn, IReadOnlyList<SurveyResponse> responses, CancellationToken ct)
    {
        await ReserveIdsAsync(conn, responses, ct);
        await using var batch = new NpgsqlBatch(conn);
        var r = new NpgsqlBatchCommand("INSERT INTO survey_responses (\"Id\", \"ProgrammeId\", \"QuestionnaireId\", \"AgencyId\", \"Channel\", "
            + "\"ClientId\", \"Status\", \"StatusReason\", \"SubmittedAt\", \"EnteredBy\", \"Digest\") SELECT * FROM unnest($1::bigint[], $2::int[], "
            + "$3::int[], $4::int[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::timestamptz[], $10::varchar[], $11::text[])");
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.Id).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.ProgrammeId).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.QuestionnaireId).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.AgencyId).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.Channel.ToString()).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.ClientId).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.Status.ToString()).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.StatusReason).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => DateTime.SpecifyKind(x.SubmittedAt, DateTimeKind.Utc)).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.EnteredBy).ToArray() });
        r.Parameters.Add(new NpgsqlParameter { Value = responses.Select(x => x.Digest).ToArray() });
        batch.BatchCommands.Add(r);
        var answers = responses.SelectMany(x => x.Answers.Select(a => (x.Id, a))).ToList();
        if (answers.Count > 0)
        {
            var a = new NpgsqlBatchCommand("INSERT INTO survey_answers (\"ResponseId\", \"ItemCode\", \"Value\", \"Text\") "
                + "SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::int[], $4::varchar[])");
            a.Parameters.Add(new NpgsqlParameter { Value = answers.Select(x => x.Id).ToArray() });
            a.Parameters.Add(new NpgsqlParameter { Value = answers.Select(x => x.a.ItemCode).ToArray() });
            a.Parameters.Add(new NpgsqlParameter { Value = answers.Select(x => x.a.Value).ToArray() });
            a.Parameters.Add(new NpgsqlParameter { Value = answers.Select(x => x.a.Text).ToArray() });
            batch.BatchCommands.Add(a);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Ids for the responses from their sequence, so that their answers can name them.</summary>
    private static async Task ReserveIdsAsync(NpgsqlConnection conn, IReadOnlyList<SurveyResponse> responses, CancellationToken ct)
    {
        await using var ids = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('survey_responses', 'Id')) FROM generate_series(1, $1)", conn);
        ids.Parameters.Add(new NpgsqlParameter { Value = responses.Count });
        await using var reader = await ids.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct)) responses[i++].Id = reader.GetInt64(0);
    }

    private static async Task CopyAsync(NpgsqlConnection conn, IReadOnlyList<SurveyResponse> responses, CancellationToken ct)
    {
        await ReserveIdsAsync(conn, responses, ct);
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY survey_responses (\"Id\", \"ProgrammeId\", \"QuestionnaireId\", \"AgencyId\", \"Channel\", \"ClientId\", \"Status\", "
            + "\"StatusReason\", \"SubmittedAt\", \"EnteredBy\", \"Digest\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var x in responses)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(x.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(x.ProgrammeId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(x.QuestionnaireId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(x.AgencyId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(x.Channel.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, x.ClientId, ct);
                await copy.WriteAsync(x.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, x.StatusReason, ct);
                await copy.WriteAsync(DateTime.SpecifyKind(x.SubmittedAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, x.EnteredBy, ct);
                await copy.WriteAsync(x.Digest, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY survey_answers (\"ResponseId\", \"ItemCode\", \"Value\", \"Text\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var x in responses)
                foreach (var a in x.Answers)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(x.Id, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(a.ItemCode, NpgsqlDbType.Varchar, ct);
                    if (a.Value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Integer, ct);
                    else await copy.WriteNullAsync(ct);
                    await WriteNullableAsync(copy, a.Text, ct);
                }
            await copy.CompleteAsync(ct);
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    private const int Chunk = 5000;

    /// <summary>
    /// SQLite: the rows go in as one JSON array per chunk, unpacked by SQLite itself (json_each) — binding parameters
    /// row by row costs the driver far more than the insert costs SQLite. The first response's insert takes the write
    /// lock, so the ids after it are ours to number.
    /// </summary>
    private async Task InsertAsync(DbConnection conn, IReadOnlyList<SurveyResponse> responses, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? await conn.BeginTransactionAsync(ct);
        try
        {
            await using (var first = Command(conn, tx, "INSERT INTO survey_responses (\"ProgrammeId\", \"QuestionnaireId\", \"AgencyId\", "
                + "\"Channel\", \"ClientId\", \"Status\", \"StatusReason\", \"SubmittedAt\", \"EnteredBy\", \"Digest\") "
                + "SELECT value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9, value->>10 "
                + "FROM json_each($rows) RETURNING \"Id\""))
            {
                first.Parameters[0].Value = ParHub.Web.Shared.JsonRows.Of([responses[0]], ResponseRow);
                responses[0].Id = Convert.ToInt64(await first.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }
            for (var i = 1; i < responses.Count; i++) responses[i].Id = responses[0].Id + i;
            await using var response = Command(conn, tx, "INSERT INTO survey_responses (\"Id\", \"ProgrammeId\", \"QuestionnaireId\", \"AgencyId\", "
                + "\"Channel\", \"ClientId\", \"Status\", \"StatusReason\", \"SubmittedAt\", \"EnteredBy\", \"Digest\") "
                + "SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9, value->>10 "
                + "FROM json_each($rows)");
            foreach (var chunk in responses.Skip(1).Chunk(Chunk))
            {
                response.Parameters[0].Value = ParHub.Web.Shared.JsonRows.Of(chunk, ResponseRow);
                await response.ExecuteNonQueryAsync(ct);
            }
            await using var answer = Command(conn, tx, "INSERT INTO survey_answers (\"ResponseId\", \"ItemCode\", \"Value\", \"Text\") "
                + "SELECT value->>0, value->>1, value->>2, value->>3 FROM json_each($rows)");
            foreach (var chunk in responses.SelectMany(r => r.Answers.Select(a => (r.Id, a))).Chunk(Chunk))
            {
                answer.Parameters[0].Value = ParHub.Web.Shared.JsonRows.Of(chunk, static (w, x) =>
                {
                    w.WriteNumberValue(x.Id);
                    w.WriteStringValue(x.a.ItemCode);
                    if (x.a.Value is { } v) w.WriteNumberValue(v); else w.WriteNullValue();
                    w.WriteStringValue(x.a.Text);
                });
                await answer.ExecuteNonQueryAsync(ct);
            }
            if (own) await tx.CommitAsync(ct);
        }
        finally
        {
            if (own) await tx.DisposeAsync();
        }
    }

    /// <summary>A response as the JSON row the insert unpacks; the time in the text form EF Core stores on SQLite.</summary>
    private static void ResponseRow(System.Text.Json.Utf8JsonWriter w, SurveyResponse x)
    {
        w.WriteNumberValue(x.Id);
        w.WriteNumberValue(x.ProgrammeId);
        w.WriteNumberValue(x.QuestionnaireId);
        w.WriteNumberValue(x.AgencyId);
        w.WriteStringValue(x.Channel.ToString());
        w.WriteStringValue(x.ClientId);
        w.WriteStringValue(x.Status.ToString());
        w.WriteStringValue(x.StatusReason);
        w.WriteStringValue(x.SubmittedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStringValue(x.EnteredBy);
        w.WriteStringValue(x.Digest);
    }

    private static DbCommand Command(DbConnection conn, DbTransaction tx, string sql)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "$rows";
        cmd.Parameters.Add(p);
        return cmd;
    }
}
