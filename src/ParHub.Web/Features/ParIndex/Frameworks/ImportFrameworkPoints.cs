using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Scoring;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.ParIndex.Frameworks;

/// <summary>
/// The maximum points of a framework (the Ministry's, entered once a year onto its preset) from its table — DOCX, XLSX,
/// text — with columns Mã/STT and Điểm tối đa: every code must be the framework's and every parent the sum of its
/// children, or nothing changes. Not for a framework a cycle uses. Audited with each criterion's change.
/// </summary>
public sealed class ImportFrameworkPoints(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public async Task<int> RunAsync(int id, string fileName, Stream content, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        var rows = FrameworkFileReader.Read(fileName, content).Where(r => r.Code is not null && r.Max is not null).ToList();
        if (rows.Count == 0) throw new IndexRuleException("Bảng không có cột “Điểm tối đa” hoặc không có dòng nào ghi điểm.");
        return await db.InTransactionAsync(async () =>
        {
            var row = await db.IndexFrameworks.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
            if (await db.AssessmentCycles.AnyAsync(c => c.FrameworkId == id, ct))
                throw new IndexRuleException("Bộ chỉ số đã dùng cho một kỳ đánh giá nên không sửa được; hãy sao chép sang năm sau rồi sửa bản sao.");
            var before = IndexData.Definition(row);
            var (after, problems) = FrameworkPoints.Apply(before, rows.Select(r => (r.Code!, r.Max!.Value)));
            if (problems.Count > 0)
                throw new IndexRuleException("Chưa nhập được điểm: " + string.Join(" ", problems.Take(10))
                    + (problems.Count > 10 ? $" … và {problems.Count - 10} lỗi khác." : ""));
            var changes = before.Nodes.Zip(after.Nodes).Where(p => p.First.Max != p.Second.Max)
                .Select(p => new FieldChange(p.First.Code + ".Max", p.First.Max?.ToString(CultureInfo.InvariantCulture),
                    p.Second.Max?.ToString(CultureInfo.InvariantCulture))).ToList();
            row.Definition = JsonSerializer.Serialize(after, IndexData.Json);
            audit.Record("points", "IndexFramework", row.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Nhập điểm tối đa của bộ chỉ số {row.Code} năm {row.Year} từ {Path.GetFileName(fileName)}: {changes.Count} thay đổi", changes);
            await db.SaveChangesAsync(ct);
            return changes.Count;
        }, ct);
    }
}
