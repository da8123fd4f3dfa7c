using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.ParIndex.SelfAssessment;

/// <summary>One uploaded evidence file and the criteria it serves.</summary>
public sealed record AddEvidenceRequest(int Id, IReadOnlyCollection<string> Codes, string FileName, long Length, Stream Content);

/// <summary>
/// One evidence file for one or more criteria of the agency's own draft assessment: type, size and content checked,
/// written through <see cref="FileStore"/> (moved into place when the change commits), audited.
/// </summary>
public sealed class AddEvidence(ParHubDbContext db, AuditLog audit, IndexAccess access, FileStore files, ICurrentUser user, TimeProvider clock)
{
    private static readonly string[] EvidenceTypes = [".pdf", ".docx", ".doc", ".xlsx", ".xls", ".png", ".jpg", ".jpeg"];

    public Task RunAsync(AddEvidenceRequest request, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (id, fileName, length) = (request.Id, request.FileName, request.Length);
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == a.CycleId, ct);
        await access.DemandAsync(IndexResource.Of(a, cycle), IndexOperations.SelfAssess);
        var codes = request.Codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) throw new IndexRuleException("Chọn ít nhất một tiêu chí mà tài liệu này dùng để kiểm chứng.");
        var known = IndexData.Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(x => x.Id == cycle.FrameworkId, ct))
            .Nodes.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            throw new IndexRuleException(
                $"Không có tiêu chí “{(unknown.Length > 20 ? unknown[..20] + "…" : unknown)}” trong bộ chỉ số của kỳ đánh giá này.");
        foreach (var c in codes)
            if (!await access.AllowsAsync(new IndexResource(cycle, a, c), IndexOperations.AssessCriterion))
                throw new IndexRuleException($"Tiêu chí {c} do cơ quan khác chủ trì; chỉ tải tài liệu kiểm chứng cho tiêu chí của cơ quan mình.");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (!EvidenceTypes.Contains(ext)) throw new IndexRuleException("Chỉ nhận tệp PDF, Word, Excel hoặc ảnh (PNG, JPG).");
        if (length > IndexData.MaxEvidenceBytes) throw new IndexRuleException("Tệp quá lớn; tối đa 20 MB.");
        if (length == 0) throw new IndexRuleException("Tệp rỗng.");
        // The content must be what the extension says (as for task files): an .exe renamed .pdf is refused.
        var head = new byte[FileSignatures.HeadLength];
        var read = await request.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (!FileSignatures.Matches(ext, head.AsSpan(0, read)))
            throw new IndexRuleException($"Tệp “{Path.GetFileName(fileName)}” không đúng định dạng của phần mở rộng.");
        var stored = await files.SaveAsync(FileStore.Evidence, ext, head.AsMemory(0, read), request.Content, ct);
        db.EvidenceFiles.Add(new EvidenceFile
        {
            AssessmentId = id, Codes = string.Join(",", codes), FileName = Path.GetFileName(fileName), StoredName = stored, Length = length,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = user.Name,
        });
        // Evidence added to a returned criterion corrects it, as a changed input does.
        foreach (var row in await db.AssessmentScores.Where(s => s.AssessmentId == id && codes.Contains(s.Code) && s.ReturnComment != null).ToListAsync(ct))
            Core.ParIndex.AssessmentFlow.Corrected(row);
        audit.Record("attach", IndexData.EntityType, id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
            $"Tài liệu kiểm chứng {Path.GetFileName(fileName)} cho {string.Join(", ", codes)}", []);
        await db.SaveChangesAsync(ct);
    }, ct);
}
