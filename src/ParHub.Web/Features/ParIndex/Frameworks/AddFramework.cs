using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>A framework for a year; <paramref name="AllowIncomplete"/>: stored with its problems (to be completed on its page).</summary>
public sealed record AddFrameworkRequest(Framework Framework, int Year, string TargetGroup, bool Illustrative, bool AllowIncomplete = false);

/// <summary>
/// Stores a framework for a year (validated: a parent's max is the sum of its children's, known rules, bands in
/// order), with its audit line, in one transaction. Refused when that code and year exist already.
/// </summary>
public sealed class AddFramework(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<IndexFramework> RunAsync(AddFrameworkRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (year, incomplete) = (request.Year, request.AllowIncomplete);
        var f = request.Framework.WithParentSums();
        var problems = f.Problems();
        if (problems.Count > 0 && !incomplete) throw new IndexRuleException(string.Join(" ", problems));
        if (f.Nodes.All(n => n.Rule is null) && !incomplete)
            throw new IndexRuleException("Bộ chỉ số chưa có tiêu chí nào được chấm điểm (cần \"rule\" và điểm tối đa).");
        if (await db.IndexFrameworks.AnyAsync(x => x.Code == f.Code && x.Year == year, ct))
            throw new IndexRuleException($"Đã có bộ chỉ số {f.Code} năm {year}.");
        var row = new IndexFramework
        {
            Code = f.Code, Year = year, Title = f.Title, TargetGroup = request.TargetGroup, Illustrative = request.Illustrative,
            Definition = JsonSerializer.Serialize(f, IndexData.Json), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IndexFrameworks.Add(row);
        await db.SaveChangesAsync(ct); // the id, for the audit line; both commit together
        audit.Record("create", "IndexFramework", row.Id.ToString(CultureInfo.InvariantCulture), null,
            $"Bộ chỉ số {f.Code} năm {year}: {f.Nodes.Count} mục", []);
        await db.SaveChangesAsync(ct);
        return row;
    }, ct);
}
