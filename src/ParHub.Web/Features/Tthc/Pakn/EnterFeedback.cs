using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Time;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Tthc.Pakn;

/// <summary>Refused: the user may not write this agency's feedback (403).</summary>
public sealed class FeedbackForbiddenException() : Exception("Không có quyền ghi phản ánh, kiến nghị của cơ quan này.");

/// <summary>Refused with a Vietnamese reason for the form (the input is kept).</summary>
public sealed class FeedbackEntryException(string message) : Exception(message);

/// <summary>One feedback item as the entry form posts it (dates as typed: dd/MM/yyyy or yyyy-MM-dd).</summary>
public sealed record FeedbackEntry(int AgencyId, string? Code, string? Received, string? Channel, string? Field, string? Due, string? Subject);

/// <summary>
/// Enters one feedback item by hand — an agency's officer for their own agency, the province's coordinators for any
/// — checked as an imported row is (<see cref="FeedbackTable"/>); its (channel, code) must be new. The row and its audit line commit together.
/// </summary>
public sealed class EnterFeedback(ParHubDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock)
{
    public Task<FeedbackRecord> RunAsync(FeedbackEntry entry, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        if (!FeedbackAccess.CanWrite(user, entry.AgencyId)) throw new FeedbackForbiddenException();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == entry.AgencyId).Select(a => new { a.Id, a.Code }).SingleOrDefaultAsync(ct)
            ?? throw new FeedbackEntryException("Chưa chọn cơ quan xử lý.");
        var agencyCode = agency.Code.Length > 0 ? agency.Code : "#";
        var cells = new[] { entry.Code, entry.Received, entry.Channel, entry.Field, agencyCode, entry.Due, "", "", "", entry.Subject }
            .Select(c => c ?? "").ToArray();
        var rows = FeedbackTable.Read([new Core.Sipas.CsvRow(1, [.. FeedbackTable.Columns]), new Core.Sipas.CsvRow(2, cells)],
            VietnamTime.Today(clock)).ToList();
        var item = rows.Single().Feedback ?? throw new FeedbackEntryException(rows.Single().Problem!);
        if (await db.Feedback.AnyAsync(f => f.Channel == item.Channel && f.Code == item.Code, ct))
            throw new FeedbackEntryException($"Đã có phản ánh, kiến nghị mã “{item.Code}” qua kênh {FeedbackCodes.Name(item.Channel)}.");
        var record = new FeedbackRecord
        {
            Code = item.Code, Channel = item.Channel, Received = item.Received, Field = item.Field, AgencyId = agency.Id, Due = item.Due,
            Subject = item.Subject, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Feedback.Add(record);
        var key = $"{FeedbackCodes.Of(item.Channel)}:{item.Code}";
        audit.Record("create", "Feedback", key.Length > 64 ? key[..64] : key, agency.Id,
            $"Thêm phản ánh, kiến nghị “{item.Code}” tiếp nhận {item.Received.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, "
            + $"hạn {item.Due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", []);
        await db.SaveChangesAsync(ct);
        return record;
    }, ct);
}

/// <summary>An answer as the list's form posts it: the item, the date answered, whether published, the rating code.</summary>
public sealed record FeedbackAnswer(long Id, string? Answered, bool Published, string? Rating);

/// <summary>
/// Marks one feedback item answered (date on or after the received date and not after today; published; the citizen's
/// rating, if any), for whoever may write its agency. The change and its audit line commit together.
/// </summary>
public sealed class AnswerFeedback(ParHubDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock)
{
    public Task<FeedbackRecord> RunAsync(FeedbackAnswer answer, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var item = await db.Feedback.SingleOrDefaultAsync(f => f.Id == answer.Id, ct) ?? throw new KeyNotFoundException();
        if (!FeedbackAccess.CanWrite(user, item.AgencyId)) throw new FeedbackForbiddenException();
        if (!VnDate.TryParse(answer.Answered, out var day)) throw new FeedbackEntryException("Ngày trả lời không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        var today = VietnamTime.Today(clock);
        if (day < item.Received) throw new FeedbackEntryException($"Ngày trả lời ({VnDate.Show(day)}) trước ngày tiếp nhận ({VnDate.Show(item.Received)}).");
        if (day > today) throw new FeedbackEntryException($"Ngày trả lời ({VnDate.Show(day)}) sau hôm nay.");
        var rating = FeedbackCodes.Rating(answer.Rating ?? "") ?? throw new FeedbackEntryException("Đánh giá không hợp lệ.");
        var before = item.Answered;
        (item.Answered, item.Published, item.Rating, item.UpdatedAt) = (day, answer.Published, rating, clock.GetUtcNow().UtcDateTime);
        audit.Record("update", "Feedback", item.Id.ToString(CultureInfo.InvariantCulture), item.AgencyId,
            $"Trả lời phản ánh, kiến nghị “{item.Code}” ngày {VnDate.Show(day)}" + (day > item.Due ? " (quá hạn)" : ""),
            [new Core.Audit.FieldChange("Answered", before is { } b ? VnDate.Show(b) : null, VnDate.Show(day))]);
        await db.SaveChangesAsync(ct);
        return item;
    }, ct);
}
