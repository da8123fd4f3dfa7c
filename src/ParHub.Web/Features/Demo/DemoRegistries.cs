using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Core.Registries;
using ParHub.Core.Time;
using ParHub.Web.Data;
using ParHub.Web.Features.Registries;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// Demo entries for every registry, so that the prefilled report fields and the criteria show figures: 2024 from the
/// Hải Phòng six-month report (seed 001: the inspection plan of 06 departments and 06 districts from July to November, the
/// initiatives recognised by QĐ 451/QĐ-UBND, 44 downsizing cases, biên chế 2.846 and 32.584, the appointments), and the
/// current year illustrated (inspections with findings tracked as remedy tasks, initiatives, dialogues, communication, legal
/// documents, headcount, plans and budget proposals, some late or missing). Every entry is read by
/// <see cref="RegistryValues.Read"/> as typed entries are: demo data that would be refused fails here.
/// </summary>
public sealed class DemoRegistries(ParHubDbContext db, RegistryQueries queries, TimeProvider clock)
{
    private const string By = "Dữ liệu mẫu";

    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var directory = await queries.DirectoryAsync(ct);
        var resolve = RegistryQueries.Resolver(directory);
        var now = clock.GetUtcNow().UtcDateTime;
        var y = VietnamTime.Today(clock).Year;
        var entries = new List<RegistryEntry>();

        void Add(string kind, string agency, string date, params (string Key, string Value)[] values)
        {
            var k = RegistryCatalog.Find(kind)!;
            var input = RegistryValues.Read(k, date, values.ToDictionary(v => v.Key, v => (string?)v.Value), resolve);
            if (!input.IsValid || resolve(agency) is not { } id)
                throw new InvalidOperationException($"Demo entry {kind} {agency} {date}: {string.Join(" ", input.Problems)}");
            var e = new RegistryEntry { Kind = kind, AgencyId = id, CreatedAt = now, CreatedBy = By, UpdatedAt = now, UpdatedBy = By, Version = 1 };
            e.Set(input.Date!.Value, input.Values, k);
            entries.Add(e);
        }

        // 2024, seed 001: KH 97/KH-UBND and QĐ 1259/QĐ-UBND of 16/4/2024 — 06 departments and 06 districts, July to November.
        const string team2024 = "Đoàn kiểm tra CCHC thành phố năm 2024 (QĐ 1259/QĐ-UBND ngày 16/4/2024), Trưởng đoàn: Phó Chủ tịch UBND thành phố";
        string[] inspected2024 = ["STP", "STC", "SKHDT", "STTTT", "SYT", "SGDDT", "Q-LECHAN", "Q-HAIAN", "H-ANLAO", "H-ANDUONG", "H-KIENTHUY", "H-THUYNGUYEN"];
        for (var i = 0; i < inspected2024.Length; i++)
        {
            var month = 7 + i * 5 / inspected2024.Length;
            var day = new DateOnly(2024, month, 8 + i % 4 * 5);
            Add(RegistryCatalog.Inspections, "HP", VnDate.Show(day), ("doi_tuong", inspected2024[i]), ("doan", team2024),
                ("ngay_kiem_tra", VnDate.Show(day.AddDays(1))), ("ket_luan", "Cơ bản hoàn thành các nhiệm vụ CCHC theo kế hoạch."));
        }
        // QĐ 451/QĐ-UBND of 07/02/2024: the initiatives the report names with their agency.
        (string Agency, string Title, string Field)[] initiatives2024 =
        [
            ("SKHCN", "Áp dụng công cụ tự đánh giá quản lý chất lượng tổng thể theo TCVN ISO 18091:2020 cho 12 UBND quận, huyện, phường, xã", "bo-may"),
            ("Q-NGOQUYEN", "Quản lý doanh nghiệp, hộ kinh doanh trên bản đồ số", "chinh-phu-so"),
            ("STC", "Nâng cao chất lượng thực hiện giải quyết thủ tục hành chính dịch vụ công toàn trình", "tthc"),
            ("SKHDT", "Ứng dụng bản đồ số dựa trên công nghệ thực tế ảo 360 tại Khu đô thị Bắc Sông Cấm phục vụ xúc tiến đầu tư", "chinh-phu-so"),
            ("H-ANLAO", "Giải pháp chuyển đổi số nâng cao hiệu quả giải quyết TTHC tại Bộ phận Một cửa huyện và các xã, thị trấn", "tthc"),
            ("H-KIENTHUY", "Giải pháp đẩy mạnh chuyển đổi số trong giải quyết TTHC tại Bộ phận Tiếp nhận và trả kết quả huyện", "tthc"),
        ];
        foreach (var (agency, title, field) in initiatives2024)
            Add(RegistryCatalog.Initiatives, agency, "07/02/2024", ("ten", title), ("hinh_thuc", "sang_kien"), ("linh_vuc", field),
                ("quyet_dinh", "451/QĐ-UBND ngày 07/02/2024"));
        Add(RegistryCatalog.Downsizing, "HP", "14/06/2024", ("hinh_thuc", "nghi_huu"), ("so_nguoi", "38"), ("quyet_dinh", "Phê duyệt 6 tháng đầu năm 2024"));
        Add(RegistryCatalog.Downsizing, "HP", "14/06/2024", ("hinh_thuc", "thoi_viec"), ("so_nguoi", "6"), ("quyet_dinh", "Phê duyệt 6 tháng đầu năm 2024"));
        Add(RegistryCatalog.Headcount, "HP", "16/01/2024", ("loai", "cong_chuc"), ("duoc_giao", "2.846"), ("quyet_dinh", "130/QĐ-UBND ngày 16/01/2024"));
        Add(RegistryCatalog.Headcount, "HP", "16/01/2024", ("loai", "vien_chuc"), ("duoc_giao", "32.584"), ("quyet_dinh", "130/QĐ-UBND ngày 16/01/2024"));
        foreach (var (kind, n) in new[] { ("bo_nhiem", "14"), ("bo_nhiem_lai", "16"), ("giao_quyen", "2"), ("nghi_huu", "6") })
            Add(RegistryCatalog.Appointments, "HP", "14/06/2024", ("hinh_thuc", kind), ("so_nguoi", n),
                ("chuc_vu", "Cán bộ lãnh đạo thuộc diện UBND thành phố quản lý"));

