using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Plans;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// Generated demo plans and tasks (marked as demo in their titles): a few plans for the small demo, and 50 plans × 100
/// tasks a year for 10 years at <c>--scale large</c>, with deadlines over the year and progress that looks like a real
/// province's (most past tasks done, some late, some overdue).
/// </summary>
public sealed class DemoPlans(ParHubDbContext db, TimeProvider clock)
{
    private static readonly string[] Areas =
    [
        "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy", "Cải cách chế độ công vụ",
        "Cải cách tài chính công", "Xây dựng chính quyền điện tử, chính quyền số",
    ];

    private static readonly string[] Actions =
    [
        "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực", "Ban hành kế hoạch kiểm tra công tác cải cách hành chính về",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính về", "Tổ chức đối thoại với người dân, doanh nghiệp về",
        "Báo cáo đánh giá kết quả thực hiện nhiệm vụ về", "Xây dựng cơ sở dữ liệu chuyên ngành về",
        "Tập huấn nghiệp vụ cho cán bộ, công chức về", "Công bố, công khai danh mục thủ tục hành chính về",
    ];

    private static readonly string[] Fields =
    [
        "đất đai", "xây dựng", "đầu tư", "tư pháp", "hộ tịch", "giáo dục", "y tế", "lao động", "giao thông", "thuế",
        "tài chính", "nội vụ", "văn hóa", "du lịch", "công thương", "nông nghiệp", "môi trường", "khoa học, công nghệ",
    ];

    public async Task<int> SeedAsync(int years, int plansPerYear, int tasksPerPlan, int seed = 2026, CancellationToken ct = default)
    {
        var rng = new Random(seed);
        var today = VietnamTime.Today(clock);
        var leads = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Department && a.ValidTo == null).Select(a => new { a.Id, a.Name })
            .ToListAsync(ct);
        var sbn = await db.AgencyGroups.AsNoTracking().Where(g => g.Code == "SBN").Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var y = today.Year - years + 1; y <= today.Year; y++)
        {
            for (var p = 1; p <= plansPerYear; p++)
            {
                var plan = new Plan
                {
                    Kind = p == 1 ? PlanKind.Annual : PlanKind.Thematic, Number = $"{100 + p}/KH-UBND", DocType = "KH",
                    Issuer = "Ủy ban nhân dân thành phố Hải Phòng", IssuedOn = new DateOnly(y - 1, 12, 20 + p % 8), Year = y,
                    Title = p == 1 ? $"Kế hoạch cải cách hành chính năm {y} (dữ liệu mẫu)"
                        : $"Kế hoạch chuyên đề số {p} năm {y} (dữ liệu mẫu)",
                    SourceFile = "demo", CreatedAt = now, UpdatedAt = now,
                };
                if (p == 1) plan.Targets.AddRange(Targets(y));
                for (var i = 0; i < tasksPerPlan; i++)
                {
                    var lead = leads[rng.Next(leads.Count)];
                    var area = Areas[i * Areas.Length / tasksPerPlan];
                    var (tf, start, due) = rng.Next(4) switch
                    {
                        0 => ($"Quý {new[] { "I", "II", "III", "IV" }[i % 4]}/{y}", Periods.Quarter(y, i % 4 + 1).Start, Periods.Quarter(y, i % 4 + 1).End),
                        1 => ($"Tháng {i % 12 + 1}/{y}", Periods.Month(y, i % 12 + 1).Start, Periods.Month(y, i % 12 + 1).End),
                        2 => ($"Trước ngày {15 + i % 10}/{i % 12 + 1}/{y}", (DateOnly?)null, new DateOnly(y, i % 12 + 1, 15 + i % 10)),
                        _ => ($"Cả năm {y}", Periods.Year(y).Start, Periods.Year(y).End),
                    };
                    var task = new PlanTask
                    {
                        No = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), SortOrder = i, Group = area, ReformArea = area,
                        Content = $"{Actions[rng.Next(Actions.Length)]} {Fields[rng.Next(Fields.Length)]}", Product = "Báo cáo, kế hoạch",
                        LeadText = lead.Name, CooperatingText = "Các sở, ban, ngành", TimeframeText = tf, TimeframeKind = TimeframeKind.Interval,
                        Start = start, Due = due, UpdatedAt = now, Source = "dữ liệu mẫu",
                    };
                    task.RefreshSortDue();
                    if (due < today)
                    {
                        var roll = rng.Next(10);
                        if (roll < 7) { task.Progress = TaskProgress.Done; task.CompletedOn = due.AddDays(-rng.Next(0, 20)); }
                        else if (roll < 9) { task.Progress = TaskProgress.Done; task.CompletedOn = due.AddDays(rng.Next(1, 40)); }
                        else task.Progress = TaskProgress.InProgress;
                        if (task.CompletedOn > today) task.CompletedOn = today;
                    }
                    else task.Progress = rng.Next(3) == 0 ? TaskProgress.InProgress : TaskProgress.NotStarted;
                    task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = lead.Id, Text = lead.Name });
                    if (sbn is { } g) task.Assignments.Add(
                        new TaskAssignment { Role = AssignmentRole.Cooperating, GroupId = g, Text = "Các sở, ban, ngành", SortOrder = 1 });
                    plan.Tasks.Add(task);
                    count++;
                }
                db.Plans.Add(plan);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return count;
    }

    /// <summary>The annual plan's targets as the seeds write them, read and bound as an import would; one has no metric ParHub computes.</summary>
    private static IEnumerable<PlanTarget> Targets(int year) =>
        new[]
        {
            "100% nhiệm vụ của Kế hoạch hoàn thành đúng thời hạn",
            "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 95% trở lên",
            "Tỷ lệ hồ sơ nộp trực tuyến đạt tối thiểu 50%",
            $"Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính năm {year - 1} đạt trên 80%",
            "Chỉ số PAPI của thành phố tăng ít nhất 2 bậc so với năm trước",
        }.Select((text, i) =>
        {
            var m = TargetReader.Read(text);
            return new PlanTarget
            {
                Text = text, SortOrder = i, Comparator = m?.Comparator, Threshold = m?.Threshold, Unit = m?.Unit, Metric = m?.Metric,
                Period = TargetCheck.Period(text, year).From.ToString(System.Globalization.CultureInfo.InvariantCulture),
                MetricKey = m is null ? null : TargetMetrics.Guess(text, m.Unit),
            };
        });
}
