using Npgsql;
using ParHub.Web.Data;

namespace ParHub.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by <c>PARHUB_TEST_PG</c> (the <c>./test</c> script starts one on 127.0.0.1).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DbProvider Provider { get; }
    public string DataDir { get; }
    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? PgConnectionString { get; }
    private readonly string? adminConnectionString;
    private readonly string? dbName;

    private TestDatabase(DbProvider provider, string dataDir, string? pg, string? admin, string? name)
    {
        Provider = provider;
        DataDir = dataDir;
        PgConnectionString = pg;
        adminConnectionString = admin;
        dbName = name;
    }

    public static async Task<TestDatabase> CreateAsync(DbProvider provider)
    {
        var dir = Directory.CreateTempSubdirectory("parhub-test-").FullName;
        if (provider == DbProvider.Sqlite) return new TestDatabase(provider, dir, null, null, null);
        var admin = Environment.GetEnvironmentVariable("PARHUB_TEST_PG");
        if (string.IsNullOrEmpty(admin))
            throw new InvalidOperationException(
                "PARHUB_TEST_PG is not set: run the tests with ./test, which starts a PostgreSQL server, or point it at one.");
        var name = "parhub_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(provider, dir, cs, admin, name);
    }

    /// <summary>The configuration ParHub reads: PARHUB_DATA_DIR and, for PostgreSQL, PARHUB_DB.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["PARHUB_DATA_DIR"] = DataDir,
        ["PARHUB_DB"] = PgConnectionString,
        // The demo's survey at a few hundred responses instead of 5,000: the tests need its shape, not its size.
        ["PARHUB_DEMO_RESPONSES"] = "250",
        ["PARHUB_DEMO_DOSSIERS"] = "300",
        ["PARHUB_DEMO_FEEDBACK"] = "200",
    };

    public async ValueTask DisposeAsync()
    {
        if (dbName is not null && adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(adminConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