        // The current year, illustrated.
        var team = $"Đoàn kiểm tra CCHC thành phố năm {y}";
        (string Agency, int Month, int Day, bool Visited)[] inspections =
        [
            ("STP", 7, 15, true), ("STC", 8, 20, true), ("SYT", 9, 10, true), ("SXD", 10, 12, true), ("SGDDT", 11, 25, false),
            ("X-ANLAO", 9, 5, true), ("X-LECHAN", 9, 18, true), ("X-HAIAN", 12, 20, false),
        ];
        foreach (var (agency, m, d, visited) in inspections)
        {
            var day = VnDate.Show(new DateOnly(y, m, d));
            Add(RegistryCatalog.Inspections, "HP", day, visited
                ? [("doi_tuong", agency), ("doan", team), ("ngay_kiem_tra", day), ("ket_luan", "Hoàn thành cơ bản nhiệm vụ; còn tồn tại cần khắc phục."),
                    ("van_ban", $"{100 + m}/TB-UBND ngày {VnDate.Show(new DateOnly(y, m, d).AddDays(14))}")]
                : [("doi_tuong", agency), ("doan", team)]);
        }
        foreach (var (agency, n) in new[] { ("STP", 2), ("STC", 1), ("SKHCN", 3), ("SYT", 1), ("X-LECHAN", 1) })
            for (var i = 1; i <= n; i++)
                Add(RegistryCatalog.Initiatives, agency, VnDate.Show(new DateOnly(y, 3 + i, 10)), ("ten", $"Giải pháp số hóa quy trình nội bộ số {i}"),
                    ("hinh_thuc", i % 2 == 0 ? "mo_hinh" : "giai_phap"), ("linh_vuc", "chinh-phu-so"),
                    ("quyet_dinh", $"{20 + i}/QĐ-UBND ngày 10/{3 + i}/{y}"));
        foreach (var (agency, n) in new[] { ("X-LECHAN", 2), ("X-HAIAN", 2), ("STP", 1), ("STC", 2) })
            for (var i = 1; i <= n; i++)
                Add(RegistryCatalog.Dialogues, agency, VnDate.Show(new DateOnly(y, i * 5, 12)), ("chu_tri", "Chủ tịch UBND"),
                    ("doi_tuong", i == 1 ? "nguoi_dan" : "doanh_nghiep"), ("so_nguoi", (60 + 10 * i).ToString(CultureInfo.InvariantCulture)),
                    ("van_de", "Giải quyết thủ tục đất đai, cấp phép xây dựng"), ("so_kien_nghi", "12"), ("so_da_tra_loi", i == 1 ? "12" : "9"));
        foreach (var (agency, kind, n) in new[] { ("SNV", "tin_bai", "24"), ("SNV", "cuoc_thi", "1"), ("STP", "tin_bai", "8"), ("SKHCN", "hoi_nghi", "2") })
            Add(RegistryCatalog.Communication, agency, $"15/06/{y}", ("hinh_thuc", kind), ("noi_dung", "Tuyên truyền cải cách hành chính năm " + y),
                ("so_luong", n), ("kenh", "Cổng thông tin điện tử thành phố"));
        for (var i = 1; i <= 5; i++)
            Add(RegistryCatalog.LegalDocuments, "HP", VnDate.Show(new DateOnly(y, 2 * i, 10)), ("so_hieu", $"{10 + i}/{y}/QĐ-UBND"),
                ("trich_yeu", $"Quy định chi tiết thi hành lĩnh vực số {i}"), ("loai", i == 5 ? "nq_hdnd" : "qd_ubnd"), ("ke_hoach", i <= 4 ? "1" : "0"),
                ("da_ban_hanh", "1"), ("tu_kiem_tra", i <= 3 ? "1" : "0"));
        foreach (var (agency, assigned, used) in new[] { ("STP", "62", "58"), ("STC", "95", "91"), ("SKHCN", "48", "45"), ("SNV", "70", "66") })
            Add(RegistryCatalog.Headcount, agency, $"16/01/{y}", ("loai", "cong_chuc"), ("duoc_giao", assigned), ("co_mat", used),
                ("quyet_dinh", $"15/QĐ-UBND ngày 16/01/{y}"));
        Add(RegistryCatalog.Downsizing, "STP", $"30/06/{y}", ("hinh_thuc", "nghi_huu"), ("so_nguoi", "2"));
        Add(RegistryCatalog.Training, "SNV", $"12/05/{y}", ("ten_lop", "Bồi dưỡng nghiệp vụ CCHC cho công chức đầu mối"),
            ("so_hoc_vien", "180"), ("cchc", "1"));
        Add(RegistryCatalog.JobPositions, "STP", $"20/03/{y}", ("so_vi_tri", "31"), ("quyet_dinh", $"310/QĐ-UBND ngày 20/03/{y}"));
        foreach (var (agency, date) in new[] { ("STP", "08/01"), ("STC", "22/01"), ("SKHCN", "10/01"), ("SNV", "05/01"), ("SYT", "12/01") })
            Add(RegistryCatalog.AgencyPlans, agency, $"{date}/{y}", ("so_hieu", $"{date[..2]}/KH-{agency}"), ("trich_yeu", $"Kế hoạch CCHC năm {y}"));
        // The Sở Nội vụ's funds are those of this year's first plan on ParHub, when there is one.
        var plan = await db.Plans.Where(p => p.Year == y).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        foreach (var (agency, proposed, allocated, spent) in
                 new[] { ("STP", "450", "400", "310"), ("SKHCN", "1.200", "1.000", "640"), ("SNV", "800", "800", "520") })
            Add(RegistryCatalog.Funds, agency, $"18/01/{y}", ("noi_dung", $"Kinh phí thực hiện Kế hoạch CCHC năm {y}"), ("linh_vuc", "khac"),
                ("nguon", "ngan_sach"), ("de_xuat", proposed), ("duoc_giao", allocated), ("da_chi", spent),
                ("ke_hoach", agency == "SNV" && plan is { } p ? p.ToString(CultureInfo.InvariantCulture) : ""));

