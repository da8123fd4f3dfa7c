using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Health;

/// <summary><c>GET /health</c>: 200 with the database check when the database answers, 503 otherwise.</summary>
public static class HealthEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (ParHubDbContext db, DatabaseSettings settings, CancellationToken ct) =>
        {
            var sw = Stopwatch.StartNew();
            string status;
            string? error = null;
            var migrations = 0;
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
                migrations = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{Migrator.HistoryTable}\"").SingleAsync(ct);
                status = "ok";
            }
            catch (Exception ex)
            {
                status = "error";
                error = ex.GetType().Name;
            }
            var body = new
            {
                status = status == "ok" ? "ok" : "degraded",
                version = typeof(HealthEndpoint).Assembly.GetName().Version?.ToString(),
                database = new
                {
                    status,
                    provider = settings.Provider.ToString(),
                    appliedMigrations = migrations,
                    latencyMs = Math.Round(sw.Elapsed.TotalMilliseconds, 1),
                    error,
                },
            };
            return Results.Json(body, statusCode: status == "ok" ? 200 : 503);
        }).AllowAnonymous().ExcludeFromDescription();
}
