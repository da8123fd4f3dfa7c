using ParHub.Core.Agencies;
using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

/// <summary>Task tables of the real seed and corpus documents.</summary>
public class PlanExtractionTests
{
    private static PlanDraft Seed000() => PlanTextReader.Read(File.ReadAllText(SharedFiles.Path("seeds/000_4485116301db7f91.txt")), 2018);

    [Fact]
    public void Seed_000_yields_its_36_tasks_in_document_order_with_their_groups()
    {
        var plan = Seed000();
        Assert.Equal(Enumerable.Range(1, 36).Select(i => i.ToString()), plan.Tasks.Select(t => t.No));
        Assert.Equal("Chi đao điều hành và tuyên truyền về cải cách hành chính", plan.Tasks[0].Group);
        Assert.Equal("Cải cách thể chế hành chính", plan.Tasks[13].Group);
        Assert.Equal("Sở Nội vụ", plan.Tasks[2].Lead);
        Assert.Equal("Quý I/2018", plan.Tasks[2].Timeframe);
        Assert.True(plan.Tasks.Count(t => t.Lead.Length > 0) >= 35);
        Assert.All(plan.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Content)));
    }

    [Fact]
    public void Seed_000_keeps_the_a_b_sub_rows_of_task_8_and_joins_task_22_split_over_two_lines()
    {
        var plan = Seed000();
        var t8 = plan.Tasks[7];
        Assert.Equal(["8a", "8b"], t8.Parts.Select(p => p.No));
        Assert.Equal("Sở Nội vụ", t8.Parts[0].Lead);
        Assert.Equal("UBND các quận, huyện", t8.Parts[1].Lead);
        Assert.StartsWith("Tối thiểu 30% UBND xã", t8.Parts[1].Content);
        var t22 = plan.Tasks[21];
        Assert.Equal("Sở Nội vụ, Sở Tài chính, Sở TNMT; Sở KH&ĐT", t22.Lead);
        Assert.Contains("Nghị quyết số 21/NQ-CP", t22.Content);
    }

    [Fact]
    public void Seed_000_header_and_targets()
    {
        var plan = Seed000();
        Assert.Equal("3538/QĐ-UBND", plan.Header.Number);
        Assert.Equal("QĐ", plan.Header.Type);
        Assert.Equal(new DateOnly(2017, 12, 25), plan.Header.IssuedOn);
        Assert.Equal("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀI PHÒNG", plan.Header.Issuer);
        Assert.Equal("Ban hành Kế hoạch Cải cách hành chính nhà nước thành phố Hải Phòng năm 2018", plan.Header.Title);
        Assert.Equal(2018, plan.Header.Year);
        Assert.Equal(15, plan.Targets.Count);
        Assert.Contains(plan.Targets, t => t.Text.StartsWith("100% nhiệm vụ trong Kế hoạch"));
    }

    [Theory]
    [InlineData("01_vpcp-624-tb-2025-bcd-cds-cchc-de-an-06.txt", 123, "624/TB-VPCP", "2025-11-16")]
    [InlineData("02_ttg-2629-qd-2025-chuong-trinh-chinh-phu-so.txt", 75, "2629/QĐ-TTg", "2025-12-01")]
    // 28 task lines: three continue merged cells with their own task text (the preview showed 25, with no warning).
    [InlineData("03_hcm-2820-qd-ubnd-2025-kh-trien-khai-qd06-ttg.txt", 28, "2820/QĐ-UBND", "2025-11-19")]
    [InlineData("08_hanoi-310-kh-ubnd-2025-ha-tang-5g-iot.txt", 6, "310/KH-UBND", "2025-11-24")]
    [InlineData("09_dongthap-617-kh-ubnd-2025-chuyen-doi-so-doanh-nghiep.txt", 11, "617/KH-UBND", "2025-12-01")]
    [InlineData("10_nghean-980-kh-ubnd-2025-phong-thu-dan-su.txt", 18, "980/KH-UBND", "2025-11-18")]
    public void Corpus_documents_with_task_tables_extract_their_tasks(string file, int tasks, string number, string issued)
    {
        var plan = PlanTextReader.Read(File.ReadAllText(SharedFiles.Path("corpus/docs/" + file)));
        Assert.Equal(tasks, plan.Tasks.SelectMany(t => t.Tracked()).Count());
        Assert.Equal(number, plan.Header.Number);
        Assert.Equal(DateOnly.Parse(issued), plan.Header.IssuedOn);
        Assert.All(plan.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Lead), $"{file} task {t.No} has no lead"));
        // No lead glued twice ("Sở Tài chính Sở Tài chính") and no task text in the lead cell.
        Assert.All(plan.Tasks, t => Assert.True(t.Lead.Length < 300, $"{file} task {t.No}: lead “{t.Lead}”"));
        Assert.All(plan.Tasks, t => Assert.DoesNotContain("Nhiệm vụ giao Bộ trưởng", t.Content));
    }

    [Fact]
    public void A_decision_without_a_task_table_gives_the_tasks_its_article_assigns_with_giao()
    {
        var plan = PlanTextReader.Read(File.ReadAllText(SharedFiles.Path("corpus/docs/04_hcm-2843-qd-ubnd-2025-don-gian-hoa-tthc-so-noi-vu.txt")));
        Assert.Equal(["Sở Nội vụ", "Văn phòng Ủy ban nhân dân Thành phố"], plan.Tasks.Select(t => t.Lead));
        Assert.StartsWith("Triển khai, thực thi phương án", plan.Tasks[0].Content);
        Assert.All(plan.Tasks, t => Assert.Equal("Tổ chức thực hiện", t.Group));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_directive_gives_the_lettered_items_under_each_addressee_led_by_it()
    {
        var plan = PlanTextReader.Read(File.ReadAllText(SharedFiles.Path("corpus/docs/05_daklak-012-ct-ubnd-2025-cai-cach-tthc.txt")));
        Assert.Equal(18, plan.Tasks.Count);
        Assert.Equal(["Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường", "Sở Khoa học và Công nghệ", "Sở Nội vụ",
            "Văn phòng UBND tỉnh"], plan.Tasks.Select(t => t.Lead).Distinct());
        Assert.Equal(["a", "b", "c", "d", "e", "g", "h", "i"], plan.Tasks.Take(8).Select(t => t.No));
        Assert.All(plan.Tasks, t => Assert.Equal("", t.Timeframe));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Headers_are_found_in_any_column_order_and_repeated_headers_are_skipped()
    {
        var text = """
            TT | Thời hạn | Cơ quan chủ trì | Nhiệm vụ
            1 | Quý I/2024 | Sở Nội vụ | Ban hành kế hoạch
            TT | Thời hạn | Cơ quan chủ trì | Nhiệm vụ
            2 | Tháng 6/2024 | Sở Tư pháp | Rà soát văn bản
            """;
        var plan = PlanTextReader.Read(text, 2024);
        Assert.Equal(["1", "2"], plan.Tasks.Select(t => t.No));
        Assert.Equal("Sở Tư pháp", plan.Tasks[1].Lead);
        Assert.Equal("Rà soát văn bản", plan.Tasks[1].Content);
        Assert.Equal("Tháng 6/2024", plan.Tasks[1].Timeframe);
    }

    [Fact]
    public void Text_without_a_recognisable_header_yields_nothing()
    {
        var plan = PlanTextReader.Read("Cột A | Cột B | Cột C\n1 | x | y\n", 2024);
        Assert.Empty(plan.Tasks);
        Assert.Single(plan.Warnings);
    }
}

public class AgencyPhraseResolverTests
{
    private static readonly AgencyPhraseResolver Resolver = new(
    [
        new("SNV", "Sở Nội vụ", ["SNV"], false),
        new("STC", "Sở Tài chính", [], false),
        new("STNMT", "Sở Tài nguyên và Môi trường", ["Sở TNMT"], false, ValidTo: new DateOnly(2025, 2, 28)),
        new("SKHDT", "Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT"], false, ValidTo: new DateOnly(2025, 2, 28)),
        new("SGTVT", "Sở Giao thông vận tải", [], false),
        new("VP", "Văn phòng Ủy ban nhân dân thành phố", ["Văn phòng UBND thành phố", "VP UBND TP"], false),
        new("BHXH", "Bảo hiểm xã hội thành phố Hải Phòng", ["BHXH TP"], false),
        new("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", [], false),
        new("SBN", "Các sở, ban, ngành", ["sở, ban, ngành", "các sở, ngành"], true),
        new("QH", "UBND các quận, huyện", ["UBND quận, huyện", "quận, huyện"], true),
    ]);

    private static IReadOnlyList<string> Names(string phrase) => Resolver.Resolve(phrase, new DateOnly(2018, 1, 1)).Select(r => r.Display).ToList();

    [Fact]
    public void Lists_of_agencies_with_abbreviations() =>
        Assert.Equal(["Sở Nội vụ", "Sở Tài chính", "Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư"],
            Names("Sở Nội vụ, Sở Tài chính, Sở TNMT; Sở KH&ĐT"));

    [Fact]
    public void Groups_named_with_commas() =>
        Assert.Equal(["Các sở, ban, ngành", "UBND các quận, huyện"], Names("Các sở, ban, ngành, UBND các quận, huyện"));

    [Fact]
    public void Aliases_and_generic_phrases()
    {
        Assert.Equal(["Văn phòng Ủy ban nhân dân thành phố"], Names("Văn phòng UBND thành phố"));
        var r = Resolver.Resolve("UBND quận, huyện và các cơ quan, đơn vị liên quan");
        Assert.Equal([ResolvedKind.Group, ResolvedKind.Generic], r.Select(x => x.Kind));
    }

    [Fact]
    public void Names_with_va_are_not_split_and_spelling_variants_match() =>
        Assert.Equal(["Sở Kế hoạch và Đầu tư", "Sở Giao thông vận tải"],
            Names("Sở Kế hoạch và Đầu tư và Sở Giao thông và Vận tải"));

    [Fact]
    public void What_does_not_resolve_is_kept_as_written_and_flagged()
    {
        var r = Resolver.Resolve("Sở Tư pháp, Báo Hải Phòng, Đài PTTH HP");
        Assert.Equal(["Sở Tư pháp", "Báo Hải Phòng", "Đài PTTH HP"], r.Select(x => x.Display));
        Assert.All(r, x => Assert.Equal(ResolvedKind.Unresolved, x.Kind));
    }

    [Fact]
    public void Diacritics_and_case_do_not_matter() => Assert.Equal(["Sở Nội vụ", "Sở Tài chính"], Names("so noi vu; SỞ TÀI CHÍNH"));

    // Today: names with "và" outside the directory were cut in two ("Bộ Khoa học", "Công nghệ").
    [Theory]
    [InlineData("Bộ Khoa học và Công nghệ")]
    [InlineData("Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam")]
    [InlineData("Bộ Nông nghiệp và Môi trường")]
    [InlineData("Bộ Văn hóa, Thể thao và Du lịch")]
    public void National_agencies_named_with_va_or_commas_stay_one_name(string name)
    {
        var r = Resolver.Resolve(name);
        Assert.Equal([name], r.Select(x => x.Display));
    }

    [Fact]
    public void Directory_names_with_commas_and_va_stay_one_agency()
    {
        var r = Resolver.Resolve("Sở Văn hóa, Thể thao và Du lịch; Sở Nội vụ");
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"], r.Select(x => x.Display));
        Assert.All(r, x => Assert.Equal(ResolvedKind.Agency, x.Kind));
    }

    [Fact]
    public void An_unmatched_phrase_with_va_stays_one_phrase_and_known_agencies_around_va_still_split()
    {
        Assert.Equal(["Ban Quản lý dự án và Trung tâm Xúc tiến"], Names("Ban Quản lý dự án và Trung tâm Xúc tiến"));
        Assert.Equal(["Sở Nội vụ", "Sở Tài chính"], Names("Sở Nội vụ và Sở Tài chính"));
        Assert.Equal(["Sở Nội vụ", "Bộ Khoa học và Công nghệ"], Names("Sở Nội vụ và Bộ Khoa học và Công nghệ"));
    }

    // Seed 004 gave unresolved fragments such as "trên địa bàn thành phố" cut from the name they qualify.
    [Fact]
    public void Lower_case_words_right_after_a_name_qualify_it_and_are_not_an_agency_of_their_own()
    {
        var r = Resolver.Resolve("Các sở, ban, ngành trên địa bàn thành phố; Sở Nội vụ", new DateOnly(2018, 1, 1));
        Assert.Equal(["Các sở, ban, ngành", "Sở Nội vụ"], r.Select(x => x.Display));
        Assert.DoesNotContain(r, x => x.Kind == ResolvedKind.Unresolved);
        // An agency followed by what it does is that agency.
        Assert.Equal(["Văn phòng Ủy ban nhân dân thành phố"], Names("Văn phòng UBND thành phố đôn đốc"));
        Assert.Equal([ResolvedKind.Unresolved], Resolver.Resolve("Báo Hải Phòng thực hiện").Select(x => x.Kind));
        // After a comma it is a piece of its own, shown to a person.
        Assert.Contains(Resolver.Resolve("Các sở, ban, ngành, trên địa bàn thành phố"), x => x.Kind == ResolvedKind.Unresolved);
    }
}

