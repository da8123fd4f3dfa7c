using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

public sealed class SurveyEditorTests
{
    private static readonly HashSet<string> None = [];
    private static SurveyDefinition Preset => SurveyPreset.Sipas2023();

    private static ItemEdit Edit(SurveyDefinition d, string code, Func<SurveyItem, SurveyItem> change)
    {
        var component = d.Sections.SelectMany(s => s.Components).First(c => c.Items.Any(i => i.Code == code));
        var item = change(component.Items.Single(i => i.Code == code));
        return new ItemEdit(code, component.Code, item.Code, item.Text, item.Type, item.Options, item.Required, item.ShowIf);
    }

    private static string Problem(Action a) => Assert.Throws<SurveyEditException>(a).Message;

    [Fact]
    public void The_preset_has_no_problem()
    {
        Assert.Empty(SurveyEditor.Problems(Preset));
    }

    [Fact]
    public void Rewording_an_answered_item_keeps_its_code_but_its_code_and_type_cannot_change()
    {
        var answered = new HashSet<string> { "9.1" };
        var d = SurveyEditor.SaveItem(Preset, Edit(Preset, "9.1", i => i with { Text = "Thông tin chính sách dễ tìm" }), answered);
        Assert.Equal("Thông tin chính sách dễ tìm", d.Items.Single(i => i.Code == "9.1").Text);
        Assert.Equal(Preset.Items.Select(i => i.Code), d.Items.Select(i => i.Code));
        Assert.Contains("giữ nguyên mã câu", Problem(() => SurveyEditor.SaveItem(Preset, Edit(Preset, "9.1", i => i with { Code = "9.1b" }), answered)));
        Assert.Contains("không đổi loại câu hỏi", Problem(() =>
            SurveyEditor.SaveItem(Preset, Edit(Preset, "8.c", i => i with { Type = ItemType.Text }), new HashSet<string> { "8.c" })));
        Assert.Contains("không bớt lựa chọn", Problem(() =>
            SurveyEditor.SaveItem(Preset, Edit(Preset, "P.3", i => i with { Options = i.Options!.Take(3).ToList() }), new HashSet<string> { "P.3" })));
        // Not answered yet: its code may change, and the conditions naming it follow.
        var renamed = SurveyEditor.SaveItem(Preset, Edit(Preset, "8.c", i => i with { Code = "8.tthc" }), None);
        Assert.Equal("8.tthc=1", renamed.Sections.Single(s => s.Code == "II").ShowIf);
    }

    [Fact]
    public void Deleting_an_answered_item_only_hides_it_and_a_hidden_item_is_no_longer_asked()
    {
        var d = SurveyEditor.DeleteItem(Preset, "9.2", new HashSet<string> { "9.2" });
        var hidden = d.Items.Single(i => i.Code == "9.2");
        Assert.True(hidden.Hidden);
        Assert.Contains("9.2", d.IndexSpec().Items); // its answers still count where they were given
        var read = SurveyAnswers.Read(d, new Dictionary<string, string> { ["8.c"] = "2", ["9.1"] = "5", ["9.2"] = "4" });
        Assert.DoesNotContain(read, a => a.ItemCode == "9.2");
        Assert.Contains("chọn mã khác", Problem(() => SurveyEditor.SaveItem(d,
            new ItemEdit(null, "I.A", "9.2", "Câu mới", ItemType.Scale5, null, false, null), new HashSet<string> { "9.2" })));
        var removed = SurveyEditor.DeleteItem(Preset, "9.2", None);
        Assert.DoesNotContain(removed.Items, i => i.Code == "9.2");
        // An item that is the condition of another cannot go.
        Assert.Contains("8.c", Problem(() => SurveyEditor.DeleteItem(Preset, "8.c", None)));
    }

