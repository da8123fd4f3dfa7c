using ParHub.Core.Plans;

namespace ParHub.Core.Tests.Plans;

public class DocumentReferenceTests
{
    [Fact]
    public void Reads_a_full_reference()
    {
        var r = DocumentReference.Parse("Quyết định số 3538/QĐ-UBND ngày 25/12/2017 của Ủy ban nhân dân thành phố")!;
        Assert.Equal("Quyết định", r.Type);
        Assert.Equal("3538", r.Number);
        Assert.Equal("QĐ-UBND", r.Code);
        Assert.Equal(new DateOnly(2017, 12, 25), r.Date);
        Assert.Equal("Ủy ban nhân dân thành phố", r.Issuer);
        Assert.Equal("3538/QĐ-UBND", r.NumberAndCode);
    }

    [Theory]
    [InlineData("Công văn số 581/BNV-CCHC ngày 15 tháng 2 năm 2022", "Công văn", "581", "BNV-CCHC", "2022-02-15")]
    [InlineData("theo Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ về việc ban hành", "Nghị quyết", "30c", "NQ-CP", "2011-11-08")]
    [InlineData("Nghị định 30/2020/NĐ-CP", "Nghị định", "30/2020", "NĐ-CP", null)]
    [InlineData("Kế hoạch số 171/KH-UBND ngày 22/8/2017 của UBND thành phố về việc nâng cao chỉ số PCI", "Kế hoạch", "171", "KH-UBND",
        "2017-08-22")]
    public void Reads_the_forms_seen_in_plans(string text, string? type, string number, string code, string? date)
    {
        var r = DocumentReference.Parse(text)!;
        Assert.Equal(type, r.Type);
        Assert.Equal(number, r.Number);
        Assert.Equal(code, r.Code);
        Assert.Equal(date is null ? null : DateOnly.Parse(date), r.Date);
    }

    [Fact]
    public void Issuer_stops_before_what_the_document_is_about() =>
        Assert.Equal("UBND thành phố",
            DocumentReference.Parse("Kế hoạch số 171/KH-UBND ngày 22/8/2017 của UBND thành phố về việc nâng cao chỉ số PCI")!.Issuer);

    [Fact]
    public void Finds_every_legal_basis_in_seed_000()
    {
        var seed = File.ReadAllText(SharedFiles.Path("seeds/000_4485116301db7f91.txt"));
        var refs = DocumentReference.FindAll(seed);
        Assert.Contains(refs, r => r.NumberAndCode == "225/QĐ-TTg" && r.Date == new DateOnly(2016, 2, 4));
        Assert.Contains(refs, r => r.NumberAndCode == "30c/NQ-CP");
        Assert.DoesNotContain(refs, r => r.Code.Length == 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Quý I/2018")]
    [InlineData("Tháng 12/2017")]
    public void Dates_and_periods_are_not_references(string text) => Assert.Null(DocumentReference.Parse(text));
}
