using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>The illustrative departments' framework of a year, added the first time it is asked for.</summary>
public sealed class EnsureDemoFramework(ParHubDbContext db, TimeProvider clock)
{
    public Task<IndexFramework> RunAsync(int year, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var existing = await db.IndexFrameworks.FirstOrDefaultAsync(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year, ct);
        if (existing is not null) return existing;
        var f = IndexPresets.DemoDepartments(year);
        var row = new IndexFramework
        {
            Code = f.Code, Year = year, Title = f.Title, TargetGroup = "SBN", Illustrative = true,
            Definition = JsonSerializer.Serialize(f, IndexData.Json), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IndexFrameworks.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }, ct);
}
