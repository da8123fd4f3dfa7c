using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.ParIndex.Frameworks;
using ParHub.Web.Features.ParIndex.Survey;

namespace ParHub.Web.Features.ParIndex.National;

/// <summary>The year's Ministry result as typed on its page; <paramref name="Version"/> is the one shown (0 for a new year).</summary>
public sealed record SaveNationalResultRequest(int Year, NationalFigures.Typed Figures, int Version);

/// <summary>
/// Records the Ministry's result of a year — index, change, rank among provinces, SIPAS and its rank, where it was
/// published — once per year (an edit over the version shown; stale refused), audited in the same transaction.
/// </summary>
public sealed class SaveNationalResult(ParHubDbContext db, AuditLog audit, IndexAccess access, ICurrentUser user, TimeProvider clock)
{
    public async Task RunAsync(SaveNationalResultRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        if (request.Year is < 2015 or > 2100) throw new IndexRuleException("Năm đánh giá phải từ 2015 đến 2100.");
        await db.InTransactionAsync(async () =>
        {
            var result = await db.NationalResults.FirstOrDefaultAsync(r => r.Year == request.Year, ct);
            if (result is null) db.NationalResults.Add(result = new NationalResult { Year = request.Year, Version = 0 });
            if (result.Version != request.Version)
                throw new IndexConflictException($"Kết quả năm {request.Year} vừa được người khác cập nhật; tải lại trang.");
            var before = Show(result);
            var problems = NationalFigures.Apply(result, request.Figures);
            if (problems.Count > 0) throw new IndexRuleException("Chưa lưu được: " + string.Join(" ", problems));
            (result.UpdatedAt, result.UpdatedBy) = (clock.GetUtcNow().UtcDateTime, user.Name);
            result.Version++;
            await db.SaveChangesAsync(ct);
            audit.Record(request.Version == 0 ? "create" : "update", NationalData.EntityType, result.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Kết quả Chỉ số CCHC năm {result.Year} do Bộ Nội vụ công bố", [new FieldChange("Result", before, Show(result))]);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    internal static string Show(NationalResult r) =>
        $"{r.Points?.ToString(CultureInfo.InvariantCulture)} ({r.Change?.ToString(CultureInfo.InvariantCulture)}), hạng {r.Rank}/{r.RankOf}; "
        + $"SIPAS {r.SipasPercent?.ToString(CultureInfo.InvariantCulture)} hạng {r.SipasRank}; {r.Source}";
}

/// <summary>
/// The Ministry's appraised points per criterion of a year, from its table (DOCX, XLSX, text: columns Mã/STT and
/// "Điểm đạt được" or "Điểm thẩm định"), checked against the province's framework of that year (known codes, 0 to the
/// max); the year's points are replaced as a whole, or nothing when a line is wrong. Audited.
/// </summary>
public sealed class ImportNationalScores(ParHubDbContext db, AuditLog audit, IndexAccess access, ICurrentUser user, TimeProvider clock)
{
    public async Task<int> RunAsync(int year, string fileName, Stream content, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        var rows = FrameworkFileReader.Read(fileName, content).Where(r => r.Code is not null && r.Score is not null).ToList();
        if (rows.Count == 0)
            throw new IndexRuleException("Bảng không có cột điểm của Bộ (“Điểm đạt được” hoặc “Điểm thẩm định”) hoặc không có dòng nào ghi điểm.");
        return await db.InTransactionAsync(async () =>
        {
            var framework = await NationalData.FrameworkOfAsync(db, year, ct)
                ?? throw new IndexRuleException($"Chưa có bộ chỉ số cấp tỉnh năm {year} (nhóm TINH) để đối chiếu điểm của Bộ.");
            var nodes = framework.Nodes.ToDictionary(n => n.Code);
            var problems = new List<string>();
            foreach (var r in rows)
                if (!nodes.TryGetValue(r.Code!, out var n)) problems.Add($"Mã {r.Code} không có trong bộ chỉ số năm {year}.");
                else if (r.Score < 0 || n.Max is { } max && r.Score > max)
                    problems.Add($"{r.Code}: điểm {Core.Reports.VietnameseNumber.Format(r.Score!.Value)} ngoài khoảng 0 đến "
                        + $"{Core.Reports.VietnameseNumber.Format(n.Max ?? 0)}.");
            if (rows.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1) is { } dup) problems.Add($"Mã {dup.Key} có hai dòng.");
            if (problems.Count > 0) throw new IndexRuleException("Chưa nhập được: " + string.Join(" ", problems.Take(10)));
            var result = await db.NationalResults.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Year == year, ct);
            if (result is null) db.NationalResults.Add(result = new NationalResult { Year = year });
            var before = result.Scores.Count;
            result.Scores.Clear();
            result.Scores.AddRange(rows.Select(r => new NationalScore { Code = r.Code!, Points = r.Score!.Value }));
            var fields = rows.Where(r => !r.Code!.Contains('.')).ToList();
            result.Points ??= fields.Count > 0 ? fields.Sum(r => r.Score!.Value) : null;
            (result.UpdatedAt, result.UpdatedBy) = (clock.GetUtcNow().UtcDateTime, user.Name);
            result.Version++;
            await db.SaveChangesAsync(ct);
            audit.Record("import", NationalData.EntityType, result.Id.ToString(CultureInfo.InvariantCulture), null,
                $"Điểm thẩm định của Bộ Nội vụ năm {year} từ {Path.GetFileName(fileName)}: {rows.Count} tiêu chí",
                [new FieldChange("Scores", before.ToString(CultureInfo.InvariantCulture), rows.Count.ToString(CultureInfo.InvariantCulture))]);
            await db.SaveChangesAsync(ct);
            return rows.Count;
        }, ct);
    }
}

/// <summary>
/// The survey criteria of the province's own assessment (2.4, 4.4, 5.7, 6.4, 7.4, the SIPAS components under 8.5)
/// filled from the Ministry's published points: points / max as the satisfaction percentage, until the cycle is published.
/// </summary>
public sealed class FillSurveyFromNational(ParHubDbContext db, AuditLog audit, IndexAccess access)
{
    public async Task<int> RunAsync(int year, CancellationToken ct = default)
    {
        await access.DemandAsync(IndexResource.Province, IndexOperations.Manage);
        return await db.InTransactionAsync(async () =>
        {
            var result = await db.NationalResults.AsNoTracking().Include(x => x.Scores).FirstOrDefaultAsync(x => x.Year == year, ct)
                ?? throw new KeyNotFoundException();
            var cycle = await NationalData.CycleOfAsync(db, year, ct) ?? throw new IndexRuleException($"Chưa có kỳ tự đánh giá của tỉnh năm {year}.");
            new CycleFlow(cycle).SurveyChangeable().OrRefuse();
            var framework = IndexData.Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(f => f.Id == cycle.FrameworkId, ct));
            var assessment = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycle.Id).Include(a => a.Scores).FirstAsync(ct);
            var points = result.Scores.ToDictionary(s => s.Code, s => s.Points);
            var writes = framework.Nodes.Where(n => n.IsSurvey && n.Max is > 0 && points.ContainsKey(n.Code)).Select(n =>
            {
                var percent = ScoringEngine.Round(100 * points[n.Code] / n.Max!.Value);
                var previous = assessment.Scores.FirstOrDefault(s => s.Code == n.Code)?.Input is { } j
                    ? System.Text.Json.JsonSerializer.Deserialize<ScoreInput>(j, IndexData.Json)?.Number : null;
                return new SurveyWrite(assessment.Id, n.Code, percent, ScoringEngine.Points(n.Rule!, n.Max.Value, ScoreInput.Of(percent)), previous);
            }).ToList();
            if (writes.Count == 0) throw new IndexRuleException("Kết quả của Bộ chưa có điểm của tiêu chí điều tra xã hội học, SIPAS nào.");
            await SurveyScores.WriteAsync(db, audit, writes, $"điểm Bộ Nội vụ công bố năm {year}", ct);
            return writes.Count;
        }, ct);
    }
}

/// <summary>What the national result's use cases and pages share: the province's cycle and framework of a year.</summary>
public static class NationalData
{
    public const string EntityType = "NationalResult";

    /// <summary>The latest cycle of group TINH of the year.</summary>
    public static Task<AssessmentCycle?> CycleOfAsync(ParHubDbContext db, int year, CancellationToken ct) =>
        db.AssessmentCycles.AsNoTracking().Where(c => c.Year == year && c.GroupCode == IndexData.ProvinceGroup).OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>The framework of the year's TINH cycle, else the year's framework for group TINH.</summary>
    public static async Task<Framework?> FrameworkOfAsync(ParHubDbContext db, int year, CancellationToken ct)
    {
        var cycle = await CycleOfAsync(db, year, ct);
        var row = cycle is not null ? await db.IndexFrameworks.AsNoTracking().FirstAsync(f => f.Id == cycle.FrameworkId, ct)
            : await db.IndexFrameworks.AsNoTracking().Where(f => f.Year == year && f.TargetGroup == IndexData.ProvinceGroup).OrderByDescending(f => f.Id)
                .FirstOrDefaultAsync(ct);
        return row is null ? null : IndexData.Definition(row);
    }
}
