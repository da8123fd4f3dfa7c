using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// The demo's procedure catalogue: the 40 codes its dossiers use (<see cref="DemoDossiers"/>: 1.001000–1.001039), in
/// eight fields, each with the department that resolves it, a mix of online levels, and two publishing decisions (one
/// issued before its legal basis took effect, one after it).
/// </summary>
public sealed class DemoProcedures(ParHubDbContext db, TimeProvider clock)
{
    public const int First = 1000;

    private static readonly (string Field, string Agency, string[] Names)[] Catalogue =
    [
        ("Lý lịch tư pháp, chứng thực, hộ tịch", "STP", ["Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Chứng thực bản sao từ bản chính",
            "Đăng ký khai sinh có yếu tố nước ngoài", "Đăng ký kết hôn có yếu tố nước ngoài", "Cấp giấy phép thành lập văn phòng công chứng"]),
        ("Thành lập và hoạt động doanh nghiệp", "STC", ["Đăng ký thành lập doanh nghiệp tư nhân",
            "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
            "Cấp giấy chứng nhận đăng ký đầu tư", "Đăng ký thành lập hộ kinh doanh"]),
        ("Hoạt động xây dựng", "SXD", ["Cấp giấy phép xây dựng mới công trình", "Cấp giấy phép sửa chữa, cải tạo công trình",
            "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
            "Cấp giấy phép xây dựng nhà ở riêng lẻ"]),
        ("Khám bệnh, chữa bệnh và dược", "SYT", ["Cấp giấy phép hành nghề khám bệnh, chữa bệnh", "Cấp giấy phép hoạt động phòng khám đa khoa",
            "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Cấp chứng chỉ hành nghề dược",
            "Cấp giấy chứng nhận đủ điều kiện kinh doanh dược"]),
        ("Giáo dục và đào tạo", "SGDDT", ["Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Chỉnh sửa nội dung văn bằng, chứng chỉ",
            "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục", "Công nhận trường đạt chuẩn quốc gia",
            "Chuyển trường đối với học sinh trung học phổ thông"]),
        ("Đất đai và môi trường", "SNNMT", ["Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Thẩm định báo cáo đánh giá tác động môi trường", "Cấp giấy phép môi trường",
            "Đăng ký đất đai lần đầu"]),
        ("Việc làm và lao động", "SNV", ["Cấp giấy phép lao động cho người lao động nước ngoài", "Cấp lại giấy phép lao động",
            "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động", "Đăng ký nội quy lao động",
            "Giải quyết trợ cấp xã hội hằng tháng"]),
        ("Đường bộ", "SXD", ["Cấp giấy phép lái xe", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "Cấp phù hiệu xe kinh doanh vận tải",
            "Cấp giấy phép kinh doanh vận tải bằng xe ô tô", "Cấp giấy phép thi công công trình trên đường bộ đang khai thác"]),
    ];

    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        if (await db.TthcProcedures.AnyAsync(ct)) return 0;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var early = new TthcDecision
        { Number = "125/QĐ-UBND", Date = new(2025, 1, 15), EffectiveFrom = new(2025, 2, 1), PublishedOnDatabase = new(2025, 1, 20) };
        var late = new TthcDecision
        { Number = "1864/QĐ-UBND", Date = new(2025, 7, 20), EffectiveFrom = new(2025, 7, 1), PublishedOnDatabase = new(2025, 7, 28) };
        var now = clock.GetUtcNow().UtcDateTime;
        var i = 0;
        foreach (var (field, agency, names) in Catalogue)
            foreach (var name in names)
            {
                var commune = name.Contains("hộ kinh doanh", StringComparison.Ordinal) || name.Contains("nhà ở riêng lẻ", StringComparison.Ordinal)
                    || name.Contains("trợ cấp xã hội", StringComparison.Ordinal) || name.Contains("Chứng thực", StringComparison.Ordinal);
                db.TthcProcedures.Add(new TthcProcedure
                {
                    Code = $"1.00{First + i}", Name = name, Field = field, Level = commune ? ProcedureLevel.Commune : ProcedureLevel.Province,
                    AgencyId = commune ? null : agencies.TryGetValue(agency, out var id) ? id : null,
                    OneStop = field.StartsWith("Đất đai", StringComparison.Ordinal) && i % 2 == 0 ? OneStopKind.Interlinked : OneStopKind.OneStop,
                    Online = (i % 3) switch { 0 => OnlineLevel.Full, 1 => OnlineLevel.Partial, _ => OnlineLevel.None },
                    FeeBearing = i % 2 == 0, Postal = i % 4 != 3, Decision = i < 20 ? early : late, UpdatedAt = now,
                });
                i++;
            }
        await db.InTransactionAsync(() => db.SaveChangesAsync(ct), ct);
        return i;
    }
}
