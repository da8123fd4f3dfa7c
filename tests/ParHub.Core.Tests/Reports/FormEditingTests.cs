using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.Reports;

namespace ParHub.Core.Tests.Reports;

public class FormEditingTests
{
    private static string Json(ReportForm f) => JsonSerializer.Serialize(f with { Version = 0 });

    [Fact]
    public void The_preset_form_goes_to_rows_and_back_unchanged()
    {
        var (sections, fields, rules) = FormEditing.Rows(ReportForm.CchcPeriodic);
        var (form, problems) = FormEditing.Build(ReportForm.CchcKey, ReportForm.CchcPeriodic.Title, sections, fields, rules);
        Assert.Empty(problems);
        Assert.Equal(Json(ReportForm.CchcPeriodic), Json(form!));
    }

    [Fact]
    public void A_thematic_form_is_built_from_rows_with_blank_rows_left_out()
    {
        var (form, problems) = FormEditing.Build("chuyen-de-so-hoa", "Báo cáo chuyên đề số hóa hồ sơ",
            [new("I", "I. Kết quả"), new(null, null)],
            [
                new("I", "so_hoa", "Số hồ sơ đã số hóa", "count", "hồ sơ", true, "0", "1.000.000"),
                new("I", "ty_le", "Hồ sơ số hóa / tiếp nhận", "rate", "hồ sơ", true, Prefill: "tthc.truc_tuyen"),
                new("I", "kinh_phi", "Kinh phí", "money", "triệu đồng", Prefill: "reg:kinh-phi:da_chi"),
                new(null, null, null, null),
            ],
            [new("so_hoa", "<=", "ty_le.den", "Số hồ sơ số hóa không lớn hơn số tiếp nhận."), new(null, "=", null, null)]);
        Assert.Empty(problems);
        Assert.Equal(("chuyen-de-so-hoa", 3, 1), (form!.Key, form.Fields.Count(), form.Rules.Count));
        Assert.Equal((0m, 1_000_000m), (form.Field("so_hoa")!.Min, form.Field("so_hoa")!.Max));
        Assert.Equal("Số hồ sơ đã số hóa: phải từ 0 đến 1.000.000.", form.Field("so_hoa")!.OutOfRange(2_000_000));
        Assert.Null(form.Field("so_hoa")!.OutOfRange(5));
    }

    [Fact]
    public void Every_problem_of_the_rows_is_named()
    {
        var (form, problems) = FormEditing.Build("Chuyên đề", "",
            [new("I", "I. Kết quả"), new("I", "Trùng")],
            [
                new("I", "a", "A", null), new("II", "b", "B", "count"), new("I", "c", "C", "count", Min: "mười"),
                new("I", "d", "D", "text", Max: "5"),
            ],
            [new("a", "=", null, "Thiếu vế phải")]);
        Assert.Null(form);
        Assert.Equal(
        [
            "Mã mẫu báo cáo: chữ thường không dấu, số và dấu gạch ngang, tối đa 64 ký tự (ví dụ: chuyen-de-so-hoa).",
            "Tên mẫu báo cáo: chưa nhập.",
            "Mã mục \"I\" bị trùng.",
            "Chỉ tiêu \"a\": chưa chọn loại.",
            "Chỉ tiêu \"b\": chọn mục của chỉ tiêu.",
            "Chỉ tiêu \"c\": giá trị nhỏ nhất \"mười\" không phải là số.",
            "Chỉ tiêu \"d\": khoảng giá trị chỉ dùng cho số lượng và số tiền.",
            "Quy tắc \"Thiếu vế phải\": cần vế trái, vế phải và câu thông báo.",
        ], problems);
    }

    [Theory]
    [InlineData("count", "khong.co", "nguồn điền sẵn \"khong.co\" không có trong ParHub")]
    [InlineData("count", "tasks.done/total", "nguồn điền sẵn là tỷ lệ; chọn loại Tỷ lệ")]
    [InlineData("rate", "reg:sang-kien", "nguồn điền sẵn cho một số, không cho tỷ lệ")]
    [InlineData("text", "reg:sang-kien", "chỉ tiêu văn bản không điền sẵn được")]
    public void A_prefill_must_be_a_source_parhub_has_of_the_fields_kind(string kind, string prefill, string expected)
    {
        var (_, problems) = FormEditing.Build("cd", "Chuyên đề", [new("I", "I")], [new("I", "x", "X", kind, Prefill: prefill)], []);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>Any form of counts the editor builds shows the same rows again.</summary>
    [Fact]
    public void Rows_build_and_show_back_the_same() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 1000).Zip(Gen.Elements("", "hồ sơ", "người", "văn bản"))).ToArbitrary(), list =>
        {
            var fields = list.Select((x, i) => new FieldRow("I", $"f{i}", $"Chỉ tiêu {i}", "count", x.Item2.Length == 0 ? null : x.Item2, i % 2 == 0,
                VietnameseNumber.Format(x.Item1), VietnameseNumber.Format(x.Item1 * 10))).ToList();
            var (form, problems) = FormEditing.Build("cd", "Chuyên đề", [new("I", "I. Mục")], fields, []);
            if (list.Count == 0) return true;
            return problems.Count == 0 && FormEditing.Rows(form!).Fields.SequenceEqual(fields);
        }).CheckReplayable();
}
