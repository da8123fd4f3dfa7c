using Microsoft.EntityFrameworkCore;

namespace ParHub.Web.Data;

public enum DbProvider { Sqlite, Postgres }

/// <summary>
/// Where ParHub keeps its data. <c>PARHUB_DATA_DIR</c> (default <c>./data</c>) holds the SQLite file and uploads;
/// <c>PARHUB_DB</c>, when set, is a PostgreSQL connection string used instead of SQLite.
/// </summary>
public sealed class DatabaseSettings
{
    public required DbProvider Provider { get; init; }
    public required string ConnectionString { get; init; }
    public required string DataDir { get; init; }

    public string UploadsDir => Path.Combine(DataDir, "uploads");

    public static DatabaseSettings From(IConfiguration config)
    {
        var dataDir = Path.GetFullPath(config["PARHUB_DATA_DIR"] is { Length: > 0 } d ? d : "data");
        var pg = config["PARHUB_DB"];
        if (!string.IsNullOrWhiteSpace(pg))
            return new DatabaseSettings { Provider = DbProvider.Postgres, ConnectionString = pg, DataDir = dataDir };
        var file = Path.Combine(dataDir, "parhub.db");
        return new DatabaseSettings
        {
            Provider = DbProvider.Sqlite,
            ConnectionString = $"Data Source={file};Foreign Keys=True;Pooling=True",
            DataDir = dataDir,
        };
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DbProvider.Postgres) options.UseNpgsql(ConnectionString);
        else options.UseSqlite(ConnectionString);
    }

    /// <summary>A short description without the password, for logs and the health check.</summary>
    public string Describe() => Provider == DbProvider.Postgres
        ? "PostgreSQL " + string.Join(';', ConnectionString.Split(';')
            .Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)))
        : "SQLite " + Path.Combine(DataDir, "parhub.db");
}
