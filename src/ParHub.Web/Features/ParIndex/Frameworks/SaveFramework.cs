using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>An edited framework; <paramref name="Stamp"/> is the <see cref="IndexData.Stamp"/> the editor loaded.</summary>
public sealed record SaveFrameworkRequest(int Id, Framework Edited, bool Illustrative, string? Stamp);

/// <summary>
/// Saves an edited framework (title, bands, caps, nodes). A framework some cycle uses is frozen: clone it to change it.
/// It may be saved with problems (they are listed on its page, and returned) but opens no cycle until it has none. A
/// change saved since the editor loaded it is not overwritten.
/// </summary>
public sealed class SaveFramework(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public async Task<IReadOnlyList<string>> RunAsync(SaveFrameworkRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        return await db.InTransactionAsync(async () =>
        {
            var row = await db.IndexFrameworks.FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new KeyNotFoundException();
            if (await db.AssessmentCycles.AnyAsync(c => c.FrameworkId == request.Id, ct))
                throw new IndexRuleException(
                    "Bộ chỉ số đã dùng cho một kỳ đánh giá nên không sửa được; hãy sao chép sang năm sau rồi sửa bản sao.");
            if (request.Stamp != IndexData.Stamp(row))
                throw new IndexRuleException("Bộ chỉ số vừa được người khác sửa; tải lại trang để xem bản mới.");
            var before = IndexData.Definition(row);
            var edited = request.Edited.WithParentSums() with { Code = before.Code };
            var changes = Diff(before, edited);
            row.Title = edited.Title;
            row.Illustrative = request.Illustrative;
            row.Definition = JsonSerializer.Serialize(edited, IndexData.Json);
            audit.Record("update", "IndexFramework", row.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Sửa bộ chỉ số {row.Code} năm {row.Year}: {changes.Count} thay đổi", changes);
            await db.SaveChangesAsync(ct);
            return edited.Problems();
        }, ct);
    }

    /// <summary>The nodes added, removed or changed (title, max, rule, evidence, source, groups) and the header's changes.</summary>
    private static List<FieldChange> Diff(Framework a, Framework b)
    {
        static string Show(FrameworkNode n) =>
            $"{n.Title} | {n.Max} | {n.Rule?.Type} {(n.Rule is null ? "" : RuleText.Format(n.Rule))} | {n.Evidence} | {n.Source} | "
            + string.Join(",", n.Groups ?? []);
        var changes = new List<FieldChange>();
        if (a.Title != b.Title) changes.Add(new("Title", a.Title, b.Title));
        static string Bands(Framework f) => string.Join("; ", f.Bands.Select(x => $"{x.Name}={x.Min}")) + $" | thưởng {f.BonusCap} | trừ {f.PenaltyCap}";
        if (Bands(a) != Bands(b)) changes.Add(new("Bands", Bands(a), Bands(b)));
        var old = a.Nodes.GroupBy(n => n.Code).ToDictionary(g => g.Key, g => Show(g.First()));
        var now = b.Nodes.GroupBy(n => n.Code).ToDictionary(g => g.Key, g => Show(g.First()));
        foreach (var code in old.Keys.Union(now.Keys))
        {
            var (x, y) = (old.GetValueOrDefault(code), now.GetValueOrDefault(code));
            if (x != y) changes.Add(new(code, x, y));
        }
        return changes;
    }
}
