using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>Last year's framework as this year's starting point: the same tree, the year in its title moved on.</summary>
public sealed class CloneFramework(ParHubDbContext db, AddFramework add, IndexAccess access)
{
    public async Task<IndexFramework> RunAsync(int frameworkId, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        var row = await db.IndexFrameworks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == frameworkId, ct) ?? throw new KeyNotFoundException();
        var f = IndexData.Definition(row);
        var year = row.Year + 1;
        var title = f.Title.Replace(row.Year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return await add.RunAsync(new AddFrameworkRequest(f with { Title = title }, year, row.TargetGroup, row.Illustrative), ct);
    }
}
