using Microsoft.EntityFrameworkCore;
using ParHub.Core.Time;
using ParHub.Core.Tthc;
using ParHub.Web.Data;
using ParHub.Web.Features.Tthc.Pakn;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// A year of generated feedback items (PAKN; the twelve months up to today) for the demo agencies that exist today,
/// written as an import would write them (<see cref="FeedbackWriter"/>): each agency with its own share answered late
/// and of satisfied citizens, so that /Tthc/Pakn ranks something real; some pending at the end, most answers published.
/// </summary>
public sealed class DemoFeedback(ParHubDbContext db, FeedbackWriter writer, TimeProvider clock)
{
    private static readonly string[] Fields = ["Đất đai", "Xây dựng", "Giao thông", "Môi trường", "Y tế", "Giáo dục", "Thuế", "Hộ tịch",
        "Lao động, việc làm", "Điện, nước"];

    private static readonly string[] Subjects = ["Chậm giải quyết hồ sơ", "Thái độ tiếp nhận chưa đúng mực", "Đề nghị hướng dẫn thủ tục",
        "Yêu cầu bổ sung giấy tờ không đúng quy định", "Phản ánh ô nhiễm tại khu dân cư", "Kiến nghị sửa chữa đường hư hỏng",
        "Đề nghị công khai quy hoạch", "Cổng dịch vụ công lỗi khi nộp hồ sơ"];

    public async Task<long> SeedAsync(int count, int seed = 1022, CancellationToken ct = default)
    {
        if (count <= 0) return 0;
        var today = VietnamTime.Today(clock);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Code != "HP" && (a.ValidTo == null || a.ValidTo >= today))
            .Select(a => a.Id).OrderBy(a => a).ToListAsync(ct);
        if (agencies.Count == 0) return 0;
        var rng = new Random(seed);
        var quality = agencies.ToDictionary(a => a, _ => (Late: 0.02 + rng.NextDouble() * 0.2, Happy: 0.6 + rng.NextDouble() * 0.35));
        var start = today.AddYears(-1).AddDays(1);
        var now = clock.GetUtcNow().UtcDateTime;
        var channels = Enum.GetValues<FeedbackChannel>();
        IEnumerable<FeedbackRecord> Generate()
        {
            for (var i = 0; i < count; i++)
            {
                var agency = agencies[(int)Math.Min(agencies.Count - 1, Math.Floor(Math.Pow(rng.NextDouble(), 1.4) * agencies.Count))];
                var (lateShare, happyShare) = quality[agency];
                var received = start.AddDays(rng.Next(today.DayNumber - start.DayNumber + 1));
                var due = received.AddDays(rng.Next(10, 21)); // 15 working days, roughly
                var late = rng.NextDouble() < lateShare;
                var a = late ? due.AddDays(rng.Next(1, 20)) : received.AddDays(rng.Next(1, due.DayNumber - received.DayNumber + 1));
                DateOnly? answered = a <= today && rng.NextDouble() > 0.03 ? a : null;
                var rated = answered is not null && rng.NextDouble() < 0.55;
                yield return new FeedbackRecord
                {
                    Code = $"PA{received.Year}-{i + 1:D6}", Channel = channels[rng.Next(channels.Length)], Received = received,
                    Field = Fields[rng.Next(Fields.Length)], AgencyId = agency, Due = due, Answered = answered,
                    Published = answered is not null && rng.NextDouble() < 0.85,
                    Rating = !rated ? FeedbackRating.None : rng.NextDouble() < happyShare - (late ? 0.3 : 0) ? FeedbackRating.Satisfied
                        : FeedbackRating.Dissatisfied,
                    Subject = Subjects[rng.Next(Subjects.Length)], UpdatedAt = now,
                };
            }
        }
        var written = await db.InTransactionAsync(() => writer.WriteAsync(Generate(), ct), ct);
        return written.Added + written.Updated;
    }
}
