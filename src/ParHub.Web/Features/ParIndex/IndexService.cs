using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Scoring;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Shared;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Reports;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.ParIndex;

/// <summary>A refused action; the message is shown as it is.</summary>
public class IndexRuleException(string message) : Exception(message);

/// <summary>Somebody else saved the assessment since it was read; nothing was saved (answered 409).</summary>
public sealed class IndexConflictException(string message) : IndexRuleException(message);

/// <summary>What an appraiser typed for one criterion: the points and the reason.</summary>
public sealed class AppraisalInput
{
    public string? Points { get; set; }
    public string? Reason { get; set; }
}

/// <summary>What an agency typed for one criterion.</summary>
public sealed class CriterionInput
{
    public string? Value { get; set; }
    public string? Num { get; set; }
    public string? Den { get; set; }
    public bool Flag { get; set; }
    public string? Note { get; set; }
    public bool Exempt { get; set; }
}

/// <summary>
/// The assessment cycle: frameworks, cycles for an agency group, self-assessment (inputs → points by the rule, evidence,
/// notes where there is no evidence), submission, appraisal with a reason (the self-assessed points kept), the agency's
/// explanation, results and publication. Every change is audited; scoping is decided here, on the server.
/// </summary>
public sealed class IndexService(ParHubDbContext db, ICurrentUser user, AgencyScope scope, AuditLog audit, TaskQueries tasks,
    ReportSetup reports, ReportQueries reportQueries, ReadCache cache, Agencies.AgencyQueries directory, TimeProvider clock,
    ParHub.Web.Shared.FileStore files)
{
    public const string EntityType = "Assessment";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsCoordinator => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
    public bool IsAppraiser => IsCoordinator || user.IsInRole(Roles.Appraiser);

    public async Task<IndexFramework> EnsureDemoFrameworkAsync(int year, CancellationToken ct = default)
    {
        var existing = await db.IndexFrameworks.FirstOrDefaultAsync(f => f.Code == IndexPresets.DemoDepartmentsCode && f.Year == year, ct);
        if (existing is not null) return existing;
        var f = IndexPresets.DemoDepartments(year);
        var row = new IndexFramework
        {
            Code = f.Code, Year = year, Title = f.Title, TargetGroup = "SBN", Illustrative = true,
            Definition = JsonSerializer.Serialize(f, Json), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IndexFrameworks.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// Stores a framework for a year (validated: a parent's max is the sum of its children's, known rules, bands in
    /// order). Refused when that code and year exist already.
    /// </summary>
    public Task<IndexFramework> AddFrameworkAsync(Framework f, int year, string targetGroup, bool illustrative, CancellationToken ct = default, bool allowIncomplete = false) => db.InTransactionAsync(async () =>
    {
        f = f.WithParentSums();
        var problems = f.Problems();
        if (problems.Count > 0 && !allowIncomplete) throw new IndexRuleException(string.Join(" ", problems));
        if (f.Nodes.All(n => n.Rule is null) && !allowIncomplete) throw new IndexRuleException("Bộ chỉ số chưa có tiêu chí nào được chấm điểm (cần \"rule\" và điểm tối đa).");
        if (await db.IndexFrameworks.AnyAsync(x => x.Code == f.Code && x.Year == year, ct))
            throw new IndexRuleException($"Đã có bộ chỉ số {f.Code} năm {year}.");
        var row = new IndexFramework
        {
            Code = f.Code, Year = year, Title = f.Title, TargetGroup = targetGroup, Illustrative = illustrative,
            Definition = JsonSerializer.Serialize(f, Json), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IndexFrameworks.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Record("create", "IndexFramework", row.Id.ToString(CultureInfo.InvariantCulture), null, $"Bộ chỉ số {f.Code} năm {year}: {f.Nodes.Count} mục", []);
        await db.SaveChangesAsync(ct);
        return row;
    }, ct);

    /// <summary>
    /// BNV's provincial PAR Index structure (Phụ lục 01 of its plan: 8 fields, every criterion and sub-criterion) for a
    /// year, as a framework for the province's own self-assessment ("TINH"): the points and rules are the
    /// administrator's to enter on the framework page; until then it cannot open a cycle.
    /// </summary>
    public async Task<IndexFramework> AddBnvPresetAsync(int year, CancellationToken ct = default)
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        return await AddFrameworkAsync(BnvPreset.Framework(year), year, ProvinceGroup, illustrative: false, ct, allowIncomplete: true);
    }

    /// <summary>
    /// Saves an edited framework (title, bands, caps, nodes). A framework some cycle uses is frozen: clone it to change it.
    /// It may be saved with problems (they are listed on its page) but opens no cycle until it has none.
    /// <paramref name="stamp"/> is the <see cref="Stamp"/> the editor loaded: a change saved meanwhile is not overwritten.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveFrameworkAsync(int id, Framework edited, bool illustrative, string? stamp, CancellationToken ct = default)
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        var row = await db.IndexFrameworks.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        if (await db.AssessmentCycles.AnyAsync(c => c.FrameworkId == id, ct))
            throw new IndexRuleException("Bộ chỉ số đã dùng cho một kỳ đánh giá nên không sửa được; hãy sao chép sang năm sau rồi sửa bản sao.");
        if (stamp != Stamp(row)) throw new IndexRuleException("Bộ chỉ số vừa được người khác sửa; tải lại trang để xem bản mới.");
        var before = Definition(row);
        edited = edited.WithParentSums() with { Code = before.Code };
        var changes = Diff(before, edited);
        row.Title = edited.Title;
        row.Illustrative = illustrative;
        row.Definition = JsonSerializer.Serialize(edited, Json);
        audit.Record("update", "IndexFramework", row.Id.ToString(CultureInfo.InvariantCulture), null,
            $"Sửa bộ chỉ số {row.Code} năm {row.Year}: {changes.Count} thay đổi", changes);
        await db.SaveChangesAsync(ct);
        return edited.Problems();
    }

    /// <summary>A short fingerprint of the stored definition: what the editor loaded.</summary>
    public static string Stamp(IndexFramework row) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(row.Title + "\n" + row.Illustrative + "\n" + row.Definition)))[..16];

    /// <summary>The nodes added, removed or changed (title, max, rule, evidence, source, groups) and the header's changes.</summary>
    private static List<FieldChange> Diff(Framework a, Framework b)
    {
        static string Show(FrameworkNode n) => $"{n.Title} | {n.Max} | {n.Rule?.Type} {(n.Rule is null ? "" : RuleText.Format(n.Rule))} | {n.Evidence} | {n.Source} | {string.Join(",", n.Groups ?? [])}";
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

    /// <summary>The province itself, assessed against BNV's index: a cycle of this group has the province as its one member.</summary>
    public const string ProvinceGroup = "TINH";

    /// <summary>Last year's framework as this year's starting point: the same tree, the year in its title moved on.</summary>
    public async Task<IndexFramework> CloneAsync(int frameworkId, CancellationToken ct = default)
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        var row = await db.IndexFrameworks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == frameworkId, ct) ?? throw new KeyNotFoundException();
        var f = Definition(row);
        var year = row.Year + 1;
        var title = f.Title.Replace(row.Year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return await AddFrameworkAsync(f with { Title = title }, year, row.TargetGroup, row.Illustrative, ct);
    }

    public static Framework Definition(IndexFramework row) =>
        JsonSerializer.Deserialize<Framework>(row.Definition, Json) ?? throw new InvalidOperationException("unreadable framework");

    /// <summary>A cycle for every member of the group that exists at the deadline, each with an empty assessment.</summary>
    public Task<AssessmentCycle> CreateCycleAsync(int frameworkId, string groupCode, DateOnly due, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        var framework = await db.IndexFrameworks.FirstOrDefaultAsync(f => f.Id == frameworkId, ct) ?? throw new IndexRuleException("Không có bộ chỉ số này.");
        var problems = Definition(framework).Problems();
        if (problems.Count > 0)
            throw new IndexRuleException($"Bộ chỉ số chưa hoàn chỉnh ({problems.Count} chỗ cần sửa, ví dụ: {problems[0]}); hãy hoàn thiện trên trang bộ chỉ số.");
        groupCode = groupCode.Trim().ToUpperInvariant();
        var agencies = groupCode == ProvinceGroup
            ? (await db.Agencies.AsNoTracking().Where(a => a.Kind == Core.Agencies.AgencyKind.Province).ToListAsync(ct)).Where(a => a.ExistsOn(due)).Select(a => a.Id).ToList()
            : (await directory.DirectoryAsync(ct)).MembersOn([groupCode], due).Select(m => m.Entry.Agency.Id).ToList();
        if (agencies.Count == 0) throw new IndexRuleException($"Nhóm {groupCode} không có cơ quan nào vào thời điểm {due:dd/MM/yyyy}.");
        var cycle = new AssessmentCycle { FrameworkId = framework.Id, Year = framework.Year, GroupCode = groupCode, SelfAssessmentDue = due, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.AssessmentCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        db.Assessments.AddRange(agencies.Select(a => new Assessment { CycleId = cycle.Id, AgencyId = a, Status = AssessmentStatus.Draft, Version = 1 }));
        audit.Record("create", "AssessmentCycle", cycle.Id.ToString(CultureInfo.InvariantCulture), null,
            $"Kỳ đánh giá Chỉ số CCHC {framework.Year}, nhóm {groupCode}, {agencies.Count} cơ quan", []);
        await db.SaveChangesAsync(ct);
        return cycle;
    }, ct);

    /// <summary>An agency's scores: its own people, appraisers and province-wide roles; every signed-in user once published.</summary>
    public bool CanRead(Assessment a, AssessmentCycle c) => c.PublishedAt is not null || CanReadEvidence(a);

    /// <summary>Evidence files stay with the agency, the appraisers and the province-wide roles, also after publication.</summary>
    public bool CanReadEvidence(Assessment a) => scope.IsProvinceWide || user.IsInRole(Roles.Appraiser) || user.AgencyId == a.AgencyId;
    /// <summary>The agency's officers assess their agency; the province's own assessment is the Coordinator's.</summary>
    public bool IsAssessor(Assessment a, AssessmentCycle c) =>
        c.GroupCode == ProvinceGroup ? IsCoordinator : user.IsInRole(Roles.AgencyOfficer) && user.AgencyId == a.AgencyId;
    public bool CanSelfAssess(Assessment a, AssessmentCycle c) => IsAssessor(a, c) && a.Status == AssessmentStatus.Draft && IsOpen(c);

    /// <summary>The self-assessment window: open until the end of its deadline (Vietnam time), unless the Coordinator extends it.</summary>
    public bool IsOpen(AssessmentCycle c) => VietnamTime.Today(clock) <= c.SelfAssessmentDue && c.PublishedAt is null;

    /// <summary>The Coordinator moves the self-assessment deadline (an extension, or a correction), with a reason; audited.</summary>
    public async Task SetDeadlineAsync(int cycleId, DateOnly due, string? reason, CancellationToken ct = default)
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        var c = await db.AssessmentCycles.FirstOrDefaultAsync(x => x.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        if (c.PublishedAt is not null) throw new IndexRuleException("Kết quả đã công bố; không đổi hạn tự đánh giá được nữa.");
        if (string.IsNullOrWhiteSpace(reason)) throw new IndexRuleException("Đổi hạn tự đánh giá cần ghi lý do.");
        if (due < VietnamTime.Today(clock)) throw new IndexRuleException("Hạn mới không được ở trong quá khứ.");
        var before = c.SelfAssessmentDue;
        c.SelfAssessmentDue = due;
        audit.Record("deadline", "AssessmentCycle", c.Id.ToString(CultureInfo.InvariantCulture), null, $"Hạn tự đánh giá {before:dd/MM/yyyy} → {due:dd/MM/yyyy}: {reason.Trim()}",
            [new FieldChange("SelfAssessmentDue", before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
    }
    public bool CanExplain(Assessment a, AssessmentCycle c) => IsAssessor(a, c) && a.Status == AssessmentStatus.Submitted && c.PublishedAt is null;

    /// <summary>Results of a cycle are shown to the province-wide roles and appraisers, and to everyone once published.</summary>
    public bool CanSeeResults(AssessmentCycle c) => c.PublishedAt is not null || scope.IsProvinceWide || user.IsInRole(Roles.Appraiser);

    /// <summary>ParHub's own figures for the computed criteria: tasks done on time of the year, reports sent on time.</summary>
    public async Task<Dictionary<string, (ScoreInput Input, string Shown)>> ComputedAsync(Framework f, int agencyId, int year, CancellationToken ct = default)
    {
        var result = new Dictionary<string, (ScoreInput, string)>();
        foreach (var n in f.Nodes.Where(n => n.IsComputed))
        {
            if (n.Source == "tasks.ontime")
            {
                var c = await tasks.CountsAsync(new TaskFilter { AgencyId = agencyId, Year = year, LeadOnly = true }, new DateOnly(year, 12, 31), ct);
                var due = c.Total - c.NotYetDue - c.Undated;
                result[n.Code] = (ScoreInput.Rate(c.DoneOnTime, due), $"{c.DoneOnTime}/{due} nhiệm vụ đến hạn hoàn thành đúng hạn (theo dõi trên ParHub)");
            }
            else if (n.Source == "reports.ontime" && await reports.ActiveRegimeAsync(ct) is { } regime)
            {
                int expected = 0, onTime = 0;
                foreach (var p in regime.Regime.Periods(year))
                {
                    var rates = await reportQueries.RatesAsync(regime, p, new DateOnly(year, 12, 31), ct);
                    var row = rates.Rows.FirstOrDefault(r => r.Agency.AgencyId == agencyId);
                    if (row is null || row.State == Core.Reports.SubmissionState.NotYetDue) continue;
                    expected++;
                    if (row.State == Core.Reports.SubmissionState.OnTime) onTime++;
                }
                result[n.Code] = (ScoreInput.Rate(onTime, expected), $"{onTime}/{expected} báo cáo định kỳ gửi đúng hạn (trên ParHub)");
            }
        }
        return result;
    }

    public static ScoreInput? Parse(FrameworkNode n, CriterionInput? i)
    {
        if (i is null) return null;
        static decimal? D(string? s) => Core.Reports.VietnameseNumber.TryParse(s, out var v) ? v : null;
        return n.Rule!.Type switch
        {
            "binary" => ScoreInput.Yes(i.Flag),
            "options" => string.IsNullOrWhiteSpace(i.Value) ? null : ScoreInput.Named(i.Value),
            "rate-bands" or "proportional" => D(i.Num) is { } num && D(i.Den) is { } den ? ScoreInput.Rate(num, den) : null,
            _ => D(i.Value) is { } v ? ScoreInput.Of(v) : null,
        };
    }

    /// <summary>Saves the agency's self-assessment (and submits it, which locks it). Points follow from the inputs by the rule.</summary>
    public async Task SaveSelfAsync(int id, int version, IReadOnlyDictionary<string, CriterionInput> input, bool submit, CancellationToken ct = default)
    {
        var a = await db.Assessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        var cycle = await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct);
        if (!CanRead(a, cycle) || !IsAssessor(a, cycle)) throw new UnauthorizedAccessException();
        if (a.Status != AssessmentStatus.Draft) throw new IndexRuleException("Bản tự đánh giá đã gửi và được khóa.");
        if (!IsOpen(cycle)) throw new IndexRuleException($"Đã hết hạn tự đánh giá (ngày {cycle.SelfAssessmentDue:dd/MM/yyyy}); đề nghị Sở Nội vụ gia hạn nếu cần.");
        if (version != a.Version) throw new IndexConflictException("Bản tự đánh giá vừa được người khác cập nhật; tải lại trang.");
        var f = Definition(await db.IndexFrameworks.FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var computed = await ComputedAsync(f, a.AgencyId, cycle.Year, ct);
        var changes = new List<FieldChange>();
        var missing = new List<string>();
        var outOfRange = new List<string>();
        var notApplicable = f.NotApplicable(cycle.GroupCode);
        foreach (var n in f.Nodes.Where(n => n.Rule is not null && !n.IsSurvey && !notApplicable.Contains(n.Code)))
        {
            input.TryGetValue(n.Code, out var i);
            var row = a.Scores.FirstOrDefault(s => s.Code == n.Code);
            if (row is null) a.Scores.Add(row = new AssessmentScore { Code = n.Code });
            var score = computed.TryGetValue(n.Code, out var c) ? c.Input : Parse(n, i);
            if (!computed.ContainsKey(n.Code) && ScoringEngine.InputProblem(n.Code, n.Rule!, score) is { } problem) outOfRange.Add(problem);
            var points = i?.Exempt == true ? (decimal?)null : ScoringEngine.Points(n.Rule!, n.Max ?? 0, score);
            var json = score is null ? null : JsonSerializer.Serialize(score, Json);
            if (row.SelfPoints != points || row.Input != json)
                changes.Add(new FieldChange(n.Code, row.SelfPoints?.ToString(CultureInfo.InvariantCulture), points?.ToString(CultureInfo.InvariantCulture)));
            (row.Input, row.SelfPoints, row.Exempt) = (json, points, i?.Exempt == true);
            row.NoEvidenceNote = string.IsNullOrWhiteSpace(i?.Note) ? null : i!.Note!.Trim()[..Math.Min(i.Note.Trim().Length, 2000)];
            if (score is null && !row.Exempt) missing.Add(n.Code);
        }
        if (outOfRange.Count > 0) throw new IndexRuleException("Chưa lưu được: " + string.Join(" ", outOfRange));
        if (submit)
        {
            if (missing.Count > 0) throw new IndexRuleException($"Chưa thể gửi: chưa nhập số liệu các tiêu chí {string.Join(", ", missing)} (hoặc đánh dấu không áp dụng).");
            var evidence = await db.EvidenceFiles.Where(e => e.AssessmentId == a.Id).Select(e => e.Codes).ToListAsync(ct);
            var covered = evidence.SelectMany(c => c.Split(',', StringSplitOptions.TrimEntries)).ToHashSet();
            var selfAssessed = f.Nodes.Where(n => n.Rule is not null && !n.IsSurvey && !n.IsComputed && !notApplicable.Contains(n.Code)).Select(n => n.Code).ToHashSet();
            var unexplained = a.Scores.Where(s => selfAssessed.Contains(s.Code) && !s.Exempt && !covered.Contains(s.Code) && s.NoEvidenceNote is null).Select(s => s.Code).ToList();
            if (unexplained.Count > 0) throw new IndexRuleException($"Chưa thể gửi: các tiêu chí {string.Join(", ", unexplained)} chưa có tài liệu kiểm chứng hoặc giải thích cách chấm.");
            a.Status = AssessmentStatus.Submitted;
            a.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        }
        a.Version++;
        audit.Record(submit ? "submit" : "update", EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
            submit ? "Gửi bản tự đánh giá Chỉ số CCHC" : "Lưu bản tự đánh giá Chỉ số CCHC", changes);
        await SaveOrConflictAsync(ct);
    }

    public const long MaxEvidenceBytes = 20 * 1024 * 1024;
    private static readonly string[] EvidenceTypes = [".pdf", ".docx", ".doc", ".xlsx", ".xls", ".png", ".jpg", ".jpeg"];

    /// <summary>One evidence file for one or more criteria of the agency's own draft assessment.</summary>
    public async Task AddEvidenceAsync(int id, IReadOnlyCollection<string> codes, string fileName, long length, Stream content, string dataDir, CancellationToken ct = default)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        if (!CanSelfAssess(a, await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct))) throw new UnauthorizedAccessException();
        codes = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) throw new IndexRuleException("Chọn ít nhất một tiêu chí mà tài liệu kiểm chứng.");
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == a.CycleId, ct);
        var known = Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(x => x.Id == cycle.FrameworkId, ct)).Nodes.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            throw new IndexRuleException($"Không có tiêu chí “{(unknown.Length > 20 ? unknown[..20] + "…" : unknown)}” trong bộ chỉ số của kỳ đánh giá này.");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (!EvidenceTypes.Contains(ext)) throw new IndexRuleException("Chỉ nhận tệp PDF, Word, Excel hoặc ảnh (PNG, JPG).");
        if (length > MaxEvidenceBytes) throw new IndexRuleException("Tệp quá lớn; tối đa 20 MB.");
        if (length == 0) throw new IndexRuleException("Tệp rỗng.");
        // The content must be what the extension says (as for task files): an .exe renamed .pdf is refused.
        var head = new byte[ParHub.Web.Shared.Office.FileSignatures.HeadLength];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (!ParHub.Web.Shared.Office.FileSignatures.Matches(ext, head.AsSpan(0, read)))
            throw new IndexRuleException($"Tệp “{Path.GetFileName(fileName)}” không đúng định dạng của phần mở rộng.");
        var stored = await files.SaveAsync(ParHub.Web.Shared.FileStore.Evidence, ext, head.AsMemory(0, read), content, ct);
        db.EvidenceFiles.Add(new EvidenceFile
        {
            AssessmentId = id, Codes = string.Join(",", codes), FileName = Path.GetFileName(fileName), StoredName = stored, Length = length,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = user.Name,
        });
        audit.Record("attach", EntityType, id.ToString(CultureInfo.InvariantCulture), a.AgencyId, $"Tài liệu kiểm chứng {Path.GetFileName(fileName)} cho {string.Join(", ", codes)}", []);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The appraiser's score for a criterion, with a reason; the self-assessed points stay beside it. Round 2 is the
    /// appraisal after the agency's explanation (giải trình) of that criterion; it becomes the final score and the first
    /// appraisal stays beside it.
    /// </summary>
    public Task AppraiseAsync(int id, string code, string pointsText, string? reason, CancellationToken ct = default, int round = 1, int version = 0) =>
        AppraiseManyAsync(id, new Dictionary<string, AppraisalInput> { [code] = new() { Points = pointsText, Reason = reason } }, round, ct, version);

    /// <summary>
    /// Several criteria of one assessment appraised at once (the rows where points were typed): every row is checked
    /// first — points within [0, max], a reason, the appraiser's fields, round 2 only after an explanation — and then all
    /// are saved in one transaction, or none.
    /// </summary>
    /// <remarks>
    /// <paramref name="version"/> is the assessment version the appraiser's page showed (0: not known): a save made since is
    /// not overwritten — the later appraisal is refused (<see cref="IndexConflictException"/>), and of two at once only one is saved.
    /// </remarks>
    public async Task<int> AppraiseManyAsync(int id, IReadOnlyDictionary<string, AppraisalInput> input, int round, CancellationToken ct = default, int version = 0)
    {
        if (!IsAppraiser) throw new UnauthorizedAccessException();
        var a = await db.Assessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        if (version != 0 && version != a.Version) throw new IndexConflictException(Stale);
        if (a.Status != AssessmentStatus.Submitted) throw new IndexRuleException("Chỉ thẩm định bản tự đánh giá đã gửi.");
        var cycle = await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct);
        if (cycle.PublishedAt is not null) throw new IndexRuleException("Kết quả đã công bố; không sửa điểm được nữa.");
        var f = Definition(await db.IndexFrameworks.FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var entries = input.Where(kv => !string.IsNullOrWhiteSpace(kv.Value.Points)).ToList();
        if (entries.Count == 0) throw new IndexRuleException("Chưa nhập điểm thẩm định nào.");
        var planned = new List<(AssessmentScore Row, string Code, decimal Points, string Reason)>();
        foreach (var (code, entry) in entries)
        {
            var node = f.Nodes.FirstOrDefault(n => n.Code == code && n.Rule is not null) ?? throw new IndexRuleException($"Không có tiêu chí {code}.");
            if (!await CanAppraiseAsync(cycle.Id, code, ct)) throw new UnauthorizedAccessException();
            if (!Core.Reports.VietnameseNumber.TryParse(entry.Points, out var points) || points < 0 || points > (node.Max ?? 0))
                throw new IndexRuleException($"Điểm thẩm định của tiêu chí {code} phải là số từ 0 đến {node.Max}.");
            if (string.IsNullOrWhiteSpace(entry.Reason)) throw new IndexRuleException($"Thẩm định thay đổi điểm cần ghi lý do (tiêu chí {code}).");
            if (entry.Reason.Trim().Length > 2000) throw new IndexRuleException($"Lý do thẩm định tiêu chí {code} không quá 2.000 ký tự.");
            var row = a.Scores.FirstOrDefault(s => s.Code == code) ?? throw new IndexRuleException($"Tiêu chí {code} chưa được tự đánh giá.");
            if (round == 2 && row.Explanation is null) throw new IndexRuleException($"Thẩm định lần 2 chỉ dành cho tiêu chí đã có giải trình của cơ quan; tiêu chí {code} chưa có.");
            if (round != 2 && row.SecondPoints is not null) throw new IndexRuleException($"Tiêu chí {code} đã thẩm định lần 2; sửa ở lần 2.");
            planned.Add((row, code, points, entry.Reason.Trim()));
        }
        foreach (var (row, code, points, reason) in planned)
        {
            var before = row.FinalAppraised ?? row.SelfPoints;
            if (round == 2) (row.SecondPoints, row.SecondReason, row.SecondBy) = (points, reason, user.Name);
            else (row.AppraisedPoints, row.AppraisalReason, row.AppraisedBy) = (points, reason, user.Name);
            audit.Record(round == 2 ? "appraise-2" : "appraise", EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId,
                $"Thẩm định {(round == 2 ? "lần 2 " : "")}tiêu chí {code}: {reason}",
                [new FieldChange(code, before?.ToString(CultureInfo.InvariantCulture), points.ToString(CultureInfo.InvariantCulture))]);
        }
        a.Version++;
        await SaveOrConflictAsync(ct);
        return planned.Count;
    }

    private const string Stale = "Bản đánh giá vừa được người khác cập nhật; điểm của bạn chưa được lưu. Tải lại trang để xem bản mới rồi nhập lại.";

    /// <summary>Saves; a concurrent save of the same assessment (its Version moved on) is refused, not overwritten.</summary>
    private async Task SaveOrConflictAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new IndexConflictException(Stale); }
    }

    /// <summary>Coordinators appraise every field; an appraiser only the fields assigned to them in the cycle.</summary>
    public async Task<bool> CanAppraiseAsync(int cycleId, string code, CancellationToken ct = default)
    {
        if (IsCoordinator) return true;
        if (!user.IsInRole(Roles.Appraiser) || user.Id is null) return false;
        var field = code.Split('.')[0];
        return await db.AppraiserAssignments.AnyAsync(x => x.CycleId == cycleId && x.UserId == user.Id && x.FieldCode == field, ct);
    }

    /// <summary>The fields an appraiser scores in a cycle (the Coordinator assigns them; the list replaces the previous one).</summary>
    public async Task AssignAsync(int cycleId, string? userName, string? fields, CancellationToken ct = default)
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        var appraiser = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct) ?? throw new IndexRuleException($"Không có tài khoản \"{userName}\".");
        var isAppraiser = await db.UserRoles.AnyAsync(r => r.UserId == appraiser.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Appraiser), ct);
        if (!isAppraiser) throw new IndexRuleException($"Tài khoản {userName} không có vai trò thẩm định.");
        var cycle = await db.AssessmentCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        var f = Definition(await db.IndexFrameworks.FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var codes = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = codes.Where(c => f.Nodes.All(n => n.Code != c || n.Code.Contains('.'))).ToList();
        if (unknown.Count > 0) throw new IndexRuleException($"Không có lĩnh vực: {string.Join(", ", unknown)} (ghi mã lĩnh vực, ví dụ 1,3).");
        db.AppraiserAssignments.RemoveRange(db.AppraiserAssignments.Where(x => x.CycleId == cycleId && x.UserId == appraiser.Id));
        db.AppraiserAssignments.AddRange(codes.Select(c => new AppraiserAssignment { CycleId = cycleId, UserId = appraiser.Id, FieldCode = c }));
        audit.Record("assign", "AssessmentCycle", cycleId.ToString(CultureInfo.InvariantCulture), null, $"Phân công thẩm định {userName}: lĩnh vực {string.Join(", ", codes)}", []);
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<(string UserName, string Fields)>> AssignmentsAsync(int cycleId, CancellationToken ct = default) =>
        (await db.AppraiserAssignments.Where(x => x.CycleId == cycleId)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.UserName, x.FieldCode }).ToListAsync(ct))
        .GroupBy(x => x.UserName ?? "").Select(g => (g.Key, string.Join(", ", g.Select(x => x.FieldCode).Order()))).ToList();

    /// <summary>Bonus and penalty points of an agency (the framework's caps apply when scoring), by the Coordinator, with a reason.</summary>
    public async Task SetBonusPenaltyAsync(int id, string? bonusText, string? penaltyText, string? reason, CancellationToken ct = default)
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        var cycle = await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct);
        if (cycle.PublishedAt is not null) throw new IndexRuleException("Kết quả đã công bố; không sửa điểm được nữa.");
        static decimal Read(string? s, string what) => string.IsNullOrWhiteSpace(s) ? 0
            : Core.Reports.VietnameseNumber.TryParse(s, out var v) && v >= 0 && v <= ScoringEngine.MaxBonus ? v
            : throw new IndexRuleException($"Điểm {what} phải là số từ 0 đến {ScoringEngine.MaxBonus:0}.");
        var (bonus, penalty) = (Read(bonusText, "thưởng"), Read(penaltyText, "trừ"));
        if (string.IsNullOrWhiteSpace(reason)) throw new IndexRuleException("Điểm thưởng, điểm trừ cần ghi căn cứ.");
        var changes = new List<FieldChange>
        {
            new("Bonus", a.Bonus.ToString(CultureInfo.InvariantCulture), bonus.ToString(CultureInfo.InvariantCulture)),
            new("Penalty", a.Penalty.ToString(CultureInfo.InvariantCulture), penalty.ToString(CultureInfo.InvariantCulture)),
        };
        (a.Bonus, a.Penalty) = (bonus, penalty);
        a.Version++;
        audit.Record("bonus-penalty", EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId, $"Điểm thưởng {bonus}, điểm trừ {penalty}: {reason.Trim()}", changes);
        await SaveOrConflictAsync(ct);
    }

    /// <summary>The agency's explanation (giải trình) of a criterion after appraisal.</summary>
    public async Task ExplainAsync(int id, string code, string? text, CancellationToken ct = default)
    {
        var a = await db.Assessments.Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        if (!CanExplain(a, await db.AssessmentCycles.FirstAsync(c => c.Id == a.CycleId, ct))) throw new UnauthorizedAccessException();
        if (string.IsNullOrWhiteSpace(text)) throw new IndexRuleException("Nội dung giải trình không được để trống.");
        var row = a.Scores.FirstOrDefault(s => s.Code == code) ?? throw new IndexRuleException($"Không có tiêu chí {code}.");
        var before = row.Explanation;
        row.Explanation = text.Trim()[..Math.Min(text.Trim().Length, 4000)];
        a.Version++;
        audit.Record("explain", EntityType, a.Id.ToString(CultureInfo.InvariantCulture), a.AgencyId, $"Giải trình tiêu chí {code}",
            [new FieldChange(code + ".Explanation", before, row.Explanation)]);
        await SaveOrConflictAsync(ct);
    }

    /// <summary>The results of a cycle: every assessment scored by the engine (appraised points over self-assessed).</summary>
    /// <summary>Kept until the next committed change to the index, the reports, the tasks or the directory it is computed from.</summary>
    public Task<(Framework Framework, IReadOnlyList<AgencyResult> Results, Dictionary<string, string> Names)> ResultsAsync(AssessmentCycle cycle, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"index:results:{cycle.Id}", CacheTagsOf(cycle.Id), c => LoadResultsAsync(cycle, c), ct);

    /// <summary>What a cycle's results are computed from.</summary>
    public static string[] CacheTagsOf(int cycleId) =>
        [CacheTags.IndexAll, CacheTags.Index(cycleId), CacheTags.Reports, CacheTags.Tasks, CacheTags.Directory];

    private async Task<(Framework Framework, IReadOnlyList<AgencyResult> Results, Dictionary<string, string> Names)> LoadResultsAsync(AssessmentCycle cycle, CancellationToken ct)
    {
        var f = Definition(await db.IndexFrameworks.AsNoTracking().FirstAsync(x => x.Id == cycle.FrameworkId, ct));
        var list = await db.Assessments.AsNoTracking().Include(x => x.Scores).Where(x => x.CycleId == cycle.Id).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().Where(x => list.Select(l => l.AgencyId).Contains(x.Id)).ToDictionaryAsync(x => x.Id.ToString(CultureInfo.InvariantCulture), x => x.Name, ct);
        var notApplicable = f.NotApplicable(cycle.GroupCode);
        var scoring = list.Select(x => new AgencyScoring(x.AgencyId.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(x.AgencyId.ToString(CultureInfo.InvariantCulture)), cycle.GroupCode,
            x.Scores.Where(s => s.Input is not null).ToDictionary(s => s.Code, s => JsonSerializer.Deserialize<ScoreInput>(s.Input!, Json)!),
            x.Scores.Where(s => s.Exempt).Select(s => s.Code).Concat(notApplicable).ToList(),
            x.Scores.Where(s => s.FinalAppraised is not null).ToDictionary(s => s.Code, s => s.FinalAppraised!.Value),
            x.Bonus, x.Penalty)).ToList();
        return (f, ScoringEngine.Compute(f, scoring), names);
    }

    /// <summary>
    /// Last year's points of the agency per criterion (appraised over self-assessed), from the cycle of the year before with
    /// the same framework code and group; empty when there is none.
    /// </summary>
    public async Task<Dictionary<string, decimal>> LastYearAsync(AssessmentCycle cycle, int agencyId, CancellationToken ct = default)
    {
        var mine = (await LastYearResultsAsync(cycle, ct)).FirstOrDefault(r => r.Id == agencyId.ToString(CultureInfo.InvariantCulture));
        return mine?.Criteria.Where(c => !c.Exempt).ToDictionary(c => c.Code, c => c.Points) ?? [];
    }

    /// <summary>The results of the cycle of the year before with the same framework code and group (empty when there is none).</summary>
    public async Task<IReadOnlyList<AgencyResult>> LastYearResultsAsync(AssessmentCycle cycle, CancellationToken ct = default)
    {
        var code = await db.IndexFrameworks.Where(f => f.Id == cycle.FrameworkId).Select(f => f.Code).FirstAsync(ct);
        var previous = await db.AssessmentCycles.AsNoTracking()
            .Where(c => c.Year == cycle.Year - 1 && c.GroupCode == cycle.GroupCode && db.IndexFrameworks.Any(f => f.Id == c.FrameworkId && f.Code == code))
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return previous is null ? [] : (await ResultsAsync(previous, ct)).Results;
    }

    public async Task PublishAsync(int cycleId, string? decision, CancellationToken ct = default)
    {
        if (!IsCoordinator) throw new UnauthorizedAccessException();
        if (string.IsNullOrWhiteSpace(decision)) throw new IndexRuleException("Ghi số, ngày của quyết định công bố kết quả.");
        var c = await db.AssessmentCycles.FirstOrDefaultAsync(x => x.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        if (c.PublishedAt is not null) throw new IndexRuleException("Kết quả đã được công bố.");
        (c.PublishedAt, c.PublicationDecision) = (clock.GetUtcNow().UtcDateTime, decision.Trim());
        audit.Record("publish", "AssessmentCycle", c.Id.ToString(CultureInfo.InvariantCulture), null, $"Công bố kết quả Chỉ số CCHC: {decision.Trim()}", []);
        await db.SaveChangesAsync(ct);
    }
}
