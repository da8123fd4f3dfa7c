using ParHub.Core.Agencies;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// The demo province: a Hải Phòng-like city with the departments named in the seed documents, its 15 former
/// districts (abolished on 30/6/2025) and a few communes before and after the 2025 reorganisation, so that
/// history and successor links can be seen. Communes are marked as demo data.
/// </summary>
public static class DemoProvince
{
    public sealed record Row(string Code, AgencyKind Kind, string Name, string? ShortName = null, string Aliases = "",
        string? Parent = "HP", DateOnly? From = null, DateOnly? To = null, string? Successor = null, bool Demo = false);

    public static readonly DateOnly DistrictsAbolished = new(2025, 6, 30);
    public static readonly DateOnly NewCommunesFrom = new(2025, 7, 1);
    private static readonly DateOnly DepartmentMergersEnd = new(2025, 2, 28);
    private static readonly DateOnly DepartmentMergersFrom = new(2025, 3, 1);

    public static IReadOnlyList<Row> Agencies()
    {
        var rows = new List<Row>
        {
            new("HP", AgencyKind.Province, "Ủy ban nhân dân thành phố Hải Phòng", "UBND thành phố",
                "UBND TP\nUBND thành phố Hải Phòng\nỦy ban nhân dân thành phố", Parent: null),
            new("VPUBND", AgencyKind.Department, "Văn phòng Ủy ban nhân dân thành phố", "VP UBND TP",
                "Văn phòng UBND thành phố\nVP UBND thành phố\nVăn phòng UBND TP"),
            new("SNV", AgencyKind.Department, "Sở Nội vụ", "SNV"),
            new("STP", AgencyKind.Department, "Sở Tư pháp", "STP"),
            new("STC", AgencyKind.Department, "Sở Tài chính", "STC"),
            new("SKHDT", AgencyKind.Department, "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "Sở KHĐT\nSở KH và ĐT",
                To: DepartmentMergersEnd, Successor: "STC"),
            new("STTTT", AgencyKind.Department, "Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở TTTT\nSở Thông tin - Truyền thông",
                To: DepartmentMergersEnd, Successor: "SKHCN"),
            new("SKHCN", AgencyKind.Department, "Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KHCN"),
            new("SNGV", AgencyKind.Department, "Sở Ngoại vụ", "SNgV"),
            new("SCT", AgencyKind.Department, "Sở Công Thương", "SCT"),
            new("SGTVT", AgencyKind.Department, "Sở Giao thông vận tải", "Sở GTVT", "",
                To: DepartmentMergersEnd, Successor: "SXD"),
            new("SXD", AgencyKind.Department, "Sở Xây dựng", "SXD"),
            new("STNMT", AgencyKind.Department, "Sở Tài nguyên và Môi trường", "Sở TNMT", "Sở TN&MT",
                To: DepartmentMergersEnd, Successor: "SNNMT"),
            new("SNNPTNT", AgencyKind.Department, "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "Sở NNPTNT",
                To: DepartmentMergersEnd, Successor: "SNNMT"),
            new("SNNMT", AgencyKind.Department, "Sở Nông nghiệp và Môi trường", "Sở NN&MT", "", From: DepartmentMergersFrom),
            new("SLDTBXH", AgencyKind.Department, "Sở Lao động - Thương binh và Xã hội", "Sở LĐTB&XH", "Sở LĐTBXH",
                To: DepartmentMergersEnd, Successor: "SNV"),
            new("SGDDT", AgencyKind.Department, "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "Sở GDĐT"),
            new("SYT", AgencyKind.Department, "Sở Y tế", "SYT"),
            new("SVHTT", AgencyKind.Department, "Sở Văn hóa và Thể thao", "Sở VH&TT", "Sở Văn hoá và Thể thao"),
            new("SDL", AgencyKind.Department, "Sở Du lịch", "SDL"),
            new("TTTP", AgencyKind.Department, "Thanh tra thành phố", "TTTP", "Thanh tra TP"),
            new("BQLKKT", AgencyKind.Department, "Ban Quản lý Khu kinh tế Hải Phòng", "BQL KKT", "Ban Quản lý KKT"),
            new("TTPVHCC", AgencyKind.PublicServiceUnit, "Trung tâm Phục vụ hành chính công thành phố", "TT PVHCC",
                "Trung tâm PVHCC", Parent: "VPUBND"),
            // Two of the units of Sở Tư pháp, so that a department's inspection of its own units has units to cover.
            new("TTTGPL", AgencyKind.PublicServiceUnit, "Trung tâm Trợ giúp pháp lý nhà nước thành phố", "TT TGPL", "Trung tâm TGPL", Parent: "STP"),
            new("PCC1", AgencyKind.PublicServiceUnit, "Phòng Công chứng số 1 thành phố", "PCC số 1", "Phòng công chứng số 1", Parent: "STP"),
            new("CATP", AgencyKind.CentralBranch, "Công an thành phố Hải Phòng", "Công an TP", "CATP"),
            new("THUE", AgencyKind.CentralBranch, "Thuế thành phố Hải Phòng", "Thuế TP", "Cục Thuế thành phố"),
            new("BHXH", AgencyKind.CentralBranch, "Bảo hiểm xã hội thành phố Hải Phòng", "BHXH TP", "BHXH thành phố"),
        };

        (string Code, string Kind, string Name)[] districts =
        [
            ("Q-HONGBANG", "quận", "Hồng Bàng"), ("Q-NGOQUYEN", "quận", "Ngô Quyền"), ("Q-LECHAN", "quận", "Lê Chân"),
            ("Q-HAIAN", "quận", "Hải An"), ("Q-KIENAN", "quận", "Kiến An"), ("Q-DOSON", "quận", "Đồ Sơn"),
            ("Q-DUONGKINH", "quận", "Dương Kinh"), ("H-THUYNGUYEN", "huyện", "Thủy Nguyên"),
            ("H-ANDUONG", "huyện", "An Dương"), ("H-ANLAO", "huyện", "An Lão"), ("H-KIENTHUY", "huyện", "Kiến Thụy"),
            ("H-TIENLANG", "huyện", "Tiên Lãng"), ("H-VINHBAO", "huyện", "Vĩnh Bảo"), ("H-CATHAI", "huyện", "Cát Hải"),
            ("H-BACHLONGVI", "huyện", "Bạch Long Vĩ"),
        ];
        var districtSuccessor = new Dictionary<string, string>
        {
            ["Q-LECHAN"] = "X-LECHAN", ["Q-HAIAN"] = "X-HAIAN", ["H-ANLAO"] = "X-ANLAO",
            ["H-CATHAI"] = "X-CATHAI", ["H-BACHLONGVI"] = "X-BACHLONGVI",
        };
        foreach (var (code, kind, name) in districts)
        {
            var cap = char.ToUpperInvariant(kind[0]) + kind[1..];
            rows.Add(new(code, AgencyKind.District, $"Ủy ban nhân dân {kind} {name}", $"UBND {kind} {name}",
                $"{cap} {name}", To: DistrictsAbolished, Successor: districtSuccessor.GetValueOrDefault(code)));
        }

        // Communes before 1/7/2025 (under their districts) and the merged units after it (under the city).
        rows.AddRange(
        [
            new("P-TRAICAU", AgencyKind.Commune, "Ủy ban nhân dân phường Trại Cau", "UBND phường Trại Cau", "",
                Parent: "Q-LECHAN", To: DistrictsAbolished, Successor: "X-LECHAN", Demo: true),
            new("P-ANBIEN-OLD", AgencyKind.Commune, "Ủy ban nhân dân phường An Biên", "UBND phường An Biên", "",
                Parent: "Q-LECHAN", To: DistrictsAbolished, Successor: "X-ANBIEN", Demo: true),
            new("P-DONGHAI1", AgencyKind.Commune, "Ủy ban nhân dân phường Đông Hải 1", "UBND phường Đông Hải 1", "",
                Parent: "Q-HAIAN", To: DistrictsAbolished, Successor: "X-HAIAN", Demo: true),
            new("TT-ANLAO", AgencyKind.Commune, "Ủy ban nhân dân thị trấn An Lão", "UBND thị trấn An Lão", "",
                Parent: "H-ANLAO", To: DistrictsAbolished, Successor: "X-ANLAO", Demo: true),
            new("X-ANDONG", AgencyKind.Commune, "Ủy ban nhân dân xã An Đồng", "UBND xã An Đồng", "",
                Parent: "H-ANDUONG", To: DistrictsAbolished, Successor: "X-ANDUONG", Demo: true),
            new("X-LECHAN", AgencyKind.Commune, "Ủy ban nhân dân phường Lê Chân", "UBND phường Lê Chân", "",
                From: NewCommunesFrom, Demo: true),
            new("X-ANBIEN", AgencyKind.Commune, "Ủy ban nhân dân phường An Biên", "UBND phường An Biên", "",
                From: NewCommunesFrom, Demo: true),
            new("X-HAIAN", AgencyKind.Commune, "Ủy ban nhân dân phường Hải An", "UBND phường Hải An", "",
                From: NewCommunesFrom, Demo: true),
            new("X-ANDUONG", AgencyKind.Commune, "Ủy ban nhân dân phường An Dương", "UBND phường An Dương", "",
                From: NewCommunesFrom, Demo: true),
            new("X-ANLAO", AgencyKind.Commune, "Ủy ban nhân dân xã An Lão", "UBND xã An Lão", "",
                From: NewCommunesFrom, Demo: true),
            new("X-CATHAI", AgencyKind.Commune, "Ủy ban nhân dân đặc khu Cát Hải", "UBND đặc khu Cát Hải", "",
                From: NewCommunesFrom, Demo: true),
            new("X-BACHLONGVI", AgencyKind.Commune, "Ủy ban nhân dân đặc khu Bạch Long Vĩ", "UBND đặc khu Bạch Long Vĩ", "",
                From: NewCommunesFrom, Demo: true),
        ]);
        return rows;
    }

    public sealed record GroupRow(string Code, string Name, string Aliases, Func<Row, bool> Includes);

    public static IReadOnlyList<GroupRow> Groups() =>
    [
        new("SBN", "Các sở, ban, ngành",
            "sở, ban, ngành\nCác sở, ban, ngành thành phố\ncác sở, ngành\nsở, ngành\ncác sở\ncơ quan chuyên môn thuộc UBND thành "
            + "phố",
            r => r.Kind == AgencyKind.Department),
        new("QH", "UBND các quận, huyện", "UBND quận, huyện\nỦy ban nhân dân các quận, huyện\nUBND cấp huyện\nquận, huyện\ncấp huyện",
            r => r.Kind == AgencyKind.District),
        new("XA", "UBND cấp xã",
            "UBND các xã, phường, thị trấn\nUBND xã, phường, thị trấn\nỦy ban nhân dân cấp xã\nUBND xã, phường, đặc khu\nUBND "
            + "các xã, phường\nxã, phường, thị trấn\ncấp xã",
            r => r.Kind == AgencyKind.Commune),
        new("NGANHDOC", "Cơ quan ngành dọc",
            "các cơ quan ngành dọc\ncơ quan Trung ương đóng trên địa bàn\ncơ quan ngành dọc Trung ương",
            r => r.Kind == AgencyKind.CentralBranch),
    ];

    public sealed record DemoUser(string UserName, string FullName, string Role, string? AgencyCode);

    public const string DemoPassword = Account.CommonPasswordValidator.DemoPassword;

    public static IReadOnlyList<DemoUser> Users() =>
    [
        new("admin", "Quản trị hệ thống", "Admin", null),
        new("cchc", "Nguyễn Thị Lan (Sở Nội vụ)", "Coordinator", "SNV"),
        new("lanhdao", "Trần Văn Hùng (Lãnh đạo UBND)", "Leader", "HP"),
        new("tuphap", "Phạm Minh Đức (Sở Tư pháp)", "AgencyOfficer", "STP"),
        new("taichinh", "Lê Thu Hà (Sở Tài chính)", "AgencyOfficer", "STC"),
        new("khcn", "Hoàng Minh Tâm (Sở Khoa học và Công nghệ)", "AgencyOfficer", "SKHCN"),
        new("thamdinh", "Vũ Quốc Bảo (Tổ thẩm định)", "Appraiser", null),
        new("xem", "Đỗ Hoàng Yến (Người xem)", "Viewer", null),
        new("dieutra", "Ngô Thị Mai (Điều tra viên)", "Interviewer", null),
    ];

    /// <summary>A big generated province for benchmarks: about 40 departments and 250 communes.</summary>
    public static IReadOnlyList<Row> LargeExtras(int seed = 2026)
    {
        var rng = new Random(seed);
        string[] fields =
        [
            "Quy hoạch - Kiến trúc", "Dân tộc", "Tôn giáo", "Thể dục thể thao", "Hợp tác quốc tế", "Kinh tế số",
            "Đổi mới sáng tạo", "Thủy lợi", "Lâm nghiệp", "Thủy sản", "Đô thị", "Nhà ở", "Giao thông đô thị",
            "Phòng cháy chữa cháy", "Dữ liệu", "Năng lượng", "Logistics", "Cảng biển",
        ];
        var rows = new List<Row>();
        for (var i = 0; i < fields.Length; i++)
            rows.Add(new($"L-BAN{i + 1:00}", AgencyKind.Department, $"Ban {fields[i]} thành phố", null, "", Demo: true));
        string[] syllables =
        [
            "An", "Bình", "Cát", "Đông", "Đại", "Hòa", "Hưng", "Kiến", "Lạc", "Minh", "Nam", "Phú", "Quang", "Tân",
            "Thái", "Thành", "Thủy", "Tiên", "Trung", "Vĩnh", "Xuân", "Yên", "Hải", "Long", "Phong", "Sơn",
        ];
        var used = new HashSet<string>();
        string[] kinds = ["xã", "phường"];
        while (used.Count < 250)
        {
            var name = syllables[rng.Next(syllables.Length)] + " " + syllables[rng.Next(syllables.Length)];
            if (!used.Add(name)) continue;
            var kind = kinds[rng.Next(kinds.Length)];
            // Fictional communes that exist over the whole ten years, so that every period has about 300 reporters.
            rows.Add(new($"L-X{used.Count:000}", AgencyKind.Commune, $"Ủy ban nhân dân {kind} {name}", $"UBND {kind} {name}",
                "", Demo: true));
        }
        return rows;
    }

    /// <summary>The reference directory of <c>./parhub plan extract</c>, which has no database: the demo province's agencies and groups.</summary>
    public static IReadOnlyList<DirectoryEntry> DirectoryEntries()
    {
        var rows = Agencies();
        var agencies = rows.Select(r => new DirectoryEntry(r.Code, r.Name,
            (r.ShortName is null ? [] : new[] { r.ShortName }).Concat(r.Aliases.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList(),
            false, r.From, r.To));
        var groups = Groups().Select(g => new DirectoryEntry(g.Code, g.Name, g.Aliases.Split('\n', StringSplitOptions.RemoveEmptyEntries), true));
        return agencies.Concat(groups).ToList();
    }
}
