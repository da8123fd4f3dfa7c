using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Agencies;
using ParHub.Core.Text;

namespace ParHub.Core.Tests.Agencies;

public class AgencyMatcherTests
{
    private static readonly AgencyNames Khdt = new("Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT"]);
    private static readonly AgencyNames KhdtNoAlias = new("Sở Kế hoạch và Đầu tư", []);
    private static readonly AgencyNames Snv = new("Sở Nội vụ", []);
    private static readonly AgencyNames Khcn = new("Sở Khoa học và Công nghệ", []);

    [Theory]
    [InlineData("so ke hoach")]
    [InlineData("KH&ĐT")]
    [InlineData("kế hoạch đầu tư")]
    [InlineData("Sở KH&ĐT")]
    [InlineData("SKHĐT")]
    [InlineData("dau tu")]
    public void Finds_the_planning_department_by_words_accents_or_abbreviation_without_an_alias(string query) =>
        Assert.True(AgencyMatcher.Score(query, KhdtNoAlias) > 0, query);

    [Theory]
    [InlineData("so noi vu")]
    [InlineData("Sở Nội vụ")]
    [InlineData("noi vu")]
    [InlineData("SNV")]
    public void Finds_home_affairs(string query) => Assert.True(AgencyMatcher.Score(query, Snv) > 0);

    [Theory]
    [InlineData("so noi vu", "Sở Kế hoạch và Đầu tư")]
    [InlineData("KH&ĐT", "Sở Khoa học và Công nghệ")]
    [InlineData("tai chinh", "Sở Nội vụ")]
    [InlineData("", "Sở Nội vụ")]
    public void Does_not_find_other_agencies(string query, string name) =>
        Assert.Equal(0, AgencyMatcher.Score(query, new AgencyNames(name, [])));

    [Fact]
    public void An_exact_name_scores_above_a_partial_match()
    {
        Assert.True(AgencyMatcher.Score("Sở Nội vụ", Snv) > AgencyMatcher.Score("noi", Snv));
        Assert.True(AgencyMatcher.Score("khoa hoc", Khcn) > 0);
        Assert.True(AgencyMatcher.Score("KH&ĐT", Khdt) > AgencyMatcher.Score("KH&ĐT", Khcn));
    }

    [Fact]
    public void Any_agency_is_found_by_its_own_name_typed_without_accents_and_by_any_of_its_words() =>
        Prop.ForAll(Gen.Elements(SampleNames).ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), (string name, int pick) =>
        {
            var names = new AgencyNames(name, []);
            var words = VietnameseText.Words(name);
            var word = words[pick % words.Length];
            return AgencyMatcher.Score(VietnameseText.Fold(name), names) == 100
                && AgencyMatcher.Score(name.ToUpperInvariant(), names) == 100
                && AgencyMatcher.Score(word, names) > 0;
        }).CheckReplayable();

    private static readonly string[] SampleNames =
    [
        "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Văn phòng Ủy ban nhân dân thành phố",
        "Ủy ban nhân dân quận Lê Chân", "Thanh tra thành phố", "Sở Lao động - Thương binh và Xã hội",
        "Ủy ban nhân dân đặc khu Bạch Long Vĩ", "Ban Quản lý Khu kinh tế Hải Phòng",
    ];

    [Fact]
    public void Agency_search_text_and_validity()
    {
        var a = new Agency
        {
            Name = "Ủy ban nhân dân quận Lê Chân", ShortName = "UBND quận Lê Chân", Aliases = "Quận Lê Chân\n",
            ValidTo = new DateOnly(2025, 6, 30)
        };
        a.RefreshSearchText();
        Assert.Contains("ubnd quan le chan", a.SearchText);
        Assert.Equal(["Quận Lê Chân"], a.AliasList);
        Assert.True(a.ExistsOn(new DateOnly(2024, 5, 1)));
        Assert.True(a.ExistsOn(new DateOnly(2025, 6, 30)));
        Assert.False(a.ExistsOn(new DateOnly(2025, 7, 1)));
    }

    [Theory]
    [InlineData("Department", AgencyKind.Department)]
    [InlineData("Sở, ban, ngành", AgencyKind.Department)]
    [InlineData("ubnd xa, phuong, dac khu", AgencyKind.Commune)]
    [InlineData("Cơ quan ngành dọc", AgencyKind.CentralBranch)]
    public void Kinds_are_read_from_code_names_and_vietnamese_labels(string text, AgencyKind expected)
    {
        Assert.True(AgencyKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bộ")]
    [InlineData("42")]
    public void Unknown_kinds_are_refused(string text) => Assert.False(AgencyKinds.TryParse(text, out _));
}