        db.RegistryEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        await FindingsAsync(entries.Where(e => e.Kind == RegistryCatalog.Inspections && e.Year == y).ToList(), directory, now, ct);
        return entries.Count;
    }

    /// <summary>Two findings of the current year's first inspection and one of the second, each tracked as a remedy task (one done).</summary>
    private async Task FindingsAsync(List<RegistryEntry> inspections, Agencies.AgencyDirectoryCache.Snapshot directory, DateTime now, CancellationToken ct)
    {
        (int Inspection, string Text, int Days, bool Done)[] findings =
        [
            (0, "Chưa cập nhật đầy đủ hồ sơ TTHC lên Hệ thống thông tin giải quyết TTHC", 45, true),
            (0, "Niêm yết công khai TTHC tại Bộ phận Một cửa chưa đầy đủ", 90, false),
            (1, "Tỷ lệ số hóa kết quả giải quyết TTHC chưa đạt chỉ tiêu", 120, false),
        ];
        foreach (var (index, text, days, done) in findings)
        {
            var e = inspections[index];
            var visited = RegistryValues.Date(e.ValueMap, InspectionCoverage.Visited)!.Value;
            var due = visited.AddDays(days);
            var subject = directory.ById[e.SubjectAgencyId!.Value].Agency;
            var dueText = $"Trước ngày {VnDate.Show(due)}";
            var task = new PlanTask
            {
                No = "—", Group = AddFinding.TaskSource, ReformArea = AddFinding.TaskSource, Source = AddFinding.TaskSource,
                Content = "Khắc phục tồn tại sau kiểm tra CCHC: " + text, LeadText = subject.Name, AssignedBy = e.ValueMap.GetValueOrDefault("van_ban"),
                UpdatedAt = now, Progress = done ? TaskProgress.Done : TaskProgress.InProgress, CompletedOn = done ? due.AddDays(-10) : null,
            };
            task.SetTimeframe(dueText, TimeframeParser.Parse(dueText, new TimeframeContext(due.Year)));
            task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, AgencyId = subject.Id, Text = subject.Name });
            db.PlanTasks.Add(task);
            await db.SaveChangesAsync(ct);
            db.InspectionFindings.Add(new InspectionFinding { EntryId = e.Id, Text = text, Due = due, TaskId = task.Id, CreatedAt = now, CreatedBy = By });
        }
        await db.SaveChangesAsync(ct);
    }
}