public class PlanHeaderTests
{
    // Today the issuer was read with the header's decoration ("UỶ BAN NHÂN DÂN TỈNH … -------- | CỘNG HÒA XÃ HỘI …").
    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH --------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -------")]
    [InlineData("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH -------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH BẮC NINH ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc")]
    public void The_issuer_is_read_without_the_headers_rules_and_motto(string top)
    {
        var lines = (top + "\nSố: 141/KH-UBND\tBắc Ninh, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\nNâng cao năng lực").Split('\n')
            .Select(l => ParHub.Core.Text.VietnameseText.CollapseWhitespace(l).Trim()).ToList();
        var header = PlanTextReader.ReadHeader(lines, null);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", header.Issuer);
        Assert.Equal("141/KH-UBND", header.Number);
    }
}

public class PlanTitleTests
{
    // Found in the browser: a task table right under the title was read into it ("… năm 2024 STT Nội dung công việc …").
    [Fact]
    public void A_task_table_under_the_title_ends_it()
    {
        var draft = PlanTextReader.Read("Số: 12/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2024\nSTT\tNội dung công việc\tCơ quan chủ trì\n"
            + "1\tRà soát thủ tục\tSở Nội vụ\n");
        Assert.Equal("Cải cách hành chính năm 2024", draft.Header.Title);
        Assert.Single(draft.Tasks);
    }
}
