using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Reports;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Reports;

/// <summary>What a person typed into one field: numbers as text (Vietnamese style), a text, a reason for an override.</summary>
public sealed class FieldInput
{
    public string? Value { get; set; }
    public string? Denominator { get; set; }
    public string? Text { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A refused action; the message is shown as it is.</summary>
public sealed class ReportRuleException(string message, IReadOnlyList<ValueError>? errors = null) : Exception(message)
{
    public IReadOnlyList<ValueError> Errors { get; } = errors ?? [];
}

/// <summary>Somebody else saved the report since it was opened; nothing was overwritten.</summary>
public sealed class ReportConflictException(string message) : Exception(message);

public sealed record SaveResult(AgencyReport Report, bool AlreadySubmitted);

/// <summary>
/// The life of a report: draft → submitted (only when complete and valid; its time decides "on time") → returned with
/// comments, or accepted and locked; a Coordinator may reopen. Every step is a revision and an audit entry.
/// </summary>
public sealed class ReportWorkflow(ParHubDbContext db, ReportSetup setup, TaskQueries tasks, ICurrentUser user,
    AgencyScope scope, AuditLog audit, TimeProvider clock, ParHub.Web.Shared.FileStore files)
{
    public const string EntityType = "Report";

    public bool IsReviewer => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);

    public bool CanRead(AgencyReport r) => scope.IsProvinceWide || user.AgencyId == r.AgencyId;

    /// <summary>Only the agency's own officers fill its report.</summary>
    public bool CanEdit(int agencyId) => user.IsInRole(Roles.AgencyOfficer) && user.AgencyId == agencyId;

    /// <summary>The agency's report for a period, made (as a draft, with what ParHub knows filled in) on first open.</summary>
    public Task<AgencyReport> OpenAsync(string regimeKey, string periodCode, int agencyId, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var existing = await db.Reports.Include(r => r.Values)
            .FirstOrDefaultAsync(r => r.RegimeKey == regimeKey && r.PeriodCode == periodCode && r.AgencyId == agencyId, ct);
        if (existing is not null)
        {
            if (!CanRead(existing)) throw new UnauthorizedAccessException();
            return existing;
        }
        if (!CanEdit(agencyId)) throw new UnauthorizedAccessException();
        var regime = await setup.RegimeAsync(regimeKey, ct) ?? throw new ReportRuleException($"Không có chế độ báo cáo \"{regimeKey}\".");
        var period = regime.Period(periodCode) ?? throw new ReportRuleException($"Kỳ báo cáo \"{periodCode}\" không thuộc chế độ {regimeKey}.");
        var expected = await setup.ExpectedAsync(regime, period, ct);
        if (expected.All(e => e.AgencyId != agencyId))
            throw new ReportRuleException("Cơ quan không thuộc diện báo cáo của chế độ này trong kỳ.");
        var (formRow, form) = await setup.LatestFormAsync(regime.Setting.FormKey, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new AgencyReport
        {
            RegimeKey = regimeKey, PeriodCode = periodCode, AgencyId = agencyId, FormId = formRow.Id, Status = ReportStatus.Draft,
            DueOn = period.Due, UpdatedAt = now, UpdatedBy = user.Name, Version = 1,
        };
        foreach (var (code, v) in await PrefillAsync(form, period, agencyId, ct))
            report.Values.Add(new ReportValueRow { Code = code, Value = v.Value, Denominator = v.Denominator, Source = ValueSource.Prefilled });
        db.Reports.Add(report);
        if (!await db.TrySaveAsync("open_report", ct))
        {
            // Two first opens at once: the other one made it; use that.
            return await db.Reports.Include(r => r.Values).FirstAsync(r => r.RegimeKey == regimeKey && r.PeriodCode == periodCode && r.AgencyId == agencyId, ct);
        }
        AddRevision(report, "create", null);
        audit.Record("create", EntityType, report.Id.ToString(CultureInfo.InvariantCulture), agencyId,
            $"Tạo báo cáo {period.Label} ({regimeKey})", []);
        await db.SaveChangesAsync(ct);
        return report;
    }, ct);

    /// <summary>
    /// What ParHub knows: the agency's plan tasks of the year, done / total as of the data cut-off (or the due date).
    /// </summary>
    public async Task<Dictionary<string, FieldValue>> PrefillAsync(ReportForm form, ReportingPeriod period, int agencyId, CancellationToken ct = default)
    {
        var result = new Dictionary<string, FieldValue>();
        var asOf = period.CutoffTo ?? period.Due ?? new DateOnly(period.Year, 12, 31);
        foreach (var f in form.Fields.Where(f => f.Prefill == "tasks.done/total"))
        {
            var counts = await tasks.CountsAsync(new TaskFilter { AgencyId = agencyId, Year = period.Year, LeadOnly = true }, asOf, ct);
            result[f.Code] = new FieldValue(counts.Done, counts.Total, Source: ValueSource.Prefilled);
        }
        return result;
    }

    /// <summary>Reads typed values against the form: numbers in Vietnamese style; errors name the field.</summary>
    public static (Dictionary<string, FieldValue> Values, List<ValueError> Errors) Read(ReportForm form,
        IReadOnlyDictionary<string, FieldInput> input, IReadOnlyDictionary<string, ReportValueRow> stored)
    {
        var values = new Dictionary<string, FieldValue>();
        var errors = new List<ValueError>();
        foreach (var f in form.Fields.Where(f => !f.IsDerived))
        {
            input.TryGetValue(f.Code, out var i);
            stored.TryGetValue(f.Code, out var old);
            if (f.Kind == FieldKind.Text)
            {
                if (!string.IsNullOrWhiteSpace(i?.Text)) values[f.Code] = new FieldValue(null, null, i!.Text!.Trim());
                continue;
            }
            decimal? num = Number(f, i?.Value, "", errors);
            decimal? den = f.Kind == FieldKind.Rate ? Number(f, i?.Denominator, " (mẫu số)", errors) : null;
            var blank = num is null && den is null && string.IsNullOrWhiteSpace(i?.Value) && string.IsNullOrWhiteSpace(i?.Denominator);
            var prefilled = old is { Source: ValueSource.Prefilled or ValueSource.Overridden };
            if (blank && prefilled && Unkept(old!.Source == ValueSource.Prefilled ? Kept(old.Value, old.Denominator) : KeptIn(old.Reason)) is { } parhub)
            {
                // ParHub's figure is kept whatever the agency does: an emptied field goes back to it, it is never dropped.
                values[f.Code] = new FieldValue(parhub.Value, parhub.Denominator, null, ValueSource.Prefilled, null);
                continue;
            }
            if (blank) continue;
            var source = ValueSource.Entered;
            string? reason = null;
            if (prefilled)
            {
                // The value ParHub filled in is kept in the reason of an override, so it is never lost.
                var original = old!.Source == ValueSource.Prefilled ? Kept(old.Value, old.Denominator) : KeptIn(old.Reason);
                if (Kept(num, den) == original) source = ValueSource.Prefilled;
                else
                {
                    source = ValueSource.Overridden;
                    var typed = string.IsNullOrWhiteSpace(i?.Reason) ? (old.Source == ValueSource.Overridden ? WithoutKept(old.Reason) : null) : i!.Reason!.Trim();
                    if (string.IsNullOrWhiteSpace(typed)) errors.Add(new(f.Code, $"{f.Label}: số liệu do ParHub điền sẵn ({original}); muốn sửa cần ghi lý do."));
                    else reason = $"{typed} [ParHub: {original}]";
                }
            }
            values[f.Code] = new FieldValue(num, den, null, source, reason);
        }
        return (values, errors);
    }

    private static string Kept(decimal? v, decimal? d) =>
        d is null ? N(v) : $"{N(v)}/{N(d)}";

    private static string N(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>ParHub's figure back from its kept text ("12/30", "7"); null when there is none.</summary>
    private static (decimal? Value, decimal? Denominator)? Unkept(string kept)
    {
        if (string.IsNullOrWhiteSpace(kept)) return null;
        var parts = kept.Split('/');
        static decimal? P(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (parts.Length == 2 && P(parts[0]) is { } n && P(parts[1]) is { } d) return (n, d);
        if (parts.Length == 1 && P(parts[0]) is { } v) return (v, null);
        return null;
    }

    private static string KeptIn(string? reason)
    {
        var i = reason?.LastIndexOf("[ParHub: ", StringComparison.Ordinal) ?? -1;
        return i < 0 ? "" : reason![(i + 9)..].TrimEnd(']');
    }

    private static string? WithoutKept(string? reason)
    {
        var i = reason?.LastIndexOf(" [ParHub: ", StringComparison.Ordinal) ?? -1;
        return i < 0 ? reason : reason![..i];
    }

    private static decimal? Number(FormField f, string? text, string part, List<ValueError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (VietnameseNumber.TryParse(text, out var n)) return n;
        errors.Add(new(f.Code, $"{f.Label}{part}: \"{Short(text)}\" không phải là số (viết 1.150 cho một nghìn một trăm năm mươi, 1,5 cho một phẩy năm)."));
        return null;
    }

    private static string Short(string s) => s.Length > 30 ? s[..30] + "…" : s;

    /// <summary>
    /// Saves the draft (entry checks only) or submits it (complete and valid). A save carrying an older version than the
    /// stored one is refused, so two people never overwrite each other. Submitting what is already submitted is the
    /// same submission, not a second one.
    /// </summary>
    public async Task<SaveResult> SaveAsync(int reportId, int version, IReadOnlyDictionary<string, FieldInput> input, bool submit, CancellationToken ct = default)
    {
        var report = await db.Reports.Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new KeyNotFoundException();
        if (!CanRead(report)) throw new UnauthorizedAccessException();
        if (!CanEdit(report.AgencyId)) throw new UnauthorizedAccessException();
        if (submit && report.Status is ReportStatus.Submitted or ReportStatus.Accepted && version == report.Version - 1
            && await LastActionAsync(report.Id, ct) == "submit")
            return new SaveResult(report, AlreadySubmitted: true);
        if (report.Status == ReportStatus.Accepted) throw new ReportRuleException("Báo cáo đã được tiếp nhận và khóa; không thể sửa.");
        if (report.Status == ReportStatus.Submitted) throw new ReportRuleException("Báo cáo đã gửi, đang chờ Sở Nội vụ xem xét; không thể sửa.");
        if (version != report.Version)
            throw new ReportConflictException($"Báo cáo vừa được {report.UpdatedBy} cập nhật lúc {VietnamTime.Show(report.UpdatedAt)}. Số liệu của bạn chưa được lưu: tải lại trang để xem bản mới rồi nhập lại.");

        var form = await setup.FormAsync(report.FormId, ct);
        var stored = report.Values.ToDictionary(v => v.Code);
        var (values, errors) = Read(form, input, stored);
        // A field that could not be read is reported once, as unreadable, not also as missing.
        errors.AddRange(ReportCheck.Validate(form, values, complete: submit).Where(e => e.Code is null || errors.All(x => x.Code != e.Code)));
        if (errors.Count > 0)
            throw new ReportRuleException(submit ? "Chưa thể gửi báo cáo: còn thông tin thiếu hoặc chưa đúng." : "Chưa lưu được: có số liệu chưa đúng.", errors);

        var before = Snapshot(report.Values);
        foreach (var row in report.Values.ToList())
            if (!values.ContainsKey(row.Code) && form.Field(row.Code) is not null) report.Values.Remove(row);
        foreach (var (code, v) in values)
        {
            var row = report.Values.FirstOrDefault(x => x.Code == code);
            if (row is null) report.Values.Add(row = new ReportValueRow { Code = code });
            (row.Value, row.Denominator, row.Text, row.Source, row.Reason) = (v.Value, v.Denominator, v.Text, v.Source, v.Reason);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        report.UpdatedAt = now;
        report.UpdatedBy = user.Name;
        report.Version++;
        if (submit)
        {
            report.Status = ReportStatus.Submitted;
            report.SubmittedAt = now;
            report.FirstSubmittedAt ??= now;
            report.FirstSubmittedOn ??= VietnamTime.DayOf(now);
        }
        AddRevision(report, submit ? "submit" : "save", null);
        audit.Record(submit ? "submit" : "update", EntityType, report.Id.ToString(CultureInfo.InvariantCulture), report.AgencyId,
            submit ? $"Gửi báo cáo {report.PeriodCode}" : $"Lưu nháp báo cáo {report.PeriodCode}",
            FieldChanges.Between(before, Snapshot(report.Values)));
        await SaveOrConflictAsync(ct);
        return new SaveResult(report, false);
    }

    public Task<AgencyReport> ReturnAsync(int id, int version, string? comment, CancellationToken ct = default) =>
        ReviewAsync(id, version, "return", comment, ct);

    public Task<AgencyReport> AcceptAsync(int id, int version, CancellationToken ct = default) =>
        ReviewAsync(id, version, "accept", null, ct);

    public Task<AgencyReport> ReopenAsync(int id, int version, string? reason, CancellationToken ct = default) =>
        ReviewAsync(id, version, "reopen", reason, ct);

    private async Task<AgencyReport> ReviewAsync(int id, int version, string action, string? comment, CancellationToken ct)
    {
        if (!IsReviewer) throw new UnauthorizedAccessException();
        var report = await db.Reports.Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException();
        if (version != report.Version)
            throw new ReportConflictException($"Báo cáo vừa được {report.UpdatedBy} cập nhật lúc {VietnamTime.Show(report.UpdatedAt)}; tải lại trang.");
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > 4000 }) throw new ReportRuleException("Ý kiến dài quá 4.000 ký tự.");
        var before = report.Status;
        switch (action)
        {
            case "return":
                if (report.Status != ReportStatus.Submitted) throw new ReportRuleException("Chỉ trả lại được báo cáo đã gửi và chưa tiếp nhận.");
                if (comment is null) throw new ReportRuleException("Trả lại báo cáo cần ghi ý kiến để cơ quan sửa.");
                report.Status = ReportStatus.Returned;
                break;
            case "accept":
                if (report.Status != ReportStatus.Submitted) throw new ReportRuleException("Chỉ tiếp nhận được báo cáo đã gửi.");
                report.Status = ReportStatus.Accepted;
                report.AcceptedAt = clock.GetUtcNow().UtcDateTime;
                break;
            default:
                if (report.Status is ReportStatus.Draft) throw new ReportRuleException("Báo cáo đang là bản nháp; không cần mở lại.");
                if (comment is null) throw new ReportRuleException("Mở lại kỳ báo cáo cần ghi lý do.");
                report.Status = ReportStatus.Returned;
                report.AcceptedAt = null;
                break;
        }
        report.ReviewComment = comment ?? report.ReviewComment;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = user.Name;
        report.Version++;
        AddRevision(report, action, comment);
        audit.Record(action, EntityType, report.Id.ToString(CultureInfo.InvariantCulture), report.AgencyId,
            $"{action switch { "return" => "Trả lại", "accept" => "Tiếp nhận", _ => "Mở lại" }} báo cáo {report.PeriodCode}",
            [new FieldChange("Status", before.ToString(), report.Status.ToString()), .. comment is null ? Array.Empty<FieldChange>() : [new FieldChange("Comment", null, comment)]]);
        await SaveOrConflictAsync(ct);
        return report;
    }

    public const long MaxSignedBytes = 20 * 1024 * 1024;

    /// <summary>Attaches the signed PDF of the official report (PDF only, 20 MB at most).</summary>
    public async Task AttachSignedAsync(int id, string fileName, long length, Stream content, string dataDir, CancellationToken ct = default)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException();
        if (!CanEdit(report.AgencyId) && !IsReviewer) throw new UnauthorizedAccessException();
        if (report.Status == ReportStatus.Accepted) throw new ReportRuleException("Báo cáo đã khóa; không thể thay tệp đính kèm.");
        if (!fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) throw new ReportRuleException("Chỉ nhận tệp PDF (bản ký số của báo cáo).");
        if (length > MaxSignedBytes) throw new ReportRuleException($"Tệp quá lớn ({length / 1024 / 1024} MB); tối đa 20 MB.");
        var head = new byte[5];
        var read = await content.ReadAtLeastAsync(head, 5, false, ct);
        if (read < 5 || System.Text.Encoding.ASCII.GetString(head) != "%PDF-") throw new ReportRuleException("Tệp không phải PDF hợp lệ.");
        var stored = await files.SaveAsync(ParHub.Web.Shared.FileStore.Reports, ".pdf", head.AsMemory(0, read), content, ct);
        report.SignedFileName = Path.GetFileName(fileName);
        report.SignedStoredName = stored;
        report.Version++;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = user.Name;
        audit.Record("attach", EntityType, report.Id.ToString(CultureInfo.InvariantCulture), report.AgencyId, $"Đính kèm bản ký số {report.SignedFileName}", []);
        await SaveOrConflictAsync(ct);
    }

    private async Task<string?> LastActionAsync(int reportId, CancellationToken ct) =>
        await db.ReportRevisions.Where(r => r.ReportId == reportId).OrderByDescending(r => r.No).Select(r => r.Action).FirstOrDefaultAsync(ct);

    private async Task SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ReportConflictException("Báo cáo vừa được người khác cập nhật. Số liệu của bạn chưa được lưu: tải lại trang để xem bản mới.");
        }
    }

    private void AddRevision(AgencyReport report, string action, string? comment)
    {
        // The number follows the report's version, which the concurrency check keeps unique.
        db.ReportRevisions.Add(new ReportRevision
        {
            ReportId = report.Id, No = report.Version, Action = action, Status = report.Status, At = clock.GetUtcNow().UtcDateTime,
            UserName = user.Name, Comment = comment,
            Snapshot = JsonSerializer.Serialize(report.Values.OrderBy(v => v.Code).Select(v => new { v.Code, v.Value, v.Denominator, v.Text, Source = v.Source.ToString(), v.Reason }), Json.Options),
        });
    }

    private static Dictionary<string, string?> Snapshot(IEnumerable<ReportValueRow> values) =>
        values.ToDictionary(v => v.Code, v => v.Text is { } t ? (t.Length > 200 ? t[..200] + "…" : t)
            : v.Denominator is { } d ? $"{v.Value?.ToString(CultureInfo.InvariantCulture)}/{d.ToString(CultureInfo.InvariantCulture)}" : v.Value?.ToString(CultureInfo.InvariantCulture));
}