    [Fact]
    public void A_new_item_with_a_condition_on_an_earlier_item_is_placed_where_asked()
    {
        var edit = new ItemEdit(null, "8", "8.d", "Ông/bà đã nộp hồ sơ trực tuyến?", ItemType.YesNo, null, true, "8.c = 1", Order: 1);
        // Placed first, its condition would be on a later item.
        Assert.Contains("câu 8.c phải có trước câu này", Problem(() => SurveyEditor.SaveItem(Preset, edit, None)));
        var d = SurveyEditor.SaveItem(Preset, edit with { Order = null }, None);
        var component = d.Sections.SelectMany(s => s.Components).Single(c => c.Code == "8");
        Assert.Equal(["8.a", "8.b", "8.c", "8.d"], component.Items.Select(i => i.Code));
        Assert.Equal("8.c=1", d.Items.Single(i => i.Code == "8.d").ShowIf);
        d = SurveyEditor.SaveItem(d, Edit(d, "8.a", i => i) with { Order = 3 }, None);
        Assert.Equal(["8.b", "8.c", "8.a", "8.d"], d.Sections.SelectMany(s => s.Components).Single(c => c.Code == "8").Items.Select(i => i.Code));
        Assert.False(SurveyDefinition.Shown(d.Items.Single(i => i.Code == "8.d").ShowIf, new Dictionary<string, string> { ["8.c"] = "2" }));
    }

    [Theory]
    [InlineData("9.99=1", "câu 9.99 phải có trước")]
    [InlineData("8.c=3", "chỉ có lựa chọn từ 1 đến 2")]
    [InlineData("8.c", "phải có dạng mã câu=lựa chọn")]
    public void A_condition_must_name_an_earlier_item_and_one_of_its_choices(string showIf, string message)
    {
        var edit = new ItemEdit(null, "10", "10.11", "Mong đợi khác", ItemType.Scale4, null, false, showIf);
        Assert.Contains(message, Problem(() => SurveyEditor.SaveItem(Preset, edit, None)));
    }

    [Fact]
    public void Codes_are_unique_and_well_formed_and_index_items_are_on_the_questionnaires_scale()
    {
        Assert.Contains("Mã câu “9.1” bị trùng", Problem(() =>
            SurveyEditor.SaveItem(Preset, new ItemEdit(null, "I.A", "9.1", "Trùng", ItemType.Scale5, null, false, null), None)));
        Assert.Contains("chỉ gồm chữ, số", Problem(() =>
            SurveyEditor.SaveItem(Preset, new ItemEdit(null, "I.A", "9 mới", "Mới", ItemType.Scale5, null, false, null), None)));
        Assert.Contains("phải là thang 5 mức", Problem(() =>
            SurveyEditor.SaveItem(Preset, new ItemEdit(null, "II.A", "9.40", "Mới", ItemType.YesNo, null, false, null), None)));
        Assert.Contains("ít nhất 2 lựa chọn", Problem(() =>
            SurveyEditor.SaveItem(Preset, new ItemEdit(null, "P", "P.6", "Nơi ở", ItemType.OneChoice, ["Thành thị"], false, null), None)));
        Assert.Contains("nội dung câu hỏi", Problem(() =>
            SurveyEditor.SaveItem(Preset, new ItemEdit(null, "P", "P.6", " ", ItemType.Text, null, false, null), None)));
        Assert.Contains("Mã nhóm câu hỏi “I.A” bị trùng", Problem(() => SurveyEditor.SaveComponent(Preset, "I", null, "I.A", "Lần hai")));
    }

    [Fact]
    public void Components_and_sections_are_added_and_retitled_and_a_section_condition_is_on_an_earlier_part()
    {
        var d = SurveyEditor.SaveSection(Preset, null, "K", "Góp ý thêm", false, "8.c=1");
        d = SurveyEditor.SaveComponent(d, "K", null, "K.1", "Ý kiến khác");
        d = SurveyEditor.SaveItem(d, new ItemEdit(null, "K.1", "K.1.1", "Ý kiến khác của ông/bà", ItemType.Text, null, false, null), None);
        Assert.Equal("K", d.Sections[^1].Code);
        Assert.Equal(ItemType.Text, d.Sections[^1].Components.Single().Items.Single().Type);
        d = SurveyEditor.SaveComponent(d, "I", "I.A", "", "A. Trách nhiệm giải trình (sửa)");
        Assert.Equal("A. Trách nhiệm giải trình (sửa)", d.Sections.Single(s => s.Code == "I").Components[0].Title);
        Assert.Contains("câu 10.1 phải có trước", Problem(() => SurveyEditor.SaveSection(Preset, "P", "P", "Thông tin", false, "10.1=1")));
    }
}
