using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Registries;

namespace ParHub.Core.Tests.Registries;

public class RegistryValuesTests
{
    private static readonly Dictionary<string, int> Agencies = new() { ["STP"] = 7, ["Sở Tư pháp"] = 7, ["STC"] = 8 };

    private static int? Resolve(string text) => Agencies.TryGetValue(text, out var id) ? id : null;

    private static string? Name(int id) => id == 7 ? "Sở Tư pháp" : id == 8 ? "STC" : null;

    private static RegistryKind Kind(string code) => RegistryCatalog.Find(code)!;

    [Fact]
    public void A_typed_entry_is_stored_in_its_plain_form()
    {
        var input = RegistryValues.Read(Kind(RegistryCatalog.Inspections), "15/07/2026", new Dictionary<string, string?>
        {
            ["doi_tuong"] = "Sở Tư pháp", ["doan"] = "  Đoàn   kiểm tra  số 1 ", ["ngay_kiem_tra"] = "16/7/2026", ["ket_luan"] = "Dòng 1\nDòng 2",
        }, Resolve);
        Assert.True(input.IsValid, string.Join(" ", input.Problems));
        Assert.Equal(new DateOnly(2026, 7, 15), input.Date);
        Assert.Equal("7", input.Values["doi_tuong"]);
        Assert.Equal("Đoàn kiểm tra số 1", input.Values["doan"]); // one line of text: spaces collapsed
        Assert.Equal("2026-07-16", input.Values["ngay_kiem_tra"]);
        Assert.Equal("Dòng 1\nDòng 2", input.Values["ket_luan"]); // several lines kept as typed
        Assert.False(input.Values.ContainsKey("van_ban"));
    }

    [Fact]
    public void Every_problem_is_named_with_its_column_and_nothing_is_guessed()
    {
        var input = RegistryValues.Read(Kind(RegistryCatalog.Dialogues), "31/02/2026", new Dictionary<string, string?>
        {
            ["doi_tuong"] = "Người nước ngoài", ["so_nguoi"] = "1.5", ["so_kien_nghi"] = "3", ["so_da_tra_loi"] = "5",
        }, Resolve);
        Assert.False(input.IsValid);
        Assert.Equal(
        [
            "Ngày đối thoại: Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026.",
            "Lãnh đạo chủ trì: chưa nhập.",
            "Đối thoại với: \"Người nước ngoài\" không có trong danh sách (Người dân; Doanh nghiệp; Người dân và doanh nghiệp).",
            "Số người tham dự: \"1.5\" không phải là số.",
            "Số ý kiến đã trả lời không được lớn hơn số ý kiến, kiến nghị.",
        ], input.Problems);
    }

    [Theory]
    [InlineData("so_nguoi", "-1", "Số người tham dự: phải từ 0 đến 100.000.")]
    [InlineData("so_nguoi", "100.001", "Số người tham dự: phải từ 0 đến 100.000.")]
    [InlineData("so_nguoi", "2,5", "Số người tham dự: phải là số nguyên.")]
    [InlineData("so_nguoi", "1e5", "Số người tham dự: \"1e5\" không phải là số.")]
    [InlineData("chu_tri", "", "Lãnh đạo chủ trì: chưa nhập.")]
    public void Numbers_have_their_declared_range(string key, string typed, string expected)
    {
        var values = new Dictionary<string, string?> { ["chu_tri"] = "Chủ tịch", ["doi_tuong"] = "Doanh nghiệp", [key] = typed };
        Assert.Equal([expected], RegistryValues.Read(Kind(RegistryCatalog.Dialogues), "01/03/2026", values, Resolve).Problems);
    }

    [Fact]
    public void Choices_yes_no_and_agencies_are_read_by_code_or_by_their_words()
    {
        var kind = Kind(RegistryCatalog.LegalDocuments);
        var input = RegistryValues.Read(kind, "2026-02-10", new Dictionary<string, string?>
        {
            ["trich_yeu"] = "Quy định", ["loai"] = "quyet dinh ubnd", ["ke_hoach"] = "Có", ["da_ban_hanh"] = "x", ["tu_kiem_tra"] = "không",
        }, Resolve);
        Assert.True(input.IsValid, string.Join(" ", input.Problems));
        Assert.Equal(("qd_ubnd", "1", "1", "0"), (input.Values["loai"], input.Values["ke_hoach"], input.Values["da_ban_hanh"], input.Values["tu_kiem_tra"]));
        Assert.Contains("\"có lẽ\" không đọc được (ghi Có hoặc Không).",
            RegistryValues.Read(kind, "10/02/2026", new Dictionary<string, string?> { ["trich_yeu"] = "a", ["loai"] = "nq_hdnd", ["ke_hoach"] = "có lẽ" },
                Resolve)
                .Problems.Single());
        Assert.Equal("Cơ quan, đơn vị được kiểm tra: không tìm thấy cơ quan \"Sở Không Có\" trong danh mục.",
            RegistryValues.Read(Kind(RegistryCatalog.Inspections), "10/02/2026", new Dictionary<string, string?> { ["doi_tuong"] = "Sở Không Có" }, Resolve)
                .Problems.Single());
    }

    [Fact]
    public void Text_longer_than_its_column_is_refused_not_cut()
    {
        var values = new Dictionary<string, string?> { ["so_hieu"] = new string('x', 301) };
        Assert.Equal(["Số, ký hiệu: dài quá 300 ký tự."], RegistryValues.Read(Kind(RegistryCatalog.AgencyPlans), "05/01/2026", values, Resolve).Problems);
    }

    /// <summary>What is shown is what can be typed back: every kind's columns, any stored value, read again to the same value.</summary>
    [Fact]
    public void What_is_shown_reads_back_to_what_was_stored() =>
        Prop.ForAll(Gen.Elements(RegistryCatalog.All.ToArray()).ToArbitrary(), Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Choose(0, 9999).ToArbitrary(),
            (RegistryKind kind, int n, int days) =>
            {
                var stored = new Dictionary<string, string>();
                foreach (var c in kind.Columns)
                    stored[c.Key] = c.Type switch
                    {
                        ColumnType.Count => Math.Min(n, (int)c.Max).ToString(CultureInfo.InvariantCulture),
                        ColumnType.Money => Math.Min(n / 100m, c.Max).ToString(CultureInfo.InvariantCulture),
                        ColumnType.Date => new DateOnly(2000, 1, 1).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ColumnType.Choice => c.Choices![n % c.Choices.Count].Code,
                        ColumnType.YesNo => (n % 2).ToString(CultureInfo.InvariantCulture),
                        ColumnType.Agency => "7",
                        ColumnType.Plan or ColumnType.Task => (n + 1).ToString(CultureInfo.InvariantCulture),
                        _ => $"Nội dung {n}",
                    };
                if (kind.Rules is { } rules) foreach (var r in rules) stored[r.Left] = stored[r.Right]; // within its checks
                var shown = kind.Columns.ToDictionary(c => c.Key, c => (string?)RegistryValues.Show(c, stored, Name));
                var read = RegistryValues.Read(kind, "01/01/2026", shown, Resolve);
                return read.Problems.Count == 0 && kind.Columns.All(c => read.Values[c.Key] == stored[c.Key]);
            }).CheckReplayable();
}
