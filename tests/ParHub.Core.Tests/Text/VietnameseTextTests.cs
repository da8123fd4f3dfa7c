using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Text;

namespace ParHub.Core.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Sở Kế hoạch và Đầu tư", "so ke hoach va dau tu")]
    [InlineData("  ỦY BAN   NHÂN DÂN\nthành phố ", "uy ban nhan dan thanh pho")]
    [InlineData("Sở KH&ĐT", "so kh dt")]
    [InlineData("Quí IV-2025", "qui iv 2025")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_removes_diacritics_case_and_punctuation(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_handles_precomposed_and_decomposed_forms_alike()
    {
        var precomposed = "Thủy Nguyên".Normalize(System.Text.NormalizationForm.FormC);
        var decomposed = "Thủy Nguyên".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(VietnameseText.Fold(precomposed), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Compact_keeps_letters_and_digits_only() => Assert.Equal("khdt", VietnameseText.Compact("KH&ĐT"));

    [Fact]
    public void Fold_is_idempotent_and_yields_only_lowercase_ascii_letters_digits_and_single_spaces() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), (string s) =>
        {
            var once = VietnameseText.Fold(s);
            var vietnamese = VietnameseText.Fold((s ?? "") + " Đặng Thị Ánh");
            return once == VietnameseText.Fold(once)
                && !once.Contains("  ") && once == once.Trim()
                && vietnamese.EndsWith("dang thi anh")
                && vietnamese.All(c => c == ' ' || char.IsDigit(c) || char.IsLetter(c) && char.IsLower(c) || !char.IsAscii(c) && char.IsLetterOrDigit(c));
        }).CheckReplayable();

    [Fact]
    public void Vietnamese_sort_order_puts_d_stroke_after_d_and_tones_after_base_letter()
    {
        var names = new[] { "Đồ Sơn", "Dương Kinh", "Ân Thi", "An Lão", "Ê Đê", "Ba Vì" };
        var sorted = names.Order(VietnameseCollation.Comparer).ToArray();
        Assert.Equal(new[] { "An Lão", "Ân Thi", "Ba Vì", "Dương Kinh", "Đồ Sơn", "Ê Đê" }, sorted);
    }

    [Fact]
    public void Vietnamese_culture_formats_numbers_and_dates_the_way_users_expect()
    {
        var vi = VietnameseCollation.Culture;
        Assert.Equal("91,87", 91.87m.ToString("0.00", vi));
        Assert.Equal("1.150", 1150.ToString("N0", vi));
        Assert.Equal("05/03/2018", new DateTime(2018, 3, 5).ToString("dd/MM/yyyy", vi));
    }
}
