using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Plans;
using ParHub.Core.Text;

namespace ParHub.Core.Tests.Text;

public class LegacyVietnameseTests
{
    [Theory]
    [InlineData(LegacyEncoding.Tcvn3, "Qu\u00B6n l\u00FD nh\u00B5 n\u00ADíc")]
    [InlineData(LegacyEncoding.Vni, "Quaûn lyù nhaø nöôùc")]
    public void Known_samples_convert(LegacyEncoding encoding, string legacy)
    {
        var text = legacy + " " + legacy + " " + legacy;
        Assert.Equal(encoding, LegacyVietnamese.Detect(text));
        Assert.StartsWith("Quản lý nhà nước", LegacyVietnamese.ToUnicode(text, encoding));
    }

    [Fact]
    public void Unicode_vietnamese_and_plain_ascii_are_left_alone()
    {
        var seed = File.ReadAllText(SharedFiles.Path("seeds/000_4485116301db7f91.txt"));
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect(seed));
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect("Plain ASCII text, 100% (2018)."));
    }

    private static readonly string Vowels = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệ"
        + "íìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
    private static readonly string[] Onsets =
        ["", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "v", "x", "ch", "nh", "ng", "th", "tr", "Đ", "Ng"];
    private static readonly string[] Codas = ["", "c", "m", "n", "p", "t", "ng", "nh", "ch"];

    /// <summary>Text made of Vietnamese syllables (onset, one vowel with its marks, coda), as real text is.</summary>
    private static readonly Gen<string> Syllables =
        Gen.ArrayOf(Gen.Elements(Onsets).SelectMany(o => Gen.Elements(Vowels.ToCharArray()).SelectMany(v => Gen.Elements(Codas).Select(c => o + v + c))))
            .Select(words => string.Join(' ', words));

    [Theory]
    [InlineData(LegacyEncoding.Tcvn3)]
    [InlineData(LegacyEncoding.Vni)]
    public void Any_text_of_vietnamese_syllables_survives_a_round_trip(LegacyEncoding encoding) =>
        Prop.ForAll(Syllables.ToArbitrary(), (string s) =>
            LegacyVietnamese.ToUnicode(LegacyVietnamese.FromUnicode(s, encoding), encoding) == s).CheckReplayable();

    [Theory]
    [InlineData(LegacyEncoding.Tcvn3)]
    [InlineData(LegacyEncoding.Vni)]
    public void A_legacy_copy_of_seed_000_is_detected_and_yields_the_same_36_tasks(LegacyEncoding encoding)
    {
        var seed = File.ReadAllText(SharedFiles.Path("seeds/000_4485116301db7f91.txt"));
        var legacy = LegacyVietnamese.FromUnicode(seed, encoding);
        var (back, was) = LegacyVietnamese.Normalize(legacy);
        Assert.Equal(encoding, was);
        var plan = PlanTextReader.Read(back, 2018);
        Assert.Equal(36, plan.Tasks.Count);
        Assert.Equal("Sở Nội vụ", plan.Tasks[2].Lead);
    }
}
