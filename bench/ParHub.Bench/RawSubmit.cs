using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// The baseline of the public form benchmark: the same rows a submitted form writes (one response, its answers, in one
/// transaction) inserted straight through ADO.NET — no HTTP, no ASP.NET Core, no EF Core — with as many concurrent
/// writers as wrk has connections, for a bounded time. Prints one JSON line: rows/s and p95 per response.
/// <c>raw-submit --provider postgres|sqlite --db CONN --programme P --questionnaire Q --agency A --answers FILE.json [--seconds S] [--writers W]</c>
/// </summary>
internal static class RawSubmit
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string? fallback = null) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is needed");
        var provider = Arg("--provider");
        var conn = Arg("--db");
        int programme = int.Parse(Arg("--programme")), questionnaire = int.Parse(Arg("--questionnaire")), agency = int.Parse(Arg("--agency"));
        var answers = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Arg("--answers")))!.ToList();
        var digest = string.Join(';', answers.Select(a => $"{a.Key}={a.Value}")); // as ParHub keeps it (SurveyAnswerDigest)
        var seconds = int.Parse(Arg("--seconds", "20"));
        var writers = int.Parse(Arg("--writers", "8"));
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var latencies = new List<double>[writers];
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            // The same pragmas as ParHub's own SQLite connections (SqliteConnectionSetup): WAL, FULL durability, a busy timeout.
            await using DbConnection c = provider == "postgres" ? new NpgsqlConnection(conn) : new SqliteConnection(conn);
            await c.OpenAsync();
            if (c is SqliteConnection) await Exec(c, null, "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            var sql = "INSERT INTO survey_answers (\"ResponseId\", \"ItemCode\", \"Value\") VALUES "
                + string.Join(",", answers.Select((_, i) => $"(@r, @c{i}, @v{i})"));
            while (DateTime.UtcNow < stop)
            {
                var t = Stopwatch.GetTimestamp();
                await using var tx = await c.BeginTransactionAsync();
                await using var r = c.CreateCommand();
                r.Transaction = tx;
                r.CommandText = "INSERT INTO survey_responses (\"ProgrammeId\", \"QuestionnaireId\", \"AgencyId\", \"Channel\", \"Status\", \"SubmittedAt\", "
                    + "\"Digest\") VALUES (@p, @q, @a, 'Web', 'Valid', @t, @d) RETURNING \"Id\"";
                Add(r, "p", programme); Add(r, "q", questionnaire); Add(r, "a", agency); Add(r, "t", DateTime.UtcNow); Add(r, "d", digest);
                var id = Convert.ToInt64(await r.ExecuteScalarAsync());
                await using var a = c.CreateCommand();
                a.Transaction = tx;
                a.CommandText = sql;
                Add(a, "r", id);
                for (var i = 0; i < answers.Count; i++) { Add(a, $"c{i}", answers[i].Key); Add(a, $"v{i}", answers[i].Value); }
                await a.ExecuteNonQueryAsync();
                await tx.CommitAsync();
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            provider, path = "raw ADO.NET insert (baseline)", requests = all.Count, rps = Math.Round(all.Count / (double)seconds, 1),
            p50_ms = Math.Round(all[all.Count / 2], 2), p95_ms = Math.Round(all[(int)(all.Count * 0.95)], 2), writers, answers = answers.Count,
        }));
        return 0;
    }

    private static async Task Exec(DbConnection c, DbTransaction? tx, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
