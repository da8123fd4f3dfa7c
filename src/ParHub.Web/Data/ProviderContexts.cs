using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ParHub.Web.Data;

/// <summary>The model on SQLite, with its migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteParHubDbContext(DbContextOptions<SqliteParHubDbContext> options) : ParHubDbContext(options);

/// <summary>The model on PostgreSQL, with its migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresParHubDbContext(DbContextOptions<PostgresParHubDbContext> options) : ParHubDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context SqliteParHubDbContext</c> (no database is opened).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteParHubDbContext>
{
    public SqliteParHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteParHubDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresParHubDbContext</c> (no database is opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresParHubDbContext>
{
    public PostgresParHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresParHubDbContext>().UseNpgsql("Host=127.0.0.1;Database=parhub_design").Options);
}
