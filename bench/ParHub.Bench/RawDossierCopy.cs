using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The baseline of the dossier import benchmark: the same CSV rows read with a plain split and written by one raw
/// Npgsql binary COPY into a copy of the <c>dossiers</c> table (its columns, indexes and constraints, empty) — no validation, no
/// staging, no merge, no EF Core. Prints one JSON line: rows and rows/s.
/// <c>raw-copy-dossiers --db CONN --file FILE.csv</c>
/// </summary>
internal static class RawDossierCopy
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is needed");
        await using var conn = new NpgsqlConnection(Arg("--db"));
        await conn.OpenAsync();
        var agencies = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await using (var q = new NpgsqlCommand("SELECT \"Code\", \"Id\" FROM agencies WHERE \"Code\" <> ''", conn))
        await using (var r = await q.ExecuteReaderAsync())
            while (await r.ReadAsync()) agencies[r.GetString(0).Trim()] = r.GetInt32(1);
        await using (var drop = new NpgsqlCommand("DROP TABLE IF EXISTS bench_dossiers; CREATE TABLE bench_dossiers (LIKE dossiers INCLUDING ALL)", conn))
            await drop.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        var now = DateTime.UtcNow;
        await using (var copy = await conn.BeginBinaryImportAsync("COPY bench_dossiers (\"Code\", \"AgencyId\", \"ProcedureCode\", \"Channel\", "
            + "\"Received\", \"Due\", \"Resolved\", \"FeeBearing\", \"PaidOnline\", \"Digitised\", \"ElectronicResult\", \"Synced\", \"Apology\", "
            + "\"Rating\", \"ImportedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            using var reader = new StreamReader(Arg("--file"));
            await reader.ReadLineAsync(); // header
            while (await reader.ReadLineAsync() is { } line)
            {
                var c = line.Split(',');
                await copy.StartRowAsync();
                await copy.WriteAsync(c[0], NpgsqlDbType.Varchar);
                await copy.WriteAsync(agencies[c[1]], NpgsqlDbType.Integer);
                await copy.WriteAsync(c[2], NpgsqlDbType.Varchar);
                await copy.WriteAsync(c[3] switch { "truc_tuyen" => "Online", "buu_chinh" => "Post", _ => "Counter" }, NpgsqlDbType.Varchar);
                await copy.WriteAsync(DateOnly.ParseExact(c[4], "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                await copy.WriteAsync(DateOnly.ParseExact(c[5], "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                if (c[6].Length == 0) await copy.WriteNullAsync();
                else await copy.WriteAsync(DateOnly.ParseExact(c[6], "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                for (var i = 7; i <= 12; i++) await copy.WriteAsync(c[i] == "yes", NpgsqlDbType.Boolean);
                await copy.WriteAsync(c[13] switch { "hai_long" => "Satisfied", "khong_hai_long" => "Dissatisfied", _ => "None" }, NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                rows++;
            }
            await copy.CompleteAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_dossiers", conn)) await drop.ExecuteNonQueryAsync();
        Console.WriteLine($"{{\"provider\":\"postgres\",\"path\":\"raw Npgsql binary COPY (baseline)\",\"rows\":{rows},"
            + $"\"seconds\":{seconds.ToString("0.00", CultureInfo.InvariantCulture)},"
            + $"\"rows_per_s\":{(rows / seconds).ToString("0", CultureInfo.InvariantCulture)}}}");
        return 0;
    }
}
