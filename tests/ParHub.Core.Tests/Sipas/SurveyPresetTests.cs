using ParHub.Core.Sipas;

namespace ParHub.Core.Tests.Sipas;

public sealed class SurveyPresetTests
{
    [Fact]
    public void The_preset_has_the_ministrys_structure_23_policy_and_16_service_items_and_10_expectations()
    {
        var d = SurveyPreset.Sipas2023();
        var parts = d.Sections.Where(s => s.IsIndexPart).ToList();
        Assert.Equal(["I", "II"], parts.Select(p => p.Code));
        Assert.Equal(["I.A", "I.B", "I.C", "I.D"], parts[0].Components.Select(c => c.Code));
        Assert.Equal(["II.A", "II.B", "II.C", "II.D", "II.E"], parts[1].Components.Select(c => c.Code));
        Assert.Equal(23, parts[0].Components.Sum(c => c.Items.Count));
        Assert.Equal(16, parts[1].Components.Sum(c => c.Items.Count));
        Assert.Equal(Enumerable.Range(1, 39).Select(i => $"9.{i}"), parts.SelectMany(p => p.Components).SelectMany(c => c.Items).Select(i => i.Code));
        Assert.All(parts.SelectMany(p => p.Components).SelectMany(c => c.Items), i => Assert.Equal(ItemType.Scale5, i.Type));
        Assert.Equal(10, d.Sections.Single(s => s.Code == "M").Components.Sum(c => c.Items.Count));
        Assert.Equal(d.Items.Count(), d.Items.Select(i => i.Code).Distinct().Count());
    }

    [Fact]
    public void The_service_part_is_asked_only_of_those_who_used_a_procedure_and_the_definition_round_trips_as_json()
    {
        var d = SurveyPreset.Sipas2023();
        var service = d.Sections.Single(s => s.Code == "II");
        Assert.True(SurveyDefinition.Shown(service.ShowIf, new Dictionary<string, string> { ["8.c"] = "1" }));
        Assert.False(SurveyDefinition.Shown(service.ShowIf, new Dictionary<string, string> { ["8.c"] = "2" }));
        Assert.False(SurveyDefinition.Shown(service.ShowIf, new Dictionary<string, string>()));
        var back = SurveyDefinition.FromJson(d.ToJson());
        Assert.Equal(d.Items.Select(i => (i.Code, i.Text, i.Type)), back.Items.Select(i => (i.Code, i.Text, i.Type)));
        Assert.Equal(d.ToJson(), back.ToJson());
    }
}
